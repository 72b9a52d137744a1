// Finds identifiers in an item's text and validates each one: phones (E.164, also written with words or letters
// for digits), e-mails (also "name at gmail dot com"), URLs, messenger handles and links, wallet addresses with
// checksums, IBANs and amounts. Spans index the original text (UTF-16 code units, end exclusive).
//
// All regular expressions here have bounded repetition and no nested unbounded quantifiers, and the text is cut
// to MAX_ANALYSED_LENGTH, so extraction time grows linearly with the text.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { validateAddress } from '@trag/core/crypto';
import type { NormalizedText, Token } from './normalize';
import type { LanguageCode } from './language';

export const IDENTIFIER_TYPES = [
  'phone',
  'email',
  'url',
  'telegram',
  'whatsapp',
  'viber',
  'instagram',
  'facebook',
  'btc',
  'eth',
  'trx',
  'iban',
  'amount',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export interface ExtractedIdentifier {
  type: IdentifierType;
  /** Normalised value: E.164 phone, lower-case e-mail, host+path URL, "@handle", checksummed wallet, IBAN, "1500 EUR". */
  value: string;
  start: number;
  end: number;
  /** The text as written. */
  raw: string;
  /** True when the identifier was written in a disguised way (words for digits, "at"/"dot"). */
  obfuscated?: boolean;
  /** Phones: the country the number belongs to; amounts: the period ("month", "week", "day", "hour"). */
  detail?: string;
}

/** Regional defaults for numbers written without a country code, tried in order (first valid wins). */
const DEFAULT_REGIONS: Record<string, CountryCode[]> = {
  hbs: ['RS', 'BA', 'ME', 'HR'],
  mk: ['MK'],
  sq: ['AL', 'XK', 'MK'],
  de: ['DE', 'AT', 'CH'],
  it: ['IT'],
  tr: ['TR'],
  default: ['RS', 'BA', 'ME', 'MK', 'HR', 'AL', 'XK', 'DE', 'AT', 'IT', 'TR'],
};

// Places and currencies that say where a poster is, so a national number like 061 234 567 is read in the right
// country (061 is a mobile prefix in both Bosnia and Herzegovina and Serbia). Folded words.
const REGION_CUES: Array<[CountryCode, RegExp]> = [
  [
    'BA',
    /\b(?:bih|bosn\w*|sarajev\w*|tuzl\w*|zenic\w*|mostar\w*|banja luk\w*|banjaluk\w*|bihac\w*|brck\w*|bijeljin\w*|km)\b/g,
  ],
  ['ME', /\b(?:crn\w* gor\w*|montenegr\w*|podgoric\w*|niksic\w*|budv\w*|ulcinj\w*|herceg novi|bar)\b/g],
  ['MK', /\b(?:makedonij\w*|skopj\w*|bitol\w*|kumanov\w*|ohrid\w*|tetov\w*|denari|mkd)\b/g],
  ['RS', /\b(?:srbij\w*|beograd\w*|novi sad\w*|novom sadu|nis|nisu|kragujevc\w*|subotic\w*|rsd|dinara)\b/g],
  ['AL', /\b(?:shqiperi\w*|tiran\w*|durres\w*|lek\w*)\b/g],
  ['XK', /\b(?:kosov\w*|prishtin\w*|prizren\w*)\b/g],
];

/** Regions cued by the text, then the language's own regions, then the rest of the region. */
function regionsFor(language: LanguageCode | undefined, foldedText = ''): CountryCode[] {
  const cued = REGION_CUES.map(([region, re]) => [region, foldedText.match(re)?.length ?? 0] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([region]) => region);
  const own = DEFAULT_REGIONS[language ?? 'default'] ?? [];
  const order = [...cued, ...own, ...DEFAULT_REGIONS.default!];
  return order.filter((r, i) => order.indexOf(r) === i);
}

interface Span {
  start: number;
  end: number;
}
const overlaps = (spans: Span[], start: number, end: number) => spans.some((s) => start < s.end && end > s.start);

// parsePhone is pure and libphonenumber's parse is the single most expensive step of extraction (each candidate digit
// window is tried against up to eleven regions), while recruitment ads repeat the same numbers over and over. A bounded
// memo keyed by the digits and the region order returns the very same answer without parsing again.
type ParsedPhone = { e164: string; country: string } | null;
const PHONE_MEMO = new Map<string, ParsedPhone>();
const PHONE_MEMO_MAX = 20_000;

/** Parses a digit string (optionally with + or 00) as a phone number; returns E.164 and country when valid. */
export function parsePhone(digits: string, regions: CountryCode[]): { e164: string; country: string } | null {
  const key = `${digits}|${regions.join(',')}`;
  const known = PHONE_MEMO.get(key);
  if (known !== undefined) return known && { ...known };
  const parsed = parsePhoneUncached(digits, regions);
  if (PHONE_MEMO.size >= PHONE_MEMO_MAX) PHONE_MEMO.clear();
  PHONE_MEMO.set(key, parsed);
  return parsed && { ...parsed };
}

function parsePhoneUncached(digits: string, regions: CountryCode[]): ParsedPhone {
  let candidate = digits;
  if (candidate.startsWith('00')) candidate = `+${candidate.slice(2)}`;
  const bare = candidate.replace(/^\+/, '');
  if (bare.length < 7 || bare.length > 15) return null;
  if (candidate.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(candidate);
    return parsed?.isValid() ? { e164: parsed.number, country: parsed.country ?? '' } : null;
  }
  if (bare.length < 8) return null; // short national numbers are too often prices, dates or codes
  // "381641234567", "4915123456789": a country code written without "+" or "00"
  if (bare.length >= 11 && /^(?:3[5-8]\d|4[139]|90)/.test(bare)) {
    const parsed = parsePhoneNumberFromString(`+${bare}`);
    if (parsed?.isValid()) return { e164: parsed.number, country: parsed.country ?? '' };
  }
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(candidate, region);
    if (parsed?.isValid()) return { e164: parsed.number, country: parsed.country ?? region };
  }
  return null;
}

