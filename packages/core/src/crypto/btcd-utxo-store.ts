// Reader for btcd's utxostore test files: the outputs a block spends, so its inputs can be given addresses and values.
//
// File (btcd blockchain/common_test.go loadUtxoView):  repeated  <txid 32B> <vout u32 LE> <len u32 LE> <entry len B>
// Entry (btcd blockchain/chainio.go, "utxo entry"):     VLQ header code (height << 1 | isCoinbase),
//                                                       VLQ compressed amount, compressed script
// VLQ, amount and script compression are Bitcoin Core's (btcd blockchain/compress.go):
//   VLQ: base-128, most significant group first, high bit = more follows, each continuation adds 1.
//   script: code 0 → P2PKH + 20-byte hash; 1 → P2SH + 20-byte hash; 2/3 → compressed pubkey P2PK (x with 02/03);
//           4/5 → uncompressed pubkey P2PK (x; parity 4=even, 5=odd); otherwise (code − 6) raw script bytes.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { AppError } from '../shared';
import { toDisplayHex } from './block-parser';

export interface UtxoEntry {
  /** Display-order txid of the transaction that created the output. */
  txid: string;
  vout: number;
  height: number;
  coinbase: boolean;
  /** Satoshis. */
  value: number;
  script: Uint8Array;
}

function corrupt(label: string, offset: number, reason: string): AppError {
  return new AppError('invalid', 'crypto_utxostore_corrupt', `${label}: ${reason} (at byte offset ${offset}).`, {
    details: { offset },
  });
}

function readVlq(buf: Uint8Array, pos: number): [value: number, next: number] {
  let n = 0;
  for (;;) {
    const b = buf[pos++];
    if (b === undefined) throw new RangeError('vlq');
    n = n * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [n, pos];
    n += 1;
  }
}

/** Bitcoin Core's DecompressAmount. */
export function decompressAmount(x: number): number {
  if (x === 0) return 0;
  x -= 1;
  let e = x % 10;
  x = Math.floor(x / 10);
  let n: number;
  if (e < 9) {
    const d = (x % 9) + 1;
    x = Math.floor(x / 9);
    n = x * 10 + d;
  } else {
    n = x + 1;
  }
  while (e > 0) {
    n *= 10;
    e--;
  }
  return n;
}

function decompressScript(buf: Uint8Array, pos: number): [script: Uint8Array, next: number] {
  const [code, p] = readVlq(buf, pos);
  const take = (n: number) => {
    if (p + n > buf.length) throw new RangeError('script');
    return buf.subarray(p, p + n);
  };
  switch (code) {
    case 0:
      return [Uint8Array.from([0x76, 0xa9, 0x14, ...take(20), 0x88, 0xac]), p + 20];
    case 1:
      return [Uint8Array.from([0xa9, 0x14, ...take(20), 0x87]), p + 20];
    case 2:
    case 3:
      return [Uint8Array.from([0x21, code, ...take(32), 0xac]), p + 32];
    case 4:
    case 5: {
      const compressed = Uint8Array.from([code - 2, ...take(32)]);
      const full = secp256k1.Point.fromBytes(compressed).toBytes(false);
      return [Uint8Array.from([0x41, ...full, 0xac]), p + 32];
    }
    default:
      return [Uint8Array.from(take(code - 6)), p + code - 6];
  }
}

export function parseBtcdUtxoStore(data: Uint8Array, label = 'utxostore'): UtxoEntry[] {
  const out: UtxoEntry[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 0;
  while (pos < data.length) {
    if (pos + 40 > data.length) throw corrupt(label, pos, 'The file ends inside a record header');
    const txid = toDisplayHex(data.subarray(pos, pos + 32));
    const vout = view.getUint32(pos + 32, true);
    const len = view.getUint32(pos + 36, true);
    const start = pos + 40;
    if (start + len > data.length) throw corrupt(label, pos, `A record announces ${len} bytes but the file ends first`);
    const entry = data.subarray(start, start + len);
    try {
      const [code, p1] = readVlq(entry, 0);
      const [amount, p2] = readVlq(entry, p1);
      const [script, p3] = decompressScript(entry, p2);
      if (p3 !== entry.length) throw new RangeError('length');
      out.push({
        txid,
        vout,
        height: Math.floor(code / 2),
        coinbase: code % 2 === 1,
        value: decompressAmount(amount),
        script,
      });
    } catch {
      throw corrupt(label, start, 'A utxo entry cannot be decoded');
    }
    pos = start + len;
  }
  return out;
}
