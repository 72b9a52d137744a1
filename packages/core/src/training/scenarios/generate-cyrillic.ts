// Generates sr-Cyrl.ink from sr-Latn.ink for every shipped scenario: only the text a person reads is transliterated
// (narrative lines, choice text, conditional text); knot names, diverts, tags, variables and comments stay as they are,
// so the structure is identical by construction. Run after editing a Serbian Latin scenario and commit the result:
//   npx tsx packages/core/src/training/scenarios/generate-cyrillic.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serbianLatinToCyrillic } from '../../text';

// Parts of a line that are ink syntax, kept verbatim: diverts, tags, conditions opening a `{cond: text}` block, the
// closing brace, choice/gather markers and brackets.
const SYNTAX =
  /(->\s*[\w.]+|#[^\]#\n]*?(?=\s*(?:#|\]|$))|\{[^:{}]*:|\}|^\s*(?:[*+]|-(?!>))(?:\s*(?:[*+]|-(?!>)))*\s*|\[|\])/g;

export function transliterateInkLine(line: string): string {
  const trimmed = line.trim();
  if (
    trimmed === '' ||
    trimmed.startsWith('//') ||
    trimmed.startsWith('===') ||
    trimmed.startsWith('=') ||
    trimmed.startsWith('VAR ') ||
    trimmed.startsWith('CONST ') ||
    trimmed.startsWith('~') ||
    trimmed.startsWith('INCLUDE ')
  ) {
    return line;
  }
  let out = '';
  let last = 0;
  for (const match of line.matchAll(SYNTAX)) {
    out += serbianLatinToCyrillic(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + serbianLatinToCyrillic(line.slice(last));
}

export function transliterateInk(source: string): string {
  const header =
    '// GENERATED from sr-Latn.ink by generate-cyrillic.ts — edit the Latin file and run the script again.\n';
  return header + source.split('\n').map(transliterateInkLine).join('\n');
}

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const latin = path.join(here, entry.name, 'sr-Latn.ink');
    if (!entry.isDirectory() || !existsSync(latin)) continue;
    writeFileSync(path.join(here, entry.name, 'sr-Cyrl.ink'), transliterateInk(readFileSync(latin, 'utf8')));
    console.log(`${entry.name}/sr-Cyrl.ink`);
  }
}
