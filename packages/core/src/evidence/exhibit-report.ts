// The bundle's PDF exhibit report: case and key, exhibit list with hashes, and per item its metadata, custody
// table and (for images) a picture of it. For people; the machine-checkable truth is manifest.json + ledgers.
import type { BundleManifest } from './bundle-format';
import type { CustodyEntry } from './custody-ledger';
import { formatFingerprint } from './agency-keys';
import { newPdf, pdfToBuffer } from '../shared/pdf-document';

export interface ExhibitReportInput {
  manifest: BundleManifest;
  ledgers: Map<string, readonly CustodyEntry[]>;
  /** Small images (PNG/JPEG) to show, by item id. */
  images?: Map<string, Buffer>;
}

export async function renderExhibitReport(input: ExhibitReportInput): Promise<Buffer> {
  const { manifest } = input;
  const doc = newPdf(`Exhibit report ${manifest.case.reference}`);
  if (manifest.synthetic) {
    doc.font('bold').fontSize(11).fillColor('#b00020').text('SYNTHETIC DEMONSTRATION MATERIAL — NOT EVIDENCE');
    doc.fillColor('black').moveDown(0.5);
  }
  doc.font('bold').fontSize(18).text('Exhibit report');
  doc.font('body').fontSize(10).moveDown(0.5);
  doc.text(`Case: ${manifest.case.reference} — ${manifest.case.title}`);
  doc.text(`Bundle: ${manifest.bundleId}`);
  doc.text(`Created: ${manifest.createdAt} by ${manifest.createdBy.name}`);
  doc.text(`Signing key fingerprint (SHA-256): ${formatFingerprint(manifest.signedBy)}`);
  for (const agency of manifest.agencies) {
    doc.text(`Agency key — ${agency.name}: ${formatFingerprint(agency.fingerprint)}`);
  }
  doc.moveDown();
  doc.font('bold').fontSize(13).text('Exhibits');
  doc.font('body').fontSize(9);
  for (const item of manifest.items) {
    doc.moveDown(0.3);
    doc.font('bold').text(`${item.exhibit}  ${item.fileName}  (${item.size.toLocaleString('en')} bytes)`);
    doc.font('body').text(`SHA-256 ${item.sha256}`);
  }
  for (const item of manifest.items) {
    doc.addPage();
    doc.font('bold').fontSize(14).text(`Exhibit ${item.exhibit}`);
    doc.font('body').fontSize(9).moveDown(0.5);
    const facts: [string, string | null][] = [
      ['File', item.fileName],
      ['Type', item.mediaType],
      ['Size', `${item.size} bytes`],
      ['SHA-256', item.sha256],
      ['Description', item.description],
      ['Source', item.source],
      ['Legal basis', item.legalBasis],
      ['Location', item.location],
      ['Device', item.device],
      ['Collected by', item.collectedBy],
      ['Collected at', item.collectedAt],
    ];
    for (const [label, value] of facts) {
      if (value) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
    }
    doc.moveDown().font('bold').fontSize(11).text('Chain of custody');
    doc.font('body').fontSize(8);
    for (const entry of input.ledgers.get(item.itemId) ?? []) {
      const details = Object.keys(entry.details).length ? `  ${JSON.stringify(entry.details)}` : '';
      doc.text(`#${entry.seq}  ${entry.at}  ${entry.event}  ${entry.actor.name} (${entry.actor.agencyId})${details}`);
      doc.fillColor('#555').text(`      entry hash ${entry.hash}`).fillColor('black');
    }
    const image = input.images?.get(item.itemId);
    if (image) {
      doc.moveDown();
      try {
        doc.image(image, { fit: [495, 380] });
      } catch {
        doc.text('(image could not be rendered in this report; see the original)');
      }
    }
  }
  return pdfToBuffer(doc);
}
