// The `trag agency …` command group. Agencies are created by the installation's operator, never over the API.
import type { Command } from 'commander';
import { AGENCY_KINDS, systemActor } from '@trag/core/shared';
import { AgencyService } from '@trag/core/identity';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerAgency(program: Command): void {
  const agency = program.command('agency').description('Manage agencies (police, prosecution, social welfare, …).');

  agency
    .command('add')
    .description('Add an agency.')
    .requiredOption('--name <name>', 'full name, e.g. "Ministry of Interior – Police Directorate"')
    .requiredOption('--country <code>', 'ISO 3166-1 alpha-2 code: BA, ME, MK, RS, …')
    .requiredOption('--kind <kind>', `one of: ${AGENCY_KINDS.join(', ')}`)
    .option('--reference-prefix <prefix>', 'prefix of its case reference numbers (default: initials of the name)')
    .option('--require-totp', 'its users must use two-factor authentication')
    .action(
      action(
        async (options: {
          name: string;
          country: string;
          kind: string;
          referencePrefix?: string;
          requireTotp?: boolean;
        }) => {
          await withCoreContext(async (ctx) => {
            const created = await new AgencyService(ctx).create(systemActor(), options);
            console.log(`Created agency "${created.name}" (${created.country}, ${created.kind}), id ${created.id}.`);
          });
        },
      ),
    );

  agency
    .command('list')
    .description('List agencies.')
    .option('--json', 'print JSON instead of a table')
    .action(
      action(async (options: { json?: boolean }) => {
        await withCoreContext(async (ctx) => {
          const agencies = await new AgencyService(ctx).list();
          if (options.json) console.log(JSON.stringify(agencies, null, 2));
          else if (agencies.length === 0) console.log('No agencies. Add one with "trag agency add".');
          else for (const a of agencies) console.log(`${a.id}  ${a.country}  ${a.kind.padEnd(21)} ${a.name}`);
        });
      }),
    );
}