const PHONE_RUN = /(?:\+|\b00|\b)\d[\d \u00a0.\-/()]{0,40}\d/g;
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

function extractPhones(text: string, regions: CountryCode[], taken: Span[], out: ExtractedIdentifier[]): void {
  for (const m of text.matchAll(PHONE_RUN)) {
    const runStart = m.index;
    const run = m[0];
    // digit groups inside the run, with their positions
    const groups: Array<{ digits: string; start: number; end: number }> = [];
    for (const g of run.matchAll(/\+?\d+/g))
      groups.push({ digits: g[0], start: runStart + g.index, end: runStart + g.index + g[0].length });
    let s = 0;
    while (s < groups.length) {
      let found = false;
      for (let e = Math.min(groups.length - 1, s + 7); e >= s; e--) {
        const start = groups[s]!.start;
        const end = groups[e]!.end;
        const raw = text.slice(start, end);
        const digits = groups
          .slice(s, e + 1)
          .map((g) => g.digits)
          .join('');
        if (digits.replace('+', '').length < 7 || DATE_LIKE.test(raw)) continue;
        if (overlaps(taken, start, end)) continue;
        // money, not a phone: "1500 EUR", "€ 2000"
        const after = text.slice(end, end + 5).toLowerCase();
        if (/^\s?(?:eur|€|km|rsd|din|usd|\$|chf|mkd|den|lek|all)(?![a-z])/.test(after)) continue;
        const phone = parsePhone(digits, regions);
        if (!phone) continue;
        out.push({ type: 'phone', value: phone.e164, start, end, raw, detail: phone.country });
        taken.push({ start, end });
        s = e + 1;
        found = true;
        break;
      }
      if (!found) s++;
    }
  }
}

