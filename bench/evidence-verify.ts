// Benchmark: verify a court bundle of N items offline (re-hash every original, check every custody ledger's chain
// and Ed25519 signatures, the manifest signature and SHA256SUMS), as `trag evidence verify` does.
// Run: npx tsx bench/evidence-verify.ts [items=1000] [kib-per-item=64]
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AgencyKeyring, appendCustodyEntry, verifyBundle, writeBundle, type CustodyEntry } from '@trag/core/evidence';

const ITEMS = Number(process.argv[2] ?? 1000);
const KIB = Number(process.argv[3] ?? 64);
const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-verify-'));
const key = await new AgencyKeyring(dir).get('bench-agency');
const events = ['collected', 'viewed', 'downloaded', 'sealed', 'exported'] as const;

const items = Array.from({ length: ITEMS }, (_, n) => {
  const content = randomBytes(KIB * 1024);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const itemId = `item-${n}`;
  const ledger: CustodyEntry[] = [];
  for (const [i, event] of events.entries()) {
    ledger.push(
      appendCustodyEntry(
        ledger[ledger.length - 1] ?? null,
        {
          itemId,
          at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
          event,
          actor: { userId: 'u1', name: 'Bench Investigator', agencyId: key.agencyId },
          sha256,
          details: {},
        },
        key,
      ),
    );
  }
  return {
    meta: {
      exhibit: `BENCH-EV-2026-${String(n + 1).padStart(4, '0')}`,
      itemId,
      sha256,
      size: content.length,
      fileName: `item-${n + 1}.bin`,
      mediaType: 'application/octet-stream',
      description: `Bench item ${n + 1}`,
      source: null,
      legalBasis: 'BENCH-1/26',
      location: null,
      device: null,
      collectedBy: 'Bench Investigator',
      collectedAt: '2026-11-01T09:00:00.000Z',
    },
    ledger,
    openOriginal: async () => Readable.from([content]),
  };
});

const file = path.join(dir, 'bundle.zip');
try {
  let t0 = performance.now();
  await writeBundle(file, {
    bundleId: 'bench',
    createdAt: new Date().toISOString(),
    createdBy: { userId: 'u1', name: 'Bench Investigator', agencyId: key.agencyId },
    case: { id: 'c1', reference: 'BENCH-2026-0001', title: 'Bench' },
    items,
    agencies: [{ agencyId: key.agencyId, name: 'Bench agency', publicKeyPem: key.publicKeyPem }],
    signer: key,
  });
  const writeSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const report = await verifyBundle(file);
  const verifySeconds = (performance.now() - t0) / 1000;
  console.log(
    `bundle: ${ITEMS} items × ${KIB} KiB, ${events.length} custody entries each, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB (with PDF report)`,
  );
  console.log(`export (write) : ${writeSeconds.toFixed(2)} s`);
  console.log(`verify         : ${verifySeconds.toFixed(2)} s (target < 30 s), ok=${report.ok}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
