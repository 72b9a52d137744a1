// `trag crypto fetch <case> --as <username> (--address <addr> | --from <height> --to <height>) [--all | --watch …]`:
// reads from the Esplora server or Bitcoin Core node configured in the environment (TRAG_ESPLORA_URL,
// TRAG_BITCOIN_RPC_URL + TRAG_BITCOIN_RPC_USER/PASSWORD) into a case. Addresses go to Esplora, height ranges to the node.
import type { Command } from 'commander';
import { chainConnectorsFromEnv, CryptoService } from '@trag/core/crypto';
import { invalid } from '@trag/core/shared';
import { actingUserAndCase, withCoreContext } from '../cli-context';
import { action } from '../output';
import { parseWatch, printImport } from './crypto-import-blocks';

interface Options {
  as: string;
  address?: string;
  from?: string;
  to?: string;
  pages?: string;
  watch?: string;
  all?: boolean;
  json?: boolean;
}

const integer = (raw: string | undefined, what: string) => {
  if (raw === undefined || !/^\d+$/.test(raw)) throw invalid('crypto_fetch_height', `${what} must be a block height.`);
  return Number(raw);
};

export function registerCryptoFetch(crypto: Command): void {
  crypto
    .command('fetch')
    .description('Fetch an address history (Esplora) or a block range (Bitcoin Core) from the configured server.')
    .argument('<case>', 'case id or reference')
    .requiredOption('--as <username>', 'the importing user (a writer of the case)')
    .option('--address <address>', 'a Bitcoin address: its history from the Esplora server')
    .option('--pages <n>', 'at most this many pages of 25 transactions (default 40)')
    .option('--from <height>', 'first block height (Bitcoin Core node)')
    .option('--to <height>', 'last block height (Bitcoin Core node)')
    .option('--watch <addresses>', 'blocks: comma-separated addresses to keep (default: the case wallets)')
    .option('--all', 'blocks: keep every transaction')
    .option('--json', 'print the import summary as JSON')
    .action(
      action(async (caseRef: string, options: Options) => {
        const connectors = chainConnectorsFromEnv(process.env);
        const wanted = options.address ? 'address' : 'blocks';
        if (options.address && (options.from || options.to))
          throw invalid('crypto_fetch_request', 'Give either --address or --from/--to, not both.');
        const connector = connectors.find((c) => c.accepts === wanted);
        if (!connector)
          throw invalid(
            'crypto_connector_missing',
            wanted === 'address'
              ? 'No Esplora server is configured: set TRAG_ESPLORA_URL (e.g. http://127.0.0.1:3002/api).'
              : 'No Bitcoin Core node is configured: set TRAG_BITCOIN_RPC_URL and TRAG_BITCOIN_RPC_USER/PASSWORD.',
          );
        await withCoreContext(async (ctx) => {
          const { actor, caseId } = await actingUserAndCase(ctx, options.as, caseRef);
          const service = new CryptoService(ctx);
          const summary = options.address
            ? await service.fetchFromConnector(actor, caseId, connector, {
                kind: 'address',
                address: options.address,
                ...(options.pages ? { maxPages: integer(options.pages, '--pages') } : {}),
              })
            : await service.fetchFromConnector(actor, caseId, connector, {
                kind: 'blocks',
                fromHeight: integer(options.from, '--from'),
                toHeight: integer(options.to ?? options.from, '--to'),
                watch: (() => {
                  const w = parseWatch(options.watch, options.all);
                  return w === 'all' ? null : w;
                })(),
              });
          printImport(summary, options.json);
        });
      }),
    );
}
