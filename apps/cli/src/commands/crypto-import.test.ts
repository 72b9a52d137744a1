// `trag crypto import-blocks` and `trag crypto fetch` against a throw-away SQLite data folder; fetch reads a loopback
// mock of Bitcoin Core's JSON-RPC serving the real blocks 1–255.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { CaseService } from '@trag/core/cases';
import { CryptoService, readBlockFile, readBlockFileBytes } from '@trag/core/crypto';
import { AgencyService, UserService } from '@trag/core/identity';
import { systemActor, systemClock, type Actor } from '@trag/core/shared';
import { registerCrypto } from './crypto-group';

const BTC = path.resolve(import.meta.dirname, '../../../../../shared/data/crypto/btc');
const SATOSHI = '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S';

async function trag(env: Record<string, string>, ...args: string[]) {
  const saved = Object.fromEntries(
    ['TRAG_DATA_DIR', 'DATABASE_URL', ...Object.keys(env)].map((k) => [k, process.env[k]]),
  );
  delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
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
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('trag crypto import-blocks / fetch', () => {
  let dataDir: string;
  let reference: string;
  let rpc: Server;
  let rpcUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-crypto-cli-'));
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    try {
      await migrateToLatest(database);
      const ctx = { database, clock: systemClock, dataDir };
      const agency = await new AgencyService(ctx).create(systemActor(), {
        name: 'Test police',
        country: 'BA',
        kind: 'police',
        requireTotp: false,
      });
      const user = await new UserService(ctx).create(systemActor(), {
        agencyId: agency.id,
        username: 'amra',
        displayName: 'Amra Hodžić',
        role: 'investigator',
        password: 'Amber-lantern-river-42',
      });
      const actor: Actor = {
        userId: user.id,
        username: 'amra',
        displayName: 'Amra Hodžić',
        agencyId: agency.id,
        unitId: null,
        role: 'investigator',
        ip: null,
        via: 'system',
      };
      const created = await new CaseService(ctx).create(actor, { title: 'CLI crypto case', type: 'other' });
      reference = created.reference;
      await new CryptoService(ctx).addWallet(actor, created.id, { address: SATOSHI, label: 'block 9 miner' });
    } finally {
      await database.destroy();
    }
    const file = path.join(BTC, 'blocks1-256.bz2');
    const [raw, blocks] = [await readBlockFileBytes(file), await readBlockFile(file)];
    rpc = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] };
        const block =
          method === 'getblockhash' ? blocks[(params[0] as number) - 1] : blocks.find((b) => b.hash === params[0]);
        const result =
          method === 'getblockhash'
            ? block?.hash
            : raw.subarray(block!.offset, block!.offset + block!.size).toString('hex');
        res.writeHead(block ? 200 : 500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            block
              ? { result, error: null, id }
              : { result: null, error: { code: -8, message: 'Block height out of range' }, id },
          ),
        );
      });
    });
    await new Promise<void>((r) => rpc.listen(0, '127.0.0.1', () => r()));
    rpcUrl = `http://127.0.0.1:${(rpc.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => rpc.close(() => r()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a block file for the case wallets, and again adds nothing', async () => {
    const file = path.join(BTC, 'blocks1-256.bz2');
    const first = await trag({ TRAG_DATA_DIR: dataDir }, 'import-blocks', reference, file, '--as', 'amra', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'btc_blocks', records: 16, added: 16 });
    const again = await trag({ TRAG_DATA_DIR: dataDir }, 'import-blocks', reference, file, '--as', 'amra');
    expect(again.stdout).toMatch(/blocks1-256\.bz2: already imported/);
  });

  it('fetches a block range from the configured node, and explains when none is configured', async () => {
    const none = await trag({ TRAG_DATA_DIR: dataDir }, 'fetch', reference, '--as', 'amra', '--from', '1', '--to', '9');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/TRAG_BITCOIN_RPC_URL/);
    const env = { TRAG_DATA_DIR: dataDir, TRAG_BITCOIN_RPC_URL: rpcUrl };
    const fetched = await trag(env, 'fetch', reference, '--as', 'amra', '--from', '1', '--to', '20', '--all', '--json');
    expect(fetched.code).toBe(0);
    // 20 coinbase outputs of 50 BTC; block 9's is already in the case from the block file.
    expect(JSON.parse(fetched.stdout)).toMatchObject({ kind: 'fetch_bitcoin_rpc', records: 20, added: 19 });
    const missing = await trag(env, 'fetch', reference, '--as', 'amra', '--from', '300');
    expect(missing.stderr).toMatch(/getblockhash: Block height out of range/);
  });
});
