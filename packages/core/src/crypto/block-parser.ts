// Bitcoin raw block parser. Pure: bytes in, blocks and transactions out; never touches files or the network.
//
// Formats (Bitcoin Core serialization, see https://developer.bitcoin.org/reference/block_chain.html and BIP-144):
//   block   = header(80) varint(txCount) tx*
//   header  = version i32 | prevHash 32 | merkleRoot 32 | time u32 | bits u32 | nonce u32      (little-endian)
//   tx      = version i32 | [0x00 0x01 if segwit] | varint n  input* | varint n output* | [witness per input] | locktime u32
//   input   = prevHash 32 | vout u32 | varint len scriptSig | sequence u32
//   output  = value i64 | varint len scriptPubKey
// Hashes are double SHA-256. txid hashes the serialization *without* marker, flag and witnesses; wtxid hashes all of
// it; the block hash hashes the 80-byte header. Displayed hashes are byte-reversed hex.
// blk*.dat files (Bitcoin Core's block store) frame each block as: network magic(4) | length u32 LE | block.
//
// SHA-256 comes from node:crypto (OpenSSL, native), the merkle check and everything else is plain arithmetic.
import { createHash, hash as oneShotHash } from 'node:crypto';
import { AppError } from '../shared';

export interface ParsedInput {
  /** Previous transaction hash in internal (little-endian) byte order; use `prevTxid()` for display hex. */
  prevHash: Uint8Array;
  vout: number;
  scriptSig: Uint8Array;
  sequence: number;
  witness: Uint8Array[];
}

export interface ParsedOutput {
  /** Value in satoshis (always below 2^53). */
  value: number;
  script: Uint8Array;
}

export interface ParsedTx {
  txid: string;
  /** Equal to txid for transactions without witness data. */
  wtxid: string;
  version: number;
  locktime: number;
  segwit: boolean;
  inputs: ParsedInput[];
  outputs: ParsedOutput[];
  /** Serialized size in bytes, including witness data. */
  size: number;
  /** Offset of this transaction in the parsed buffer. */
  offset: number;
}

export interface BlockHeader {
  version: number;
  /** Display-order hex of the previous block's hash. */
  prev: string;
  /** Display-order hex of the merkle root written in the header. */
  merkleRoot: string;
  /** Unix seconds. */
  time: number;
  bits: number;
  nonce: number;
}

export interface ParsedBlock {
  hash: string;
  header: BlockHeader;
  txs: ParsedTx[];
  size: number;
  /** Offset of the block (its header) in the parsed buffer. */
  offset: number;
  /** Merkle root recomputed from the txids (display hex); compare with header.merkleRoot. */
  computedMerkleRoot: string;
  merkleRootValid: boolean;
  /** Network named by the blk*.dat magic, when the block came from a framed file. */
  network?: BlockNetwork;
}

export type BlockNetwork = 'mainnet' | 'testnet' | 'testnet4' | 'signet' | 'regtest';

/** Magic bytes as they appear in the file. */
export const BLOCK_FILE_MAGIC: Record<string, BlockNetwork> = {
  f9beb4d9: 'mainnet',
  '0b110907': 'testnet',
  '1c163f28': 'testnet4',
  '0a03cf40': 'signet',
  fabfb5da: 'regtest',
};

export interface BlockParseProblem {
  code: 'crypto_block_truncated' | 'crypto_block_bad_magic' | 'crypto_block_corrupt' | 'crypto_block_trailing_bytes';
  offset: number;
  reason: string;
}

function problem(code: BlockParseProblem['code'], offset: number, reason: string): AppError {
  return new AppError('invalid', code, `${reason} (at byte offset ${offset}).`, { details: { offset } });
}

function sha256d(data: Uint8Array): Buffer {
  return oneShotHash('sha256', oneShotHash('sha256', data, 'buffer'), 'buffer');
}

/** Display-order hex (byte-reversed) of a 32-byte hash. Does not modify its argument. */
export function toDisplayHex(hash: Uint8Array): string {
  return Buffer.from(hash).reverse().toString('hex');
}

export function prevTxid(input: ParsedInput): string {
  return toDisplayHex(input.prevHash);
}

export function isCoinbaseInput(input: ParsedInput): boolean {
  return input.vout === 0xffffffff && input.prevHash.every((b) => b === 0);
}

/**
 * A forward-only reader over one buffer. Every read checks bounds, so truncated or corrupt data throws an AppError
 * naming the offset instead of reading garbage.
 */
