// Regenerates src/i18n/locales/sr-Cyrl/<ns>.json from sr-Latn for the given namespaces (default: all sr-Latn files).
//   npx tsx apps/web/scripts/generate-sr-cyrl.ts [namespace …]
/* eslint-disable no-restricted-imports -- a Node script, not part of the browser bundle */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serbianLatinToCyrillic } from '../src/i18n/serbian-script';

const localesDir = path.resolve(new URL('../src/i18n/locales', import.meta.url).pathname);
const requested = process.argv.slice(2);
const namespaces = requested.length
  ? requested
  : readdirSync(path.join(localesDir, 'sr-Latn'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));

function convert(value: unknown): unknown {
  if (typeof value === 'string') return serbianLatinToCyrillic(value);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  }
  return value;
}

mkdirSync(path.join(localesDir, 'sr-Cyrl'), { recursive: true });
for (const ns of namespaces) {
  const source = JSON.parse(readFileSync(path.join(localesDir, 'sr-Latn', `${ns}.json`), 'utf8')) as unknown;
  writeFileSync(path.join(localesDir, 'sr-Cyrl', `${ns}.json`), `${JSON.stringify(convert(source), null, 2)}\n`);
  console.log(`sr-Cyrl/${ns}.json`);
}
