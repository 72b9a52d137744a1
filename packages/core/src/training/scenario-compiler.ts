// Compiles ink source with the inkjs compiler, returning line-numbered errors instead of throwing, so the
// trainer's editor can show them live.
import { Compiler, type Story } from 'inkjs/full';

export interface CompileMessage {
  severity: 'error' | 'warning';
  line: number | null;
  message: string;
}

export type CompileResult =
  { ok: true; story: Story; json: string; messages: CompileMessage[] } | { ok: false; messages: CompileMessage[] };

function toMessage(raw: string, type: number): CompileMessage {
  const match = /line (\d+):\s*(.*)$/s.exec(raw);
  const text = (match ? match[2]! : raw).replace(/^(ERROR|WARNING|TODO):\s*/, '');
  // inkjs ErrorType: 0 author/todo, 1 warning, 2 error
  return { severity: type === 2 ? 'error' : 'warning', line: match ? Number(match[1]) : null, message: text.trim() };
}

export function compileInk(source: string): CompileResult {
  const messages: CompileMessage[] = [];
  const compiler = new Compiler(source, {
    errorHandler: (message: string, type: number) => {
      if (type !== 0) messages.push(toMessage(message, type));
    },
  } as ConstructorParameters<typeof Compiler>[1]);
  let story: Story;
  try {
    story = compiler.Compile();
  } catch (error) {
    if (!messages.some((m) => m.severity === 'error')) {
      messages.push({ severity: 'error', line: null, message: (error as Error).message });
    }
    return { ok: false, messages };
  }
  if (messages.some((m) => m.severity === 'error')) return { ok: false, messages };
  return { ok: true, story, json: story.ToJson() ?? '', messages };
}
