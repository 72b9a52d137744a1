// Evaluates the recruitment analysis against the labelled set eval/recruitment/items.jsonl (see LABELLING.md).
// Reports, per language: indicator precision/recall, identifier precision/recall per type, item-flagging
// precision/recall at the lexicon's default threshold, and template clustering pairwise precision/recall.
// Run: npx tsx eval/recruitment/evaluate.ts [--markdown]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RecruitmentAnalyzer, findTemplates } from '@trag/core/recruitment';

interface Gold {
  id: string;
  text: string;
  lang: string;
  kind: string;
  relevant: boolean;
  indicators: string[];
  identifiers: Array<{ type: string; value: string }>;
  template: string | null;
}

const file = fileURLToPath(new URL('./items.jsonl', import.meta.url));
const gold: Gold[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Gold);

class Counts {
  tp = 0;
  fp = 0;
  fn = 0;
  get precision() {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall() {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
}
const counter = <K extends string>(map: Map<K, Counts>, key: K) => {
  let c = map.get(key);
  if (!c) map.set(key, (c = new Counts()));
  return c;
};
/** Multiset comparison: returns [tp, fp, fn]. */
function compare(predicted: string[], expected: string[]): [number, number, number] {
  const left = [...expected];
  let tp = 0;
  let fp = 0;
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    } else fp++;
  }
  return [tp, fp, left.length];
}

const analyzer = new RecruitmentAnalyzer();
// Network signals need the collection; evaluate as an analyst would run it: the whole set at once.
const results = analyzer.analyzeBatch(gold.map((g) => ({ id: g.id, text: g.text })));

const LANGS = ['en', 'hbs-latn', 'hbs-cyrl', 'mk', 'sq', 'de'];
const indicatorByLang = new Map<string, Counts>();
const flagByLang = new Map<string, Counts>();
const idByType = new Map<string, Counts>();
const idByLangType = new Map<string, Counts>();
const errors: string[] = [];
const EVALUATED_NETWORK = new Set(['net_one_writer_many_people']); // the only network indicator found in text

results.forEach((r, index) => {
  const g = gold[index]!;
  const predicted = [
    ...new Set(r.indicators.filter((i) => i.family !== 'network' || EVALUATED_NETWORK.has(i.id)).map((i) => i.id)),
  ];
  const [tp, fp, fn] = compare(predicted, g.indicators);
  for (const key of [g.lang, 'all']) {
    const c = counter(indicatorByLang, key);
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
  }
  if (fp + fn > 0 && errors.length < 400) {
    const extra = predicted.filter((p) => !g.indicators.includes(p));
    const missed = g.indicators.filter((p) => !predicted.includes(p));
    errors.push(`${g.id} ${g.lang} indicators +[${extra.join(',')}] -[${missed.join(',')}]`);
  }
  for (const key of [g.lang, 'all']) {
    const c = counter(flagByLang, key);
    if (r.flagged && g.relevant) c.tp++;
    else if (r.flagged) c.fp++;
    else if (g.relevant) c.fn++;
  }
  const types = new Set([...r.identifiers.map((i) => i.type), ...g.identifiers.map((i) => i.type)]);
  for (const type of types) {
    const p = r.identifiers.filter((i) => i.type === type).map((i) => i.value);
    const e = g.identifiers.filter((i) => i.type === type).map((i) => i.value);
    const [itp, ifp, ifn] = compare(p, e);
    for (const c of [counter(idByType, type), counter(idByLangType, `${g.lang}:${type}`)]) {
      c.tp += itp;
      c.fp += ifp;
      c.fn += ifn;
    }
    if (ifp + ifn > 0) errors.push(`${g.id} ${g.lang} ${type} predicted [${p.join(',')}] expected [${e.join(',')}]`);
  }
});

// Template clustering: pairwise precision/recall over all items, and over the Cyrillic-containing pairs.
const clusters = findTemplates(gold.map((g) => ({ id: g.id, text: g.text })));
const clusterOf = new Map<string, number>();
for (const c of clusters) for (const id of c.ids) clusterOf.set(id, c.cluster);
const pairCounts = new Counts();
const cyrPairCounts = new Counts();
for (let i = 0; i < gold.length; i++) {
  for (let j = i + 1; j < gold.length; j++) {
    const a = gold[i]!;
    const b = gold[j]!;
    const same = a.template !== null && a.template === b.template;
    const ca = clusterOf.get(a.id);
    const predicted = ca !== undefined && ca === clusterOf.get(b.id);
    const cyr = a.lang === 'hbs-cyrl' || b.lang === 'hbs-cyrl' || a.lang === 'mk' || b.lang === 'mk';
    for (const c of cyr ? [pairCounts, cyrPairCounts] : [pairCounts]) {
      if (same && predicted) c.tp++;
      else if (predicted) c.fp++;
      else if (same) c.fn++;
    }
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const markdown = process.argv.includes('--markdown');
const lines: string[] = [];
lines.push(
  `Evaluation set: ${gold.length} items (${LANGS.map((l) => `${l} ${gold.filter((g) => g.lang === l).length}`).join(', ')})`,
);
lines.push('');
lines.push('| language | indicator P | indicator R | flagging P | flagging R |');
lines.push('|---|---|---|---|---|');
for (const l of [...LANGS, 'all']) {
  const i = indicatorByLang.get(l) ?? new Counts();
  const f = flagByLang.get(l) ?? new Counts();
  lines.push(
    `| ${l} | ${pct(i.precision)} | ${pct(i.recall)} | ${pct(f.precision)} (${f.tp}/${f.tp + f.fp}) | ${pct(f.recall)} (${f.tp}/${f.tp + f.fn}) |`,
  );
}
lines.push('');
lines.push('| identifier type | P | R | tp | fp | fn |');
lines.push('|---|---|---|---|---|---|');
for (const [type, c] of [...idByType].sort())
  lines.push(`| ${type} | ${pct(c.precision)} | ${pct(c.recall)} | ${c.tp} | ${c.fp} | ${c.fn} |`);
lines.push('');
lines.push('| identifier type per language | P | R |');
lines.push('|---|---|---|');
for (const [key, c] of [...idByLangType].sort()) lines.push(`| ${key} | ${pct(c.precision)} | ${pct(c.recall)} |`);
lines.push('');
lines.push(
  `Template clustering (pairwise): precision ${pct(pairCounts.precision)}, recall ${pct(pairCounts.recall)} (tp ${pairCounts.tp}, fp ${pairCounts.fp}, fn ${pairCounts.fn}); ${clusters.length} clusters found, ${new Set(gold.map((g) => g.template).filter(Boolean)).size} in the gold set.`,
);
lines.push(
  `Template clustering, pairs with a Cyrillic item: precision ${pct(cyrPairCounts.precision)}, recall ${pct(cyrPairCounts.recall)} (tp ${cyrPairCounts.tp}, fp ${cyrPairCounts.fp}, fn ${cyrPairCounts.fn}).`,
);
console.log(lines.join('\n'));
if (!markdown && process.argv.includes('--errors')) console.log(`\nErrors:\n${errors.join('\n')}`);
