// Synthetic material for hands-on exercises, generated from a seed. Pure and deterministic: the same kind and seed
// always give the same material and the same expected answer, so nothing but (kind, seed) is stored and answers can
// be checked by generating again. Everything here is invented (people, companies, phones, wallets, exchanges); the
// material carries `synthetic: true` and never enters the case tables.
import { createHash } from 'node:crypto';
import type { TraceTransfer } from '../crypto';

export const EXERCISE_KINDS = ['ad-templates', 'wallet-trace', 'chat-evidence', 'screening-referral'] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

export function isExerciseKind(value: string): value is ExerciseKind {
  return (EXERCISE_KINDS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- seeded randomness

/** mulberry32 over the first 4 bytes of SHA-256(seed): small, fast and the same on every platform. */
export class SeededRandom {
  private state: number;
  constructor(seed: string) {
    this.state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

/** A Bosnian mobile number (+387 6x xxx xxx) as written in an ad, and its E.164 form. */
function phone(rng: SeededRandom): { written: string; e164: string } {
  const prefix = rng.pick(['61', '62', '63']);
  const a = String(rng.int(100, 999));
  const b = String(rng.int(100, 999));
  return { written: `+387 ${prefix} ${a} ${b}`, e164: `+387${prefix}${a}${b}` };
}

function uniquePhones(rng: SeededRandom, count: number, taken: Set<string>) {
  const out: { written: string; e164: string }[] = [];
  while (out.length < count) {
    const p = phone(rng);
    if (taken.has(p.e164)) continue;
    taken.add(p.e164);
    out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------- 1. the template behind 200 ads

export interface AdItem {
  id: string;
  text: string;
}

export interface AdTemplatesMaterial {
  kind: 'ad-templates';
  synthetic: true;
  ads: AdItem[];
}

export interface AdTemplatesTruth {
  /** The ads of the most-posted template (any one of them identifies it). */
  templateAdIds: string[];
  /** The one phone that appears both in that template's ads and in another template's ads. */
  linkPhone: string;
  otherTemplates: { adIds: string[] }[];
}

const COMPANIES = ['Gradnja Plus', 'EuroBau d.o.o.', 'Metal Montaža', 'Novi Put', 'Balkan Radnici', 'Sigma Gradnja'];
const CITIES = ['Minhen', 'Štutgart', 'Frankfurt', 'Keln', 'Hamburg', 'Berlin', 'Beč', 'Linc'];
const FARMS = ['Ragusa', 'Latina', 'Foggia', 'Huelva', 'Almerija', 'Murcija'];
const NAMES = ['Mirza', 'Dragan', 'Senad', 'Goran', 'Adnan', 'Zoran', 'Emir', 'Nenad'];

const TEMPLATE_A = (r: SeededRandom, p: string) =>
  `Hitno potrebni radnici na gradilištu u ${r.pick(CITIES)}, Njemačka. Firma ${r.pick(COMPANIES)} zapošljava ` +
  `zidare, tesare i pomoćne radnike bez iskustva. Plata ${r.int(18, 32) * 100} eura mjesečno, smještaj i viza ` +
  `osigurani, prevoz plaćamo unaprijed pa se odbija od prve plate. Pasoš predajete poslodavcu radi papira. ` +
  `Javite se odmah, broj mjesta ograničen. Kontakt ${r.pick(NAMES)} ${p} (Viber, WhatsApp).`;

const TEMPLATE_B = (r: SeededRandom, p: string) =>
  `Sezonski posao u poljoprivredi, berba u ${r.pick(FARMS)}. Tražimo parove i pojedince, ` +
  `${r.int(8, 12)} sati dnevno, ${r.int(60, 90)} eura dnevnica isplata na kraju sezone. ` +
  `Karta za autobus se plaća agenciji ${r.int(2, 5)}00 eura unaprijed, kuća za spavanje na farmi. ` +
  `Ne treba jezik ni radna dozvola, sve sređujemo mi. Pozovite ${p} ili pišite na Viber.`;

const TEMPLATE_C = (r: SeededRandom, p: string) =>
  `Njegovateljice za starije osobe u Austriji, rad u porodici, stan i hrana besplatni. ` +
  `Zarada ${r.int(14, 22) * 100} eura, putni troškovi se vraćaju kroz prva ${r.int(2, 4)} mjeseca rada. ` +
  `Uslov je da ste spremni krenuti ove sedmice. Informacije na broj ${p}, ${r.pick(NAMES)}.`;

const NOISE_JOBS = [
  'Pekara u centru traži prodavačicu',
  'Potreban vozač C kategorije za domaći transport',
  'Restoran zapošljava kuhara',
  'Prodajem polovni frižider, ispravan',
  'Izdajem stan u blizini fakulteta',
  'Tražim posao čuvanja djece popodne',
  'Auto servis traži automehaničara',
  'Knjigovodstvena agencija traži saradnika',
  'Časovi matematike za osnovce',
  'Firma za čišćenje traži radnike',
];
const NOISE_DETAILS = [
  'prijava, puno radno vrijeme',
  'rad u smjenama, topli obrok',
  'cijena po dogovoru',
  'iskustvo poželjno ali nije uslov',
  'plata redovna, uplata doprinosa',
  'samo ozbiljne ponude',
  'moguć honorarni angažman',
  'lokacija Sarajevo, Novo Sarajevo',
  'lokacija Banja Luka, centar',
  'lokacija Tuzla',
];

export function generateAdTemplates(seed: string): { material: AdTemplatesMaterial; truth: AdTemplatesTruth } {
  const rng = new SeededRandom(`ad-templates:${seed}`);
  const taken = new Set<string>();
  const [link, ...rest] = uniquePhones(rng, 13, taken) as [ReturnType<typeof phone>, ...ReturnType<typeof phone>[]];
  const poolA = [link, ...rest.slice(0, 4)];
  const poolB = [link, ...rest.slice(4, 7)];
  const poolC = rest.slice(7, 10);
  const counts = { a: rng.int(85, 100), b: rng.int(45, 60), c: rng.int(20, 30) };
  const noise = 200 - counts.a - counts.b - counts.c;
  const drafts: { group: 'a' | 'b' | 'c' | 'n'; text: string }[] = [];
  // Every phone of a pool appears at least once, the link phone several times in both templates.
  for (let i = 0; i < counts.a; i++)
    drafts.push({ group: 'a', text: TEMPLATE_A(rng, poolA[i % poolA.length]!.written) });
  for (let i = 0; i < counts.b; i++)
    drafts.push({ group: 'b', text: TEMPLATE_B(rng, poolB[i % poolB.length]!.written) });
  for (let i = 0; i < counts.c; i++)
    drafts.push({ group: 'c', text: TEMPLATE_C(rng, poolC[i % poolC.length]!.written) });
  for (let i = 0; i < noise; i++) {
    const p = uniquePhones(rng, 1, taken)[0]!;
    drafts.push({
      group: 'n',
      text: `${rng.pick(NOISE_JOBS)}, ${rng.pick(NOISE_DETAILS)}. Tel. ${p.written}`,
    });
  }
  const ads = rng.shuffle(drafts).map((d, i) => ({ ...d, id: `ad-${String(i + 1).padStart(3, '0')}` }));
  const ids = (g: string) => ads.filter((a) => a.group === g).map((a) => a.id);
  return {
    material: { kind: 'ad-templates', synthetic: true, ads: ads.map(({ id, text }) => ({ id, text })) },
    truth: {
      templateAdIds: ids('a'),
      linkPhone: link.e164,
      otherTemplates: [{ adIds: ids('b') }, { adIds: ids('c') }],
    },
  };
}

// ---------------------------------------------------------------- 2. trace a wallet to the exchange

export interface WalletTag {
  address: string;
  /** "exchange: <name>" for exchange deposit addresses. */
  label: string;
  category: 'exchange' | 'service';
}

export interface WalletTraceMaterial {
  kind: 'wallet-trace';
  synthetic: true;
  /** The wallet into which the victims paid the recruitment "fees". */
  seedAddress: string;
  asset: string;
  transfers: TraceTransfer[];
  tags: WalletTag[];
}

export interface WalletTraceTruth {
  exchange: string;
  depositAddress: string;
  /** Share of the seed's value that reaches that exchange (the same under FIFO and haircut: nothing mixes). */
  share: number;
  otherExchanges: string[];
}

/** Invented exchange names: a real name in training material would read as an accusation. */
const EXCHANGES = ['Nordvik Exchange', 'Adria Coin Market', 'Kestrel Trade', 'Orion Swap', 'Vardar Digital'];

export function generateWalletTrace(seed: string): { material: WalletTraceMaterial; truth: WalletTraceTruth } {
  const rng = new SeededRandom(`wallet-trace:${seed}`);
  const addr = () => `0x${rng.hex(40)}`;
  const [main, decoy, ...others] = rng.shuffle(EXCHANGES) as [string, string, ...string[]];
  const seedAddress = addr();
  const deposit = addr();
  const decoyDeposit = addr();
  const hops = Array.from({ length: rng.int(3, 5) }, addr);
  const transfers: TraceTransfer[] = [];
  let time = Date.UTC(2026, 8, 1, 8, 0, 0);
  let seq = 0;
  const send = (from: string, to: string, amount: number) => {
    time += rng.int(20, 600) * 60_000;
    seq += 1;
    transfers.push({
      id: `t${seq}`,
      from,
      to,
      amount,
      time,
      asset: 'USDT',
      txHash: `0x${rng.hex(64)}`,
      seq,
    });
  };
  // Victims pay "fees" into the seed wallet.
  let balance = 0;
  for (let i = 0; i < rng.int(6, 9); i++) {
    const fee = rng.int(3, 15) * 100;
    balance += fee;
    send(addr(), seedAddress, fee);
  }
  // Unrelated traffic of the decoy exchange (a withdrawal to someone else): on the graph, never on the traced path.
  send(decoyDeposit, addr(), rng.int(5, 20) * 100);
  // A peel chain: most of the value moves hop by hop; small peels go to a private wallet and to the decoy exchange.
  const decoyShare = Math.round(balance * 0.12);
  const privateShare = Math.round(balance * 0.08);
  send(seedAddress, hops[0]!, balance);
  let carried = balance;
  hops.forEach((hop, i) => {
    const next = hops[i + 1];
    if (i === 0) {
      send(hop, decoyDeposit, decoyShare);
      carried -= decoyShare;
    }
    if (i === 1) {
      send(hop, addr(), privateShare);
      carried -= privateShare;
    }
    send(hop, next ?? deposit, carried);
  });
  // After the exchange received it, later unrelated traffic from the deposit address (the exchange's hot wallet).
  send(deposit, addr(), rng.int(50, 90) * 100);
  const tags: WalletTag[] = [
    { address: deposit, label: `exchange: ${main}`, category: 'exchange' },
    { address: decoyDeposit, label: `exchange: ${decoy}`, category: 'exchange' },
    ...others
      .slice(0, 2)
      .map((name) => ({ address: addr(), label: `exchange: ${name}`, category: 'exchange' as const })),
  ];
  return {
    material: { kind: 'wallet-trace', synthetic: true, seedAddress, asset: 'USDT', transfers, tags },
    truth: { exchange: main, depositAddress: deposit, share: carried / balance, otherExchanges: [decoy] },
  };
}

// ---------------------------------------------------------------- 3. collect a chat as evidence

export interface ChatEvidenceMaterial {
  kind: 'chat-evidence';
  synthetic: true;
  fileName: string;
  /** A WhatsApp "export chat" text file (day.month.year, 24 h), as a victim's phone would produce it. */
  chatText: string;
}

export interface ChatEvidenceTruth {
  messages: number;
  sha256: string;
}

const RECRUITER_LINES = [
  'Dobar dan, vidio sam da tražite posao u Njemačkoj.',
  'Plata je {wage} eura, smještaj je obezbijeđen.',
  'Karta košta {fee} eura, to uplatite unaprijed na račun agencije.',
  'Pasoš ćete dati šefu na gradilištu, on sređuje papire.',
  'Ugovor potpisujete kad stignete, ne brinite.',
  'Polazak je u ponedjeljak u 6 ujutro sa autobuske stanice.',
  'Ako odustanete, kaparu ne vraćamo.',
  'Ne pričajte nikome o poslu dok ne stignete.',
];
const WORKER_LINES = [
  'Dobar dan, da, zanima me.',
  'Da li je to legalno, imam li dozvolu za rad?',
  'Nemam toliko novca, mogu li platiti kasnije?',
  'Zašto pasoš moram dati?',
  'U redu, uplatiću sutra.',
  'Koliko sati se radi dnevno?',
];

export function generateChatEvidence(seed: string): { material: ChatEvidenceMaterial; truth: ChatEvidenceTruth } {
  const rng = new SeededRandom(`chat-evidence:${seed}`);
  const recruiter = `${rng.pick(NAMES)} Posao Njemačka`;
  const worker = rng.pick(['Amela', 'Jasmina', 'Marko', 'Haris', 'Ivana']);
  const lines: string[] = [];
  const day = rng.int(1, 20);
  let minute = rng.int(8 * 60, 10 * 60);
  const count = rng.int(12, 18);
  for (let i = 0; i < count; i++) {
    minute += rng.int(1, 40);
    const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const fromRecruiter = i % 2 === 0;
    const bank = fromRecruiter ? RECRUITER_LINES : WORKER_LINES;
    const text = bank[Math.floor(i / 2) % bank.length]!.replace('{wage}', String(rng.int(18, 30) * 100)).replace(
      '{fee}',
      String(rng.int(3, 8) * 100),
    );
    lines.push(`${String(day).padStart(2, '0')}.10.2026, ${hh}:${mm} - ${fromRecruiter ? recruiter : worker}: ${text}`);
  }
  const chatText = lines.join('\n') + '\n';
  return {
    material: { kind: 'chat-evidence', synthetic: true, fileName: 'WhatsApp Chat with Posao.txt', chatText },
    truth: { messages: count, sha256: createHash('sha256').update(chatText, 'utf8').digest('hex') },
  };
}

// ---------------------------------------------------------------- 4. screen a person and refer

export interface ScreeningStatement {
  id: string;
  source: 'interview' | 'document' | 'observation';
  text: string;
}

export interface ScreeningReferralMaterial {
  kind: 'screening-referral';
  synthetic: true;
  formId: 'ilo-forced-labour-11';
  person: { pseudonym: string; age: number; sector: string };
  statements: ScreeningStatement[];
}

export interface ScreeningReferralTruth {
  /** Indicators of the ILO form that the statements show. */
  present: string[];
  /** Service types the statements show a need for (victims' SERVICE_TYPES). */
  services: string[];
  /** For each indicator and service: the statement that shows it (the feedback's reason). */
  evidence: Record<string, string>;
}

const INDICATOR_STATEMENTS: Record<string, { source: ScreeningStatement['source']; text: string }[]> = {
  deception: [
    { source: 'interview', text: 'The ad promised 2,400 EUR a month; he has been paid 300 EUR in three months.' },
    { source: 'document', text: 'The contract he signed at the border names a different employer and job.' },
  ],
  retention_of_documents: [
    { source: 'interview', text: 'The foreman keeps all the workers’ passports “for the residence papers”.' },
    { source: 'observation', text: 'He has no identity document with him and says the boss has it.' },
  ],
  withholding_of_wages: [
    { source: 'interview', text: 'Wages are to be paid “at the end of the season”; nothing has been paid so far.' },
  ],
  debt_bondage: [
    { source: 'interview', text: 'He owes the agency 900 EUR for travel and the debt grows with rent for the bed.' },
  ],
  restriction_of_movement: [
    {
      source: 'interview',
      text: 'A van takes the workers from the container to the site and back; they may not leave.',
    },
  ],
  isolation: [
    { source: 'observation', text: 'The site is 20 km from the nearest town; he speaks no German and has no phone.' },
  ],
  intimidation_threats: [
    {
      source: 'interview',
      text: 'The foreman said the police would arrest him as an illegal worker if he complained.',
    },
  ],
  excessive_overtime: [
    { source: 'interview', text: 'They work from 6 in the morning to 9 in the evening, seven days a week.' },
  ],
  abusive_conditions: [
    { source: 'observation', text: 'Twelve men sleep in one container without heating or running water.' },
  ],
};

const SERVICE_STATEMENTS: Record<string, string> = {
  shelter: 'He cannot go back to the container tonight and has nowhere else to stay.',
  medical: 'His hand was cut on the site two weeks ago and has not been treated.',
  interpretation: 'He speaks only Albanian; the interview so far went through a co-worker.',
  legal_aid: 'He asks how to get the unpaid wages and whether he will be punished for working without a permit.',
};

const NEUTRAL_STATEMENTS = [
  'He came by bus through two countries with five other men from the same town.',
  'He has a wife and two children at home and sends messages to them when he can.',
  'He worked in construction at home before and knows the trade.',
  'He found the job through an ad in a social-media group for workers abroad.',
];

export function generateScreeningReferral(seed: string): {
  material: ScreeningReferralMaterial;
  truth: ScreeningReferralTruth;
} {
  const rng = new SeededRandom(`screening-referral:${seed}`);
  // Between 1 and 5 indicators: some persons call for a referral for identification, some for more information.
  const indicators = rng.shuffle(Object.keys(INDICATOR_STATEMENTS)).slice(0, rng.int(1, 5));
  const services = rng.shuffle(Object.keys(SERVICE_STATEMENTS)).slice(0, rng.int(1, 3));
  const evidence: Record<string, string> = {};
  const drafts: Omit<ScreeningStatement, 'id'>[] = [];
  for (const id of indicators) {
    const s = rng.pick(INDICATOR_STATEMENTS[id]!);
    drafts.push(s);
    evidence[id] = s.text;
  }
  for (const id of services) {
    const s = { source: 'interview' as const, text: SERVICE_STATEMENTS[id]! };
    drafts.push(s);
    evidence[id] = s.text;
  }
  for (const text of rng.shuffle(NEUTRAL_STATEMENTS).slice(0, 2)) drafts.push({ source: 'interview', text });
  const statements = rng.shuffle(drafts).map((s, i) => ({ ...s, id: `s${i + 1}` }));
  return {
    material: {
      kind: 'screening-referral',
      synthetic: true,
      formId: 'ilo-forced-labour-11',
      person: {
        pseudonym: `Worker ${rng.pick(['A', 'B', 'C', 'D', 'E'])}-${rng.int(10, 99)}`,
        age: rng.int(19, 55),
        sector: 'construction',
      },
      statements,
    },
    truth: { present: indicators.sort(), services: services.sort(), evidence },
  };
}

// ---------------------------------------------------------------- dispatch

export type ExerciseMaterial =
  AdTemplatesMaterial | WalletTraceMaterial | ChatEvidenceMaterial | ScreeningReferralMaterial;

export function generateMaterial(kind: ExerciseKind, seed: string): ExerciseMaterial {
  switch (kind) {
    case 'ad-templates':
      return generateAdTemplates(seed).material;
    case 'wallet-trace':
      return generateWalletTrace(seed).material;
    case 'chat-evidence':
      return generateChatEvidence(seed).material;
    case 'screening-referral':
      return generateScreeningReferral(seed).material;
  }
}
