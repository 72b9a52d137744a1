// Benchmark: analysis (normalise + language + identifiers + indicators + score) of 1,000-character items on one
// core. Run: npx tsx bench/recruitment-analyze.ts [items]
import { RecruitmentAnalyzer } from '@trag/core/recruitment';

const count = Number(process.argv[2] ?? 5000);
const parts = [
  'HITNO! Potrebne mlade djevojke za rad u Austriji kao konobarice. Bez iskustva, smještaj besplatan, karta plaćena. ',
  'Plata 3.500 EUR mjesečno, isplata na kraju sezone. Pošaljite kopiju pasoša na Viber +381 64 123 4567. ',
  'Работа во Германија без искуство, сместување обезбедено, плата 2.000 евра месечно. Јавете се на 070 123 456. ',
  'Kërkojmë punëtorë për punë në Gjermani, pa përvojë, akomodim falas. Na shkruani në WhatsApp +355 69 123 4567. ',
  'Wir suchen Mitarbeiter ohne Erfahrung, Unterkunft kostenlos, Lohn 2.800 € pro Monat, ab sofort. ',
  'Write to jobs at gmail dot com or t.me/posao_evropa, fees 150 EUR, IBAN RS35 2600 0560 1001 6113 79. ',
  'Ordinary text about the weather in Sarajevo and the football match yesterday evening, nothing to see here. ',
];
const items: Array<{ id: string; text: string }> = [];
for (let i = 0; i < count; i++) {
  let text = '';
  let k = i;
  while (text.length < 1000) text += parts[k++ % parts.length];
  items.push({ id: String(i), text: text.slice(0, 1000) });
}
const analyzer = new RecruitmentAnalyzer();
for (let i = 0; i < 200; i++) analyzer.analyze(items[i]!); // warm-up
const started = performance.now();
const cpuStart = process.cpuUsage();
let flagged = 0;
for (const item of items) if (analyzer.analyze(item).flagged) flagged++;
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    items: count,
    chars_per_item: 1000,
    seconds: Number(seconds.toFixed(2)),
    items_per_second_wall: Math.round(count / seconds),
    cpu_seconds: Number(cpuSeconds.toFixed(2)),
    // throughput per CPU-second of this single-threaded process: the one-core figure even on a busy machine
    items_per_cpu_second: Math.round(count / cpuSeconds),
    load_average_1m: Number((await import('node:os')).loadavg()[0]!.toFixed(1)),
    flagged,
    rss_mb: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
