// Benchmark: build and verify a cooperation package of 1,000 entities and 1 GB of evidence (streamed; memory flat).
//   npx tsx bench/cooperation-package.ts [--mb 1024] [--files 4]
// Prints build and verify seconds and the peak resident memory of this process during each phase.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { buildPackage, CooperationKeyring, verifyAndOpenPackage, type EvidenceSource } from '@trag/core/cooperation';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const totalMb = arg('mb', 1024);
const files = arg('files', 4);

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}
const mb = (n: number) => `${(n / 1024 ** 2).toFixed(0)} MB`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-coop-'));
  try {
    const sender = await new CooperationKeyring(path.join(dir, 'a')).get('a');
    const recipient = await new CooperationKeyring(path.join(dir, 'b')).get('b');
    // Evidence originals: random bytes (incompressible), generated in 1 MB chunks.
    const sources: EvidenceSource[] = [];
    const per = Math.floor((totalMb * 1024 ** 2) / files);
    for (let f = 0; f < files; f++) {
      const file = path.join(dir, `evidence-${f}.bin`);
      const hash = createHash('sha256');
      const chunk = 1024 ** 2;
      await pipeline(
        Readable.from(
          (function* () {
            for (let done = 0; done < per; done += chunk) {
              const bytes = randomBytes(Math.min(chunk, per - done));
              hash.update(bytes);
              yield bytes;
            }
          })(),
        ),
        createWriteStream(file),
      );
      sources.push({
        exhibitNumber: `BA-2026-${f + 1}`,
        fileName: `evidence-${f}.bin`,
        mediaType: 'application/octet-stream',
        description: 'synthetic',
        size: per,
        sha256: hash.digest('hex'),
        senderItemId: `item-${f}`,
        custody: [],
        open: async () => createReadStream(file),
      });
    }
    const entities = Array.from({ length: 1000 }, (_, i) => ({
      type: 'phone',
      label: `Phone ${i}`,
      identifier: `+3876${String(1_000_000 + i).padStart(7, '0')}`,
      attributes: { note: 'synthetic' },
    }));
    const out = path.join(dir, 'package.trag.zip');
    global.gc?.();
    let stop = peakSampler();
    let t = performance.now();
    await buildPackage({
      sender,
      senderAgency: { name: 'Bench BA', country: 'BA' },
      recipients: [{ fingerprint: recipient.fingerprint, ageRecipient: recipient.publicKeys.ageRecipient }],
      created: new Date().toISOString(),
      expires: new Date(Date.now() + 86400_000).toISOString(),
      handling: { code: 'H1', restrictions: '' },
      grading: { source: 'B', information: 2 },
      purpose: 'bench',
      legalBasis: 'bench',
      caseTitle: 'bench',
      entities,
      notes: [],
      evidence: sources,
      out,
    });
    const buildSeconds = (performance.now() - t) / 1000;
    const buildPeak = stop();
    const size = (await fs.stat(out)).size;

    stop = peakSampler();
    t = performance.now();
    const opened = await verifyAndOpenPackage(
      out,
      {
        identity: recipient,
        partner: async () => ({ signingKey: sender.publicKeys.signingKey, trusted: true }),
        seen: async () => false,
        now: new Date(),
      },
      path.join(dir, 'tmp'),
    );
    const verifySeconds = (performance.now() - t) / 1000;
    const verifyPeak = stop();
    if (opened.manifest.entities.length !== 1000 || opened.manifest.evidence.length !== files) throw new Error('bad');
    await opened.close();
    console.log(
      JSON.stringify({
        evidenceBytes: per * files,
        files,
        entities: 1000,
        packageBytes: size,
        buildSeconds: Number(buildSeconds.toFixed(1)),
        buildPeakRss: mb(buildPeak),
        verifySeconds: Number(verifySeconds.toFixed(1)),
        verifyPeakRss: mb(verifyPeak),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
