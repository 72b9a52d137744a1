// The referral letter for a provider who is not a Trag user: a PDF holding only what the person consented to share
// (the listed field groups), the victim code, the service asked for, and verified helplines with their sources.
import { newPdf, pdfToBuffer } from '../shared/pdf-document';
import { FIELD_DEFINITIONS, type FieldGroup, type GroupValues } from './field-groups';
import type { Helpline } from './helplines';

export interface ReferralLetterInput {
  code: string;
  serviceType: string;
  providerName: string;
  fromAgency: string;
  date: string;
  /** How the sharing is covered: "consent given on YYYY-MM-DD" or "without consent: <override reason>". */
  basis: string;
  groups: Partial<Record<FieldGroup, GroupValues>>;
  helplines: Helpline[];
}

export function renderReferralLetter(input: ReferralLetterInput): Promise<Buffer> {
  const doc = newPdf(`Referral ${input.code}`);
  doc.font('bold').fontSize(16).text(`Referral — ${input.code}`);
  doc.moveDown(0.5).font('body').fontSize(10);
  doc.text(`From: ${input.fromAgency}`);
  doc.text(`To: ${input.providerName}`);
  doc.text(`Service requested: ${input.serviceType.replace(/_/g, ' ')}`);
  doc.text(`Date: ${input.date}`);
  doc.text(`Basis for sharing: ${input.basis}`);
  doc.moveDown();
  doc
    .fontSize(9)
    .text(
      'CONFIDENTIAL. This letter contains only the information the person agreed to share with you. Do not copy or pass it on; ' +
        'destroy it when the service ends.',
    );
  for (const [group, values] of Object.entries(input.groups) as [FieldGroup, GroupValues][]) {
    doc
      .moveDown()
      .font('bold')
      .fontSize(11)
      .text(group.charAt(0).toUpperCase() + group.slice(1));
    doc.font('body').fontSize(10);
    for (const def of FIELD_DEFINITIONS[group]) {
      const value = values[def.name];
      if (value === undefined) continue;
      doc.text(`${def.name.replace(/^(prs|vic)_/, '')}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    }
  }
  if (input.helplines.length > 0) {
    doc.moveDown().font('bold').fontSize(11).text('Where to get help');
    doc.font('body').fontSize(9);
    for (const h of input.helplines) doc.text(`${h.name}: ${h.phone}  (source: ${h.source})`);
  }
  return pdfToBuffer(doc);
}
