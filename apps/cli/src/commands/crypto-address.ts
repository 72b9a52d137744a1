import type { Command } from 'commander';
import { describeAddressError, validateAddress } from '@trag/core/crypto';
import { action } from '../output';

/** `trag crypto address <address> [--json]`: validates and recognises a wallet address, offline. */
export function registerCryptoAddress(crypto: Command): void {
  crypto
    .command('address')
    .description('Check a Bitcoin, Ethereum or Tron address and show its type and normal form (offline).')
    .argument('<address>', 'the wallet address as copied')
    .option('--json', 'print one JSON object: {valid, chain, type, normalized, error, warnings?}')
    .action(
      action(async (address: string, options: { json?: boolean }) => {
        const result = validateAddress(address);
        if (options.json) {
          process.stdout.write(JSON.stringify(result) + '\n');
          return 0;
        }
        if (!result.valid) {
          process.stdout.write(`invalid: ${describeAddressError(result.error!)} [${result.error}]\n`);
          return 2;
        }
        const lines = [
          `valid ${result.chain} address`,
          `  type:       ${result.type}${result.network ? ` (${result.network})` : ''}`,
          `  normalized: ${result.normalized}`,
        ];
        for (const w of result.warnings ?? []) lines.push(`  warning:    ${w}`);
        process.stdout.write(lines.join('\n') + '\n');
        return 0;
      }),
    );
}
