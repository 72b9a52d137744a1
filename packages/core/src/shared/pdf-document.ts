// pdfkit set up the same way for every PDF Trag writes (exhibit reports, preservation requests, trace reports,
// referral letters, training summaries and certificates): a Unicode font (so Cyrillic and Albanian names print), and
// rendering to a Buffer.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  [
    '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  ],
] as const;

export function newPdf(
  title: string,
  options: { margin?: number; layout?: 'portrait' | 'landscape' } = {},
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 50,
    info: { Title: title, Producer: 'Trag' },
  });
  const fonts = FONT_CANDIDATES.find(([regular, bold]) => existsSync(regular) && existsSync(bold));
  if (fonts) {
    doc.registerFont('body', fonts[0]);
    doc.registerFont('bold', fonts[1]);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  doc.font('body');
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
