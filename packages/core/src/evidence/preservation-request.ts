// A request to a platform or provider to preserve stored data (expedited preservation), as editable text and as
// PDF. The sections follow the items a request for expedited preservation carries under the Council of Europe
// Convention on Cybercrime (ETS No. 185), Article 29(2) (international requests; Article 16 is the domestic
// counterpart): requesting authority; offence and summary of facts; the data to preserve and its relation to the
// offence; what identifies the custodian or the system; why preservation is necessary; that a mutual assistance
// request will follow. Check the wording against the official text before relying on it: this repository holds
// no copy of the Convention.
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
    { heading: '1. Requesting authority', lines: [d.requestingAuthority, `Contact: ${d.contact}`] },
    { heading: '2. Offence under investigation and summary of the facts', lines: [d.offence, '', d.summary] },
    {
      heading: '3. Stored data to be preserved and its relation to the offence',
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
      heading: '4. Custodian of the data / location of the computer system',
      lines: [d.provider],
    },
    { heading: '5. Necessity of the preservation', lines: [d.necessity] },
    {
      heading: '6. Mutual assistance request',
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
