// Wallet address validation and recognition for Bitcoin, Ethereum and Tron.
//
// Pure: string in, verdict out. Every codec comes from audited libraries (@scure/base for Base58Check and
// Bech32/Bech32m, @noble/hashes for SHA-256 and Keccak-256, @noble/curves for the Taproot key check); this file
// only applies the rules of BIP-13/BIP-173/BIP-350 (which encoding a witness version must use, program lengths),
// EIP-55 (mixed-case checksums) and Tron's 0x41 version byte.
import { bech32, bech32m, createBase58check, hex } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { schnorr } from '@noble/curves/secp256k1.js';

export type AddressChain = 'btc' | 'eth' | 'trx';
export type BtcNetwork = 'mainnet' | 'testnet' | 'regtest';
export type AddressType =
  | 'p2pkh'
  | 'p2sh'
  | 'p2wpkh'
  | 'p2wsh'
  | 'p2tr'
  | 'witness_unknown'
  | 'account' // Ethereum / Tron account (externally owned or contract; the address alone cannot tell)
  | null;

/** Stable reason codes; `describeAddressError` gives the sentence a person can act on. */
export type AddressErrorCode =
  | 'empty'
  | 'unrecognised_format'
  | 'invalid_characters'
  | 'mixed_case'
  | 'invalid_checksum'
  | 'invalid_length'
  | 'unsupported_version'
  | 'unknown_prefix'
  | 'invalid_padding'
  | 'invalid_witness_version'
  | 'invalid_program_length'
  | 'wrong_bech32_variant'
  | 'eip55_checksum_mismatch';

export type AddressWarningCode =
  | 'unchecksummed' // Ethereum address in all lower or all upper case: a typo would go unnoticed
  | 'uppercase_bech32' // valid, but normally written in lower case (QR codes use upper case)
  | 'taproot_key_not_on_curve' // valid encoding, but no one can spend from it
  | 'unknown_witness_version' // v2–v16: valid encoding for a future soft fork, not spendable today
  | 'converted_from_hex'; // Tron hex form given; normalised to base58

export interface AddressValidation {
  valid: boolean;
  chain: AddressChain | null;
  type: AddressType;
  /** Canonical form to store and compare: lower-case bech32, EIP-55 for Ethereum, base58 for Tron. */
  normalized: string | null;
  error: AddressErrorCode | null;
  warnings?: AddressWarningCode[];
  network?: BtcNetwork;
  /** Witness version for segwit addresses. */
  witnessVersion?: number;
  /** Hex of the hash / witness program / 20-byte account id. */
  payload?: string;
}

const base58check = createBase58check(sha256);

const BASE58_VERSIONS: Record<number, { chain: AddressChain; type: AddressType; network?: BtcNetwork }> = {
  0x00: { chain: 'btc', type: 'p2pkh', network: 'mainnet' },
  0x05: { chain: 'btc', type: 'p2sh', network: 'mainnet' },
  0x6f: { chain: 'btc', type: 'p2pkh', network: 'testnet' },
  0xc4: { chain: 'btc', type: 'p2sh', network: 'testnet' },
  0x41: { chain: 'trx', type: 'account' },
};

const BECH32_SHAPE = /^[a-z0-9]{1,83}1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/i;
const SEGWIT_PREFIXES: Record<string, BtcNetwork> = { bc: 'mainnet', tb: 'testnet', bcrt: 'regtest' };

const ERROR_TEXT: Record<AddressErrorCode, string> = {
  empty: 'No address was given.',
  unrecognised_format: 'This does not look like a Bitcoin, Ethereum or Tron address. Check it was copied completely.',
  invalid_characters: 'The address contains characters that cannot appear in this kind of address.',
  mixed_case: 'The address mixes upper and lower case letters, which this format does not allow. Re-copy it.',
  invalid_checksum: 'The checksum does not match: at least one character is wrong or missing. Re-copy the address.',
  invalid_length: 'The address has the wrong length for its type. Check it was copied completely.',
  unsupported_version: 'The address is well formed but belongs to another coin or network that Trag does not support.',
  unknown_prefix: 'The address starts with a prefix that is not Bitcoin mainnet, testnet or regtest.',
  invalid_padding: 'The address is not a valid segwit encoding (bad padding). Re-copy the address.',
  invalid_witness_version: 'The segwit version number in this address is out of range.',
  invalid_program_length: 'The segwit program inside this address has a length that its version does not allow.',
  wrong_bech32_variant:
    'The address uses the wrong checksum variant for its version (Bech32 vs Bech32m, BIP-350); wallets reject it.',
  eip55_checksum_mismatch:
    'The upper/lower case pattern of this Ethereum address does not match its EIP-55 checksum: a character is wrong.',
};

