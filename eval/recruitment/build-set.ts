// Builds the recruitment evaluation set (eval/recruitment/items.jsonl) from hand-written, labelled sentences.
// SYNTHETIC: every ad, name, company, phone number, e-mail, IBAN and wallet here is made up. Numbers are drawn
// from real numbering plans (so they are valid), but from a fixed seed; they belong to no one we know of.
// Labels follow eval/recruitment/LABELLING.md. Run: npx tsx eval/recruitment/build-set.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { composeIBAN, isValidIBAN } from 'ibantools';
import { serbianLatinToCyrillic } from '@trag/core/text';
import { encodeBase58Address, encodeSegwitAddress, toChecksumAddress, ethereumToTron } from '@trag/core/crypto';

type Lang = 'en' | 'hbs-latn' | 'hbs-cyrl' | 'mk' | 'sq' | 'de';
type Kind = 'genuine' | 'benign' | 'deceptive' | 'sexual' | 'smuggling';
interface GoldIdentifier {
  type: string;
  value: string;
}
interface Sentence {
  text: string;
  ind: string[];
  ids?: GoldIdentifier[];
}
export interface EvalItem {
  id: string;
  text: string;
  lang: Lang;
  kind: Kind;
  relevant: boolean;
  indicators: string[];
  identifiers: GoldIdentifier[];
  template: string | null;
}

// ------------------------------------------------------------------ deterministic randomness
let seed = 20261130;
const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
const pickN = <T>(list: T[], n: number): T[] => {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
  return out;
};
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));

