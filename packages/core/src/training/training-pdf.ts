// PDFs of a training session: the trainer's summary (group, scenarios, each participant's result, the group's
// choices per decision point) and a certificate per participant who finished. Display names only; no case data.
import { newPdf, pdfToBuffer } from '../shared/pdf-document';
import type { ProgressEntry, SessionDebrief } from './training.service';

export interface SessionSummaryInput {
  title: string;
  groupName: string;
  language: string;
  date: string;
  scenarioTitles: Record<string, string>;
  entries: ProgressEntry[];
  debrief: SessionDebrief[];
}

export function renderSessionSummary(input: SessionSummaryInput): Promise<Buffer> {
  const doc = newPdf(`Training session — ${input.title}`);
  doc.font('bold').fontSize(16).text(input.title);
  doc.font('body').fontSize(10).text(`${input.groupName} · ${input.language} · ${input.date}`);
  doc.moveDown().font('bold').fontSize(12).text('Results');
  doc.font('body').fontSize(9);
  for (const e of input.entries) {
    const scenario = e.scenarioId ? (input.scenarioTitles[e.scenarioId] ?? e.scenarioId) : '—';
    doc.text(
      `${e.displayName} — ${scenario}: ${e.status}, ${e.step} decisions, score ${e.totalScore}, critical violations ${e.criticalViolations}${e.grade ? `, grade ${e.grade}` : ''}`,
    );
  }
  for (const s of input.debrief) {
    doc
      .moveDown()
      .font('bold')
      .fontSize(12)
      .text(`Group choices — ${input.scenarioTitles[s.scenarioId] ?? s.scenarioId}`);
    doc
      .font('body')
      .fontSize(9)
      .text(
        `${s.attempts} attempts, ${s.criticalAttempts} ended by a critical violation, mean score ${s.meanOverall ?? '—'}`,
      );
    for (const p of s.points) {
      doc.moveDown(0.3).font('bold').fontSize(10).text(p.knot);
      doc.font('body').fontSize(9);
      for (const c of p.choices)
        doc.text(`${c.count} × ${c.text}${c.rule ? ` (${c.rule} ${c.score > 0 ? '+' : ''}${c.score})` : ''}`);
    }
  }
  return pdfToBuffer(doc);
}

export interface CertificateInput {
  displayName: string;
  sessionTitle: string;
  groupName: string;
  scenarioTitles: string[];
  date: string;
  issuer: string;
}

export function renderCertificate(input: CertificateInput): Promise<Buffer> {
  const doc = newPdf(`Certificate — ${input.displayName}`, { layout: 'landscape' });
  doc.moveDown(3).font('bold').fontSize(28).text('Certificate of participation', { align: 'center' });
  doc.moveDown().font('body').fontSize(14).text('This certifies that', { align: 'center' });
  doc.moveDown(0.5).font('bold').fontSize(22).text(input.displayName, { align: 'center' });
  doc
    .moveDown(0.5)
    .font('body')
    .fontSize(14)
    .text(`completed the simulation exercises of "${input.sessionTitle}"`, { align: 'center' });
  doc.fontSize(12).text(input.groupName, { align: 'center' });
  doc.moveDown().fontSize(11).text(input.scenarioTitles.join(' · '), { align: 'center' });
  doc.moveDown(2).fontSize(11).text(`${input.issuer} — ${input.date}`, { align: 'center' });
  return pdfToBuffer(doc);
}