export function describeAddressError(code: AddressErrorCode): string {
  return ERROR_TEXT[code];
}

function fail(error: AddressErrorCode, chain: AddressChain | null = null): AddressValidation {
  return { valid: false, chain, type: null, normalized: null, error };
}

/** Validates and recognises a wallet address. Never throws. */
export function validateAddress(raw: string): AddressValidation {
  const input = typeof raw === 'string' ? raw.trim() : '';
  if (input === '') return fail('empty');
  if (/^0x/i.test(input)) return validateEthereum(input);
  if (/^41[0-9a-fA-F]{40}$/.test(input)) return validateTronHex(input);
  const separator = input.lastIndexOf('1');
  const hrp = separator > 0 ? input.slice(0, separator).toLowerCase() : '';
  if (hrp in SEGWIT_PREFIXES) return validateSegwit(input);
  if (/^[1-9A-HJ-NP-Za-km-z]+$/.test(input)) return validateBase58(input);
  if (
    BECH32_SHAPE.test(input) &&
    (bech32.decodeUnsafe(input.toLowerCase(), 90) || bech32m.decodeUnsafe(input.toLowerCase(), 90))
  ) {
    return fail('unknown_prefix'); // e.g. ltc1…, tc1…: a well-formed Bech32 string of another coin or network
  }
  return fail(/^[\x21-\x7e]+$/.test(input) ? 'unrecognised_format' : 'invalid_characters');
}

function validateBase58(input: string): AddressValidation {
  let bytes: Uint8Array;
  try {
    bytes = base58check.decode(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return fail(/checksum/i.test(message) ? 'invalid_checksum' : 'invalid_length');
  }
  if (bytes.length !== 21) return fail('invalid_length');
  const info = BASE58_VERSIONS[bytes[0]!];
  if (!info) return fail('unsupported_version');
  const payload = hex.encode(bytes.subarray(1));
  const result: AddressValidation = {
    valid: true,
    chain: info.chain,
    type: info.type,
    normalized: input,
    error: null,
    payload,
  };
  if (info.network) result.network = info.network;
  return result;
}

function validateSegwit(input: string): AddressValidation {
  const lower = input.toLowerCase();
  if (input !== lower && input !== input.toUpperCase()) return fail('mixed_case', 'btc');
  if (input.length > 90) return fail('invalid_length', 'btc');
  // Decode with both checksum variants; exactly one can match (BIP-350 guarantees they never both do).
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const asBech32m = asBech32 ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded) {
    return fail(
      /^[a-z]+1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/.test(lower) ? 'invalid_checksum' : 'invalid_characters',
      'btc',
    );
  }
  const network = SEGWIT_PREFIXES[decoded.prefix];
  if (!network) return fail('unknown_prefix', 'btc');
  const [version, ...programWords] = decoded.words;
  if (version === undefined || version > 16) return fail('invalid_witness_version', 'btc');
  // BIP-350: version 0 must use Bech32, versions 1–16 must use Bech32m.
  if ((version === 0) !== Boolean(asBech32)) return fail('wrong_bech32_variant', 'btc');
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program) return fail('invalid_padding', 'btc');
  if (program.length < 2 || program.length > 40) return fail('invalid_program_length', 'btc');
  if (version === 0 && program.length !== 20 && program.length !== 32) return fail('invalid_program_length', 'btc');

  const warnings: AddressWarningCode[] = [];
  if (input !== lower) warnings.push('uppercase_bech32');
  let type: AddressType;
  if (version === 0) type = program.length === 20 ? 'p2wpkh' : 'p2wsh';
  else if (version === 1 && program.length === 32) {
    type = 'p2tr';
    if (!isOnCurveX(program)) warnings.push('taproot_key_not_on_curve');
  } else {
    type = 'witness_unknown';
    warnings.push('unknown_witness_version');
  }
  const result: AddressValidation = {
    valid: true,
    chain: 'btc',
    type,
    normalized: lower,
    error: null,
    network,
    witnessVersion: version,
    payload: hex.encode(program),
  };
  if (warnings.length) result.warnings = warnings;
  return result;
}

