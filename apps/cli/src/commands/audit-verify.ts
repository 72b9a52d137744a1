import type { Command } from 'commander';
import { AuditService } from '@trag/core/audit';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

/** Exit code when the chain is broken (distinct from usage and runtime errors). */
export const AUDIT_BROKEN_EXIT = 8;

export function registerAuditVerify(program: Command): void {
  const audit = program.command('audit').description('Audit log operations.');
  audit
    .command('verify')
    .description(
      'Re-check the whole audit hash chain. Exits 0 when it holds; otherwise exits 8 and names the first broken entry.',
    )
    .option(
      '--json',
      'print the result as JSON: {"ok","checked","broken":{"seq","id","problem","message"}|null,"head":{"seq","hash"}|null}',
    )
    .action(
      action(async (options: { json?: boolean }) => {
        const result = await withCoreContext((ctx) => new AuditService(ctx).verify());
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else if (result.ok) {
          process.stdout.write(
            `Audit chain intact: ${result.checked} entries checked.` +
              `${result.head ? ` Newest entry seq=${result.head.seq} hash=${result.head.hash}` : ''}\n`,
          );
        } else if (result.broken) {
          const b = result.broken;
          process.stdout.write(
            `Audit chain BROKEN at entry seq=${b.seq}${b.id ? ` id=${b.id}` : ''} (${b.problem}): ${b.message}\n` +
              `${result.checked} entries before it are intact.\n`,
          );
        }
        return result.ok ? 0 : AUDIT_BROKEN_EXIT;
      }),
    );
}
