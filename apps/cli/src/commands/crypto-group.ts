import type { Command } from 'commander';
import { registerCryptoAddress } from './crypto-address';
import { registerCryptoBlock } from './crypto-block';
import { registerCryptoFetch } from './crypto-fetch';
import { registerCryptoImportBlocks } from './crypto-import-blocks';

/** The `trag crypto …` command group; each subcommand lives in its own crypto-<verb>.ts file. */
export function registerCrypto(program: Command): void {
  const crypto = program.command('crypto').description('Crypto tracing: addresses, raw blocks, imports and traces.');
  registerCryptoAddress(crypto);
  registerCryptoBlock(crypto);
  registerCryptoImportBlocks(crypto);
  registerCryptoFetch(crypto);
}
