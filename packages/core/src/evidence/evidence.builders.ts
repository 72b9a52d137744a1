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

/** A ZIP written byte by byte, so tests can hold entries no well-behaved tool would write (zip-slip, symlinks). */
export async function rawZip(
  file: string,
  entries: { name: string; data: Buffer; symlink?: boolean }[],
): Promise<string> {
  const { crc32 } = await import('node:zlib');
  const { writeFileSync } = await import('node:fs');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.symlink ? 0o120777 : 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, ...centrals, end]));
  return file;
}

/** Zips a fixture folder (optionally under a top folder, as exports often are). */
export async function zipFolder(folder: string, file: string, topFolder = ''): Promise<string> {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const entries: { name: string; data: Buffer }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else entries.push({ name: `${topFolder}${prefix}${name}`, data: readFileSync(full) });
    }
  };
  walk(folder, '');
  return rawZip(file, entries);
}
