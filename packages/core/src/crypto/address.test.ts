import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeBase58Address,
  encodeSegwitAddress,
  ethereumToTron,
  toChecksumAddress,
  tronToEthereum,
  tronToHex,
  validateAddress,
} from './address';
import { hex } from '@scure/base';

// Shipped vectors (bitcoinjs-lib test/fixtures/address.json), read from the shared data folder beside the repo.
const VECTORS = resolve(import.meta.dirname, '../../../../../shared/data/crypto/vectors/bitcoinjs_address.json');
interface StandardVector {
  network: string;
  version: number;
  hash?: string;
  data?: string;
  base58check?: string;
  bech32?: string;
}
const fixtures = JSON.parse(readFileSync(VECTORS, 'utf8')) as {
  standard: StandardVector[];
  invalid: {
    bech32: { address: string; exception: string }[];
    fromBase58Check: { address: string }[];
    toOutputScript: { address: string; exception?: string; paymentException?: string }[];
  };
};

describe('validateAddress on the bitcoinjs-lib vectors', () => {
  for (const v of fixtures.standard) {
    const address = v.base58check ?? v.bech32!;
    if (v.network === 'litecoin') {
      it(`rejects the litecoin address ${address} as another coin`, () => {
        const r = validateAddress(address);
        expect(r.valid).toBe(false);
        expect(r.error).toBe('unsupported_version');
      });
      continue;
    }
    it(`accepts ${v.network} ${address} and recovers its payload`, () => {
      const r = validateAddress(address);
      expect(r.error).toBeNull();
      expect(r.valid).toBe(true);
      expect(r.chain).toBe('btc');
      expect(r.network).toBe(v.network === 'bitcoin' ? 'mainnet' : v.network);
      expect(r.payload).toBe(v.hash ?? v.data);
      if (v.bech32) {
        expect(r.witnessVersion).toBe(v.version);
        expect(r.normalized).toBe(v.bech32.toLowerCase());
      } else {
        expect(r.type).toBe(v.version === 0 || v.version === 111 ? 'p2pkh' : 'p2sh');
      }
    });
  }

  for (const v of fixtures.invalid.bech32) {
    it(`rejects ${v.address} (${v.exception})`, () => {
      expect(validateAddress(v.address).valid).toBe(false);
    });
  }
  for (const v of fixtures.invalid.fromBase58Check) {
    it(`rejects the wrong-length base58 ${v.address}`, () => {
      expect(validateAddress(v.address)).toMatchObject({ valid: false, error: 'invalid_length' });
    });
  }
  // toOutputScript failures are address-level failures, except the bitcoinjs network-mismatch case
  // (BC1SW50QGDZ25J is fine on mainnet) and the off-curve taproot key (a valid encoding that we flag).
  for (const v of fixtures.invalid.toOutputScript) {
    if (v.address === 'BC1SW50QGDZ25J' || v.paymentException) continue;
    it(`rejects ${v.address} (${v.exception ?? ''})`, () => {
      expect(validateAddress(v.address).valid).toBe(false);
    });
  }
});

