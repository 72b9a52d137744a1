import type { Command } from 'commander';
import { readBlockFile } from '@trag/core/crypto';
import { action } from '../output';

/**
 * `trag crypto block <file> [--json]`: lists the blocks of a bare serialized block or a blk*.dat file (also .bz2).
 * JSON mode prints one line per block: {"hash","prev","time","txCount","txids":[…]} (display-order hex, time in Unix
 * seconds). A merkle root that does not match the header is reported on stderr; the block is still listed.
 */
export function registerCryptoBlock(crypto: Command): void {
  crypto
    .command('block')
    .description('Parse raw Bitcoin block data (bare block or blk*.dat framing, optionally .bz2), offline.')
    .argument('<file>', 'path to the block file')
    .option('--json', 'one JSON line per block with hash, prev, time, txCount and txids')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        const blocks = await readBlockFile(file);
        const out: string[] = [];
        for (const block of blocks) {
          if (!block.merkleRootValid) {
            process.stderr.write(
              `trag: warning: block ${block.hash}: merkle root computed from its transactions (${block.computedMerkleRoot}) does not match the header (${block.header.merkleRoot}) [crypto_merkle_mismatch]\n`,
            );
          }
          if (options.json) {
            out.push(
              JSON.stringify({
                hash: block.hash,
                prev: block.header.prev,
                time: block.header.time,
                txCount: block.txs.length,
                txids: block.txs.map((t) => t.txid),
              }),
            );
          } else {
            out.push(
              `${block.hash}  ${new Date(block.header.time * 1000).toISOString()}  ${block.txs.length} tx  prev ${block.header.prev}${block.merkleRootValid ? '' : '  MERKLE MISMATCH'}`,
            );
          }
        }
        process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
      }),
    );
}
