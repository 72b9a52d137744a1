// Synthetic records for the demo's scale mode (benchmarks: 10,000 cases, 200,000 entities). Pure and seeded: the same
// seed gives the same workspace. Every name, number and account here is INVENTED from small word lists; phone
// numbers, IBANs and e-mail addresses are shaped like real ones (valid E.164 length, IBAN check digits) so the
// normalisers and hit detection treat them as real identifiers, but they belong to nobody.
import { serbianLatinToCyrillic } from '@trag/core/text';

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Synth {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = seededRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.random() * 10));
    return s;
  }
}

const FIRST = [
  'Amir',
  'Amra',
  'Adnan',
  'Lejla',
  'Emina',
  'Haris',
  'Jasmin',
  'Selma',
  'Nermin',
  'Aida',
  'Marko',
  'Milica',
  'Nikola',
  'Jelena',
  'Stefan',
  'Ana',
  'Đorđe',
  'Dragana',
  'Nemanja',
  'Ivana',
  'Luka',
  'Teodora',
  'Miloš',
  'Tijana',
  'Petar',
  'Sanja',
  'Vuk',
  'Jovana',
  'Bojan',
  'Katarina',
  'Goran',
  'Biljana',
  'Zoran',
  'Snežana',
  'Dejan',
  'Vesna',
  'Arben',
  'Blerta',
  'Besnik',
  'Drita',
  'Ilir',
  'Mimoza',
  'Fatmir',
  'Elira',
  'Aleksandar',
  'Marija',
  'Filip',
  'Elena',
  'Igor',
  'Kristina',
  'Darko',
  'Simona',
  'Željko',
  'Mirjana',
  'Dušan',
  'Nataša',
  'Branislav',
  'Ljiljana',
];
const LAST = [
  'Hodžić',
  'Hadžić',
  'Begić',
  'Kovačević',
  'Delić',
  'Mehmedović',
  'Salihović',
  'Jovanović',
  'Petrović',
  'Nikolić',
  'Marković',
  'Đorđević',
  'Stojanović',
  'Ilić',
  'Stanković',
  'Pavlović',
  'Milošević',
  'Popović',
  'Vuković',
  'Radović',
  'Vujović',
  'Bošković',
  'Šćekić',
  'Krasniqi',
  'Gashi',
  'Berisha',
  'Hoxha',
  'Shala',
  'Trajkovski',
  'Stojanovski',
  'Nikolovski',
  'Petrovski',
  'Georgievski',
  'Dimitrovski',
  'Ristovski',
  'Kostić',
  'Lukić',
  'Simić',
  'Živković',
  'Babić',
  'Čolić',
  'Tomić',
  'Mitrović',
  'Zečević',
  'Mujić',
  'Avdić',
  'Husić',
  'Omerović',
];
const CITIES = [
  'Sarajevo',
  'Banja Luka',
  'Tuzla',
  'Mostar',
  'Zenica',
  'Bihać',
  'Podgorica',
  'Nikšić',
  'Bar',
  'Budva',
  'Ulcinj',
  'Skopje',
  'Bitola',
  'Ohrid',
  'Tetovo',
  'Kumanovo',
  'Beograd',
  'Novi Sad',
  'Niš',
  'Subotica',
  'Kragujevac',
  'Vranje',
];
const COUNTRY_OF_CITY: Record<string, 'BA' | 'ME' | 'MK' | 'RS'> = {
  Sarajevo: 'BA',
  'Banja Luka': 'BA',
  Tuzla: 'BA',
  Mostar: 'BA',
  Zenica: 'BA',
  Bihać: 'BA',
  Podgorica: 'ME',
  Nikšić: 'ME',
  Bar: 'ME',
  Budva: 'ME',
  Ulcinj: 'ME',
  Skopje: 'MK',
  Bitola: 'MK',
  Ohrid: 'MK',
  Tetovo: 'MK',
  Kumanovo: 'MK',
  Beograd: 'RS',
  'Novi Sad': 'RS',
  Niš: 'RS',
  Subotica: 'RS',
  Kragujevac: 'RS',
  Vranje: 'RS',
};
const DESTINATIONS = ['Germany', 'Austria', 'Slovenia', 'Croatia', 'Italy', 'Turkey', 'Dubai', 'Cyprus', 'Malta'];
const SECTORS = ['construction', 'agriculture', 'hospitality', 'care work', 'cleaning', 'massage parlours', 'bars'];
const CASE_TYPES = [
  'sexual_exploitation',
  'labour_exploitation',
  'forced_criminality',
  'forced_begging',
  'forced_marriage',
  'migrant_smuggling',
  'other',
] as const;
const TITLE_TEMPLATES: Array<(s: Synth) => string> = [
  (s) => `Labour exploitation in ${s.pick(SECTORS)} — recruits from ${s.pick(CITIES)} sent to ${s.pick(DESTINATIONS)}`,
  (s) =>
    `Posao u inostranstvu: lažni oglasi za ${s.pick(['konobare', 'njegovateljice', 'građevinske radnike', 'berače'])} (${s.pick(CITIES)})`,
  (s) =>
    `Online recruitment via ${s.pick(['Instagram', 'TikTok', 'Facebook', 'Telegram', 'Viber'])} — ${s.pick(LAST)} network`,
  (s) => `Forced begging ring around ${s.pick(CITIES)} bus station`,
  (s) =>
    `Sexual exploitation: ${s.pick(['massage salon', 'night club', 'escort ads', 'apartment'])} in ${s.pick(CITIES)}`,
  (s) =>
    `Smuggling route ${s.pick(CITIES)} → ${s.pick(DESTINATIONS)}, ${s.pick(['truck', 'van', 'bus', 'boat'])} transport`,
  (s) => `Prinudni brak — ${s.pick(LAST)} family, ${s.pick(CITIES)}`,
  (s) =>
    `Fake modelling agency "${s.pick(['Star', 'Glamour', 'Elite', 'Nova', 'Diamond'])} ${s.pick(['Models', 'Talents', 'Agency'])}"`,
];
const PLATFORMS = ['instagram', 'tiktok', 'facebook', 'telegram', 'x'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'mail.ru', 'proton.me'];
const COMPANY_WORDS = ['Balkan', 'Adria', 'Euro', 'Star', 'Prima', 'Nova', 'Sigma', 'Delta', 'Max', 'Jug'];
const COMPANY_KIND = ['Job Agency', 'Travel', 'Construction', 'Consulting', 'Transport', 'Models'];
const COMPANY_FORM = ['d.o.o.', 'DOOEL', 'LLC', 'GmbH'];