// Number words in the languages Trag reads (folded), for numbers written as "nula šest četiri…" or "06one".
const NUMBER_WORDS: Record<string, string> = {};
const addWords = (digit: string, words: string[]) => {
  for (const w of words) NUMBER_WORDS[w] = digit;
};
addWords('0', ['zero', 'nula', 'null', 'nul']);
addWords('1', ['one', 'jedan', 'jedna', 'jedno', 'eden', 'edna', 'nje', 'eins']);
addWords('2', ['two', 'dva', 'dvije', 'dve', 'dy', 'zwei']);
addWords('3', ['three', 'tri', 'tre', 'drei']);
addWords('4', ['four', 'cetiri', 'kater', 'vier']);
addWords('5', ['five', 'pet', 'pese', 'funf', 'fuenf']);
addWords('6', ['six', 'sest', 'gjashte', 'sechs']);
addWords('7', ['seven', 'sedam', 'sedum', 'shtate', 'sieben']);
addWords('8', ['eight', 'osam', 'osum', 'tete', 'acht']);
addWords('9', ['nine', 'devet', 'nente', 'neun']);
const WORD_LIST = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length);

/** Converts one token to digits ("06one" → "061", "sest" → "6", "O64" → "064"), or null. */
function tokenDigits(token: string): { digits: string; disguised: boolean } | null {
  if (/^[0-9]+$/.test(token)) return { digits: token, disguised: false };
  const word = NUMBER_WORDS[token];
  if (word !== undefined) return { digits: word, disguised: true };
  // Letters-only words are digits only when they are number words (exact); mixed tokens are read piece by piece.
  const hasDigit = /[0-9]/.test(token);
  if (!hasDigit) return null;
  let digits = '';
  let i = 0;
  while (i < token.length) {
    const ch = token[i]!;
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      i++;
      continue;
    }
    const w = WORD_LIST.find((candidate) => token.startsWith(candidate, i));
    if (w) {
      digits += NUMBER_WORDS[w];
      i += w.length;
      continue;
    }
    if (hasDigit && ch === 'o') digits += '0';
    else if (hasDigit && (ch === 'l' || ch === 'i')) digits += '1';
    else return null;
    i++;
  }
  return digits.length > 0 ? { digits, disguised: true } : null;
}

function extractDisguisedPhones(
  norm: NormalizedText,
  regions: CountryCode[],
  taken: Span[],
  out: ExtractedIdentifier[],
): void {
  const { tokens, folded } = norm;
  // Raw folded text per token (before de-leet), so "06one" is read as written.
  const chain: Array<{ token: Token; digits: string; disguised: boolean; plus: boolean }> = [];
  const flush = () => {
    if (chain.length >= 2 && chain.some((c) => c.disguised)) scanChain();
    chain.length = 0;
  };
  const scanChain = () => {
    let s = 0;
    while (s < chain.length) {
      let found = false;
      for (let e = Math.min(chain.length - 1, s + 15); e > s; e--) {
        const part = chain.slice(s, e + 1);
        if (!part.some((c) => c.disguised)) continue;
        const digits = (part[0]!.plus ? '+' : '') + part.map((c) => c.digits).join('');
        const start = part[0]!.token.start;
        const end = part[part.length - 1]!.token.end;
        if (overlaps(taken, start, end)) continue;
        const phone = parsePhone(digits, regions);
        if (!phone) continue;
        out.push({
          type: 'phone',
          value: phone.e164,
          start,
          end,
          raw: norm.original.slice(start, end),
          obfuscated: true,
          detail: phone.country,
        });
        taken.push({ start, end });
        s = e + 1;
        found = true;
        break;
      }
      if (!found) s++;
    }
  };
  let plusNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (
      !token.deobfuscated &&
      NUMBER_WORDS[token.text] === undefined &&
      token.text !== 'plus' &&
      !/[0-9]/.test(token.text)
    ) {
      flush();
      plusNext = false;
      continue;
    }
    const raw = token.deobfuscated ? folded.text.slice(token.foldedStart, token.foldedEnd) : token.text;
    if (raw === 'plus') {
      flush();
      plusNext = true;
      continue;
    }
    const converted = tokenDigits(raw);
    const prev = tokens[i - 1];
    const gap = prev ? folded.text.slice(prev.foldedEnd, token.foldedStart) : '';
    const joined = chain.length > 0 && /^[\s.\-/()+,]{0,3}$/.test(gap);
    if (!converted) {
      flush();
      plusNext = false;
      continue;
    }
    if (!joined) flush();
    const plus = plusNext || (chain.length === 0 && folded.text[token.foldedStart - 1] === '+');
    chain.push({ token, digits: converted.digits, disguised: converted.disguised, plus });
    plusNext = false;
  }
  flush();
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,24}\b/g;
const TLDS = 'com|net|org|info|biz|eu|rs|ba|me|mk|hr|al|de|at|ch|it|ru|tr|xyz|co\\.uk';
const EMAIL_DISGUISED = new RegExp(
  `\\b([A-Za-z0-9._%+-]{1,64})[ \\t]{0,3}(?:\\((?:at|et|@)\\)|\\[(?:at|et|@)\\]|\\{at\\}|[ \\t](?:at|AT|et)[ \\t]|[ \\t]majmun[ \\t])[ \\t]{0,3}([A-Za-z0-9-]{1,63})[ \\t]{0,3}(?:\\((?:dot|tacka|tačka|točka|pika)\\)|\\[(?:dot|tacka|tačka|točka|pika)\\]|\\{dot\\}|[ \\t](?:dot|DOT|tacka|tačka|točka|тачка|pika|punkt)[ \\t]|\\.)[ \\t]{0,3}(${TLDS})\\b`,
  'g',
);

