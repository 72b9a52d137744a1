// Output script (scriptPubKey) recognition: which standard template a script follows and which address pays to it.
// Templates per Bitcoin Core's script/solver.cpp: P2PK, P2PKH, P2SH, multisig, null data, witness v0/v1+.
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase58Address, encodeSegwitAddress, type BtcNetwork } from './address';

export type ScriptType =
  'p2pk' | 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness_unknown' | 'multisig' | 'nulldata' | 'nonstandard';

export interface ScriptInfo {
  type: ScriptType;
  /**
   * The address that receives this output, or null (OP_RETURN, multisig, non-standard). For P2PK the address of the
   * key's hash (P2PKH) is given, as block explorers do; `derived` says so.
   */
  address: string | null;
  derived?: 'p2pk_as_p2pkh';
}

export function hash160(data: Uint8Array): Uint8Array {
  return ripemd160(sha256(data));
}

function isPubkey(bytes: Uint8Array): boolean {
  if (bytes.length === 33) return bytes[0] === 0x02 || bytes[0] === 0x03;
  if (bytes.length === 65) return bytes[0] === 0x04;
  return false;
}

export function classifyScript(s: Uint8Array, network: BtcNetwork = 'mainnet'): ScriptInfo {
  const n = s.length;
  if (n === 25 && s[0] === 0x76 && s[1] === 0xa9 && s[2] === 0x14 && s[23] === 0x88 && s[24] === 0xac) {
    return { type: 'p2pkh', address: encodeBase58Address('p2pkh', s.subarray(3, 23), network) };
  }
  if (n === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) {
    return { type: 'p2sh', address: encodeBase58Address('p2sh', s.subarray(2, 22), network) };
  }
  if (n === 22 && s[0] === 0x00 && s[1] === 0x14) {
    return { type: 'p2wpkh', address: encodeSegwitAddress(0, s.subarray(2), network) };
  }
  if (n === 34 && s[0] === 0x00 && s[1] === 0x20) {
    return { type: 'p2wsh', address: encodeSegwitAddress(0, s.subarray(2), network) };
  }
  const op = s[0];
  if (op !== undefined && op >= 0x51 && op <= 0x60 && n >= 4 && n <= 42 && s[1] === n - 2) {
    const version = op - 0x50;
    const type: ScriptType = version === 1 && n === 34 ? 'p2tr' : 'witness_unknown';
    return { type, address: encodeSegwitAddress(version, s.subarray(2), network) };
  }
  if ((n === 35 || n === 67) && s[0] === n - 2 && s[n - 1] === 0xac && isPubkey(s.subarray(1, n - 1))) {
    return {
      type: 'p2pk',
      address: encodeBase58Address('p2pkh', hash160(s.subarray(1, n - 1)), network),
      derived: 'p2pk_as_p2pkh',
    };
  }
  if (op === 0x6a) return { type: 'nulldata', address: null };
  if (n >= 37 && op !== undefined && op >= 0x51 && op <= 0x60 && s[n - 1] === 0xae)
    return { type: 'multisig', address: null };
  return { type: 'nonstandard', address: null };
}