// Mobile prefixes and subscriber lengths giving valid numbers in each country's numbering plan.
const MOBILE: Record<'BA' | 'ME' | 'MK' | 'RS', { cc: string; prefixes: string[]; rest: number }> = {
  BA: { cc: '387', prefixes: ['61', '62', '63', '65', '66'], rest: 6 },
  ME: { cc: '382', prefixes: ['67', '68', '69'], rest: 6 },
  MK: { cc: '389', prefixes: ['70', '71', '72', '75', '76', '77', '78'], rest: 6 },
  RS: { cc: '381', prefixes: ['60', '61', '62', '63', '64', '65', '66'], rest: 7 },
};
// IBAN country: length of the BBAN (digits only here).
const IBAN_BBAN: Record<'BA' | 'ME' | 'MK' | 'RS', number> = { BA: 16, ME: 18, MK: 15, RS: 18 };

function asciiFold(text: string): string {
  return text
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of rearranged) remainder = (remainder * 10 + Number(ch)) % 97;
  return String(98 - remainder).padStart(2, '0');
}

export interface SyntheticEntity {
  entityType: string;
  label: string;
  identifierKey: string | null;
  identifierDisplay: string | null;
  attributes: Record<string, string>;
}

export interface SyntheticCase {
  title: string;
  caseType: (typeof CASE_TYPES)[number];
  status: 'open' | 'on_hold' | 'referred' | 'closed';
  country: 'BA' | 'ME' | 'MK' | 'RS';
  jurisdiction: string;
  openedOn: string;
  tags: string[];
  description: string;
}

export class ScaleDemoGenerator {
  private readonly s: Synth;
  /** Identifiers shared between cases, so the scale workspace has hits like a real one. */
  private readonly sharedPool: SyntheticEntity[] = [];

  constructor(seed = 2026) {
    this.s = new Synth(seed);
    for (let i = 0; i < 2000; i++) this.sharedPool.push(this.identifierEntity(this.s.pick(['BA', 'ME', 'MK', 'RS'])));
  }

  get synth(): Synth {
    return this.s;
  }

  personName(country: string): string {
    const name = `${this.s.pick(FIRST)} ${this.s.pick(LAST)}`;
    // Serbian and Macedonian records are often written in Cyrillic; search must find them from Latin too.
    return (country === 'RS' || country === 'MK') && this.s.chance(0.4) ? serbianLatinToCyrillic(name) : name;
  }

  caseRecord(): SyntheticCase {
    const s = this.s;
    const city = s.pick(CITIES);
    const country = COUNTRY_OF_CITY[city]!;
    let title = s.pick(TITLE_TEMPLATES)(s);
    if ((country === 'RS' || country === 'MK') && s.chance(0.3)) title = serbianLatinToCyrillic(title);
    const year = s.int(2019, 2026);
    const month = String(s.int(1, year === 2026 ? 11 : 12)).padStart(2, '0');
    const day = String(s.int(1, 28)).padStart(2, '0');
    const status = s.pick(['open', 'open', 'open', 'on_hold', 'referred', 'closed'] as const);
    return {
      title,
      caseType: s.pick(CASE_TYPES),
      status,
      country,
      jurisdiction: `${city}, ${country}`,
      openedOn: `${year}-${month}-${day}`,
      tags: [s.pick(['online', 'cross-border', 'minor', 'debt-bondage', 'document-retention', 'urgent'])],
      description:
        `SYNTHETIC DEMO CASE — invented for load testing. Recruitment reported in ${city}; ` +
        `destination ${s.pick(DESTINATIONS)}; sector ${s.pick(SECTORS)}.`,
    };
  }

