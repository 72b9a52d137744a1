// PDFs of a training session: the trainer's summary (group, scenarios, each participant's result, the group's
// choices per decision point) and a certificate per participant who finished. Display names only; no case data.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ProgressEntry, SessionDebrief } from './training.service';

const FONTS = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
] as const;

function newDoc(title: string, layout: 'portrait' | 'landscape' = 'portrait') {
  const doc = new PDFDocument({ size: 'A4', layout, margin: 50, info: { Title: title, Producer: 'Trag' } });
  const fonts = FONTS.find(([r, b]) => existsSync(r) && existsSync(b));
  doc.registerFont('body', fonts ? fonts[0] : 'Helvetica');
  doc.registerFont('bold', fonts ? fonts[1] : 'Helvetica-Bold');
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

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
  const { doc, done } = newDoc(`Training session — ${input.title}`);
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
  doc.end();
  return done;
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
  const { doc, done } = newDoc(`Certificate — ${input.displayName}`, 'landscape');
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
  doc.end();
  return done;
}
