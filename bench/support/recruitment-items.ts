// Synthetic recruitment items for the recruitment benchmarks: sentences of deceptive, smuggling and ordinary posts
// in the region's languages, with phone numbers that vary over 2,000 values so the network step sees contacts
// shared by ~50 items each, as in a real collection.
const PARTS = [
  'HITNO! Potrebne mlade djevojke za rad u Austriji kao konobarice. Bez iskustva, smještaj besplatan, karta plaćena. ',
  'Plata 3.500 EUR mjesečno, isplata na kraju sezone. Pošaljite kopiju pasoša. ',
  'Работа во Германија без искуство, сместување обезбедено, плата 2.000 евра месечно. ',
  'Kërkojmë punëtorë për punë në Gjermani, pa përvojë, akomodim falas. ',
  'Wir suchen Mitarbeiter ohne Erfahrung, Unterkunft kostenlos, Lohn 2.800 € pro Monat, ab sofort. ',
  'Prevoz do Italije 1500 EUR po osobi, plaćanje po dolasku, garancija. ',
  'Prodajem polovni bicikl u odličnom stanju, cijena 150 KM, preuzimanje u Tuzli. ',
  'Ordinary text about the weather in Sarajevo and the football match yesterday evening, nothing to see here. ',
];

/** `count` JSON Lines items of about `chars` characters each (ids ad-0, ad-1, …). */
export function recruitmentJsonl(count: number, chars: number): Buffer {
  // One small Buffer per line, then one concat: no 100 MB intermediate string in this process's peak memory.
  const lines: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    let text = `Oglas ${i}. `;
    // One item in three is an ordinary post (the last two sentences only), the rest mix all of them.
    const parts = i % 3 === 0 ? PARTS.slice(-2) : PARTS;
    let k = i;
    while (text.length < chars - 40) text += parts[k++ % parts.length];
    text = `${text.slice(0, chars - 40)} Viber +381 64 ${String(100_000 + (i % 2000)).slice(1)}1`;
    lines.push(Buffer.from(`${JSON.stringify({ id: `ad-${i}`, text, posted_at: '2026-11-01T10:00:00Z' })}\n`));
  }
  return Buffer.concat(lines);
}
