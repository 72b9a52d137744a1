import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerCrypto } from './crypto-group';

const REPO = resolve(import.meta.dirname, '../../../..');
const BTC = resolve(REPO, '../shared/data/crypto/btc');

// Runs `trag crypto …` in-process and captures stdout/stderr and the exit code.
async function trag(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  try {
    const program = new Command().exitOverride();
    registerCrypto(program);
    process.exitCode = 0;
    await program.parseAsync(['node', 'trag', 'crypto', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

describe('trag crypto address --json', () => {
  it('prints the stable verdict shape for a valid address', async () => {
    const r = await trag('address', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      valid: true,
      chain: 'btc',
      type: 'p2wpkh',
      normalized: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      error: null,
    });
  });
  it('prints valid:false with the reason for a bech32m/bech32 mix-up', async () => {
    const r = await trag('address', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      chain: 'btc',
      type: null,
      normalized: null,
      error: 'wrong_bech32_variant',
    });
  });
  it('explains an invalid address in words and exits non-zero without --json', async () => {
    const r = await trag('address', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/EIP-55/);
  });
});

describe('trag crypto block --json', () => {
  it('prints one line per block of a bz2 blk*.dat file, in display-order hex', async () => {
    const r = await trag('block', resolve(BTC, 'blocks1-256.bz2'), '--json');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(255);
    expect(Object.keys(lines[0]!)).toEqual(['hash', 'prev', 'time', 'txCount', 'txids']);
    expect(lines[0]).toMatchObject({
      hash: '00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048',
      prev: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f', // the genesis block
      time: 1231469665,
      txCount: 1,
      txids: ['0e3e2357e806b6cdb1f70b54c3a3a17b6714ee1f0e68bebb44a74b1efd512098'],
    });
  });
  it('lists block 413567 and warns on stderr about its merkle root instead of failing', async () => {
    const r = await trag('block', resolve(BTC, 'block413567.raw'), '--json');
    expect(r.code).toBe(0);
    const block = JSON.parse(r.stdout) as { hash: string; txCount: number; txids: string[] };
    expect(block.hash).toBe('0000000000000000025aff8be8a55df8f89c77296db6198f272d6577325d4069');
    expect(block.txids).toHaveLength(1557);
    expect(r.stderr).toMatch(/crypto_merkle_mismatch/);
  });
  it('names the file and reason for a missing file', async () => {
    const r = await trag('block', '/nonexistent/blk00000.dat', '--json');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/nonexistent\/blk00000\.dat/);
  });
});

describe('the trag binary', () => {
  it('runs `crypto address --json` end to end with no server and no database', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [resolve(REPO, 'apps/cli/bin/trag.js'), 'crypto', 'address', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', '--json'],
      { cwd: REPO, env: { ...process.env, TRAG_DATA_DIR: '/nonexistent-trag-data' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, chain: 'trx', type: 'account', error: null });
  });
});
