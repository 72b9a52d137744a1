// Reads a block file from disk: a bare serialized block, a blk*.dat-framed file, or either compressed with bzip2.
import { readFile } from 'node:fs/promises';
import Bunzip from 'seek-bzip';
import { AppError } from '../shared';
import { iterateBlocks, type ParsedBlock } from './block-parser';

const BZIP2_MAGIC = Buffer.from('BZh');

export function decompressIfBzip2(data: Buffer, label: string): Buffer {
  if (data.length < 4 || !data.subarray(0, 3).equals(BZIP2_MAGIC)) return data;
  try {
    return Bunzip.decode(data, undefined, true);
  } catch (error) {
    throw new AppError('invalid', 'crypto_bzip2_corrupt', `${label}: the bzip2 data is corrupt or truncated.`, {
      cause: error,
    });
  }
}

export async function readBlockFileBytes(path: string): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new AppError('not_found', 'crypto_file_unreadable', `Cannot read ${path}: check the path and permissions.`, {
      cause: error,
    });
  }
  return decompressIfBzip2(data, path);
}

/** Parses every block of a file; errors name the file and the byte offset (in the decompressed data). */
export async function readBlockFile(path: string): Promise<ParsedBlock[]> {
  const data = await readBlockFileBytes(path);
  try {
    return [...iterateBlocks(data)];
  } catch (error) {
    if (error instanceof AppError && error.kind === 'invalid') {
      throw new AppError('invalid', error.code, `${path}: ${error.message}`, { details: error.details, cause: error });
    }
    throw error;
  }
}
