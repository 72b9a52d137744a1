// Writes a court bundle (format in bundle-format.ts). Originals are streamed from their source into the ZIP
// uncompressed, so a several-GB original never sits in memory and its bytes appear in the ZIP unchanged.
import { createHash, createPublicKey, sign } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { AgencyKey } from './agency-keys';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleReadme,
  keyPath,
  ledgerPath,
  originalPath,
  type BundleItem,
  type BundleManifest,
} from './bundle-format';
import { buildCaseUco } from './case-uco';
import { keyFingerprint, ledgerToJsonLines, type CustodyActor, type CustodyEntry } from './custody-ledger';
import { renderExhibitReport } from './exhibit-report';

export interface BundleSourceItem {
  meta: Omit<BundleItem, 'original' | 'ledger' | 'ledgerHead'>;
  ledger: readonly CustodyEntry[];
  openOriginal(): Promise<Readable>;
}

export interface WriteBundleInput {
  bundleId: string;
  createdAt: string;
  createdBy: CustodyActor;
  case: { id: string; reference: string; title: string };
  items: BundleSourceItem[];
  /** Public keys of every agency whose key signed a ledger entry (the exporting agency included). */
  agencies: { agencyId: string; name: string; publicKeyPem: string }[];
  signer: AgencyKey;
  synthetic?: boolean;
  /** Skip the PDF (benchmarks of very large bundles). */
  withoutReport?: boolean;
}

export interface WrittenBundle {
  manifest: BundleManifest;
  sha256: string;
  size: number;
}

const REPORT_IMAGE_LIMIT = 5 * 1024 * 1024;

async function readSmall(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeBundle(outFile: string, input: WriteBundleInput): Promise<WrittenBundle> {
  const agencies = input.agencies.map((a) => {
    const fingerprint = keyFingerprint(createPublicKey(a.publicKeyPem));
    return { agencyId: a.agencyId, name: a.name, fingerprint, publicKey: keyPath(fingerprint), pem: a.publicKeyPem };
  });
  if (!agencies.some((a) => a.fingerprint === input.signer.fingerprint)) {
    agencies.push({
      agencyId: input.signer.agencyId,
      name: input.signer.agencyId,
      fingerprint: input.signer.fingerprint,
      publicKey: keyPath(input.signer.fingerprint),
      pem: input.signer.publicKeyPem,
    });
  }
  const usedPaths = new Set<string>();
  const unique = (p: string) => {
    let candidate = p;
    for (let n = 2; usedPaths.has(candidate); n++) candidate = p.replace(/(\.[^./]*)?$/, (ext) => `-${n}${ext}`);
    usedPaths.add(candidate);
    return candidate;
  };
  const items: BundleItem[] = input.items.map((source) => {
    const last = source.ledger[source.ledger.length - 1];
    if (!last) throw new Error(`Item ${source.meta.exhibit} has an empty custody ledger.`);
    return {
      ...source.meta,
      original: unique(originalPath(source.meta.exhibit, source.meta.fileName)),
      ledger: unique(ledgerPath(source.meta.exhibit)),
      ledgerHead: { seq: last.seq, hash: last.hash },
    };
  });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    createdBy: input.createdBy,
    case: input.case,
    signedBy: input.signer.fingerprint,
    agencies: agencies.map(({ pem: _pem, ...rest }) => rest),
    items,
    ...(input.synthetic ? { synthetic: true } : {}),
  };
  const ledgers = new Map(input.items.map((s) => [s.meta.itemId, s.ledger] as const));

  const sums: string[] = [];
  const zip = new yazl.ZipFile();
  const mtime = new Date(input.createdAt);
  const addBuffer = (name: string, data: Buffer) => {
    sums.push(`${createHash('sha256').update(data).digest('hex')}  ${name}`);
    zip.addBuffer(data, name, { mtime, compress: true });
  };

  await fs.mkdir(path.dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.part`;
  const written = pipeline(zip.outputStream, createWriteStream(tmp, { mode: 0o600 }));
  try {
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
    addBuffer('manifest.json', manifestBytes);
    addBuffer('manifest.json.sig', Buffer.from(sign(null, manifestBytes, input.signer.privateKey).toString('base64')));
    addBuffer('README.txt', Buffer.from(bundleReadme(manifest), 'utf8'));
    for (const agency of agencies) addBuffer(agency.publicKey, Buffer.from(agency.pem, 'utf8'));
    input.items.forEach((source, index) => {
      const item = items[index]!;
      addBuffer(item.ledger, Buffer.from(ledgerToJsonLines(source.ledger), 'utf8'));
    });
    addBuffer('case-uco.jsonld', Buffer.from(JSON.stringify(buildCaseUco(manifest, ledgers), null, 2), 'utf8'));
    if (!input.withoutReport) {
      const images = new Map<string, Buffer>();
      for (const source of input.items) {
        if (/^image\/(png|jpeg)$/.test(source.meta.mediaType) && source.meta.size <= REPORT_IMAGE_LIMIT) {
          images.set(source.meta.itemId, await readSmall(await source.openOriginal()));
        }
      }
      addBuffer('report.pdf', await renderExhibitReport({ manifest, ledgers, images }));
    }
    input.items.forEach((source, index) => {
      const item = items[index]!;
      sums.push(`${item.sha256}  ${item.original}`);
      zip.addReadStreamLazy(item.original, { mtime, compress: false, size: item.size }, (callback) => {
        source.openOriginal().then(
          (stream) => callback(null, stream),
          (error: Error) => callback(error, undefined as unknown as Readable),
        );
      });
    });
    zip.addBuffer(Buffer.from(sums.join('\n') + '\n', 'utf8'), 'SHA256SUMS', { mtime, compress: true });
    zip.end();
    await written;
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(tmp)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    await fs.rename(tmp, outFile);
    return { manifest, sha256: hash.digest('hex'), size };
  } catch (error) {
    (zip.outputStream as unknown as Readable).destroy();
    await written.catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
