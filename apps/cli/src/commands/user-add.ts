import type { Command } from 'commander';
import { ROLES, isRole, invalid, systemActor } from '@trag/core/shared';
import { AgencyService, UserService } from '@trag/core/identity';
import { withCoreContext } from '../cli-context';
import { action } from '../output';
import { promptNewPassword } from './user-password-prompt';

interface Options {
  username: string;
  agency: string;
  role: string;
  displayName?: string;
  email?: string;
  password?: string;
}

export function registerUserAdd(user: Command): void {
  user
    .command('add')
    .description('Create an account. Without --password the password is asked for (or read from standard input).')
    .requiredOption('--username <name>', 'login name (letters, digits, . _ @ -; stored lower-case)')
    .requiredOption('--agency <id-or-name>', 'agency id or exact name (see "trag agency list")')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--display-name <name>', 'name shown to others (default: the username)')
    .option('--email <address>', 'e-mail address')
    .option('--password <password>', 'initial password (visible in shell history: prefer the prompt)')
    .action(
      action(async (options: Options) => {
        if (!isRole(options.role)) {
          throw invalid('invalid_role', `Unknown role "${options.role}". Use one of: ${ROLES.join(', ')}.`);
        }
        const role = options.role;
        const password = options.password ?? (await promptNewPassword());
        await withCoreContext(async (ctx) => {
          const agency = await new AgencyService(ctx).find(options.agency);
          const created = await new UserService(ctx).create(systemActor(agency.id), {
            agencyId: agency.id,
            username: options.username,
            displayName: options.displayName ?? options.username,
            email: options.email ?? null,
            role,
            password,
          });
          console.log(
            `Created ${created.role} "${created.username}" in ${agency.name} (${agency.country}), id ${created.id}.`,
          );
        });
      }),
    );
}