class Cursor {
  pos: number;
  constructor(
    readonly buf: Buffer,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }
  need(n: number, what: string): void {
    if (this.pos + n > this.end) {
      throw problem(
        'crypto_block_truncated',
        this.pos,
        `The data ends in the middle of ${what}; the file is truncated`,
      );
    }
  }
  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.pos++]!;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.buf.readInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  varint(what: string): number {
    const first = this.u8(what);
    if (first < 0xfd) return first;
    if (first === 0xfd) {
      this.need(2, what);
      const v = this.buf.readUInt16LE(this.pos);
      this.pos += 2;
      return v;
    }
    if (first === 0xfe) return this.u32(what);
    this.need(8, what);
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readUInt32LE(this.pos + 4);
    this.pos += 8;
    const v = hi * 0x100000000 + lo;
    if (v > this.end) throw problem('crypto_block_corrupt', this.pos - 9, `Impossible ${what} (${v})`);
    return v;
  }
  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A count of items each at least `minSize` bytes long; rejects counts the remaining data cannot hold. */
  count(minSize: number, what: string): number {
    const at = this.pos;
    const n = this.varint(what);
    if (n * minSize > this.end - this.pos) {
      throw problem(
        'crypto_block_corrupt',
        at,
        `The ${what} (${n}) does not fit in the remaining data; the block is corrupt or truncated`,
      );
    }
    return n;
  }
}

function parseTx(c: Cursor): ParsedTx {
  const start = c.pos;
  const version = c.i32('a transaction version');
  let segwit = false;
  if (c.pos + 2 <= c.end && c.buf[c.pos] === 0x00 && c.buf[c.pos + 1] === 0x01) {
    segwit = true;
    c.pos += 2;
  }
  const bodyStart = c.pos;
  const nIn = c.count(41, 'input count');
  if (nIn === 0) throw problem('crypto_block_corrupt', bodyStart, 'A transaction has no inputs');
  const inputs: ParsedInput[] = new Array<ParsedInput>(nIn);
  for (let i = 0; i < nIn; i++) {
    const prevHash = c.bytes(32, 'an input');
    const vout = c.u32('an input');
    const scriptLen = c.varint('an input script length');
    const scriptSig = c.bytes(scriptLen, 'an input script');
    const sequence = c.u32('an input sequence');
    inputs[i] = { prevHash, vout, scriptSig, sequence, witness: [] };
  }
  const nOut = c.count(9, 'output count');
  const outputs: ParsedOutput[] = new Array<ParsedOutput>(nOut);
  for (let i = 0; i < nOut; i++) {
    c.need(8, 'an output value');
    const lo = c.buf.readUInt32LE(c.pos);
    const hi = c.buf.readUInt32LE(c.pos + 4);
    c.pos += 8;
    if (hi > 0x1fffff) throw problem('crypto_block_corrupt', c.pos - 8, 'An output value is out of range');
    const scriptLen = c.varint('an output script length');
    outputs[i] = { value: hi * 0x100000000 + lo, script: c.bytes(scriptLen, 'an output script') };
  }
  const bodyEnd = c.pos;
  if (segwit) {
    for (let i = 0; i < nIn; i++) {
      const items = c.count(1, 'witness item count');
      const witness: Uint8Array[] = new Array<Uint8Array>(items);
      for (let j = 0; j < items; j++) witness[j] = c.bytes(c.varint('a witness item length'), 'a witness item');
      inputs[i]!.witness = witness;
    }
  }
  const locktimeAt = c.pos;
  const locktime = c.u32('a transaction locktime');
  const end = c.pos;
  const full = c.buf.subarray(start, end);
  let txid: string;
  let wtxid: string;
  if (segwit) {
    const h = createHash('sha256');
    h.update(c.buf.subarray(start, start + 4));
    h.update(c.buf.subarray(bodyStart, bodyEnd));
    h.update(c.buf.subarray(locktimeAt, end));
    txid = oneShotHash('sha256', h.digest(), 'buffer').reverse().toString('hex');
    wtxid = sha256d(full).reverse().toString('hex');
  } else {
    txid = sha256d(full).reverse().toString('hex');
    wtxid = txid;
  }
  return { txid, wtxid, version, locktime, segwit, inputs, outputs, size: end - start, offset: start };
}

/** Parses one serialized transaction (hex or bytes) that fills the whole input. */
export function parseTransaction(data: Uint8Array | string): ParsedTx {
  const buf =
    typeof data === 'string'
      ? Buffer.from(data.trim(), 'hex')
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const c = new Cursor(buf, 0, buf.length);
  const tx = parseTx(c);
  if (c.pos !== buf.length)
    throw problem('crypto_block_trailing_bytes', c.pos, 'Unexpected bytes follow the transaction');
  return tx;
}

