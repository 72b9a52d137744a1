// Raw block parsing throughput, Trag's parser vs bitcoinjs-lib 7 (Block.fromBuffer + getId() of the block and of
// every transaction), side by side on the same in-memory blocks, in one run.
//   npx tsx bench/crypto-block-parse.ts [rounds]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Block } from 'bitcoinjs-lib';
import { decompressIfBzip2, iterateBlocks } from '@trag/core/crypto';

const DIR = resolve(import.meta.dirname, '../../shared/data/crypto/btc');
const FILES = [
  'block413567.raw',
  'mainnet_block_702861_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw',
  'block_574200_0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.blk',
  'block_540107_00000000000000000021868c2cefc52a480d173c849412fe81c4e5ab806f94ab.blk',
  '277647.dat.bz2',
  'blocks1-256.bz2',
];
const rounds = Number(process.argv[2] ?? 20);

// Split every file into bare block buffers once, so both parsers see exactly the same bytes.
const blocks: Buffer[] = [];
for (const f of FILES) {
  const data = decompressIfBzip2(readFileSync(resolve(DIR, f)), f);
  for (const b of iterateBlocks(data)) blocks.push(Buffer.from(data.subarray(b.offset, b.offset + b.size)));
}
const bytes = blocks.reduce((n, b) => n + b.length, 0);
let txCount = 0;

function trag(): number {
  let n = 0;
  for (const buf of blocks)
    for (const block of iterateBlocks(buf)) n += block.txs.length + (block.merkleRootValid ? 0 : 0);
  return n;
}
function bitcoinjs(): number {
  let n = 0;
  for (const buf of blocks) {
    const block = Block.fromBuffer(buf);
    if (block.getId().length === 0) n++;
    for (const tx of block.transactions ?? []) if (tx.getId().length > 0) n++;
  }
  return n;
}

function time(fn: () => number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) txCount = fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// Warm up both, then alternate to even out JIT and GC effects.
trag();
bitcoinjs();
let tTrag = 0;
let tJs = 0;
for (let i = 0; i < 3; i++) {
  tTrag += time(trag);
  tJs += time(bitcoinjs);
}
const mb = (bytes * rounds * 3) / 1e6;
console.log(
  `blocks: ${blocks.length}, ${txCount} transactions, ${(bytes / 1e6).toFixed(2)} MB per round, ${rounds * 3} rounds`,
);
console.log(
  `trag parseBlock (block hash, every txid, merkle-root check): ${(mb / tTrag).toFixed(1)} MB/s  (${tTrag.toFixed(2)} s)`,
);
console.log(
  `bitcoinjs-lib Block.fromBuffer + getId() per block and tx: ${(mb / tJs).toFixed(1)} MB/s  (${tJs.toFixed(2)} s)`,
);
console.log(`speed-up: ${(tJs / tTrag).toFixed(2)}x`);
