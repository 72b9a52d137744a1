import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadDemoWorkspaceIfEmpty, loadScaleDemo } from '@trag/core/demo';
import { invalid } from '@trag/core/shared';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalid('invalid_option', `--${name} must be a whole number above 0.`);
  return n;
}

export function registerDemoLoad(program: Command): void {
  const demo = program
    .command('demo')
    .description('The SYNTHETIC demo workspace (invented people, cases and numbers).');
  demo
    .command('load')
    .description(
      'Load the demo workspace into an empty database (agencies, one account per role, cases …). With --scale, add ' +
        'synthetic cases and entities for load testing (default 10,000 cases, 200,000 entities).',
    )
    .option('--scale', 'add the large synthetic data set (benchmarks)')
    .option('--cases <n>', 'scale mode: number of cases (default 10000)')
    .option('--entities-per-case <n>', 'scale mode: entities per case (default 20)')
    .option('--seed <n>', 'scale mode: random seed (same seed, same data; default 2026)')
    .action(
      action(async (options: { scale?: boolean; cases?: string; entitiesPerCase?: string; seed?: string }) => {
        const cases = positiveInt('cases', options.cases, 10_000);
        const entitiesPerCase = positiveInt('entities-per-case', options.entitiesPerCase, 20);
        const seed = positiveInt('seed', options.seed, 2026);
        await withCoreContext(async (ctx) => {
          const result = await loadDemoWorkspaceIfEmpty(ctx);
          if (result.loaded) {
            console.log(`Loaded the SYNTHETIC demo workspace (${result.parts.join(', ')}). Demo accounts:`);
            for (const a of result.accounts)
              console.log(`  ${a.role.padEnd(14)} ${a.username.padEnd(22)} password: ${a.password}`);
          } else if (!options.scale) {
            console.log('The database already holds data: the demo workspace was not loaded.');
          }
          if (!options.scale) return;
          const bar = process.stderr.isTTY ? new SingleBar({ clearOnComplete: true }, Presets.shades_classic) : null;
          bar?.start(cases, 0);
          const scale = await loadScaleDemo(ctx, {
            cases,
            entitiesPerCase,
            seed,
            onProgress: (done) => bar?.update(done),
          });
          bar?.stop();
          console.log(
            `Added ${scale.cases} synthetic cases, ${scale.entities} entities and ${scale.memberships} memberships ` +
              `(${scale.officers} disabled synthetic officers) in ${(scale.ms / 1000).toFixed(1)} s.`,
          );
        });
      }),
    );
}
