// `trag victims keys` (status of the victim-data key vault) and `trag victims rotate-keys` (re-wrap every data key
// under the current TRAG_MASTER_KEY; safe while the server runs, which keeps reading with TRAG_MASTER_KEY_PREVIOUS).
import type { Command } from 'commander';
import { loadConfig } from '@trag/api/config';
import { createVictimProtection } from '@trag/core/victims';
import { systemClock } from '@trag/core/shared';
import { action } from '../output';

function open(demo: boolean) {
  const config = loadConfig(process.env);
  const allow = demo || process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test';
  return createVictimProtection({ dataDir: config.dataDir, clock: systemClock }, { allowGeneratedKey: allow });
}

export function registerVictimKeys(program: Command): void {
  const victims = program.command('victims').description('Victim protection: encryption keys of victim data.');
  victims
    .command('keys')
    .description('Show the current master key id and how many data keys each master key wraps (never the keys).')
    .option('--demo', 'allow the demo/development key file in TRAG_DATA_DIR/keys/master.key')
    .action(
      action(async (options: { demo?: boolean }) => {
        const protection = open(options.demo === true);
        try {
          const stats = protection.vault.stats();
          console.log(`current master key: ${protection.keyring.current.id} (from ${protection.keyring.source})`);
          console.log(`data keys: ${stats.keys}`);
          for (const [id, n] of Object.entries(stats.byMasterKey)) console.log(`  ${id}: ${n}`);
        } finally {
          await protection.close();
        }
      }),
    );
  victims
    .command('rotate-keys')
    .description(
      'Re-wrap every victim data key under TRAG_MASTER_KEY. Set the new key as TRAG_MASTER_KEY and the old one in ' +
        'TRAG_MASTER_KEY_PREVIOUS first; when this reports 0 remaining, remove TRAG_MASTER_KEY_PREVIOUS.',
    )
    .option('--batch <n>', 'keys per transaction', '500')
    .option('--demo', 'allow the demo/development key file in TRAG_DATA_DIR/keys/master.key')
    .action(
      action(async (options: { batch: string; demo?: boolean }) => {
        const batch = Number(options.batch);
        if (!Number.isInteger(batch) || batch < 1) {
          console.error('--batch must be a whole number of at least 1');
          return 2;
        }
        const protection = open(options.demo === true);
        try {
          let total = 0;
          for (;;) {
            const step = protection.vault.rotateBatch(batch);
            total += step.rewrapped;
            if (step.remaining === 0 || step.rewrapped === 0) {
              console.log(`re-wrapped ${total} data key(s); remaining under old master keys: ${step.remaining}`);
              return step.remaining === 0 ? 0 : 1;
            }
          }
        } finally {
          await protection.close();
        }
      }),
    );
}
