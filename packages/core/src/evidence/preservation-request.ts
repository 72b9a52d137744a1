// A request to a platform or provider to preserve stored data (expedited preservation), as editable text and as
// PDF. Sections 1–6 are, in order, the six items that Article 29(2)(a)–(f) of the Council of Europe Convention on
// Cybercrime (ETS No. 185) says a request for preservation "shall specify" (Article 16 is the domestic
// counterpart). Checked on 2026-11-30 against the article's English text as published in the Dutch Treaty Series,
// Trb. 2004, 18 (https://inview.nl/openCitation/iddcb76fc52723cca0e58e69684e906d60/convention-on-cybercrime-artikel-29)
// and its Czech translation in the Collection of International Treaties, 104/2013 Sb.
// (https://public.codexis.cz/zakon/104-2013-sb-m-s-sdeleni-ministerstva-zahranicnich-veci-o-sjednani-umluvy-o-pocitacove-kriminalite-CR43532/clanek-29---urychlene-uchovani-ulozenych-pocitacovych-dat-CL29).
import { newPdf, pdfToBuffer } from '../shared/pdf-document';

export interface PreservationRequestData {
  reference: string;
  date: string;
  requestingAuthority: string;
  contact: string;
  provider: string;
  offence: string;
  summary: string;
  accounts: string[];
  from: string;
  to: string;
  /** Exhibits the identifiers were taken from: exhibit number and SHA-256. */
  exhibits: { exhibit: string; sha256: string; description: string }[];
  necessity: string;
  mutualAssistanceToFollow: boolean;
}

interface Section {
  heading: string;
  lines: string[];
}

function sections(d: PreservationRequestData): Section[] {
  return [
    { heading: '1. Requesting authority (Art. 29(2)(a))', lines: [d.requestingAuthority, `Contact: ${d.contact}`] },
    {
      heading: '2. Offence under investigation and summary of the facts (Art. 29(2)(b))',
      lines: [d.offence, '', d.summary],
    },
    {
      heading: '3. Stored data to be preserved and its relation to the offence (Art. 29(2)(c))',
      lines: [
        `All stored content, subscriber and traffic data of the following accounts/identifiers, for the period ${d.from} to ${d.to} (UTC):`,
        ...d.accounts.map((a) => `  - ${a}`),
        ...(d.exhibits.length
          ? [
              '',
              'The identifiers appear in the following evidence held by the requesting authority:',
              ...d.exhibits.map((e) => `  - ${e.exhibit}: ${e.description} (SHA-256 ${e.sha256})`),
            ]
          : []),
      ],
    },
    {
      heading: '4. Custodian of the data / location of the computer system (Art. 29(2)(d))',
      lines: [d.provider],
    },
    { heading: '5. Necessity of the preservation (Art. 29(2)(e))', lines: [d.necessity] },
    {
      heading: '6. Mutual assistance request (Art. 29(2)(f))',
      lines: [
        d.mutualAssistanceToFollow
          ? 'The requesting authority intends to submit a request for mutual assistance for the search, seizure or disclosure of the preserved data.'
          : 'No request for mutual assistance is announced at this stage.',
      ],
    },
    {
      heading: 'Confidentiality',
      lines: ['Please do not notify the account holders of this request.'],
    },
  ];
}

export function preservationRequestText(d: PreservationRequestData): string {
  const out = [
    'REQUEST FOR EXPEDITED PRESERVATION OF STORED COMPUTER DATA',
    `(Convention on Cybercrime, ETS No. 185, Articles 16 and 29)`,
    '',
    `Reference: ${d.reference}`,
    `Date: ${d.date}`,
    `To: ${d.provider}`,
    '',
  ];
  for (const s of sections(d)) out.push(s.heading, ...s.lines, '');
  return out.join('\n');
}

export async function preservationRequestPdf(d: PreservationRequestData): Promise<Buffer> {
  const doc = newPdf(`Preservation request ${d.reference}`);
  doc.font('bold').fontSize(14).text('Request for expedited preservation of stored computer data');
  doc.font('body').fontSize(9).text('Convention on Cybercrime (ETS No. 185), Articles 16 and 29').moveDown();
  doc.fontSize(10).text(`Reference: ${d.reference}`).text(`Date: ${d.date}`).text(`To: ${d.provider}`).moveDown();
  for (const s of sections(d)) {
    doc.font('bold').fontSize(11).text(s.heading);
    doc.font('body').fontSize(10);
    for (const line of s.lines) doc.text(line === '' ? ' ' : line);
    doc.moveDown(0.6);
  }
  return pdfToBuffer(doc);
}
