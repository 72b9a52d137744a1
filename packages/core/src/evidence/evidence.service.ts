// Evidence workflows: collect (upload or import), view, download, custody events, verify, export a court bundle.
// Every custody event is appended to the item's signed ledger and to the audit log in the same transaction.
// Originals go to the blob store first (streamed, hashed); the database rows follow in one transaction; if that
// fails, a blob that nothing else references is removed again, so no orphan and no half item remains.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import { cooperation, type evidence } from '@trag/contracts';
import { AuditService } from '../audit';
import { CaseAccess } from '../cases';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { AppError, conflict, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { AgencyKeyring, type AgencyKey } from './agency-keys';
import { LocalBlobStore, type BlobStore, type PutResult } from './blob-store';
import { writeBundle } from './bundle-writer';
import { mediaTypeOf, type ChatImport } from './chat-message';
import {
  appendCustodyEntry,
  keyFingerprint,
  LEDGER_GENESIS,
  verifyCustodyLedger,
  type CustodyEntry,
  type CustodyEvent,
} from './custody-ledger';
import { toCustodyEntry, toEvidenceItem, toEvidenceMessage, rowToLedgerEntry } from './evidence.presenter';
import {
  EvidenceRepository,
  type EvidenceItemRow,
  type EvidenceListFilter,
  type MessageRow,
} from './evidence.repository';
import { readImport, type ImportResult } from './import-format';
import { preservationRequestPdf, preservationRequestText } from './preservation-request';
import { isExifCandidate, readImageMetadata } from './image-metadata';
import { isThumbnailCandidate, makeThumbnail, type ImageThumbnail } from './image-thumbnail';
import type { TimestampAuthority } from './trusted-timestamp';
import { captureWebPage, type CaptureOptions } from './web-page-capture';
import type { WebCaptureImport } from './web-capture';

export interface EvidenceServiceOptions {
  blobStore?: BlobStore;
  keyring?: AgencyKeyring;
  /** Largest accepted original, bytes (default 20 GB). */
  maxBytes?: number;
  /** RFC 3161 time-stamping of custody entries, when configured. */
  tsa?: TimestampAuthority | null;
}

export interface CollectInput {
  fileName: string;
  mediaType?: string | undefined;
  description: string;
  exhibitNumber?: string | undefined;
  source?: string | undefined;
  legalBasis?: string | undefined;
  location?: string | undefined;
  device?: string | undefined;
  /** Import a recognised export format and index its messages/records. */
  import?: boolean | undefined;
  /** Extra facts for the item's metadata (e.g. a capture's URL, status, tool). */
  metadata?: Record<string, unknown> | undefined;
  /** How it was collected, for the "collected" custody entry (default: upload, or the import format). */
  collectionMethod?: string | undefined;
}

export const evidenceNotFound = () =>
  new AppError(
    'not_found',
    'evidence_not_found',
    'This evidence item does not exist or you are not a member of its case. Ask the case lead to add you.',
  );

const DEFAULT_MAX_BYTES = 20 * 1024 ** 3;

interface PreparedChild {
  put: PutResult;
  fileName: string;
  mediaType: string;
  path: string;
  thumbnail: ImageThumbnail | null;
}

/** What an item's metadata says about its thumbnail (the bytes are in evidence_thumbnails). */
function thumbnailFacts(thumbnail: ImageThumbnail) {
  const { derivedFrom, sha256, mediaType, width, height, tool } = thumbnail;
  return { derivedFrom, sha256, mediaType, width, height, tool };
}

export class EvidenceService {
  readonly blobs: BlobStore;
  private readonly keyring: AgencyKeyring;
  private readonly repo: EvidenceRepository;
  private readonly audit: AuditService;
  private readonly access: CaseAccess;
  private readonly maxBytes: number;
  private readonly tsa: TimestampAuthority | null;

  constructor(
    private readonly ctx: CoreContext,
    options: EvidenceServiceOptions = {},
  ) {
    this.blobs = options.blobStore ?? new LocalBlobStore(ctx.dataDir);
    this.keyring = options.keyring ?? new AgencyKeyring(ctx.dataDir);
    this.repo = new EvidenceRepository(ctx.database.db);
    this.audit = new AuditService(ctx);
    this.access = new CaseAccess(ctx);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.tsa = options.tsa ?? null;
  }

  private tx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.ctx.database.db.transaction().execute(fn);
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  // ------------------------------------------------------------------ keys

  /** The agency's signing key, created on first use and registered so its entries stay verifiable. */
  async signingKey(agencyId: string, trx?: Kysely<Database>): Promise<AgencyKey> {
    const key = await this.keyring.get(agencyId);
    const write = (t: Kysely<Database>) =>
      this.repo.putSigningKey(t, {
        fingerprint: key.fingerprint,
        agency_id: agencyId,
        public_key_pem: key.publicKeyPem,
        created_at: this.now(),
      });
    if (trx) await write(trx);
    else await this.tx(write);
    return key;
  }

  async agencyKey(actor: Actor): Promise<evidence.SigningKeyResponse> {
    const key = await this.signingKey(actor.agencyId);
    return { agencyId: actor.agencyId, fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem };
  }

  // ------------------------------------------------------------------ custody

  private async appendCustody(
    trx: Kysely<Database>,
    actor: Actor,
    item: Pick<EvidenceItemRow, 'id' | 'sha256' | 'case_id' | 'exhibit_number'>,
    event: CustodyEvent,
    details: Record<string, unknown>,
    change: { status?: string; agencyId?: string } = {},
  ): Promise<CustodyEntry> {
    const key = await this.signingKey(actor.agencyId, trx);
    await this.repo.lockItem(trx, item.id);
    const last = await this.repo.lastCustody(trx, item.id);
    const entry = appendCustodyEntry(
      last ? { seq: Number(last.seq), hash: last.hash } : null,
      {
        itemId: item.id,
        at: this.now(),
        event,
        actor: { userId: actor.userId, name: actor.displayName, agencyId: actor.agencyId },
        sha256: item.sha256,
        details,
      },
      key,
    );
    const timestamp = this.tsa ? await this.tsa.stamp(entry.hash) : null;
    await this.repo.insertCustody(trx, {
      item_id: item.id,
      seq: entry.seq,
      at: entry.at,
      event: entry.event,
      actor_user_id: entry.actor.userId,
      actor_name: entry.actor.name,
      agency_id: entry.actor.agencyId,
      sha256: entry.sha256,
      details: JSON.stringify(entry.details),
      key_fingerprint: entry.keyFingerprint,
      prev_hash: entry.prevHash,
      hash: entry.hash,
      signature: entry.signature,
      timestamp: timestamp ? JSON.stringify(timestamp) : null,
    });
    await this.repo.setHead(trx, item.id, entry.seq, entry.hash, change.status, change.agencyId);
    await this.audit.record(
      actor,
      {
        action: `evidence.${event}`,
        recordType: 'evidence_item',
        recordId: item.id,
        caseId: item.case_id,
        details: { exhibit: item.exhibit_number, custodySeq: entry.seq, ...auditSafe(details) },
      },
      trx,
    );
    return { ...entry, timestamp };
  }

  // ------------------------------------------------------------------ collect

  private async allocateExhibit(trx: Kysely<Database>, agencyId: string, wanted?: string): Promise<string> {
    if (wanted) {
      if (await this.repo.exhibitTaken(trx, agencyId, wanted)) {
        throw conflict('evidence_exhibit_taken', `Your agency already has an exhibit numbered ${wanted}.`);
      }
      return wanted;
    }
    const prefix = (await this.repo.agencyPrefix(trx, agencyId)) ?? 'EV';
    const year = this.ctx.clock.now().getUTCFullYear();
    for (;;) {
      const value = await this.repo.nextExhibitValue(trx, agencyId, year);
      const exhibit = `${prefix}-EV-${year}-${String(value).padStart(4, '0')}`;
      if (!(await this.repo.exhibitTaken(trx, agencyId, exhibit))) return exhibit;
    }
  }

  /** Removes blobs stored for a collection that did not complete, unless another item uses them. */
  private async discardBlobs(puts: PutResult[]): Promise<void> {
    for (const put of puts) {
      if (put.existed) continue;
      if ((await this.repo.countBySha(put.sha256)) === 0) await this.blobs.remove(put.sha256);
    }
  }

  /**
   * Collects one original from a stream. With `input.import`, a recognised export is read and its messages and
   * attachments become addressable (attachments as their own items, exhibit numbers "<parent>/<n>").
   */
  async collect(actor: Actor, caseId: string, input: CollectInput, stream: Readable): Promise<evidence.EvidenceItem> {
    // The client may abort before we start reading; the blob store sees the error through the stream's state.
    stream.on('error', () => undefined);
    try {
      await this.access.requireWriter(actor, caseId);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    validateText(input);
    const put = await this.blobs.put(stream, { maxBytes: this.maxBytes });
    if (put.size === 0) {
      await this.discardBlobs([put]);
      throw invalid('evidence_empty_file', 'The file is empty; nothing was collected.');
    }
    const puts: PutResult[] = [put];
    try {
      let imported: ImportResult | null = null;
      let children: PreparedChild[] = [];
      if (input.import) {
        imported = await this.blobs.withLocalFile(put.sha256, (file) => readImport(file, { standalone: true }));
        if (imported.kind === 'chat') {
          try {
            children = await this.storeAttachments(imported.chat, imported.source, puts);
          } finally {
            imported.source.close();
          }
        }
      }
      const mediaType = input.mediaType || mediaTypeOf(input.fileName) || 'application/octet-stream';
      const exif = isExifCandidate(mediaType)
        ? await this.blobs.withLocalFile(put.sha256, (file) => readImageMetadata(file, put.sha256))
        : null;
      const thumbnail = await this.thumbnailOf(put.sha256, mediaType);
      const metadata = {
        ...(input.metadata ?? {}),
        ...(exif ? { exif } : {}),
        ...(thumbnail ? { thumbnail: thumbnailFacts(thumbnail) } : {}),
      };
      const id = await this.tx(async (trx) => {
        for (const made of [thumbnail, ...children.map((c) => c.thumbnail)]) {
          if (made) await this.repo.insertThumbnail(trx, this.thumbnailRow(made));
        }
        return this.insertCollected(trx, actor, caseId, { ...input, metadata }, put, imported, children);
      });
      return this.presentOne(id);
    } catch (error) {
      await this.discardBlobs(puts);
      throw error;
    }
  }

  private async storeAttachments(
    chat: ChatImport,
    source: { open(path: string): Promise<Readable> },
    puts: PutResult[],
  ): Promise<PreparedChild[]> {
    const seen = new Map<string, PreparedChild>();
    for (const message of chat.messages) {
      for (const attachment of message.attachments) {
        if (!attachment.path || seen.has(attachment.path)) continue;
        const put = await this.blobs.put(await source.open(attachment.path), { maxBytes: this.maxBytes });
        puts.push(put);
        const mediaType = attachment.mediaType ?? mediaTypeOf(attachment.name) ?? 'application/octet-stream';
        seen.set(attachment.path, {
          put,
          path: attachment.path,
          fileName: attachment.name,
          mediaType,
          thumbnail: await this.thumbnailOf(put.sha256, mediaType),
        });
      }
    }
    return [...seen.values()];
  }

  /** A thumbnail for an image original, made from the stored copy; null for other files and undecodable images. */
  private async thumbnailOf(sha256: string, mediaType: string): Promise<ImageThumbnail | null> {
    if (!isThumbnailCandidate(mediaType)) return null;
    return this.blobs.withLocalFile(sha256, (file) => makeThumbnail(file, sha256));
  }

  private thumbnailRow(thumbnail: ImageThumbnail) {
    return {
      derived_from: thumbnail.derivedFrom,
      media_type: thumbnail.mediaType,
      width: thumbnail.width,
      height: thumbnail.height,
      data: thumbnail.bytes.toString('base64'),
      sha256: thumbnail.sha256,
      tool: thumbnail.tool,
      created_at: this.now(),
    };
  }

  private async insertCollected(
    trx: Kysely<Database>,
    actor: Actor,
    caseId: string,
    input: CollectInput,
    put: PutResult,
    imported: ImportResult | null,
    children: PreparedChild[],
  ): Promise<string> {
    const now = this.now();
    const id = newId();
    const exhibit = await this.allocateExhibit(trx, actor.agencyId, input.exhibitNumber);
    const kind = imported ? (imported.kind === 'chat' ? 'chat_export' : 'web_capture') : 'file';
    const metadata = { ...(imported ? importMetadata(imported) : {}), ...(input.metadata ?? {}) };
    const base = {
      case_id: caseId,
      agency_id: actor.agencyId,
      source: input.source ?? null,
      legal_basis: input.legalBasis ?? null,
      location: input.location ?? null,
      device: input.device ?? null,
      collected_by: actor.userId,
      collected_by_name: actor.displayName,
      collected_at: now,
      status: 'held',
      ledger_head_seq: 0,
      ledger_head_hash: LEDGER_GENESIS,
      created_at: now,
    };
    const parent: EvidenceItemRow = {
      ...base,
      id,
      exhibit_number: exhibit,
      parent_id: null,
      kind,
      file_name: cleanFileName(input.fileName),
      media_type: input.mediaType || mediaTypeOf(input.fileName) || 'application/octet-stream',
      size: put.size,
      sha256: put.sha256,
      description: input.description.trim(),
      import_format: imported?.format ?? null,
      metadata: JSON.stringify(metadata),
    };
    await this.repo.insert(trx, parent);
    await this.appendCustody(trx, actor, parent, 'collected', {
      method: input.collectionMethod ?? (imported ? `import:${imported.format}` : 'upload'),
      fileName: parent.file_name,
      size: put.size,
      ...(put.existed ? { duplicateContent: true } : {}),
    });
    const childIds = new Map<string, string>();
    let n = 0;
    for (const child of children) {
      n += 1;
      const row: EvidenceItemRow = {
        ...base,
        id: newId(),
        exhibit_number: `${exhibit}/${n}`,
        parent_id: id,
        kind: 'attachment',
        file_name: cleanFileName(child.fileName),
        media_type: child.mediaType,
        size: child.put.size,
        sha256: child.put.sha256,
        description: `Attachment ${child.path} of ${exhibit}`,
        import_format: null,
        metadata: JSON.stringify({
          extractedFrom: { exhibit, sha256: put.sha256, path: child.path },
          ...(child.thumbnail ? { thumbnail: thumbnailFacts(child.thumbnail) } : {}),
        }),
      };
      await this.repo.insert(trx, row);
      await this.appendCustody(trx, actor, row, 'collected', {
        method: 'extracted',
        extractedFrom: exhibit,
        sourceSha256: put.sha256,
        path: child.path,
      });
      childIds.set(child.path, row.id);
    }
    if (imported?.kind === 'chat') {
      const rows: MessageRow[] = imported.chat.messages.map((m) => ({
        item_id: id,
        idx: m.index,
        ref: m.ref,
        kind: m.kind,
        author: m.author,
        author_id: m.authorId,
        time: m.time,
        time_basis: m.timeBasis,
        text: m.text,
        attachments: JSON.stringify(
          m.attachments.map((a) => ({
            name: a.name,
            kind: a.kind,
            mediaType: a.mediaType,
            omitted: a.omitted,
            itemId: a.path ? (childIds.get(a.path) ?? null) : null,
          })),
        ),
        reply_to: m.replyTo,
        forwarded_from: m.forwardedFrom,
        edited: m.edited,
      }));
      await this.repo.insertMessages(trx, rows);
    }
    return id;
  }

  /** The case an operator means by an id or a reference, among the cases the actor is a member of. */
  async resolveCase(actor: Actor, idOrReference: string): Promise<string> {
    for (const id of await this.repo.caseIdsByIdOrReference(idOrReference)) {
      if (await this.access.isMember(actor, id)) return id;
    }
    throw new AppError(
      'not_found',
      'case_not_found',
      'This case does not exist or you are not a member of it. Ask the case lead to add you.',
    );
  }

  /**
   * Captures a web page with headless Chromium and collects three items: the WARC of what was fetched (indexed), a
   * full-page PNG screenshot and a PDF, each with the URL, HTTP status, time, tool and capturing user.
   */
  async captureUrl(
    actor: Actor,
    caseId: string,
    input: Omit<CollectInput, 'fileName' | 'import' | 'metadata' | 'mediaType'> & { url: string },
    options: CaptureOptions = {},
  ): Promise<evidence.EvidenceItem[]> {
    await this.access.requireWriter(actor, caseId);
    const capture = await captureWebPage(input.url, { now: () => this.ctx.clock.now(), ...options });
    const { url: _url, ...fields } = input;
    const host = new URL(capture.url).hostname.replace(/[^A-Za-z0-9.-]/g, '_');
    const stamp = capture.capturedAt.replace(/[:.]/g, '-');
    const metadata = {
      capture: {
        url: capture.url,
        finalUrl: capture.finalUrl,
        status: capture.status,
        title: capture.title,
        capturedAt: capture.capturedAt,
        tool: capture.tool,
        capturedBy: actor.displayName,
      },
    };
    const base = { ...fields, source: fields.source ?? capture.url, metadata, collectionMethod: 'capture' };
    const items: evidence.EvidenceItem[] = [];
    items.push(
      await this.collect(
        actor,
        caseId,
        { ...base, fileName: `capture-${host}-${stamp}.warc`, mediaType: 'application/warc', import: true },
        Readable.from([capture.warc]),
      ),
    );
    items.push(
      await this.collect(
        actor,
        caseId,
        {
          ...base,
          description: `${fields.description} — screenshot`,
          fileName: `capture-${host}-${stamp}.png`,
          mediaType: 'image/png',
        },
        Readable.from([capture.screenshot]),
      ),
    );
    items.push(
      await this.collect(
        actor,
        caseId,
        {
          ...base,
          description: `${fields.description} — PDF`,
          fileName: `capture-${host}-${stamp}.pdf`,
          mediaType: 'application/pdf',
        },
        Readable.from([capture.pdf]),
      ),
    );
    return items;
  }

  /** Collects a file from disk (CLI). */
  async collectPath(actor: Actor, caseId: string, file: string, input: Omit<CollectInput, 'fileName'>) {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw invalid('evidence_not_a_file', `${path.basename(file)} is not a file.`);
    return this.collect(actor, caseId, { ...input, fileName: path.basename(file) }, createReadStream(file));
  }

  /**
   * After a crash (kill -9, power loss) mid-upload or mid-import: deletes temporary upload files and blobs that no
   * item references, if older than `graceMs` (so uploads still running in another server process are left alone).
   * Items and custody entries are written in one transaction, so the database itself is always consistent.
   */
  async cleanUpAfterCrash(graceMs = 15 * 60 * 1000): Promise<{ temporary: number; orphans: number }> {
    if (!(this.blobs instanceof LocalBlobStore)) return { temporary: 0, orphans: 0 };
    const temporary = await this.blobs.sweepTemporary(graceMs);
    let orphans = 0;
    const now = Date.now();
    for await (const blob of this.blobs.list()) {
      if (now - blob.mtimeMs < graceMs) continue;
      if ((await this.repo.countBySha(blob.sha256)) === 0) {
        await this.blobs.remove(blob.sha256);
        orphans += 1;
      }
    }
    return { temporary, orphans };
  }

  // ------------------------------------------------------------------ read

  private async requireItem(actor: Actor, id: string, trx?: Kysely<Database>) {
    const item = await this.repo.get(id, trx);
    if (!item) throw evidenceNotFound();
    const membership = await this.access.membership(actor, item.case_id, trx);
    if (!membership) throw evidenceNotFound();
    return { item, membership };
  }

  private async presentOne(id: string): Promise<evidence.EvidenceItem> {
    const item = await this.repo.get(id);
    if (!item) throw evidenceNotFound();
    return toEvidenceItem(item, await this.repo.sameContent(item.case_id, item.sha256, item.id));
  }

  async list(actor: Actor, caseId: string, filter: EvidenceListFilter = {}): Promise<evidence.EvidenceListResponse> {
    await this.access.requireMember(actor, caseId);
    const rows = await this.repo.list(caseId, filter);
    const bySha = new Map<string, string[]>();
    for (const row of rows) bySha.set(row.sha256, [...(bySha.get(row.sha256) ?? []), row.exhibit_number]);
    await this.audit.record(actor, {
      action: 'evidence.list',
      recordType: 'case',
      recordId: caseId,
      caseId,
      details: { count: rows.length },
    });
    return {
      items: rows.map((r) =>
        toEvidenceItem(
          r,
          (bySha.get(r.sha256) ?? []).filter((e) => e !== r.exhibit_number),
        ),
      ),
    };
  }

  /** The item page: metadata, attachments and custody; the view itself is a custody event. */
  async view(actor: Actor, id: string): Promise<evidence.EvidenceItemDetail> {
    await this.tx(async (trx) => {
      const { item } = await this.requireItem(actor, id, trx);
      await this.appendCustody(trx, actor, item, 'viewed', {});
    });
    const item = await this.presentOne(id);
    const custody = (await this.repo.custody(id)).map(toCustodyEntry);
    const attachments = (await this.repo.listChildren(id)).map((r) => toEvidenceItem(r, []));
    return { item, custody, attachments };
  }

  /**
   * The thumbnail of an image item. A derived, reduced copy: showing it is recorded in the audit log (who saw which
   * item's thumbnail), not as a custody event on the original, which it never touches.
   */
  async thumbnail(actor: Actor, id: string): Promise<{ mediaType: string; bytes: Buffer }> {
    const { item } = await this.requireItem(actor, id);
    const row = await this.repo.thumbnail(item.sha256);
    if (!row)
      throw new AppError(
        'not_found',
        'evidence_no_thumbnail',
        'This item has no thumbnail (it is not an image Trag can read).',
      );
    await this.audit.record(actor, {
      action: 'evidence.thumbnail',
      recordType: 'evidence_item',
      recordId: item.id,
      caseId: item.case_id,
    });
    return { mediaType: row.media_type, bytes: Buffer.from(row.data, 'base64') };
  }

  /** Streams the original; the download is a custody event, recorded before the first byte leaves. */
  async download(
    actor: Actor,
    id: string,
    options: { preview?: boolean } = {},
  ): Promise<{ item: evidence.EvidenceItem; stream: Readable }> {
    await this.tx(async (trx) => {
      const { item } = await this.requireItem(actor, id, trx);
      await this.appendCustody(
        trx,
        actor,
        item,
        options.preview ? 'viewed' : 'downloaded',
        options.preview ? { preview: true } : {},
      );
    });
    const item = await this.presentOne(id);
    return { item, stream: await this.blobs.get(item.sha256) };
  }

  async messages(actor: Actor, id: string, limit = 100, offset = 0): Promise<evidence.EvidenceMessagesResponse> {
    await this.requireItem(actor, id);
    const { rows, total } = await this.repo.messages(id, Math.min(Math.max(limit, 1), 500), Math.max(offset, 0));
    return { messages: rows.map(toEvidenceMessage), total };
  }

  // ------------------------------------------------------------------ custody events

  async recordEvent(
    actor: Actor,
    id: string,
    request: evidence.CustodyEventRequest,
  ): Promise<evidence.EvidenceItemDetail> {
    await this.tx(async (trx) => {
      const item = await this.repo.get(id, trx);
      if (!item) throw evidenceNotFound();
      await this.access.requireWriter(actor, item.case_id, trx);
      if (item.status === 'disposed') {
        throw conflict('evidence_disposed', 'This item was disposed of; no further custody events can be recorded.');
      }
      const details: Record<string, unknown> = {};
      if (request.note) details.note = request.note;
      if (request.reference) details.reference = request.reference;
      const change: { status?: string; agencyId?: string } = {};
      switch (request.event) {
        case 'transferred':
          if (!request.toAgencyId || !(await this.repo.agencyExists(request.toAgencyId, trx))) {
            throw invalid('evidence_transfer_agency', 'Choose the agency that receives the item.');
          }
          details.fromAgencyId = item.agency_id;
          details.toAgencyId = request.toAgencyId;
          change.agencyId = request.toAgencyId;
          change.status = 'held';
          break;
        case 'sealed':
          change.status = 'sealed';
          break;
        case 'released':
          change.status = 'released';
          break;
        case 'disposed':
          change.status = 'disposed';
          break;
        case 'annotated':
          if (!request.note) throw invalid('evidence_note_required', 'Write the annotation in "note".');
          break;
      }
      await this.appendCustody(trx, actor, item, request.event, details, change);
    });
    const item = await this.presentOne(id);
    return {
      item,
      custody: (await this.repo.custody(id)).map(toCustodyEntry),
      attachments: (await this.repo.listChildren(id)).map((r) => toEvidenceItem(r, [])),
    };
  }

  // ------------------------------------------------------------------ verify

  private async ledgerKeys(fingerprints: string[]) {
    const rows = await this.repo.signingKeys([...new Set(fingerprints)]);
    const keys = new Map<string, KeyObject>();
    const keyAgency = new Map<string, string>();
    for (const row of rows) {
      const key = createPublicKey(row.public_key_pem);
      if (keyFingerprint(key) !== row.fingerprint) continue; // a tampered key row verifies nothing
      keys.set(row.fingerprint, key);
      keyAgency.set(row.fingerprint, row.agency_id);
    }
    return { keys, keyAgency, rows };
  }

  /** Re-hashes the original and re-checks the custody ledger (chain, signatures, keys, head). */
  async verify(actor: Actor, id: string): Promise<evidence.EvidenceVerifyResponse> {
    const { item } = await this.requireItem(actor, id);
    const problems: evidence.EvidenceVerifyResponse['problems'] = [];
    const blob = await this.blobs.verify(item.sha256);
    if (!blob.ok) {
      problems.push(
        blob.problem === 'missing'
          ? { code: 'original_missing', message: 'The stored original is missing from the blob store.' }
          : {
              code: 'original_hash_mismatch',
              message: 'The stored original no longer matches its SHA-256: its bytes were changed.',
            },
      );
    }
    const entries = (await this.repo.custody(id)).map(rowToLedgerEntry);
    const { keys, keyAgency } = await this.ledgerKeys(entries.map((e) => e.keyFingerprint));
    for (const p of verifyCustodyLedger(entries, {
      itemId: id,
      sha256: blob.actualSha256 ?? item.sha256,
      keys,
      keyAgency,
      head: { seq: Number(item.ledger_head_seq), hash: item.ledger_head_hash },
    })) {
      problems.push({ code: p.code, message: p.message, ...(p.seq !== null ? { seq: p.seq } : {}) });
    }
    await this.audit.record(actor, {
      action: 'evidence.verify',
      recordType: 'evidence_item',
      recordId: id,
      caseId: item.case_id,
      details: { exhibit: item.exhibit_number, ok: problems.length === 0, problems: problems.map((p) => p.code) },
    });
    return {
      ok: problems.length === 0,
      exhibit: item.exhibit_number,
      sha256: item.sha256,
      checkedAt: this.now(),
      entries: entries.length,
      problems,
    };
  }

  // ------------------------------------------------------------------ export

  exportPath(exportId: string): string {
    return path.join(this.ctx.dataDir, 'exports', `${exportId}.zip`);
  }

  /** Writes a court bundle of the selected items (and their attachments); each item's ledger records the export. */
  async exportBundle(
    actor: Actor,
    caseId: string,
    itemIds: string[],
    options: { synthetic?: boolean; withoutReport?: boolean } = {},
  ): Promise<evidence.EvidenceExport> {
    await this.access.requireMember(actor, caseId);
    const selected = await this.repo.getMany([...new Set(itemIds)]);
    if (selected.length !== new Set(itemIds).size || selected.some((i) => i.case_id !== caseId)) {
      throw evidenceNotFound();
    }
    const all = new Map(selected.map((i) => [i.id, i]));
    for (const item of selected) for (const child of await this.repo.listChildren(item.id)) all.set(child.id, child);
    const items = [...all.values()].sort((a, b) => (a.exhibit_number < b.exhibit_number ? -1 : 1));
    // Material a partner agency sent under a handling code that forbids passing it on or using it in court (without
    // the sender's permission) may not leave in a bundle.
    const restricted = await this.repo.receivedUnderCodes(
      items.map((i) => i.id),
      cooperation.COURT_BUNDLE_FORBIDDEN_CODES,
    );
    if (restricted.length > 0) {
      const exhibits = items.filter((i) => restricted.some((r) => r.record_id === i.id)).map((i) => i.exhibit_number);
      const code = restricted[0]!.handling_code;
      throw forbidden(
        code === 'H1' ? 'handling_forbids_court_use' : 'handling_forbids_onward_sharing',
        `${exhibits.join(', ')} came from a partner agency under handling code ${code}, which does not allow ${code === 'H1' ? 'using it as evidence in court' : 'passing it on'} without the sender's permission. Ask the original sender and leave it out of the bundle.`,
      );
    }
    const exportId = newId();
    const signer = await this.signingKey(actor.agencyId);
    await this.tx(async (trx) => {
      for (const item of items) {
        await this.appendCustody(trx, actor, item, 'exported', { bundleId: exportId, items: items.length });
      }
    });
    const ledgers = await this.repo.custodyMany(items.map((i) => i.id));
    const fingerprints = [...ledgers.values()].flat().map((r) => r.key_fingerprint);
    const { rows: keyRows } = await this.ledgerKeys([...fingerprints, signer.fingerprint]);
    const names = await this.repo.agencyNames([...new Set(keyRows.map((r) => r.agency_id))]);
    const caseInfo = await this.repo.caseInfo(caseId);
    if (!caseInfo) throw evidenceNotFound();
    const file = this.exportPath(exportId);
    const written = await writeBundle(file, {
      bundleId: exportId,
      createdAt: this.now(),
      createdBy: { userId: actor.userId, name: actor.displayName, agencyId: actor.agencyId },
      case: caseInfo,
      signer,
      synthetic: options.synthetic,
      withoutReport: options.withoutReport,
      agencies: keyRows.map((r) => ({
        agencyId: r.agency_id,
        name: names.get(r.agency_id) ?? r.agency_id,
        publicKeyPem: r.public_key_pem,
      })),
      items: items.map((item) => ({
        meta: {
          exhibit: item.exhibit_number,
          itemId: item.id,
          sha256: item.sha256,
          size: Number(item.size),
          fileName: item.file_name,
          mediaType: item.media_type,
          description: item.description,
          source: item.source,
          legalBasis: item.legal_basis,
          location: item.location,
          device: item.device,
          collectedBy: item.collected_by_name,
          collectedAt: item.collected_at,
        },
        ledger: (ledgers.get(item.id) ?? []).map(rowToLedgerEntry),
        openOriginal: () => this.blobs.get(item.sha256),
      })),
    });
    const fileName = `${safeName(caseInfo.reference)}-evidence-${exportId.slice(0, 8)}.zip`;
    await this.tx((trx) =>
      this.repo.insertExport(trx, {
        id: exportId,
        case_id: caseId,
        created_by: actor.userId,
        created_at: this.now(),
        item_ids: JSON.stringify(items.map((i) => i.id)),
        sha256: written.sha256,
        size: written.size,
        file_name: fileName,
      }),
    );
    return {
      id: exportId,
      caseId,
      createdAt: written.manifest.createdAt,
      createdBy: actor.userId,
      itemCount: items.length,
      sha256: written.sha256,
      size: written.size,
      fileName,
      signingKeyFingerprint: signer.fingerprint,
    };
  }

  /** Opens a bundle produced earlier, for a member of its case; the download is audited. */
  async openExport(actor: Actor, exportId: string): Promise<{ fileName: string; size: number; stream: Readable }> {
    const row = await this.repo.getExport(exportId);
    if (!row || !(await this.access.isMember(actor, row.case_id))) {
      throw notFound('evidence_export_not_found', 'This export does not exist or you are not a member of its case.');
    }
    await this.audit.record(actor, {
      action: 'evidence.export_download',
      recordType: 'evidence_export',
      recordId: exportId,
      caseId: row.case_id,
      details: { sha256: row.sha256 },
    });
    return { fileName: row.file_name, size: Number(row.size), stream: createReadStream(this.exportPath(exportId)) };
  }

  /** A preservation request (Budapest Convention art. 16/29 items) built from the case and selected evidence. */
  async preservationRequest(
    actor: Actor,
    caseId: string,
    input: evidence.PreservationRequestInput,
  ): Promise<{ format: 'pdf' | 'text'; fileName: string; body: Buffer }> {
    await this.access.requireMember(actor, caseId);
    const caseInfo = await this.repo.caseInfo(caseId);
    if (!caseInfo) throw evidenceNotFound();
    const items = input.itemIds?.length ? await this.repo.getMany([...new Set(input.itemIds)]) : [];
    if (items.some((i) => i.case_id !== caseId) || items.length !== new Set(input.itemIds ?? []).size) {
      throw evidenceNotFound();
    }
    if (Number.isNaN(Date.parse(input.from)) || Number.isNaN(Date.parse(input.to)) || input.from > input.to) {
      throw invalid(
        'preservation_period_invalid',
        'Give the period as two dates (from ≤ to), e.g. 2026-11-01 and 2026-11-30.',
      );
    }
    const data = {
      reference: caseInfo.reference,
      date: this.now().slice(0, 10),
      requestingAuthority: input.requestingAuthority,
      contact: input.contact,
      provider: input.provider,
      offence: input.offence,
      summary: input.summary,
      accounts: input.accounts,
      from: input.from,
      to: input.to,
      exhibits: items.map((i) => ({ exhibit: i.exhibit_number, sha256: i.sha256, description: i.description })),
      necessity: input.necessity,
      mutualAssistanceToFollow: input.mutualAssistanceToFollow,
    };
    const format = input.format ?? 'pdf';
    await this.audit.record(actor, {
      action: 'evidence.preservation_request',
      recordType: 'case',
      recordId: caseId,
      caseId,
      details: { format, accounts: input.accounts.length, exhibits: items.length },
    });
    const base = `${safeName(caseInfo.reference)}-preservation-request`;
    return format === 'pdf'
      ? { format, fileName: `${base}.pdf`, body: await preservationRequestPdf(data) }
      : { format, fileName: `${base}.txt`, body: Buffer.from(preservationRequestText(data), 'utf8') };
  }
}

function validateText(input: CollectInput): void {
  if (!input.description?.trim()) {
    throw invalid('evidence_description_required', 'Describe the item (what it is and where it comes from).');
  }
  if (!input.fileName?.trim()) throw invalid('evidence_file_name_required', 'The file has no name.');
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned === '' ? 'file' : cleaned;
}

function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'case';
}

/** Details that may go to the audit: event facts, never message content or notes' text. */
function auditSafe(details: Record<string, unknown>): Record<string, unknown> {
  const { note: _note, ...rest } = details;
  return { ...rest, ...(typeof details.note === 'string' ? { noted: true } : {}) };
}

function importMetadata(imported: ImportResult): Record<string, unknown> {
  if (imported.kind === 'chat') {
    const chat = imported.chat;
    return {
      format: chat.format,
      title: chat.title,
      messages: chat.messages.length,
      participants: chat.participants.slice(0, 200),
      notes: chat.notes,
      firstMessageAt: chat.messages[0]?.time ?? null,
      lastMessageAt: chat.messages[chat.messages.length - 1]?.time ?? null,
    };
  }
  const capture: WebCaptureImport = imported.capture;
  return {
    format: capture.format,
    title: capture.title,
    pageUrl: capture.pageUrl,
    capturedAt: capture.capturedAt,
    resources: capture.resources.slice(0, 2000),
    notes: capture.notes,
  };
}