describe('bech32 / bech32m confusion (BIP-350)', () => {
  it('rejects a witness v1 program encoded with the Bech32 checksum', () => {
    expect(validateAddress('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd')).toMatchObject({
      valid: false,
      error: 'wrong_bech32_variant',
    });
  });
  it('rejects a witness v0 program encoded with the Bech32m checksum', () => {
    expect(validateAddress('tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47')).toMatchObject({
      valid: false,
      error: 'wrong_bech32_variant',
    });
    expect(validateAddress('bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du')).toMatchObject({
      valid: false,
      error: 'wrong_bech32_variant',
    });
  });
  it('accepts the same v1 program with the Bech32m checksum as taproot', () => {
    expect(validateAddress('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0')).toMatchObject({
      valid: true,
      type: 'p2tr',
    });
  });
  it('flags, but accepts, a taproot output key that is not on the curve', () => {
    const r = validateAddress('bc1pllllllllllllllllllllllllllllllllllllllllllllallllshsdfvw2y');
    expect(r.valid).toBe(true);
    expect(r.warnings).toContain('taproot_key_not_on_curve');
  });
  it('rejects a v0 program of a length other than 20 or 32 bytes', () => {
    expect(validateAddress('BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P')).toMatchObject({
      valid: false,
      error: 'invalid_program_length',
    });
  });
  it('rejects mixed case and names another chain prefix', () => {
    expect(validateAddress('tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7').error).toBe('mixed_case');
    expect(validateAddress('tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut').error).toBe(
      'unknown_prefix',
    );
  });
  it('reports a changed character as a checksum error', () => {
    expect(validateAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5').error).toBe('invalid_checksum');
    expect(validateAddress('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ').error).toBe('invalid_checksum');
  });
});

describe('Ethereum EIP-55', () => {
  // EIP-55 specification examples.
  const eip55 = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];
  for (const a of eip55) {
    it(`accepts the checksummed ${a}`, () => {
      const r = validateAddress(a);
      expect(r).toMatchObject({ valid: true, chain: 'eth', type: 'account', normalized: a, error: null });
      expect(r.warnings).toBeUndefined();
    });
  }
  it('accepts an all-lower-case address but flags it as unchecksummed, normalising to EIP-55', () => {
    const r = validateAddress(eip55[0]!.toLowerCase());
    expect(r).toMatchObject({ valid: true, normalized: eip55[0], warnings: ['unchecksummed'] });
  });
  it('rejects a mixed-case address whose case pattern breaks the checksum', () => {
    expect(validateAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toMatchObject({
      valid: false,
      chain: 'eth',
      error: 'eip55_checksum_mismatch',
    });
  });
  it('rejects wrong lengths and non-hex characters', () => {
    expect(validateAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA').error).toBe('invalid_length');
    expect(validateAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeG').error).toBe('invalid_characters');
  });
});

describe('Tron', () => {
  // USDT-TRC20 contract; its hex form and Ethereum-style id are published by Tronscan.
  const usdt = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
  const usdtHex = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';
  it('accepts a base58 Tron address', () => {
    expect(validateAddress(usdt)).toMatchObject({
      valid: true,
      chain: 'trx',
      type: 'account',
      normalized: usdt,
      payload: usdtHex.slice(2),
    });
  });
  it('accepts the hex form and normalises it to base58', () => {
    expect(validateAddress(usdtHex)).toMatchObject({
      valid: true,
      chain: 'trx',
      normalized: usdt,
      warnings: ['converted_from_hex'],
    });
    expect(tronToHex(usdt)).toBe(usdtHex);
  });
  it('converts between Tron and Ethereum account ids both ways', () => {
    const eth = tronToEthereum(usdt)!;
    expect(eth.toLowerCase()).toBe('0x' + usdtHex.slice(2));
    expect(eth).toBe(toChecksumAddress(eth));
    expect(ethereumToTron(eth)).toBe(usdt);
    expect(tronToEthereum('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toBeNull();
  });
  it('rejects a Tron address with a broken checksum', () => {
    expect(validateAddress('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toMatchObject({
      valid: false,
      error: 'invalid_checksum',
    });
  });
});

describe('general input handling', () => {
  it('trims whitespace and rejects empty or foreign input without throwing', () => {
    expect(validateAddress('  1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH \n').valid).toBe(true);
    expect(validateAddress('').error).toBe('empty');
    expect(validateAddress('hello world').valid).toBe(false);
    expect(validateAddress('ščž').error).toBe('invalid_characters');
  });
});

describe('encoders round-trip through the validator', () => {
  it('encodes P2PKH, P2SH and segwit programs', () => {
    const h = hex.decode('751e76e8199196d454941c45d1b3a323f1433bd6');
    expect(encodeBase58Address('p2pkh', h)).toBe('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH');
    expect(encodeBase58Address('p2pkh', h, 'testnet')).toBe('mrCDrCybB6J1vRfbwM5hemdJz73FwDBC8r');
    expect(encodeSegwitAddress(0, h)).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    const tr = hex.decode('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798');
    expect(encodeSegwitAddress(1, tr)).toBe('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0');
  });
});
