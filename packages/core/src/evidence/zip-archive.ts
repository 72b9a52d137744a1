// Reading ZIP archives we did not write (bundles to verify, WhatsApp exports, zipped Telegram exports) safely:
// entry names are checked before anything is used (no absolute paths, no "..", no backslashes, no symlinks, no
// duplicates), data is only ever streamed, and nothing is extracted to disk by path.
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import yazl from 'yazl';
import type { Readable } from 'node:stream';
import { AppError } from '../shared/errors';

export interface ArchiveEntry {
  name: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
  raw: Entry;
}

export interface OpenArchive {
  entries: ArchiveEntry[];
  byName: Map<string, ArchiveEntry>;
  open(entry: ArchiveEntry): Promise<Readable>;
  readText(entry: ArchiveEntry, maxBytes: number): Promise<string>;
  /** Byte offset of the entry's data in the archive file (for tests and diagnostics). */
  dataOffset(entry: ArchiveEntry): Promise<number>;
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Why an archive entry name is unsafe, or null. */
export function unsafeArchivePath(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'climbs out of the archive with ".."';
  return null;
}

function isSymlink(entry: Entry): boolean {
  const madeBy = entry.versionMadeBy >> 8;
  // 3 = UNIX: the high 16 bits of the external attributes hold the file mode.
  return madeBy === 3 && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

function archiveError(code: string, message: string): AppError {
  return new AppError('invalid', code, message);
}

export async function openArchive(file: string): Promise<OpenArchive> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    throw archiveError(
      'archive_corrupt',
      `The file is not a readable ZIP archive (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
  const entries: ArchiveEntry[] = [];
  const byName = new Map<string, ArchiveEntry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        const name = entry.fileName;
        const unsafe = unsafeArchivePath(name);
        if (unsafe) return reject(archiveError('archive_unsafe_path', `The archive entry "${name}" ${unsafe}.`));
        if (isSymlink(entry)) {
          return reject(
            archiveError('archive_symlink', `The archive entry "${name}" is a symbolic link; links are refused.`),
          );
        }
        if (byName.has(name)) {
          return reject(archiveError('archive_duplicate_entry', `The archive holds "${name}" twice.`));
        }
        const item: ArchiveEntry = {
          name,
          size: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
          isDirectory: name.endsWith('/'),
          raw: entry,
        };
        entries.push(item);
        byName.set(name, item);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (error: Error) => {
        const message = error.message;
        if (/absolute path|invalid relative path|invalid characters in fileName/.test(message)) {
          reject(archiveError('archive_unsafe_path', `The archive holds an unsafe entry name (${message}).`));
        } else {
          reject(archiveError('archive_corrupt', `The ZIP archive is damaged (${message}).`));
        }
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const archive: OpenArchive = {
    entries,
    byName,
    async open(entry) {
      try {
        return await zip.openReadStreamPromise(entry.raw);
      } catch (error) {
        throw archiveError(
          'archive_corrupt',
          `The archive entry "${entry.name}" cannot be read (${error instanceof Error ? error.message : 'unknown'}).`,
        );
      }
    },
    async readText(entry, maxBytes) {
      if (entry.size > maxBytes) {
        throw archiveError('archive_entry_too_large', `The archive entry "${entry.name}" is too large to read.`);
      }
      const stream = await archive.open(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    async dataOffset(entry) {
      const header = await zip.readLocalFileHeaderPromise(entry.raw, { minimal: true });
      return header.fileDataStart;
    },
    close() {
      zip.close();
    },
  };
  return archive;
}

/** Packs a folder (an export folder given to the CLI) into a ZIP, files stored as they are; symlinks refused. */
export async function zipFolder(folder: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        throw archiveError('archive_symlink', `${entry.name} is a symbolic link; links are refused.`);
      }
      if (entry.isDirectory()) await walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) zip.addFile(full, `${prefix}${entry.name}`, { compress: false });
    }
  };
  await walk(folder, '');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}