/** Merkle root (internal byte order) of txids given in internal byte order. */
export function merkleRoot(hashes: Uint8Array[]): Buffer {
  if (hashes.length === 0) return Buffer.alloc(32);
  let level: Buffer[] = hashes.map((h) => Buffer.from(h));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i]!;
      const right = level[i + 1] ?? left; // an odd last hash is paired with itself
      next.push(sha256d(Buffer.concat([left, right])));
    }
    level = next;
  }
  return level[0]!;
}

/**
 * Parses one serialized block starting at `offset` and ending at `end` (default: the end of the buffer).
 * Throws AppError (kind invalid) naming the byte offset for truncated or corrupt data. A merkle root that does not
 * match is *reported* in `merkleRootValid`, never thrown: the parser describes what is in the bytes.
 */
export function parseBlock(data: Uint8Array, offset = 0, end = data.length): ParsedBlock {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const c = new Cursor(buf, offset, end);
  c.need(80, 'a block header');
  const headerBytes = buf.subarray(offset, offset + 80);
  const header: BlockHeader = {
    version: buf.readInt32LE(offset),
    prev: toDisplayHex(headerBytes.subarray(4, 36)),
    merkleRoot: toDisplayHex(headerBytes.subarray(36, 68)),
    time: buf.readUInt32LE(offset + 68),
    bits: buf.readUInt32LE(offset + 72),
    nonce: buf.readUInt32LE(offset + 76),
  };
  c.pos = offset + 80;
  const hash = sha256d(headerBytes).reverse().toString('hex');
  const nTx = c.count(60, 'transaction count');
  const txs: ParsedTx[] = new Array<ParsedTx>(nTx);
  for (let i = 0; i < nTx; i++) txs[i] = parseTx(c);
  const computed = merkleRoot(txs.map((t) => Buffer.from(t.txid, 'hex').reverse()))
    .reverse()
    .toString('hex');
  return {
    hash,
    header,
    txs,
    size: c.pos - offset,
    offset,
    computedMerkleRoot: computed,
    merkleRootValid: computed === header.merkleRoot,
  };
}

function magicAt(buf: Buffer, pos: number): BlockNetwork | undefined {
  if (pos + 4 > buf.length) return undefined;
  return BLOCK_FILE_MAGIC[buf.toString('hex', pos, pos + 4)];
}

/** True when the data starts with a blk*.dat network magic. */
export function isFramedBlockFile(data: Uint8Array): boolean {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return magicAt(buf, 0) !== undefined;
}

/**
 * Iterates the blocks of a blk*.dat-framed buffer, or of a single bare serialized block.
 * Zero bytes after the last framed block (Bitcoin Core pre-allocates blk files) are skipped.
 */
export function* iterateBlocks(data: Uint8Array): Generator<ParsedBlock> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!isFramedBlockFile(buf)) {
    const block = parseBlock(buf, 0, buf.length);
    if (block.size !== buf.length) {
      throw problem(
        'crypto_block_trailing_bytes',
        block.size,
        `${buf.length - block.size} unexpected bytes follow the block; this is neither one bare block nor a blk*.dat file`,
      );
    }
    yield block;
    return;
  }
  let pos = 0;
  while (pos < buf.length) {
    if (buf[pos] === 0 && buf.subarray(pos).every((b) => b === 0)) return;
    const network = magicAt(buf, pos);
    if (!network) {
      throw problem(
        'crypto_block_bad_magic',
        pos,
        `Expected a block-file magic (f9beb4d9 for mainnet) but found ${buf.toString('hex', pos, Math.min(pos + 4, buf.length))}; the file is corrupt or not a blk*.dat file`,
      );
    }
    if (pos + 8 > buf.length)
      throw problem('crypto_block_truncated', pos, 'The file ends inside a block-file record header');
    const length = buf.readUInt32LE(pos + 4);
    const start = pos + 8;
    if (start + length > buf.length) {
      throw problem('crypto_block_truncated', pos, `A block record announces ${length} bytes but the file ends first`);
    }
    const block = parseBlock(buf, start, start + length);
    if (block.size !== length) {
      throw problem(
        'crypto_block_corrupt',
        start,
        `A block record announces ${length} bytes but the block inside has ${block.size}`,
      );
    }
    block.network = network;
    yield block;
    pos = start + length;
  }
}

/** BIP-34 block height from the coinbase script (blocks of version 2 and later); null when absent. */
export function coinbaseHeight(block: ParsedBlock): number | null {
  if (block.header.version < 2) return null;
  const coinbase = block.txs[0]?.inputs[0];
  if (!coinbase) return null;
  const script = coinbase.scriptSig;
  const n = script[0];
  if (n === undefined || n < 1 || n > 8 || script.length < 1 + n) return null;
  let height = 0;
  for (let i = n; i >= 1; i--) height = height * 256 + script[i]!;
  return height;
}
