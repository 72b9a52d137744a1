// A saved export (Telegram Desktop folder, WhatsApp archive) as a read-only set of files, whether it arrived as a
// folder or as a ZIP. Paths are relative, '/'-separated and checked: nothing outside the export is ever read
// (no "..", no absolute paths, no symbolic links — in archives or in folders).
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../shared/errors';
import { openArchive, unsafeArchivePath, type OpenArchive } from './zip-archive';

export interface ExportFile {
  path: string;
  size: number;
}

export interface ExportSource {
  /** What the export was (for messages): a folder or an archive name. */
  label: string;
  files: ExportFile[];
  has(relativePath: string): boolean;
  open(relativePath: string): Promise<Readable>;
  readText(relativePath: string, maxBytes?: number): Promise<string>;
  close(): void;
}

const TEXT_LIMIT = 512 * 1024 * 1024;

function unsafe(message: string): AppError {
  return new AppError('invalid', 'archive_unsafe_path', message);
}

/** Normalises a path given inside an export (e.g. "photos/x.jpg") and refuses one that leaves it. */
export function exportRelativePath(raw: string): string {
  const cleaned = raw.replace(/^\.\//, '');
  const reason = unsafeArchivePath(cleaned);
  if (reason) throw unsafe(`The export refers to "${raw}", which ${reason}.`);
  return cleaned;
}

export async function openExportDirectory(root: string): Promise<ExportSource> {
  const files: ExportFile[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    for (const dirent of await fs.readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
      if (dirent.isSymbolicLink()) {
        throw new AppError(
          'invalid',
          'archive_symlink',
          `The export holds "${rel}", a symbolic link; links are refused.`,
        );
      }
      if (dirent.isDirectory()) await walk(path.join(dir, dirent.name), rel);
      else if (dirent.isFile()) files.push({ path: rel, size: (await fs.stat(path.join(dir, dirent.name))).size });
    }
  }
  await walk(root, '');
  const byPath = new Map(files.map((f) => [f.path, f]));
  const resolve = (rel: string) => {
    const clean = exportRelativePath(rel);
    if (!byPath.has(clean))
      throw new AppError('not_found', 'import_file_missing', `The export has no file "${clean}".`);
    return path.join(root, ...clean.split('/'));
  };
  return {
    label: path.basename(root),
    files,
    has: (rel) => byPath.has(rel),
    open: async (rel) => createReadStream(resolve(rel)),
    readText: async (rel, maxBytes = TEXT_LIMIT) => {
      const file = resolve(rel);
      if ((await fs.stat(file)).size > maxBytes) {
        throw new AppError('invalid', 'import_file_too_large', `"${rel}" is too large to import.`);
      }
      return fs.readFile(file, 'utf8');
    },
    close: () => undefined,
  };
}

export async function openExportArchive(file: string): Promise<ExportSource> {
  const archive: OpenArchive = await openArchive(file);
  const files = archive.entries.filter((e) => !e.isDirectory).map((e) => ({ path: e.name, size: e.size }));
  const entry = (rel: string) => {
    const found = archive.byName.get(rel);
    if (!found) throw new AppError('not_found', 'import_file_missing', `The archive has no file "${rel}".`);
    return found;
  };
  return {
    label: path.basename(file),
    files,
    has: (rel) => archive.byName.has(rel),
    open: (rel) => archive.open(entry(exportRelativePath(rel))),
    readText: (rel, maxBytes = TEXT_LIMIT) => archive.readText(entry(exportRelativePath(rel)), maxBytes),
    close: () => archive.close(),
  };
}

/** A view of a source below one folder (exports zipped with their top folder, e.g. "ChatExport_2026-11-14/"). */
export function subSource(source: ExportSource, prefix: string): ExportSource {
  if (prefix === '') return source;
  const p = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return {
    label: source.label,
    files: source.files.filter((f) => f.path.startsWith(p)).map((f) => ({ ...f, path: f.path.slice(p.length) })),
    has: (rel) => source.has(p + rel),
    open: (rel) => source.open(p + exportRelativePath(rel)),
    readText: (rel, max) => source.readText(p + exportRelativePath(rel), max),
    close: () => source.close(),
  };
}

/** One file as a source (a lone WhatsApp .txt). */
export async function singleFileSource(file: string, name = path.basename(file)): Promise<ExportSource> {
  const size = (await fs.stat(file)).size;
  return {
    label: name,
    files: [{ path: name, size }],
    has: (rel) => rel === name,
    open: async (rel) => {
      if (rel !== name) throw new AppError('not_found', 'import_file_missing', `The export has no file "${rel}".`);
      return createReadStream(file);
    },
    readText: async (rel) => {
      if (rel !== name) throw new AppError('not_found', 'import_file_missing', `The export has no file "${rel}".`);
      return fs.readFile(file, 'utf8');
    },
    close: () => undefined,
  };
}