function extractEmails(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  // EMAIL needs a literal "@": most ads have none, and the scan over the whole text is then skipped.
  for (const m of text.includes('@') ? text.matchAll(EMAIL) : []) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const value = m[0].toLowerCase();
    if (value.startsWith('.') || value.includes('..')) continue;
    out.push({ type: 'email', value, start, end, raw: m[0] });
    taken.push({ start, end });
  }
  for (const m of text.matchAll(EMAIL_DISGUISED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const [, local, domain, tld] = m;
    if (!local || !domain || !tld || /^(?:at|dot)$/i.test(local)) continue;
    const value = `${local}@${domain}.${tld}`.toLowerCase();
    out.push({ type: 'email', value, start, end, raw: m[0], obfuscated: true });
    taken.push({ start, end });
  }
}

const URL_FULL = /\b(?:https?:\/\/|viber:\/\/|www\.)[^\s<>"'`{}|\\^\][]{1,2000}/gi;
const URL_BARE = new RegExp(
  `(?<![@\\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,4}(?:${TLDS}|me|online|site|app)\\b(?:/[^\\s<>"'\`{}|\\\\^]{0,2000})?`,
  'gi',
);

function classifyUrl(raw: string): { type: IdentifierType; value: string } | null {
  const trimmed = raw.replace(/[.,;:!?)\]'"»]+$/, '');
  if (/^viber:\/\//i.test(trimmed)) {
    const number = /number=(%2B|\+)?(\d{7,15})/i.exec(trimmed);
    return number ? { type: 'viber', value: `+${number[2]}` } : null;
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(?:www\.|m\.|mobile\.)/, '');
  if (!host.includes('.')) return null;
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const first = segments[0]?.toLowerCase();
  if (host === 't.me' || host === 'telegram.me' || host === 'telegram.dog') {
    if (first && /^[a-z0-9_]{5,32}$/.test(first)) return { type: 'telegram', value: `@${first}` };
    if (first === 'joinchat' || first?.startsWith('+'))
      return { type: 'telegram', value: `t.me/${segments.join('/')}` };
  }
  if (host === 'wa.me' && first && /^\d{7,15}$/.test(first)) return { type: 'whatsapp', value: `+${first}` };
  if ((host === 'api.whatsapp.com' || host === 'whatsapp.com') && url.searchParams.get('phone')) {
    const phone = url.searchParams.get('phone')!.replace(/\D/g, '');
    if (phone.length >= 7) return { type: 'whatsapp', value: `+${phone}` };
  }
  if (host === 'instagram.com' && first && /^[a-z0-9_.]{1,30}$/.test(first) && first !== 'p') {
    return { type: 'instagram', value: `@${first}` };
  }
  if (host === 'facebook.com' || host === 'fb.com' || host === 'fb.me') {
    if (first === 'profile.php' && url.searchParams.get('id'))
      return { type: 'facebook', value: url.searchParams.get('id')! };
    if (first === 'groups' && segments[1]) return { type: 'facebook', value: `groups/${segments[1].toLowerCase()}` };
    if (first && /^[a-z0-9.-]{3,80}$/.test(first)) return { type: 'facebook', value: first };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { type: 'url', value: `${host}${path}${url.search}` };
}

function extractUrls(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  for (const re of [URL_FULL, URL_BARE]) {
    for (const m of text.matchAll(re)) {
      const raw = m[0].replace(/[.,;:!?)\]'"»]+$/, '');
      const start = m.index;
      const end = start + raw.length;
      if (overlaps(taken, start, end)) continue;
      const classified = classifyUrl(raw);
      if (!classified) continue;
      out.push({ ...classified, start, end, raw });
      taken.push({ start, end });
    }
  }
}

const HANDLE = /(?<![\w.@/])@([A-Za-z][A-Za-z0-9_.]{3,31})\b/g;
const NAMED_HANDLE =
  /\b(instagram|insta|ig|telegram|tg|viber|whatsapp|facebook|fb)\s{0,2}[:-]\s{0,2}@?([A-Za-z][A-Za-z0-9_.]{2,31})\b/gi;

function handleTypeFromContext(before: string): IdentifierType {
  // only the words in the same clause count ("Insta: @x" but not "instagram.com/y, @x")
  const clause = before.split(/[\n,;|]/).pop() ?? '';
  const b = ` ${clause.toLowerCase()}`;
  const insta = Math.max(b.lastIndexOf('insta'), b.lastIndexOf(' ig'));
  const tg = Math.max(b.lastIndexOf('telegram'), b.lastIndexOf('tg'), b.lastIndexOf('телеграм'));
  const fb = Math.max(b.lastIndexOf('facebook'), b.lastIndexOf(' fb'));
  if (insta > tg && insta > fb) return 'instagram';
  if (fb > tg && fb > insta) return 'facebook';
  return 'telegram';
}

function extractHandles(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  for (const m of text.matchAll(NAMED_HANDLE)) {
    const [, platform, name] = m;
    if (!platform || !name || /^\d/.test(name)) continue;
    const p = platform.toLowerCase();
    const type: IdentifierType | null =
      p === 'instagram' || p === 'insta' || p === 'ig'
        ? 'instagram'
        : p === 'telegram' || p === 'tg'
          ? 'telegram'
          : p === 'facebook' || p === 'fb'
            ? 'facebook'
            : null;
    if (!type) continue; // "Viber: 064…" is a phone, handled with the phones
    const start = m.index + m[0].length - name.length - (m[0].includes('@') ? 1 : 0);
    const end = m.index + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const clean = name.replace(/\.+$/, '').toLowerCase();
    if (clean.length < 3) continue;
    const value = type === 'facebook' ? clean : `@${clean}`;
    out.push({
      type,
      value,
      start,
      end: start + (m[0].includes('@') ? 1 : 0) + clean.length,
      raw: text.slice(start, end),
    });
    taken.push({ start, end });
  }
  for (const m of text.matchAll(HANDLE)) {
    const start = m.index;
    const name = m[1]!.replace(/\.+$/, '');
    const end = start + 1 + name.length;
    if (overlaps(taken, start, end)) continue;
    const type = handleTypeFromContext(text.slice(Math.max(0, start - 40), start));
    if (type === 'telegram' && (name.length < 5 || name.includes('.'))) continue;
    const value = type === 'facebook' ? name.toLowerCase() : `@${name.toLowerCase()}`;
    out.push({ type, value, start, end, raw: text.slice(start, end) });
    taken.push({ start, end });
  }
}

const WALLET_PATTERNS: Array<[RegExp, IdentifierType]> = [
  [/\b(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}\b/g, 'btc'],
  [/\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b/g, 'btc'],
  [/\b0x[0-9a-fA-F]{40}\b/g, 'eth'],
  [/\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g, 'trx'],
];

function extractWallets(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  for (const [re, type] of WALLET_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(taken, start, end)) continue;
      const check = validateAddress(m[0]);
      if (!check.valid || check.chain !== type || !check.normalized) continue;
      if (type === 'btc' && check.network !== 'mainnet') continue;
      out.push({ type, value: check.normalized, start, end, raw: m[0] });
      taken.push({ start, end });
    }
  }
}

