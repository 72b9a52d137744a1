// Test builders for the evidence domain (used by its tests only): a signed ledger and a bundle on disk.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { AgencyKeyring, type AgencyKey } from './agency-keys';
import { appendCustodyEntry, type CustodyEntry, type CustodyEvent } from './custody-ledger';
import { writeBundle, type BundleSourceItem } from './bundle-writer';

export function tempDir(prefix = 'trag-evidence-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function buildKey(dataDir = tempDir(), agencyId = 'agency-police-ba'): Promise<AgencyKey> {
  return new AgencyKeyring(dataDir).get(agencyId);
}

export function buildLedger(
  key: AgencyKey,
  itemId: string,
  sha256: string,
  events: CustodyEvent[] = ['collected', 'viewed', 'sealed'],
): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  events.forEach((event, i) => {
    entries.push(
      appendCustodyEntry(
        entries[entries.length - 1] ?? null,
        {
          itemId,
          at: new Date(Date.UTC(2026, 10, 30, 9, i)).toISOString(),
          event,
          actor: { userId: 'u-amra', name: 'Amra Hodžić', agencyId: key.agencyId },
          sha256,
          details: event === 'collected' ? { method: 'upload' } : {},
        },
        key,
      ),
    );
  });
  return entries;
}

export function buildSourceItem(
  key: AgencyKey,
  n: number,
  content: Buffer,
  fileName = `file-${n}.txt`,
): BundleSourceItem {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const itemId = `item-${n}`;
  return {
    meta: {
      exhibit: `SIPA-EV-2026-${String(n).padStart(4, '0')}`,
      itemId,
      sha256,
      size: content.length,
      fileName,
      mediaType: fileName.endsWith('.png') ? 'image/png' : 'text/plain',
      description: `Exhibit ${n}`,
      source: 'Upload',
      legalBasis: 'Order KPS-123/26',
      location: 'Sarajevo',
      device: null,
      collectedBy: 'Amra Hodžić',
      collectedAt: '2026-11-30T09:00:00.000Z',
    },
    ledger: buildLedger(key, itemId, sha256),
    openOriginal: async () => Readable.from([content]),
  };
}

export async function buildBundle(
  key: AgencyKey,
  contents: Buffer[],
  outFile = path.join(tempDir(), 'bundle.zip'),
): Promise<string> {
  await writeBundle(outFile, {
    bundleId: 'bundle-1',
    createdAt: '2026-11-30T10:00:00.000Z',
    createdBy: { userId: 'u-amra', name: 'Amra Hodžić', agencyId: key.agencyId },
    case: { id: 'case-1', reference: 'SIPA-2026-0042', title: 'Recruitment via fake job ads' },
    items: contents.map((c, i) => buildSourceItem(key, i + 1, c)),
    agencies: [{ agencyId: key.agencyId, name: 'SIPA', publicKeyPem: key.publicKeyPem }],
    signer: key,
  });
  return outFile;
}
