// The page an LMS shows after an LTI launch: the scenario text, the choices as plain form buttons, and at the end the
// grade, the rules kept and broken, and whether the grade reached the LMS. Server-rendered HTML without scripts, so
// it works inside the LMS's iframe without cookies or a Trag login. Pure: state in, HTML out; every value escaped.
import type { LtiPlayState } from './lti.service';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderLtiPlayer(play: LtiPlayState, actionUrl: string): string {
  const { state, launch } = play;
  const parts: string[] = [];
  parts.push(...state.step.text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`));
  if (state.waiting) {
    parts.push(
      `<p role="status">${state.waiting === 'paused' ? 'The trainer has paused the session.' : 'Wait until the trainer releases the next step.'} <a href="${escapeHtml(actionUrl)}">Look again</a></p>`,
    );
  } else if (state.attempt.status === 'in_progress') {
    parts.push(`<form method="post" action="${escapeHtml(actionUrl)}"><ol>`);
    for (const c of state.step.choices) {
      parts.push(
        `<li><button type="submit" name="choiceId" value="${escapeHtml(c.choiceId)}">${escapeHtml(c.text)}</button></li>`,
      );
    }
    parts.push('</ol></form>');
  }
  if (state.score) {
    const s = state.score;
    parts.push('<section><h2>Debrief</h2>');
    if (state.attempt.status === 'ended_critical') {
      parts.push('<p><strong>The attempt ended at a critical violation.</strong></p>');
    }
    parts.push(
      `<p>Grade: <strong data-grade="${escapeHtml(s.grade)}">${escapeHtml(s.grade)}</strong> (${s.overall}/100)</p><ul>`,
    );
    for (const r of s.debrief) {
      parts.push(
        `<li><strong>${escapeHtml(r.ruleId)} ${escapeHtml(r.title)}</strong> — ${escapeHtml(r.verdict)}${r.critical ? ' (critical rule)' : ''}<br>${escapeHtml(r.rationale)}</li>`,
      );
    }
    parts.push('</ul>');
    if (launch.line_item) {
      parts.push(
        launch.score_sent_at
          ? '<p data-lti-grade="sent">Your grade was sent to the LMS.</p>'
          : `<p data-lti-grade="failed">The LMS did not accept the grade (${escapeHtml(launch.score_error ?? 'unknown')}); tell your trainer.</p>`,
      );
    }
    parts.push('</section>');
  }
  return `<!doctype html>
<html lang="${escapeHtml(state.attempt.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trag training</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;margin:.25rem 0;padding:.4rem .8rem;text-align:left}ol{padding-left:1.2rem}</style>
</head><body><main><h1>Trag — interview simulation</h1>
${parts.join('\n')}
</main></body></html>
`;
}