const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}/g;

function extractIbans(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  for (const m of text.matchAll(IBAN)) {
    const start = m.index;
    let raw = m[0];
    while (raw.replace(/ /g, '').length >= 15) {
      const electronic = electronicFormatIBAN(raw) ?? '';
      if (isValidIBAN(electronic) && !/[A-Z0-9]/.test(text[start + raw.length] ?? '')) {
        const end = start + raw.length;
        if (!overlaps(taken, start, end)) {
          out.push({ type: 'iban', value: electronic, start, end, raw });
          taken.push({ start, end });
        }
        break;
      }
      raw = raw.slice(0, -1).replace(/ $/, '');
    }
  }
}

const CURRENCIES: Array<[RegExp, string]> = [
  [/^(?:€|eur|eura|euro|euros|evra|evro|евра|евро)$/i, 'EUR'],
  [/^(?:\$|usd|dolara|долара)$/i, 'USD'],
  [/^(?:£|gbp)$/i, 'GBP'],
  [/^chf$/i, 'CHF'],
  [/^(?:KM|BAM)$/, 'BAM'],
  [/^(?:rsd|din|dinara|дин|динара)$/i, 'RSD'],
  [/^(?:mkd|denari|денари|ден)$/i, 'MKD'],
  [/^(?:ALL|lek|lekë|leke)$/, 'ALL'],
];
const CUR =
  '€|\\$|£|eur(?:a|o|os)?|evr[ao]|евр[ао]|usd|dolara|долара|gbp|chf|KM|BAM|rsd|dinara|din|динара|дин|mkd|denari|денари|ден|ALL|lek[eë]?';