// ------------------------------------------------------------------ identifiers
interface Phone {
  e164: string;
  national: string; // as written nationally, e.g. "064 123 4567"
  intl: string; // "+381 64 123 4567"
  country: string;
}
function phone(country: 'RS' | 'BA' | 'ME' | 'MK' | 'AL' | 'DE' | 'AT'): Phone {
  for (;;) {
    let cc = '';
    let nsn = '';
    if (country === 'RS') [cc, nsn] = ['381', `6${pick(['0', '1', '2', '3', '4', '5', '6', '9'])}${digits(7)}`];
    if (country === 'BA') [cc, nsn] = ['387', `6${pick(['1', '2', '3', '5'])}${digits(6)}`];
    if (country === 'ME') [cc, nsn] = ['382', `6${pick(['7', '8', '9'])}${digits(6)}`];
    if (country === 'MK') [cc, nsn] = ['389', `7${pick(['0', '1', '2', '5', '6', '7', '8'])}${digits(6)}`];
    if (country === 'AL') [cc, nsn] = ['355', `6${pick(['7', '8', '9'])}${digits(7)}`];
    if (country === 'DE') [cc, nsn] = ['49', `15${pick(['1', '2', '7', '9'])}${digits(8)}`];
    if (country === 'AT') [cc, nsn] = ['43', `66${pick(['0', '4'])}${digits(7)}`];
    const parsed = parsePhoneNumberFromString(`+${cc}${nsn}`);
    if (!parsed?.isValid()) continue;
    const intl = parsed.formatInternational();
    return { e164: parsed.number, national: parsed.formatNational(), intl, country };
  }
}
const WORDS: Record<string, string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  hbs: ['nula', 'jedan', 'dva', 'tri', 'četiri', 'pet', 'šest', 'sedam', 'osam', 'devet'],
  mk: ['нула', 'еден', 'два', 'три', 'четири', 'пет', 'шест', 'седум', 'осум', 'девет'],
  sq: ['zero', 'një', 'dy', 'tre', 'katër', 'pesë', 'gjashtë', 'shtatë', 'tetë', 'nëntë'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'],
};
/** "064 123 4567" with some digits as words: "0six4 1two3 45six7" (mixed) or fully spelled groups. */
function obfuscate(national: string, lang: string): string {
  const words = WORDS[lang] ?? WORDS.en!;
  const plus = national.startsWith('+') ? '+' : '';
  const groups = national.replace(/[^\d ]/g, '').split(' ');
  return (
    plus +
    groups
      .map((g, gi) =>
        [...g]
          .map((d, di) =>
            (gi + di) % 3 === 1 ? (lang === 'mk' || rand() < 0.5 ? ` ${words[Number(d)]} ` : words[Number(d)]) : d,
          )
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join(' ')
  );
}
function iban(country: 'DE' | 'AT' | 'BA' | 'ME' | 'MK' | 'AL' | 'RS'): string {
  const lengths: Record<string, number> = { DE: 18, AT: 16, BA: 16, ME: 18, MK: 15, AL: 24, RS: 18 };
  for (let i = 0; i < 1000; i++) {
    let bban = digits(lengths[country]!);
    if (country === 'MK') bban = `${digits(3)}${digits(10)}${digits(2)}`;
    if (country === 'AL') bban = digits(24);
    const composed = composeIBAN({ countryCode: country, bban });
    if (composed && isValidIBAN(composed)) return composed;
  }
  throw new Error(`no IBAN for ${country}`);
}
const spacedIban = (i: string) => i.replace(/(.{4})/g, '$1 ').trim();
const btc = () => (rand() < 0.5 ? encodeBase58Address('p2pkh', bytes(20)) : encodeSegwitAddress(0, bytes(20)));
const eth = () => toChecksumAddress(Buffer.from(bytes(20)).toString('hex'));
const trx = () => ethereumToTron(eth())!;

// ------------------------------------------------------------------ sentence banks (labels per sentence)
const s = (text: string, ...ind: string[]): Sentence => ({ text, ind });

const DECEPTIVE: Record<'en' | 'hbs' | 'mk' | 'sq' | 'de', Sentence[]> = {
  en: [
    s('No experience needed.', 'rec_no_experience'),
    s("You don't need to speak German.", 'rec_no_experience'),
    s('Free accommodation and meals.', 'rec_accommodation_provided'),
    s('Flight ticket paid by the employer.', 'rec_travel_arranged'),
    s('We arrange your visa and work permit.', 'rec_visa_arranged'),
    s('Registration fee 150 EUR, paid in advance.', 'rec_upfront_fee'),
    s('Send a copy of your passport with your CV.', 'rec_early_documents'),
    s('Contact only via WhatsApp.', 'rec_messenger_only'),
    s('Work for a well known company in Vienna.', 'rec_employer_not_named'),
    s('Start immediately, only 5 places left!', 'rec_urgency'),
    s('Salary paid at the end of the season.', 'ilo_withholding_of_wages'),
    s('We pay your ticket and you repay from your salary.', 'ilo_debt_bondage', 'rec_travel_arranged'),
    s('Work 12 hours a day, 7 days a week.', 'ilo_excessive_overtime'),
    s('Cash in hand, no contract.', 'rec_vague_no_contract'),
    s('Housing is deducted from wages.', 'rec_wage_deductions'),
    s('Girls from 18 to 25, good looking.', 'rec_age_gender_appearance'),
    s('Details in private, everything else on the phone.', 'rec_moves_off_platform', 'rec_no_details'),
    s('Easy money, guaranteed income.', 'ilo_deception'),
    s('We meet you at the airport and help you settle.', 'rec_destination_abroad_transfer'),
    s('Also without papers.', 'ilo_abuse_of_vulnerability'),
    s('Your passport will be kept by the employer for safety.', 'ilo_retention_of_documents'),
  ],
  hbs: [
    s('Iskustvo nije potrebno.', 'rec_no_experience'),
    s('Ne morate znati njemački.', 'rec_no_experience'),
    s('Smještaj i hrana besplatni.', 'rec_accommodation_provided'),
    s('Besplatan smještaj u stanu sa ostalim radnicima.', 'rec_accommodation_provided'),
    s('Karta plaćena, prevoz organizovan do mjesta rada.', 'rec_travel_arranged'),
    s('Vizu i radnu dozvolu sređujemo mi.', 'rec_visa_arranged'),
    s('Kotizacija 200 EUR uplata unaprijed.', 'rec_upfront_fee'),
    s('Pošaljite kopiju pasoša i sliku.', 'rec_early_documents'),
    s('Javite se samo na Viber.', 'rec_messenger_only'),
    s('Posao za poznatu firmu u Njemačkoj.', 'rec_employer_not_named', 'rec_destination_abroad_transfer'),
    s('Hitno, polazak odmah!', 'rec_urgency'),
    s('Isplata na kraju sezone.', 'ilo_withholding_of_wages'),
    s('Troškove puta vraćate od plate.', 'ilo_debt_bondage'),
    s('Radi se 12 sati dnevno, 7 dana u sedmici.', 'ilo_excessive_overtime'),
    s('Plata na ruke, bez ugovora.', 'rec_vague_no_contract'),
    s('Smještaj se odbija od plate.', 'rec_wage_deductions'),
    s('Potrebne djevojke do 25 godina, prijatnog izgleda.', 'rec_age_gender_appearance'),
    s('Detalji u inbox, sve ostalo telefonom.', 'rec_moves_off_platform', 'rec_no_details'),
    s('Laka zarada, brzo i sigurno.', 'ilo_deception'),
    s('Dočekujemo vas na aerodromu.', 'rec_destination_abroad_transfer'),
    s('Može i bez papira.', 'ilo_abuse_of_vulnerability'),
    s('Pasoš ostaje kod poslodavca dok traje ugovor.', 'ilo_retention_of_documents'),
  ],
  mk: [
    s('Не е потребно искуство.', 'rec_no_experience'),
    s('Бесплатно сместување и храна.', 'rec_accommodation_provided'),
    s('Платена карта за авион.', 'rec_travel_arranged'),
    s('Ја средуваме визата.', 'rec_visa_arranged'),
    s('Котизација 100 евра однапред.', 'rec_upfront_fee'),
    s('Испратете копија од пасошот.', 'rec_early_documents'),
    s('Само Viber.', 'rec_messenger_only'),
    s('Итно, почеток веднаш!', 'rec_urgency'),
    s('Плата на крајот на сезоната.', 'ilo_withholding_of_wages'),
    s('Се работи 12 часа дневно, 7 дена во неделата.', 'ilo_excessive_overtime'),
    s('Плата на рака, без договор.', 'rec_vague_no_contract'),
    s('Младе девојки, убави девојки за хостеси.', 'rec_age_gender_appearance'),
    s('Детали во inbox.', 'rec_moves_off_platform'),
    s('Лесна заработка.', 'ilo_deception'),
    s('Работа во странство, ве чекаме на аеродромот.', 'rec_destination_abroad_transfer'),
    s('Патните трошоци се одбиваат од првата плата.', 'ilo_debt_bondage'),
  ],
  sq: [
    s('Nuk kërkohet përvojë.', 'rec_no_experience'),
    s('Akomodim falas dhe ushqim.', 'rec_accommodation_provided'),
    s('Bileta e paguar nga punëdhënësi.', 'rec_travel_arranged'),
    s('Ne e rregullojmë vizën.', 'rec_visa_arranged'),
    s('Tarifë regjistrimi 100 euro, pagesë paraprake.', 'rec_upfront_fee'),
    s('Dërgoni pasaportën dhe një foto.', 'rec_early_documents'),
    s('Vetëm WhatsApp.', 'rec_messenger_only'),
    s('Urgjent, fillim menjëherë!', 'rec_urgency'),
    s('Pagesa në fund të sezonës.', 'ilo_withholding_of_wages'),
    s('12 orë në ditë, 7 ditë në javë.', 'ilo_excessive_overtime'),
    s('Pa kontratë, paga në dorë.', 'rec_vague_no_contract'),
    s('Vajza të reja dhe të bukura.', 'rec_age_gender_appearance'),
    s('Detajet në inbox.', 'rec_moves_off_platform'),
    s('Para të lehta për pak kohë.', 'ilo_deception'),
    s('Punë jashtë shtetit, ju presim në aeroport.', 'rec_destination_abroad_transfer'),
    s('Pa dokumente, s’ka problem.', 'ilo_abuse_of_vulnerability'),
  ],
  de: [
    s('Keine Erfahrung nötig, ohne Deutschkenntnisse.', 'rec_no_experience'),
    s('Kostenlose Unterkunft.', 'rec_accommodation_provided'),
    s('Anreise wird organisiert und bezahlt.', 'rec_travel_arranged'),
    s('Wir besorgen das Visum.', 'rec_visa_arranged'),
    s('Vermittlungsgebühr 300 € im Voraus bezahlen.', 'rec_upfront_fee'),
    s('Schicken Sie Ihren Ausweis und eine Passkopie.', 'rec_early_documents'),
    s('Kontakt nur über WhatsApp.', 'rec_messenger_only'),
    s('Ab sofort, dringend!', 'rec_urgency'),
    s('Lohn am Ende der Saison.', 'ilo_withholding_of_wages'),
    s('12 Stunden am Tag, 7 Tage die Woche.', 'ilo_excessive_overtime'),
    s('Bar auf die Hand, ohne Vertrag.', 'rec_vague_no_contract'),
    s('Junge Frauen mit gutem Aussehen gesucht.', 'rec_age_gender_appearance'),
    s('Unterkunft wird vom Lohn abgezogen.', 'rec_wage_deductions'),
    s('Schnelles Geld garantiert.', 'ilo_deception'),
    s('Wir holen Sie vom Flughafen ab.', 'rec_destination_abroad_transfer'),
  ],
};

const SEXUAL: Record<'en' | 'hbs' | 'mk' | 'sq' | 'de', Sentence[]> = {
  en: [
    s('New Ukrainian girls, discreet and professional.', 'esc_ethnicity', 'esc_trustworthy_language'),
    s('Real photos, 100% discretion.', 'esc_trustworthy_language'),
    s('Young and fresh, just turned 18.', 'esc_youthful_language'),
    s('Available 24/7.', 'esc_24_7'),
    s('We have 5 girls, choose your favourite.', 'net_one_writer_many_people'),
    s('New in town, leaving soon.', 'esc_movement_language'),
    s('No blocked numbers.', 'esc_client_screening'),
  ],
  hbs: [
    s('Nove djevojke iz Ukrajine, diskretno i profesionalno.', 'esc_ethnicity', 'esc_trustworthy_language'),
    s('Prave slike, potpuna diskrecija.', 'esc_trustworthy_language'),
    s('Tek punoljetna, mlada i neiskusna.', 'esc_youthful_language'),
    s('Dostupna 0-24.', 'esc_24_7'),
    s('Imamo 4 djevojke, birajte između njih.', 'net_one_writer_many_people'),
    s('Nova u gradu, samo ove sedmice.', 'esc_movement_language'),
    s('Bez skrivenih brojeva.', 'esc_client_screening'),
  ],
  mk: [
    s('Нови девојки од Украина, целосна дискреција.', 'esc_ethnicity', 'esc_trustworthy_language'),
    s('Вистински слики.', 'esc_trustworthy_language'),
    s('Малолетна изгледа, тукушто наполни 18.', 'esc_youthful_language'),
    s('Достапна 0-24.', 'esc_24_7'),
    s('Имаме 3 девојки.', 'net_one_writer_many_people'),
    s('Нова во градот.', 'esc_movement_language'),
  ],
  sq: [
    s('Vajza ukrainase, diskrecion i plotë.', 'esc_ethnicity', 'esc_trustworthy_language'),
    s('Foto reale.', 'esc_trustworthy_language'),
    s('Sapo mbushi 18.', 'esc_youthful_language'),
    s('Nonstop 24/7.', 'esc_24_7'),
    s('Kemi 4 vajza.', 'net_one_writer_many_people'),
    s('E re në qytet.', 'esc_movement_language'),
  ],
  de: [
    s('Neue Mädchen aus Osteuropa, diskret und professionell.', 'esc_ethnicity', 'esc_trustworthy_language'),
    s('Echte Fotos, absolute Diskretion.', 'esc_trustworthy_language'),
    s('Gerade 18, jung und frisch.', 'esc_youthful_language'),
    s('Rund um die Uhr erreichbar.', 'esc_24_7'),
    s('Wir haben 5 Mädchen.', 'net_one_writer_many_people'),
    s('Neu in der Stadt, nur diese Woche.', 'esc_movement_language'),
  ],
};

const SMUGGLING: Record<'en' | 'hbs' | 'mk' | 'sq' | 'de', Sentence[]> = {
  en: [
    {
      text: 'Turkey to Italy by boat, 3000 EUR per person.',
      ind: ['smg_route_price'],
      ids: [{ type: 'amount', value: '3000 EUR' }],
    },
    s('Pay on arrival, no police.', 'smg_knowledge_pay_on_arrival'),
    s('100% safe crossing, see our videos.', 'smg_guarantees_testimonials'),
    s('Fake passports and documents available.', 'smg_document_offers'),
    s('Contact on Viber WhatsApp.', 'smg_messenger_move'),
    s('Last group crossed successfully yesterday.', 'smg_guarantees_testimonials'),
  ],
  hbs: [
    {
      text: 'Prebacivanje preko granice do Austrije, 1.500 EUR po osobi.',
      ind: ['smg_route_price'],
      ids: [{ type: 'amount', value: '1500 EUR' }],
    },
    s('Plaćanje po dolasku, bez policije.', 'smg_knowledge_pay_on_arrival'),
    s('Siguran prelaz zagarantovan, 100% sigurno.', 'smg_guarantees_testimonials'),
    s('Izrada pasoša i lažna dokumenta.', 'smg_document_offers'),
    s('Kontakt Viber WhatsApp.', 'smg_messenger_move'),
    s('Znamo granicu, nema vraćanja.', 'smg_knowledge_pay_on_arrival'),
  ],
  mk: [
    {
      text: 'Префрлување до Србија, 800 евра по лице.',
      ind: ['smg_route_price'],
      ids: [{ type: 'amount', value: '800 EUR' }],
    },
    s('Плаќање по пристигнување.', 'smg_knowledge_pay_on_arrival'),
    s('Сигурен премин, 100% сигурно.', 'smg_guarantees_testimonials'),
    s('Лажни пасоши.', 'smg_document_offers'),
  ],
  sq: [
    {
      text: 'Kalim në Itali me varkë, 2500 euro për person.',
      ind: ['smg_route_price'],
      ids: [{ type: 'amount', value: '2500 EUR' }],
    },
    s('Pagesa pas mbërritjes, pa polici.', 'smg_knowledge_pay_on_arrival'),
    s('Kalim i sigurt, 100% e sigurt.', 'smg_guarantees_testimonials'),
    s('Pasaporta false.', 'smg_document_offers'),
  ],
  de: [
    {
      text: 'Überfahrt nach Deutschland, 2.000 € pro Person.',
      ind: ['smg_route_price'],
      ids: [{ type: 'amount', value: '2000 EUR' }],
    },
    s('Zahlung bei Ankunft, ohne Grenzkontrolle.', 'smg_knowledge_pay_on_arrival'),
    s('Garantierte Ankunft, 100% sicher.', 'smg_guarantees_testimonials'),
    s('Gefälschte Papiere möglich.', 'smg_document_offers'),
  ],
};

type L5 = 'en' | 'hbs' | 'mk' | 'sq' | 'de';
const GENUINE: Record<L5, Array<(p: Phone, city: string) => Sentence>> = {
  en: [
    (p) => ({
      text: `Riverside Logistics Ltd (reg. 0485521) is hiring warehouse operatives in Leeds. Contract, training provided, £11.50 per hour. Apply at careers.riversidelogistics.co.uk or call ${p.intl}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '11.50 GBP' },
        { type: 'url', value: 'careers.riversidelogistics.co.uk' },
      ],
    }),
    (p, c) => ({
      text: `Hotel Panorama in ${c} seeks a receptionist with English and at least two years of experience. Full-time contract, salary 1,100 EUR per month. CV to hr@hotelpanorama.example.com, tel. ${p.intl}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '1100 EUR' },
        { type: 'email', value: 'hr@hotelpanorama.example.com' },
      ],
    }),
  ],
  hbs: [
    (p, c) => ({
      text: `Pekara Zlatni Klas d.o.o. iz grada ${c} zapošljava pekara. Ugovor o radu na neodređeno, prijava od prvog dana, plata 900 EUR. Prijave na posao@zlatniklas.example.ba ili ${p.national}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '900 EUR' },
        { type: 'email', value: 'posao@zlatniklas.example.ba' },
      ],
    }),
    (p, c) => ({
      text: `Hotel Adriatic ${c} zapošljava konobare za sezonu 2027. Ugovor, prijava, smještaj obezbijeđen za sezonske radnike. Plata 1.100 EUR. CV na posao@hoteladriatic.example.me, tel. ${p.intl}.`,
      ind: ['rec_accommodation_provided'],
      ids: [
        { type: 'amount', value: '1100 EUR' },
        { type: 'email', value: 'posao@hoteladriatic.example.me' },
      ],
    }),
    (p, c) => ({
      text: `Potreban vozač C kategorije za međunarodni transport, sjedište firme ${c}. Iskustvo obavezno, ugovor i dnevnice. Informacije radnim danom od 8 do 16 na ${p.national}.`,
      ind: [],
    }),
  ],
  mk: [
    (p, c) => ({
      text: `Маркет Витамин ДООЕЛ од ${c} вработува касиер. Договор на неопределено, плата 25.000 денари. Пријави на rabota@vitamin.example.mk или ${p.national}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '25000 MKD' },
        { type: 'email', value: 'rabota@vitamin.example.mk' },
      ],
    }),
    (p, c) => ({
      text: `Градежна фирма Бетон Инженеринг од ${c} бара ѕидари со искуство. Договор, пријава, плата според договор. Информации на ${p.national}.`,
      ind: [],
    }),
  ],
  sq: [
    (p, c) => ({
      text: `Kompania Alba Tekstil sh.p.k. në ${c} punëson rrobaqepëse me përvojë. Kontratë pune, sigurime, paga 450 euro. Aplikoni në punesim@albatekstil.example.al ose ${p.intl}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '450 EUR' },
        { type: 'email', value: 'punesim@albatekstil.example.al' },
      ],
    }),
    (p, c) => ({
      text: `Restorant Liqeni në ${c} kërkon kuzhinier me përvojë, orar i rregullt, kontratë. Informacion në ${p.intl}.`,
      ind: [],
    }),
  ],
  de: [
    (p, c) => ({
      text: `Die Bäckerei Huber GmbH in ${c} sucht eine Verkäuferin in Teilzeit. Tarifvertrag, 14,50 € pro Stunde. Bewerbung an jobs@baeckerei-huber.example.de oder ${p.intl}.`,
      ind: [],
      ids: [
        { type: 'amount', value: '14.50 EUR' },
        { type: 'email', value: 'jobs@baeckerei-huber.example.de' },
      ],
    }),
    (p, c) => ({
      text: `Pflegeheim Sonnental in ${c} stellt Pflegehelfer ein. Deutschkenntnisse B1 erforderlich, unbefristeter Vertrag. Telefon ${p.intl}.`,
      ind: [],
    }),
  ],
};

const BENIGN: Record<L5, string[]> = {
  en: [
    'Selling a used bike, good condition, pick up in town.',
    'Looking for a flatmate from January, quiet area near the university.',
  ],
  hbs: [
    'Hitno prodajem auto, Golf 5, registrovan do juna.',
    'Izgubljen pas u naselju Ciglane, nagrada za pronalazača.',
    'Izdajem stan studentima, blizu fakulteta, grijanje uključeno.',
  ],
  mk: ['Се продава стан во центар, 54 квадрати, трет кат.', 'Изгубен клуч кај паркот, наградата е загарантирана.'],
  sq: ['Shitet makina, gjendje e mirë, çmimi i diskutueshëm.', 'Jepet me qira apartament pranë qendrës.'],
  de: [
    'Verkaufe gebrauchtes Fahrrad, guter Zustand, Abholung in der Stadt.',
    'Suche Nachhilfe in Mathematik für die 9. Klasse.',
  ],
};

const CITIES: Record<Lang, string[]> = {
  en: ['Leeds', 'Dublin', 'Vienna', 'Munich'],
  'hbs-latn': ['Sarajevo', 'Tuzla', 'Beograd', 'Novi Sad', 'Podgorica', 'Budva', 'Banja Luka'],
  'hbs-cyrl': ['Beograd', 'Novi Sad', 'Niš', 'Banja Luka', 'Podgorica'],
  mk: ['Скопје', 'Битола', 'Охрид', 'Куманово'],
  sq: ['Tiranë', 'Durrës', 'Prishtinë', 'Shkodër'],
  de: ['Graz', 'Linz', 'Stuttgart', 'Nürnberg'],
};
const COUNTRY_OF: Record<Lang, Array<'RS' | 'BA' | 'ME' | 'MK' | 'AL' | 'DE' | 'AT'>> = {
  en: ['RS', 'BA', 'DE'],
  'hbs-latn': ['RS', 'BA', 'ME'],
  'hbs-cyrl': ['RS'],
  mk: ['MK'],
  sq: ['AL'],
  de: ['DE', 'AT'],
};
const OPENERS: Record<L5, string[]> = {
  en: [
    'Jobs in Austria for waitresses and cleaners.',
    'Seasonal work in Germany, farm and greenhouse.',
    'Hotel staff needed in Italy.',
  ],
  hbs: [
    'Posao u Austriji za konobarice i sobarice.',
    'Sezonski posao u Njemačkoj, berba voća.',
    'Potrebni radnici na gradilištu u Sloveniji.',
  ],
  mk: ['Работа во Германија за келнерки.', 'Сезонска работа во Хрватска.'],
  sq: ['Punë në Gjermani për kameriere.', 'Punë sezonale në Itali.'],
  de: ['Arbeit in Österreich für Kellnerinnen.', 'Saisonarbeit auf dem Bauernhof.'],
};
const SEXUAL_OPENERS: Record<L5, string[]> = {
  en: ['Escort service in the city centre.', 'Massage and company for gentlemen.'],
  hbs: ['Masaža i društvo za gospodu.', 'Pratnja u centru grada.'],
  mk: ['Масажа и друштво.'],
  sq: ['Masazh dhe shoqëri.'],
  de: ['Massage und Begleitung in der Innenstadt.'],
};

const base = (lang: Lang): L5 => (lang === 'hbs-latn' || lang === 'hbs-cyrl' ? 'hbs' : lang);

/** Serbian Latin → Cyrillic, keeping brand names, currencies, numbers, e-mails and links in Latin as posters do. */
function toCyrillic(text: string): string {
  const keep =
    /(https?:\/\/\S+|\S+@\S+|t\.me\/\S+|wa\.me\/\S+|@\w+|Viber|WhatsApp|Telegram|Instagram|inbox|EUR|KM|\+?\d[\d .,/-]*\d|\d)/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(keep)) {
    out += serbianLatinToCyrillic(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + serbianLatinToCyrillic(text.slice(last));
}

// ------------------------------------------------------------------ contact lines (identifier labels)
interface Contact {
  text: string;
  ids: GoldIdentifier[];
  ind: string[];
}
const CONTACT_WORDS: Record<L5, { call: string; write: string; only: string }> = {
  en: { call: 'Call', write: 'Write to', only: 'only' },
  hbs: { call: 'Pozovite', write: 'Pišite na', only: 'samo' },
  mk: { call: 'Јавете се на', write: 'Пишете на', only: 'само' },
  sq: { call: 'Telefononi', write: 'Shkruani në', only: 'vetëm' },
  de: { call: 'Anrufen', write: 'Schreiben an', only: 'nur' },
};
/** The country whose numbering plan a reader assumes for a national number in this language (LABELLING.md). */
const HOME: Record<Lang, string | null> = {
  en: null,
  'hbs-latn': 'RS',
  'hbs-cyrl': 'RS',
  mk: 'MK',
  sq: 'AL',
  de: 'DE',
};
function contact(lang: Lang, p0: Phone, style: number): Contact {
  // A national number is only unambiguous in its home plan; posters abroad write the country code.
  const p = HOME[lang] === p0.country ? p0 : { ...p0, national: p0.intl };
  const w = CONTACT_WORDS[base(lang)];
  const wl = base(lang) === 'hbs' ? 'hbs' : base(lang);
  switch (style % 9) {
    case 0:
      return { text: `${w.call} ${p.intl}.`, ids: [{ type: 'phone', value: p.e164 }], ind: [] };
    case 1:
      return {
        text: `Viber: ${p.national}`,
        ids: [
          { type: 'phone', value: p.e164 },
          { type: 'viber', value: p.e164 },
        ],
        ind: [],
      };
    case 2:
      return {
        text: `WhatsApp ${p.intl.replace(/ /g, '.')}`,
        ids: [
          { type: 'phone', value: p.e164 },
          { type: 'whatsapp', value: p.e164 },
        ],
        ind: [],
      };
    case 3:
      return {
        text: `${w.call} ${obfuscate(p.national, wl)}`,
        ids: [{ type: 'phone', value: p.e164 }],
        ind: ['esc_obscured_phone'],
      };
    case 4: {
      const user = pick(['posao.evropa', 'jobs.abroad', 'rad.inostranstvo', 'work4you', 'agencija.sever']);
      return {
        text: `${w.write} ${user} at gmail dot com`,
        ids: [{ type: 'email', value: `${user}@gmail.com` }],
        ind: [],
      };
    }
    case 5: {
      const handle = pick(['posao_austrija', 'jobs_germany24', 'rad_nemacka', 'work_italy_now', 'sezona_evropa']);
      return { text: `Telegram: t.me/${handle}`, ids: [{ type: 'telegram', value: `@${handle}` }], ind: [] };
    }
    case 6:
      return { text: `https://wa.me/${p.e164.slice(1)}`, ids: [{ type: 'whatsapp', value: p.e164 }], ind: [] };
    case 7:
      return {
        text: `${w.call} ${p.national}, ${w.only} WhatsApp.`,
        ids: [{ type: 'phone', value: p.e164 }],
        ind: ['rec_messenger_only'],
      };
    default: {
      const user = pick(['info', 'kontakt', 'jobs', 'hr']);
      const domain = pick(['evropa-posao.example.com', 'workabroad.example.net', 'agencija-sever.example.rs']);
      return { text: `E-mail: ${user}@${domain}`, ids: [{ type: 'email', value: `${user}@${domain}` }], ind: [] };
    }
  }
}

// ------------------------------------------------------------------ assembling the set
const items: EvalItem[] = [];
let counter = 0;
const nextId = () => `r${String(++counter).padStart(4, '0')}`;

function finish(lang: Lang, kind: Kind, sentences: Sentence[], extra: Contact[], template: string | null): EvalItem {
  let text = sentences.map((x) => x.text).join(' ');
  if (lang === 'hbs-cyrl') text = toCyrillic(text);
  text = [text, ...extra.map((c) => c.text)].join(' ');
  const indicators = [...new Set([...sentences.flatMap((x) => x.ind), ...extra.flatMap((c) => c.ind)])].filter(
    (i) => !i.startsWith('net_') || i === 'net_one_writer_many_people',
  );
  const identifiers = [
    ...sentences.flatMap(
      (x) => x.ids ?? (FEE_AMOUNTS[x.text] ? [{ type: 'amount', value: FEE_AMOUNTS[x.text]! }] : []),
    ),
    ...extra.flatMap((c) => c.ids),
  ];
  const relevant = kind === 'deceptive' || kind === 'sexual' || kind === 'smuggling';
  return { id: nextId(), text, lang, kind, relevant, indicators: indicators.sort(), identifiers, template };
}

const LANGS: Lang[] = ['en', 'hbs-latn', 'hbs-cyrl', 'mk', 'sq', 'de'];
const SALARY: Record<L5, (n: number) => Sentence> = {
  en: (n) => ({
    text: `Earn ${n} EUR per month.`,
    ind: n >= 3000 ? ['rec_salary_above_market'] : [],
    ids: [{ type: 'amount', value: `${n} EUR` }],
  }),
  hbs: (n) => ({
    text: `Plata ${n} EUR mjesečno.`,
    ind: n >= 3000 ? ['rec_salary_above_market'] : [],
    ids: [{ type: 'amount', value: `${n} EUR` }],
  }),
  mk: (n) => ({
    text: `Плата ${n} евра месечно.`,
    ind: n >= 3000 ? ['rec_salary_above_market'] : [],
    ids: [{ type: 'amount', value: `${n} EUR` }],
  }),
  sq: (n) => ({
    text: `Paga ${n} euro në muaj.`,
    ind: n >= 3000 ? ['rec_salary_above_market'] : [],
    ids: [{ type: 'amount', value: `${n} EUR` }],
  }),
  de: (n) => ({
    text: `Lohn ${n} € pro Monat.`,
    ind: n >= 3000 ? ['rec_salary_above_market'] : [],
    ids: [{ type: 'amount', value: `${n} EUR` }],
  }),
};
const FEE_AMOUNTS: Record<string, string> = {
  'Registration fee 150 EUR, paid in advance.': '150 EUR',
  'Kotizacija 200 EUR uplata unaprijed.': '200 EUR',
  'Котизација 100 евра однапред.': '100 EUR',
  'Tarifë regjistrimi 100 euro, pagesë paraprake.': '100 EUR',
  'Vermittlungsgebühr 300 € im Voraus bezahlen.': '300 EUR',
};
for (const bank of Object.values(DECEPTIVE))
  for (const x of bank) if (FEE_AMOUNTS[x.text]) x.ids = [{ type: 'amount', value: FEE_AMOUNTS[x.text]! }];

// Shared operators: one phone behind several different ads (network signal).
const operators = Array.from({ length: 6 }, (_, i) => phone((['RS', 'BA', 'ME', 'MK', 'AL', 'RS'] as const)[i]!));

for (const lang of LANGS) {
  const b = base(lang);
  // deceptive recruitment: 18 per language
  for (let i = 0; i < 18; i++) {
    const n = 2 + Math.floor(rand() * 4);
    const sentences = [{ text: pick(OPENERS[b]), ind: ['rec_destination_abroad_transfer'] }, ...pickN(DECEPTIVE[b], n)];
    if (rand() < 0.6) sentences.push(SALARY[b](pick([1800, 2200, 3000, 3500, 4000, 5000])));
    const p = i % 4 === 0 ? operators[(i / 4) % operators.length]! : phone(pick(COUNTRY_OF[lang]));
    const extra = [contact(lang, p, i)];
    if (i % 7 === 3) {
      const acct = iban(pick(['RS', 'BA', 'ME', 'MK', 'AL', 'DE']));
      extra.push({
        text: `IBAN ${rand() < 0.5 ? spacedIban(acct) : acct}`,
        ids: [{ type: 'iban', value: acct }],
        ind: [],
      });
    }
    items.push(finish(lang, 'deceptive', sentences, extra, null));
  }
  // weak deceptive (1 indicator): hard positives
  for (let i = 0; i < 3; i++) {
    const sentences = [pick(DECEPTIVE[b].filter((x) => x.ind.length === 1))];
    items.push(finish(lang, 'deceptive', sentences, [contact(lang, phone(pick(COUNTRY_OF[lang])), 0)], null));
  }
  // sexual exploitation: 8 per language
  for (let i = 0; i < 8; i++) {
    const sentences = [{ text: pick(SEXUAL_OPENERS[b]), ind: [] }, ...pickN(SEXUAL[b], 2 + Math.floor(rand() * 3))];
    const p = phone(pick(COUNTRY_OF[lang]));
    items.push(finish(lang, 'sexual', sentences, [contact(lang, p, i % 2 === 0 ? 3 : 1)], null));
  }
  // smuggling: 7 per language
  for (let i = 0; i < 7; i++) {
    const sentences = pickN(SMUGGLING[b], 2 + Math.floor(rand() * 3));
    const p = phone(pick(COUNTRY_OF[lang]));
    const extra = [contact(lang, p, i % 2 === 0 ? 2 : 1)];
    if (i % 3 === 0) {
      const which = i % 2 === 0 ? 'trx' : rand() < 0.5 ? 'btc' : 'eth';
      const addr = which === 'trx' ? trx() : which === 'btc' ? btc() : eth();
      extra.push({ text: `USDT/crypto: ${addr}`, ids: [{ type: which, value: addr }], ind: [] });
    }
    items.push(finish(lang, 'smuggling', sentences, extra, null));
  }
  // genuine job ads: 12 per language
  for (let i = 0; i < 12; i++) {
    const p = phone(pick(COUNTRY_OF[lang]));
    const city = pick(CITIES[lang]);
    const which = i % GENUINE[b].length;
    const shown = HOME[lang] === p.country ? p : { ...p, national: p.intl };
    const sentence = GENUINE[b][which]!(shown, city);
    const text = lang === 'hbs-cyrl' ? toCyrillic(sentence.text) : sentence.text;
    const phoneInText = text.includes(shown.national) || text.includes(shown.intl);
    const ids = [...(sentence.ids ?? []), ...(phoneInText ? [{ type: 'phone', value: p.e164 }] : [])];
    // the same company ad reposted with another city or number is a template too (not a suspicious one)
    const template = `G-${b}-${which + 1}`;
    items.push({
      id: nextId(),
      text,
      lang,
      kind: 'genuine',
      relevant: false,
      indicators: [...sentence.ind].sort(),
      identifiers: ids,
      template,
    });
  }
  // benign non-job posts: 4 per language
  for (let i = 0; i < 4; i++) {
    const which = Math.floor(rand() * BENIGN[b].length);
    const text0 = BENIGN[b][which]!;
    const text = lang === 'hbs-cyrl' ? toCyrillic(text0) : text0;
    // identical reposts are one template; texts under 8 words are too short to call a template (minWords)
    const template = text0.split(/\s+/).length >= 8 ? `B-${b}-${which + 1}` : null;
    items.push({
      id: nextId(),
      text,
      lang,
      kind: 'benign',
      relevant: false,
      indicators: [],
      identifiers: [],
      template,
    });
  }
}

// Template families: the same ad with swapped names, cities, phones (3–5 copies), some copied across scripts.
const TEMPLATES: Array<{ lang: L5; scripts: Lang[]; make: (name: string, city: string) => Sentence[] }> = [
  {
    lang: 'hbs',
    scripts: ['hbs-latn', 'hbs-cyrl'],
    make: (n, c) => [
      s(`Zovem se ${n} i tražim djevojke za rad u noćnom klubu u gradu ${c}.`, 'rec_destination_abroad_transfer'),
      s('Smještaj i hrana besplatni, karta plaćena.', 'rec_accommodation_provided', 'rec_travel_arranged'),
      s('Iskustvo nije potrebno.', 'rec_no_experience'),
      s('Pošaljite kopiju pasoša.', 'rec_early_documents'),
    ],
  },
  {
    lang: 'hbs',
    scripts: ['hbs-latn'],
    make: (n, c) => [
      s(`Agencija ${n} nudi posao u mjestu ${c} za građevinske radnike.`, 'rec_destination_abroad_transfer'),
      s('Vizu i radnu dozvolu sređujemo mi.', 'rec_visa_arranged'),
      s('Kotizacija 200 EUR uplata unaprijed.', 'rec_upfront_fee'),
      s('Hitno, polazak odmah!', 'rec_urgency'),
    ],
  },
  {
    lang: 'hbs',
    scripts: ['hbs-cyrl', 'hbs-latn'],
    make: (n, c) => [
      s(`Prevoz putnika ${c} - Beč, vozač ${n}.`),
      { text: 'Cijena 1.500 EUR po osobi.', ind: ['smg_route_price'], ids: [{ type: 'amount', value: '1500 EUR' }] },
      s('Plaćanje po dolasku, bez policije.', 'smg_knowledge_pay_on_arrival'),
      s('Siguran prelaz zagarantovan.', 'smg_guarantees_testimonials'),
    ],
  },
  {
    lang: 'en',
    scripts: ['en'],
    make: (n, c) => [
      s(`Hi, I am ${n}, recruiting for hotels in ${c}.`, 'rec_destination_abroad_transfer'),
      s('No experience needed.', 'rec_no_experience'),
      s('Free accommodation and meals.', 'rec_accommodation_provided'),
      s('Registration fee 150 EUR, paid in advance.', 'rec_upfront_fee'),
    ],
  },
  {
    lang: 'mk',
    scripts: ['mk'],
    make: (n, c) => [
      s(`Јас сум ${n}, бараме девојки за работа во ${c}.`, 'rec_destination_abroad_transfer'),
      s('Бесплатно сместување и храна.', 'rec_accommodation_provided'),
      s('Не е потребно искуство.', 'rec_no_experience'),
      s('Итно, почеток веднаш!', 'rec_urgency'),
    ],
  },
  {
    lang: 'sq',
    scripts: ['sq'],
    make: (n, c) => [
      s(`Unë jam ${n}, kërkojmë punëtorë për ${c}.`, 'rec_destination_abroad_transfer'),
      s('Akomodim falas dhe ushqim.', 'rec_accommodation_provided'),
      s('Nuk kërkohet përvojë.', 'rec_no_experience'),
      s('Vetëm WhatsApp.', 'rec_messenger_only'),
    ],
  },
  {
    lang: 'de',
    scripts: ['de'],
    make: (n, c) => [
      s(`Ich bin ${n} und suche Kellnerinnen für eine Bar in ${c}.`),
      s('Kostenlose Unterkunft.', 'rec_accommodation_provided'),
      s('Junge Frauen mit gutem Aussehen gesucht.', 'rec_age_gender_appearance'),
      s('Bar auf die Hand, ohne Vertrag.', 'rec_vague_no_contract'),
    ],
  },
  {
    lang: 'en',
    scripts: ['en'],
    make: (n, c) => [
      s(`${n} - new girls in ${c}, discreet and professional.`, 'esc_trustworthy_language'),
      s('Real photos, 100% discretion.', 'esc_trustworthy_language'),
      s('Available 24/7.', 'esc_24_7'),
    ],
  },
];
const NAMES: Record<L5, string[]> = {
  en: ['Anna', 'Kate', 'Mila', 'Lara', 'Nina', 'Sara'],
  hbs: ['Marko', 'Jelena', 'Dragan', 'Ivana', 'Nikola', 'Milica', 'Emir', 'Amra'],
  mk: ['Марија', 'Елена', 'Горан', 'Стефан'],
  sq: ['Arben', 'Elira', 'Blerim', 'Drita'],
  de: ['Sabine', 'Klaus', 'Petra', 'Jürgen'],
};
const TEMPLATE_CITIES: Record<L5, string[]> = {
  en: ['Vienna', 'Munich', 'Zurich', 'Milan', 'Ljubljana'],
  hbs: ['Beč', 'Minhen', 'Cirih', 'Grac', 'Ljubljana', 'Trst'],
  mk: ['Германија', 'Австрија', 'Хрватска', 'Словенија'],
  sq: ['Gjermani', 'Itali', 'Austri', 'Zvicër'],
  de: ['Wien', 'Salzburg', 'Innsbruck', 'Linz'],
};
TEMPLATES.forEach((t, ti) => {
  const copies = 3 + (ti % 3);
  for (let c = 0; c < copies; c++) {
    const lang = t.scripts[c % t.scripts.length]!;
    const sentences = t.make(pick(NAMES[t.lang]), pick(TEMPLATE_CITIES[t.lang]));
    const p = phone(pick(COUNTRY_OF[lang]));
    items.push(
      finish(
        lang,
        t.lang === 'en' && ti === 7 ? 'sexual' : ti === 2 ? 'smuggling' : 'deceptive',
        sentences,
        [contact(lang, p, c === 0 ? 1 : 0)],
        `T${ti + 1}`,
      ),
    );
  }
});

const out = fileURLToPath(new URL('./items.jsonl', import.meta.url));
writeFileSync(out, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
const byLang = items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.lang]: (acc[i.lang] ?? 0) + 1 }), {});
console.log(`wrote ${items.length} items to ${out}`, byLang);
