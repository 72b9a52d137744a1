// Every UI string exists, non-empty, in all seven languages, with the same {{placeholders}} as English, and the
// Serbian Cyrillic files are the exact transliteration of the Serbian Latin ones.
import { describe, expect, it } from 'vitest';
import { intlLocale, LANGUAGES } from './languages';
import { serbianLatinToCyrillic } from './serbian-script';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<{ default: Tree }>('./locales/*/*.json', { eager: true });
const byLang: Record<string, Record<string, Tree>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, lang, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)!;
  (byLang[lang!] ??= {})[ns!] = module.default;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

/** The keys a language must have for one English key: plural keys need every plural form of that language. */
function requiredKeys(key: string, lang: string): string[] {
  const plural = PLURAL.exec(key);
  if (!plural) return [key];
  const base = key.slice(0, plural.index);
  const categories = new Intl.PluralRules(intlLocale(lang)).resolvedOptions().pluralCategories;
  return categories.map((c) => `${base}_${c}`);
}

const english = byLang.en ?? {};
const namespaces = Object.keys(english).sort();

describe('UI translations', () => {
  it('has English namespaces to check', () => {
    expect(namespaces).toContain('common');
  });

  for (const { code } of LANGUAGES) {
    for (const ns of namespaces) {
      it(`${code}/${ns}.json has every English key, non-empty, with the same placeholders`, () => {
        const source = flatten(english[ns]!);
        const target = byLang[code]?.[ns];
        expect(target, `missing file locales/${code}/${ns}.json`).toBeDefined();
        const translated = flatten(target!);
        const problems: string[] = [];
        const expected = new Set<string>();
        for (const [key, text] of source) {
          for (const needed of requiredKeys(key, code)) {
            expected.add(needed);
            const value = translated.get(needed);
            if (value === undefined) problems.push(`missing ${needed}`);
            else if (value.trim() === '') problems.push(`empty ${needed}`);
            else {
              const want = variables(text).filter((v) => v !== 'count' || !PLURAL.test(key));
              const have = variables(value).filter((v) => v !== 'count' || !PLURAL.test(key));
              if (want.join() !== have.join()) problems.push(`${needed}: placeholders {${have}} instead of {${want}}`);
            }
          }
        }
        for (const key of translated.keys()) {
          if (!expected.has(key) && !source.has(key)) problems.push(`unknown key ${key} (not in English)`);
        }
        expect(problems).toEqual([]);
      });
    }
  }

  for (const ns of Object.keys(byLang['sr-Latn'] ?? {})) {
    it(`sr-Cyrl/${ns}.json is the Cyrillic transliteration of sr-Latn`, () => {
      const latin = flatten(byLang['sr-Latn']![ns]!);
      const cyrillic = flatten(byLang['sr-Cyrl']?.[ns] ?? {});
      const wrong = [...latin]
        .filter(([key, text]) => cyrillic.get(key) !== serbianLatinToCyrillic(text))
        .map(([key]) => key);
      expect(wrong, 'run: npx tsx apps/web/scripts/generate-sr-cyrl.ts').toEqual([]);
    });
  }
});