const NUM = '\\d{1,3}(?:[.,\\u00a0 ]\\d{3}){1,3}(?:[.,]\\d{1,2})?|\\d{1,7}(?:[.,]\\d{1,2})?';
const AMOUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${CUR})[ \\u00a0]?(${NUM})(?:[ ]?([kK]))?|(${NUM})(?:[ ]?([kK]))?[ \\u00a0]?(${CUR}))(?![\\p{L}\\p{N}])`,
  'giu',
);
const PERIODS: Array<[RegExp, string]> = [
  [
    /^[\s/,.-]{0,3}(?:po |per |pro |ne |в |во |на |a |u )?(?:mjesec|mesec|month|monat|muaj|mj\b|mes\b|mth|месец|мјесец|месечно|мјесечно|mjesecno|mesecno|monthly|monatlich|mujore|mujor)/i,
    'month',
  ],
  [
    /^[\s/,.-]{0,3}(?:po |per |pro |ne |в |во |na |a |u )?(?:nedelj|nedelno|sedmic|tjed|week|woche|wochentlich|wöchentlich|jave|javë|недел|седмич)/i,
    'week',
  ],
  [
    /^[\s/,.-]{0,3}(?:po |per |pro |ne |в |во |na |a |u )?(?:dan|dnevno|day|daily|tag|täglich|taglich|dite|ditë|ditore|ден|дневно)\b/i,
    'day',
  ],
  [/^[\s/,.-]{0,3}(?:po |per |pro |ne |в |во |na |a |u )?(?:sat|satu|h\b|hour|stunde|std|ore|orë|час|саат)/i, 'hour'],
];

export function parseAmountNumber(raw: string): number {
  const s = raw.replace(/[\u00a0 ]/g, ',');
  const groups = /^(\d{1,3})((?:[.,]\d{3})+)([.,]\d{1,2})?$/.exec(s);
  if (groups) return Number(groups[1]! + groups[2]!.replace(/[.,]/g, '') + (groups[3] ? `.${groups[3].slice(1)}` : ''));
  return Number(s.replace(',', '.'));
}

function extractAmounts(text: string, taken: Span[], out: ExtractedIdentifier[]): void {
  for (const m of text.matchAll(AMOUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(taken, start, end)) continue;
    const currencyRaw = m[1] ?? m[6] ?? '';
    const numberRaw = m[2] ?? m[4] ?? '';
    const thousands = (m[3] ?? m[5]) !== undefined;
    const currency = CURRENCIES.find(([re]) => re.test(currencyRaw))?.[1];
    if (!currency) continue;
    let amount = parseAmountNumber(numberRaw.trim());
    if (!Number.isFinite(amount) || amount <= 0) continue;
    if (thousands) amount *= 1000;
    const period = PERIODS.find(([re]) => re.test(text.slice(end, end + 24)))?.[1];
    const value = `${Number.isInteger(amount) ? amount : amount.toFixed(2)} ${currency}`;
    out.push({ type: 'amount', value, start, end, raw: m[0], ...(period ? { detail: period } : {}) });
    taken.push({ start, end });
  }
}

const MESSENGER_WORDS: Array<[RegExp, IdentifierType]> = [
  [/viber|вибер|вајбер/i, 'viber'],
  [/whats ?app|вотсап|vocap|wapp|\bwa\b/i, 'whatsapp'],
  [/telegram|телеграм/i, 'telegram'],
];

/** "Viber/WhatsApp: 064…": a phone announced as a messenger contact is also that messenger's identifier. */
function addMessengerPhones(text: string, out: ExtractedIdentifier[]): void {
  const phones = out.filter((i) => i.type === 'phone');
  for (const phone of phones) {
    const before = text.slice(Math.max(0, phone.start - 30), phone.start);
    // only the text since the previous number or the end of the previous sentence counts
    let cut = Math.max(before.lastIndexOf('\n'), before.search(/[.!?;](?=[^.!?;]*$)/));
    for (let i = before.length - 1; i > cut; i--) {
      if (before.charCodeAt(i) >= 48 && before.charCodeAt(i) <= 57) {
        cut = i;
        break;
      }
    }
    const context = before.slice(cut + 1);
    for (const [re, type] of MESSENGER_WORDS) {
      if (!re.test(context)) continue;
      if (type === 'telegram') continue; // Telegram accounts are names, not numbers
      if (out.some((i) => i.type === type && i.value === phone.value)) continue;
      out.push({ type, value: phone.value, start: phone.start, end: phone.end, raw: phone.raw });
    }
  }
}

/** Extracts and validates every identifier in an item; the result is sorted by position. */
export function extractIdentifiers(norm: NormalizedText, language?: LanguageCode): ExtractedIdentifier[] {
  const text = norm.original;
  const out: ExtractedIdentifier[] = [];
  const taken: Span[] = [];
  const regions = regionsFor(language, norm.folded.text);
  extractEmails(text, taken, out);
  extractUrls(text, taken, out);
  extractWallets(text, taken, out);
  extractIbans(text, taken, out);
  extractHandles(text, taken, out);
  extractPhones(text, regions, taken, out);
  extractDisguisedPhones(norm, regions, taken, out);
  extractAmounts(text, taken, out);
  addMessengerPhones(text, out);
  return out.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
