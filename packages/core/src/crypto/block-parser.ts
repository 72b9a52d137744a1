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

/**
 * One transaction input. Byte fields are views into the parsed buffer, created on first access (parsing a block
 * allocates one small object per input and output, which is what makes it fast).
 */
export class ParsedInput {
  constructor(
    private readonly buf: Buffer,
    private readonly at: number,
    private readonly scriptLength: number,
    readonly vout: number,
    readonly sequence: number,
    /** Offset of this input's witness stack in the buffer, or -1 when the transaction has no witness data. */
    private witnessAt = -1,
  ) {}
  /** Previous transaction hash in internal (little-endian) byte order; use `prevTxid()` for display hex. */
  get prevHash(): Uint8Array {
    return this.buf.subarray(this.at, this.at + 32);
  }
  get scriptSig(): Uint8Array {
    const start = this.at + 32 + 4 + varintSize(this.scriptLength);
    return this.buf.subarray(start, start + this.scriptLength);
  }
  get witness(): Uint8Array[] {
    if (this.witnessAt < 0) return [];
    const c = new Cursor(this.buf, this.witnessAt, this.buf.length);
    const items = c.varint('witness item count');
    const out: Uint8Array[] = [];
    for (let j = 0; j < items; j++) out.push(c.bytes(c.varint('a witness item length'), 'a witness item'));
    return out;
  }
  /** @internal */
  setWitnessAt(at: number): void {
    this.witnessAt = at;
  }
}

export class ParsedOutput {
  constructor(
    private readonly buf: Buffer,
    private readonly scriptAt: number,
    private readonly scriptLength: number,
    /** Value in satoshis (always below 2^53). */
    readonly value: number,
  ) {}
  get script(): Uint8Array {
    return this.buf.subarray(this.scriptAt, this.scriptAt + this.scriptLength);
  }
}

export class ParsedTx {
  private cachedWtxid: string | undefined;
  constructor(
    private readonly buf: Buffer,
    /** Display-order hex txid. */
    readonly txid: string,
    /** txid bytes in internal order (as used in merkle trees and outpoints). */
    readonly hashBytes: Buffer,
    readonly version: number,
    readonly locktime: number,
    readonly segwit: boolean,
    readonly inputs: ParsedInput[],
    readonly outputs: ParsedOutput[],
    /** Offset of this transaction in the parsed buffer. */
    readonly offset: number,
    /** Serialized size in bytes, including witness data. */
    readonly size: number,
  ) {}
  /** Witness txid (BIP-141); equal to txid for transactions without witness data. Computed on first access. */
  get wtxid(): string {
    if (this.cachedWtxid === undefined) {
      this.cachedWtxid = this.segwit
        ? sha256d(this.buf.subarray(this.offset, this.offset + this.size))
            .reverse()
            .toString('hex')
        : this.txid;
    }
    return this.cachedWtxid;
  }
  /** The raw serialized transaction (a view into the parsed buffer). */
  get bytes(): Uint8Array {
    return this.buf.subarray(this.offset, this.offset + this.size);
  }
}

function varintSize(n: number): number {
  return n < 0xfd ? 1 : n <= 0xffff ? 3 : n <= 0xffffffff ? 5 : 9;
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
  const buf = c.buf;
  const start = c.pos;
  const version = c.i32('a transaction version');
  let segwit = false;
  if (c.pos + 2 <= c.end && buf[c.pos] === 0x00 && buf[c.pos + 1] === 0x01) {
    segwit = true;
    c.pos += 2;
  }
  const bodyStart = c.pos;
  const nIn = c.count(41, 'input count');
  if (nIn === 0) throw problem('crypto_block_corrupt', bodyStart, 'A transaction has no inputs');
  const inputs: ParsedInput[] = new Array<ParsedInput>(nIn);
  for (let i = 0; i < nIn; i++) {
    const at = c.pos;
    c.need(36, 'an input');
    const vout = buf.readUInt32LE(at + 32);
    c.pos += 36;
    const scriptLen = c.varint('an input script length');
    c.need(scriptLen + 4, 'an input script');
    c.pos += scriptLen;
    const sequence = buf.readUInt32LE(c.pos);
    c.pos += 4;
    inputs[i] = new ParsedInput(buf, at, scriptLen, vout, sequence);
  }
  const nOut = c.count(9, 'output count');
  const outputs: ParsedOutput[] = new Array<ParsedOutput>(nOut);
  for (let i = 0; i < nOut; i++) {
    c.need(8, 'an output value');
    const lo = buf.readUInt32LE(c.pos);
    const hi = buf.readUInt32LE(c.pos + 4);
    if (hi > 0x1fffff) throw problem('crypto_block_corrupt', c.pos, 'An output value is out of range');
    c.pos += 8;
    const scriptLen = c.varint('an output script length');
    c.need(scriptLen, 'an output script');
    outputs[i] = new ParsedOutput(buf, c.pos, scriptLen, hi * 0x100000000 + lo);
    c.pos += scriptLen;
  }
  const bodyEnd = c.pos;
  if (segwit) {
    for (let i = 0; i < nIn; i++) {
      inputs[i]!.setWitnessAt(c.pos);
      const items = c.count(1, 'witness item count');
      for (let j = 0; j < items; j++) {
        const len = c.varint('a witness item length');
        c.need(len, 'a witness item');
        c.pos += len;
      }
    }
  }
  const locktimeAt = c.pos;
  const locktime = c.u32('a transaction locktime');
  const end = c.pos;
  let hashBytes: Buffer;
  if (segwit) {
    const h = createHash('sha256');
    h.update(buf.subarray(start, start + 4));
    h.update(buf.subarray(bodyStart, bodyEnd));
    h.update(buf.subarray(locktimeAt, end));
    hashBytes = oneShotHash('sha256', h.digest(), 'buffer');
  } else {
    hashBytes = sha256d(buf.subarray(start, end));
  }
  const txid = Buffer.from(hashBytes).reverse().toString('hex');
  return new ParsedTx(buf, txid, hashBytes, version, locktime, segwit, inputs, outputs, start, end - start);
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
  let level: Uint8Array[] = hashes;
  const pair = Buffer.alloc(64);
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      pair.set(level[i]!, 0);
      pair.set(level[i + 1] ?? level[i]!, 32); // an odd last hash is paired with itself
      next.push(sha256d(pair));
    }
    level = next;
  }
  return Buffer.from(level[0]!);
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
