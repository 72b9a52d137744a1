// `trag crypto import-blocks` and `trag crypto fetch` against a throw-away SQLite data folder; fetch reads a loopback
// mock of Bitcoin Core's JSON-RPC serving the real blocks 1–255.
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CryptoService, readBlockFile, readBlockFileBytes } from '@trag/core/crypto';
import { createCliWorkspace, runTrag } from '../testing';
import { registerCrypto } from './crypto-group';

const BTC = path.resolve(import.meta.dirname, '../../../../../shared/data/crypto/btc');
const SATOSHI = '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S';

const trag = (env: Record<string, string>, ...args: string[]) => runTrag([registerCrypto], env, ['crypto', ...args]);

describe('trag crypto import-blocks / fetch', () => {
  let dataDir: string;
  let reference: string;
  let rpc: Server;
  let rpcUrl: string;

  beforeAll(async () => {
    ({ dataDir, reference } = await createCliWorkspace('crypto', 'CLI crypto case', async (ctx, workspace) => {
      await new CryptoService(ctx).addWallet(workspace.actor, workspace.caseId, {
        address: SATOSHI,
        label: 'block 9 miner',
      });
    }));
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
