// The PDF report of a saved trace: seed, method and heuristics in plain language, a picture of the flow (addresses
// in columns by hop), the per-path table, exchanges reached, tags with their sources, and how to reproduce it.
import { newPdf, pdfToBuffer } from '../shared/pdf-document';
import type { SavedTrace } from './crypto.service';
import { isTxNode } from './flow-record';

export const METHOD_TEXT: Record<string, string> = {
  fifo:
    'FIFO (first in, first out): every address is treated like a queue. When it sends money, the oldest money it still ' +
    'holds leaves first. Only the traced part of each payment is counted, so the amounts never exceed what the seed sent.',
  haircut:
    'Haircut (pro rata): every address is treated like a mixed pot. Each payment out carries the same share of traced ' +
    'money as the pot held at that moment. Amounts never exceed what the seed sent.',
  poison:
    'Poison: once traced money reaches an address, everything that address sends afterwards is counted as traced. This ' +
    'shows every place the money could have gone; amounts can add up to more than the seed sent and are an upper bound.',
};

const short = (s: string) => (s.length > 22 ? `${s.slice(0, 10)}…${s.slice(-8)}` : s);
const fmt = (n: number) => (Math.round(n * 1e6) / 1e6).toLocaleString('en-US', { maximumFractionDigits: 6 });

export function renderTraceReport(
  saved: SavedTrace,
  meta: { caseTitle: string; generatedAt: string },
): Promise<Buffer> {
  const doc = newPdf(`Trace: ${saved.title}`, { margin: 48 });
  const r = saved.result;
  const req = saved.request;
  const seed =
    'address' in req.seed
      ? req.seed.address
      : 'addresses' in req.seed
        ? req.seed.addresses.join(', ')
        : `transfer #${req.seed.transferSeq}`;
  doc.font('bold').fontSize(16).text(`Crypto trace: ${saved.title}`);
  doc
    .font('body')
    .fontSize(9)
    .fillColor('#444')
    .text(`Case: ${meta.caseTitle} · saved ${saved.createdAt} · report generated ${meta.generatedAt}`);
  doc.fillColor('black').moveDown();
  doc.font('bold').fontSize(11).text('What was traced');
  doc.font('body').fontSize(10);
  doc.text(`Seed: ${seed}`);
  doc.text(
    `Direction: ${req.direction === 'forward' ? 'forward — where did the money go' : 'backward — where did the money come from'}`,
  );
  doc.text(
    `Limits: up to ${req.maxHops} hops, ${req.maxNodes} addresses${req.asset ? `, asset ${req.asset}` : ''}${req.since ? `, from ${req.since}` : ''}${req.until ? `, until ${req.until}` : ''}${req.minValue !== undefined ? `, ignoring payments below ${req.minValue}` : ''}.`,
  );
  doc.text(`Stops at addresses tagged: ${(req.stopAtCategories ?? ['exchange']).join(', ')}.`);
  doc.text(
    `Value traced from the seed: ${fmt(r.seedValue)}${r.truncated ? ' (the address limit cut the trace short)' : ''}.`,
  );
  doc.moveDown(0.5).font('bold').text('Method');
  doc.font('body').text(METHOD_TEXT[r.method] ?? r.method);
  doc
    .moveDown(0.3)
    .text(
      'Bitcoin payments pass through transactions: all inputs of a transaction enter it together and its outputs leave it ' +
        'together; what stays behind is the miner fee. Money received from outside the imported data counts as untraced.',
    );

  // Flow picture: one column per hop.
  const columns = new Map<number, string[]>();
  for (const n of r.nodes)
    if (!isTxNode(n.node)) (columns.get(n.hop) ?? columns.set(n.hop, []).get(n.hop)!).push(n.node);
  const hops = [...columns.keys()].sort((a, b) => a - b);
  if (hops.length) {
    doc.addPage().font('bold').fontSize(11).text('Flow of the traced value');
    const top = doc.y + 10;
    const width = (doc.page.width - 96) / Math.max(1, hops.length);
    const pos = new Map<string, { x: number; y: number }>();
    hops.forEach((hop, i) => {
      columns
        .get(hop)!
        .slice(0, 14)
        .forEach((node, j) => pos.set(node, { x: 48 + i * width + 4, y: top + j * 44 }));
    });
    doc.lineWidth(0.6).strokeColor('#888');
    for (const e of r.edges) {
      const a =
        pos.get(e.transfer.from) ??
        pos.get(r.edges.find((x) => x.transfer.to === e.transfer.from)?.transfer.from ?? '');
      const b = pos.get(e.transfer.to);
      if (a && b && e.traced > 0)
        doc
          .moveTo(a.x + width - 20, a.y + 12)
          .lineTo(b.x, b.y + 12)
          .stroke();
    }
    doc.font('body').fontSize(7).fillColor('black');
    for (const [node, p] of pos) {
      const tag = saved.tags[node]?.[0];
      doc.rect(p.x, p.y, width - 24, 28).fillAndStroke(tag?.category === 'exchange' ? '#fde9c8' : '#eef3fb', '#667');
      doc.fillColor('black').text(short(node), p.x + 3, p.y + 3, { width: width - 30 });
      if (tag) doc.text(tag.label, p.x + 3, p.y + 14, { width: width - 30 });
    }
    doc.x = 48;
    doc.y = top + 15 * 44;
  }

  doc.addPage().font('bold').fontSize(11).text('Where the traced value ended');
  doc.font('body').fontSize(8);
  for (const e of r.endpoints) {
    doc
      .moveDown(0.4)
      .font('bold')
      .text(
        `${e.node} — ${fmt(e.amount)} (${fmt(e.share * 100)}%) — ${e.reason}${e.stopReason ? `: ${e.stopReason}` : ''}`,
      );
    doc.font('body');
    for (const p of e.paths.slice(0, 10)) doc.text(`  ${fmt(p.amount)} via ${p.nodes.map(short).join(' → ')}`);
    if (e.paths.length > 10) doc.text(`  … and ${e.paths.length - 10} more paths (see the CSV export)`);
  }
  const exchanges = r.endpoints.filter((e) => e.reason === 'stopped');
  doc.moveDown().font('bold').fontSize(11).text('Exchanges and services reached');
  doc
    .font('body')
    .fontSize(9)
    .text(
      exchanges.length
        ? exchanges.map((e) => `${e.stopReason} — ${e.node}: ${fmt(e.amount)}`).join('\n')
        : 'None within the limits above.',
    );
  doc.moveDown().font('bold').fontSize(11).text('Tags used, with sources');
  doc.font('body').fontSize(8);
  for (const [node, tags] of Object.entries(saved.tags)) {
    for (const t of tags)
      doc.text(
        `${node}: ${t.label} — category ${t.category ?? '-'}, confidence ${t.confidence ?? '-'}, source ${t.source ?? '-'} (${t.pack})`,
      );
  }
  doc.moveDown().font('bold').fontSize(11).text('Reproducing this trace');
  doc
    .font('body')
    .fontSize(8)
    .text(
      `Saved trace ${saved.id}. Data: every transfer of the case up to sequence number ${saved.snapshot.maxSeq}, from these imports (SHA-256 of each file): ` +
        saved.snapshot.imports.map((i) => `${i.fileName} ${i.sha256}`).join('; ') +
        `. Parameters: ${JSON.stringify(saved.request)}. Result SHA-256 (canonical JSON): ${saved.resultSha256}. ` +
        'Re-running the saved trace in Trag recomputes it on the same data and compares this hash.',
    );
  return pdfToBuffer(doc);
}
