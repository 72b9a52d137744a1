// Shows a text with spans marked (indicator matches); overlapping spans are merged for display. The text is
// rendered as text nodes only (never as HTML), so pasted content cannot inject markup.
import type { ReactNode } from 'react';

export interface HighlightSpan {
  start: number;
  end: number;
  label: string;
}

export function HighlightedText({ text, spans }: { text: string; spans: HighlightSpan[] }) {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const span of sorted) {
    if (span.start < cursor) continue;
    if (span.start > cursor) parts.push(text.slice(cursor, span.start));
    parts.push(
      <mark key={`${span.start}-${span.end}`} title={span.label} className="recruitment-mark">
        {text.slice(span.start, span.end)}
      </mark>,
    );
    cursor = span.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <p className="recruitment-highlighted">{parts}</p>;
}