  identifierEntity(country: 'BA' | 'ME' | 'MK' | 'RS'): SyntheticEntity {
    const s = this.s;
    const kind = s.pick(['phone', 'phone', 'phone', 'email', 'email', 'online_account', 'bank_account', 'website']);
    if (kind === 'phone') {
      const plan = MOBILE[country];
      const national = `${s.pick(plan.prefixes)}${s.digits(plan.rest)}`;
      const e164 = `+${plan.cc}${national}`;
      return {
        entityType: 'phone',
        label: e164,
        identifierKey: e164,
        identifierDisplay: `+${plan.cc} ${national.slice(0, 2)} ${national.slice(2)}`,
        attributes: {},
      };
    }
    if (kind === 'email') {
      const address = `${asciiFold(s.pick(FIRST)).toLowerCase()}.${asciiFold(s.pick(LAST)).toLowerCase()}${s.int(1, 999)}@${s.pick(DOMAINS)}`;
      return {
        entityType: 'email',
        label: address,
        identifierKey: address,
        identifierDisplay: address,
        attributes: {},
      };
    }
    if (kind === 'online_account') {
      const platform = s.pick(PLATFORMS);
      const separator = platform === 'telegram' || platform === 'x' ? '_' : '.';
      const word = s.pick(['jobs', 'work', 'posao', 'rad', 'abroad']);
      const handle = `${asciiFold(s.pick(FIRST)).toLowerCase()}${separator}${word}${s.int(1, 9999)}`.slice(
        0,
        platform === 'x' ? 15 : 30,
      );
      return {
        entityType: 'online_account',
        label: `@${handle} (${platform})`,
        identifierKey: `${platform}:${handle}`,
        identifierDisplay: `@${handle}`,
        attributes: { platform },
      };
    }
    if (kind === 'bank_account') {
      // BA, ME, MK and RS account numbers end in two national check digits (ISO 7064 MOD 97-10 over the BBAN).
      const body = s.digits(IBAN_BBAN[country] - 2);
      const bban = `${body}${String(98 - mod97(`${body}00`)).padStart(2, '0')}`;
      const iban = `${country}${ibanCheckDigits(country, bban)}${bban}`;
      return {
        entityType: 'bank_account',
        label: iban,
        identifierKey: iban,
        identifierDisplay: iban.replace(/(.{4})/g, '$1 ').trim(),
        attributes: {},
      };
    }
    const host = `${s.pick(COMPANY_WORDS).toLowerCase()}-${s.pick(['jobs', 'posao', 'work', 'travel'])}${s.int(1, 999)}.${s.pick(['com', 'net', 'ba', 'rs', 'me', 'mk'])}`;
    const key = `${host}/${s.pick(['oglasi', 'jobs', 'apply', 'kontakt'])}`;
    const url = `https://${key}`;
    return { entityType: 'website', label: url, identifierKey: key, identifierDisplay: url, attributes: {} };
  }

  /** The entities of one case: people and organisations, identifiers (3% shared with other cases), places, vehicles. */
  caseEntities(country: 'BA' | 'ME' | 'MK' | 'RS', count: number): SyntheticEntity[] {
    const s = this.s;
    const out: SyntheticEntity[] = [];
    const keys = new Set<string>();
    while (out.length < count) {
      const roll = s.random();
      let entity: SyntheticEntity;
      if (roll < 0.3) {
        entity = {
          entityType: 'person',
          label: this.personName(country),
          identifierKey: null,
          identifierDisplay: null,
          attributes: { role: s.pick(['suspect', 'recruiter', 'witness', 'driver', 'contact']) },
        };
      } else if (roll < 0.38) {
        entity = {
          entityType: 'organisation',
          label: `${s.pick(COMPANY_WORDS)} ${s.pick(COMPANY_KIND)} ${s.pick(COMPANY_FORM)}`,
          identifierKey: null,
          identifierDisplay: null,
          attributes: {},
        };
      } else if (roll < 0.43) {
        entity = {
          entityType: 'location',
          label: s.pick(CITIES),
          identifierKey: null,
          identifierDisplay: null,
          attributes: {},
        };
      } else if (roll < 0.47) {
        const plate = `${s.pick(['SA', 'BG', 'NS', 'PG', 'SK', 'BL', 'TZ', 'NI'])}-${s.digits(3)}-${s.pick(['AB', 'KE', 'TT', 'MK', 'JJ'])}`;
        entity = {
          entityType: 'vehicle',
          label: plate,
          identifierKey: plate.replace(/-/g, ''),
          identifierDisplay: plate,
          attributes: {},
        };
      } else {
        entity = s.chance(0.03) ? s.pick(this.sharedPool) : this.identifierEntity(country);
      }
      if (entity.identifierKey) {
        const key = `${entity.entityType}|${entity.identifierKey}`;
        if (keys.has(key)) continue;
        keys.add(key);
      }
      out.push(entity);
    }
    return out;
  }
}
