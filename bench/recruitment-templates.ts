// Benchmark: template clustering (MinHash/LSH + alignment) of N synthetic ads, ~300 characters each, 20 % of them
// copies of 1-in-50 templates with swapped names/cities/phones (half of the copies in Cyrillic), the rest unique.
// Run: npx tsx bench/recruitment-templates.ts 10000   (also 100000, 1000000; add --expose-gc via NODE_OPTIONS for
// tighter memory figures). Prints time per phase, peak RSS, clusters found and pairwise precision/recall.
import { computeSignatures, deriveTemplate, lshCluster, DEFAULT_MINHASH } from '@trag/core/recruitment';
import { serbianLatinToCyrillic } from '@trag/core/text';

const n = Number(process.argv[2] ?? 10000);
let seed = 7;
const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const VOCAB =
  'posao rad plata smjestaj hrana prevoz ugovor firma radnik radnici sezona hotel konobar kuhar vozac gradiliste berba voce iskustvo jezik dozvola viza karta pasos javite pozovite hitno odmah mjesecno sedmicno dnevno sati smjena noc dan grad selo more planina stan soba kupatilo kuhinja auto bicikl telefon broj poruka inbox slika dokument zahtjev prijava termin cijena dogovor uslovi dobri odlicni redovna isplata tim kolektiv mlad star iskusan vrijedan pouzdan'.split(
    ' ',
  );
const CITIES = ['Beču', 'Grazu', 'Linzu', 'Minhenu', 'Berlinu', 'Cirihu', 'Trstu', 'Ljubljani', 'Zagrebu', 'Milanu'];
const NAMES = ['Marko', 'Ana', 'Ivana', 'Dragan', 'Jelena', 'Emir', 'Amra', 'Nikola', 'Milica', 'Sara'];
const templates: string[] = [];
for (let t = 0; t < Math.max(1, Math.floor((n * 0.2) / 4)); t++) {
  const words = Array.from({ length: 40 }, () => VOCAB[Math.floor(rand() * VOCAB.length)]!);
  templates.push(words.join(' '));
}
const texts: string[] = [];
const gold: number[] = [];
for (let i = 0; i < n; i++) {
  if (rand() < 0.2) {
    const t = Math.floor(rand() * templates.length);
    let text = `Zovem se ${NAMES[Math.floor(rand() * NAMES.length)]}, ${templates[t]} u ${CITIES[Math.floor(rand() * CITIES.length)]}, tel +381 6${Math.floor(rand() * 1e8)}`;
    if (rand() < 0.5) text = serbianLatinToCyrillic(text);
    texts.push(text);
    gold.push(t);
  } else {
    texts.push(Array.from({ length: 45 }, () => VOCAB[Math.floor(rand() * VOCAB.length)]!).join(' '));
    gold.push(-1 - i);
  }
}
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 50);
const t0 = performance.now();
const { signatures } = computeSignatures(texts, n);
const t1 = performance.now();
sample();
const uf = lshCluster(signatures, n, DEFAULT_MINHASH, 0.5);
const t2 = performance.now();
const groups = new Map<number, number[]>();
for (let i = 0; i < n; i++) {
  const r = uf.find(i);
  const g = groups.get(r);
  if (g) g.push(i);
  else groups.set(r, [i]);
}
const clusters = [...groups.values()].filter((g) => g.length >= 2);
for (const c of clusters) deriveTemplate(c.map((i) => texts[i]!));
const t3 = performance.now();
sample();
clearInterval(timer);
// pairwise precision/recall, counted per cluster (exact, without enumerating all pairs)
const pairs = (k: number) => (k * (k - 1)) / 2;
let tp = 0;
let predicted = 0;
for (const c of clusters) {
  predicted += pairs(c.length);
  const byGold = new Map<number, number>();
  for (const i of c) byGold.set(gold[i]!, (byGold.get(gold[i]!) ?? 0) + 1);
  for (const [g, k] of byGold) if (g >= 0) tp += pairs(k);
}
const goldSizes = new Map<number, number>();
for (const g of gold) if (g >= 0) goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1);
let actual = 0;
for (const k of goldSizes.values()) actual += pairs(k);
console.log(
  JSON.stringify({
    items: n,
    signatures_s: Number(((t1 - t0) / 1000).toFixed(2)),
    lsh_s: Number(((t2 - t1) / 1000).toFixed(2)),
    templates_s: Number(((t3 - t2) / 1000).toFixed(2)),
    total_s: Number(((t3 - t0) / 1000).toFixed(2)),
    peak_rss_mb: Math.round(peak / 1e6),
    clusters: clusters.length,
    pairwise_precision: Number((tp / Math.max(1, predicted)).toFixed(4)),
    pairwise_recall: Number((tp / Math.max(1, actual)).toFixed(4)),
    load_average_1m: Number((await import('node:os')).loadavg()[0]!.toFixed(1)),
  }),
);