function isOnCurveX(x: Uint8Array): boolean {
  try {
    schnorr.utils.lift_x(BigInt('0x' + hex.encode(x)));
    return true;
  } catch {
    return false;
  }
}

function validateEthereum(input: string): AddressValidation {
  const body = input.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(body)) return fail('invalid_characters', 'eth');
  if (body.length !== 40) return fail('invalid_length', 'eth');
  const checksummed = toChecksumAddress(body);
  const allLower = body === body.toLowerCase();
  const allUpper = body === body.toUpperCase();
  if (!allLower && !allUpper && '0x' + body !== checksummed) return fail('eip55_checksum_mismatch', 'eth');
  const result: AddressValidation = {
    valid: true,
    chain: 'eth',
    type: 'account',
    normalized: checksummed,
    error: null,
    payload: body.toLowerCase(),
  };
  // An address made only of digits has no letters to carry a checksum; it is not "unchecksummed".
  if ((allLower || allUpper) && /[a-fA-F]/.test(body) && '0x' + body !== checksummed)
    result.warnings = ['unchecksummed'];
  return result;
}

function validateTronHex(input: string): AddressValidation {
  const normalized = base58check.encode(hex.decode(input.toLowerCase()));
  return {
    valid: true,
    chain: 'trx',
    type: 'account',
    normalized,
    error: null,
    payload: input.slice(2).toLowerCase(),
    warnings: ['converted_from_hex'],
  };
}

/** EIP-55 mixed-case checksum encoding of a 20-byte account id (40 hex characters, with or without 0x). */
export function toChecksumAddress(address: string): string {
  const body = address.replace(/^0x/i, '').toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(body)) throw new TypeError('expected 40 hex characters');
  const hash = hex.encode(keccak_256(new TextEncoder().encode(body)));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const c = body[i]!;
    out += parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c;
  }
  return out;
}

/**
 * Tron and Ethereum share the same 20-byte account id (both derive it from Keccak-256 of the public key), so the
 * same key controls `T…` on Tron and `0x…` on Ethereum. Returns null when the input is not a valid Tron address.
 */
export function tronToEthereum(tronAddress: string): string | null {
  const v = validateAddress(tronAddress);
  if (!v.valid || v.chain !== 'trx' || !v.payload) return null;
  return toChecksumAddress(v.payload);
}

/** Ethereum account id → Tron base58 address (version byte 0x41). Null when the input is not a valid Ethereum address. */
export function ethereumToTron(ethAddress: string): string | null {
  const v = validateAddress(ethAddress);
  if (!v.valid || v.chain !== 'eth' || !v.payload) return null;
  return base58check.encode(hex.decode('41' + v.payload));
}

/** Tron base58 → hex form `41…` (as TronGrid returns with `visible=false`). */
export function tronToHex(tronAddress: string): string | null {
  const v = validateAddress(tronAddress);
  if (!v.valid || v.chain !== 'trx' || !v.payload) return null;
  return '41' + v.payload;
}

// ---- Encoders used by the block parser (script → address) -----------------------------------------------------

const BASE58_VERSION_BYTE = { mainnet: { p2pkh: 0x00, p2sh: 0x05 }, testnet: { p2pkh: 0x6f, p2sh: 0xc4 } } as const;

/** Base58Check address for a 20-byte hash160. Regtest uses the testnet version bytes. */
export function encodeBase58Address(
  kind: 'p2pkh' | 'p2sh',
  hash160: Uint8Array,
  network: BtcNetwork = 'mainnet',
): string {
  const versions = BASE58_VERSION_BYTE[network === 'mainnet' ? 'mainnet' : 'testnet'];
  const bytes = new Uint8Array(21);
  bytes[0] = versions[kind];
  bytes.set(hash160, 1);
  return base58check.encode(bytes);
}

const HRP: Record<BtcNetwork, string> = { mainnet: 'bc', testnet: 'tb', regtest: 'bcrt' };

/** Segwit address: Bech32 for version 0, Bech32m for versions 1–16 (BIP-350). */
export function encodeSegwitAddress(version: number, program: Uint8Array, network: BtcNetwork = 'mainnet'): string {
  const words = [version, ...bech32.toWords(program)];
  return version === 0 ? bech32.encode(HRP[network], words) : bech32m.encode(HRP[network], words);
}
