import type { Command } from 'commander';
import { systemActor } from '@trag/core/shared';
import { AgencyService, UserService } from '@trag/core/identity';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerUserList(user: Command): void {
  user
    .command('list')
    .description('List accounts: username, role, agency, state.')
    .option('--agency <id-or-name>', 'only this agency')
    .option('--json', 'print JSON instead of a table')
    .action(
      action(async (options: { agency?: string; json?: boolean }) => {
        await withCoreContext(async (ctx) => {
          const agencies = new AgencyService(ctx);
          const agencyId = options.agency ? (await agencies.find(options.agency)).id : undefined;
          const users = await new UserService(ctx).list(systemActor(), { agencyId });
          if (options.json) {
            console.log(JSON.stringify(users, null, 2));
            return;
          }
          const names = new Map((await agencies.list()).map((a) => [a.id, `${a.name} (${a.country})`]));
          if (users.length === 0) {
            console.log('No accounts.');
            return;
          }
          for (const u of users) {
            const state = u.disabled ? 'disabled' : u.lockedUntil ? `locked until ${u.lockedUntil}` : 'active';
            const totp = u.totpEnabled ? ' totp' : '';
            console.log(
              `${u.username.padEnd(24)} ${u.role.padEnd(14)} ${(names.get(u.agencyId) ?? u.agencyId).padEnd(40)} ${state}${totp}`,
            );
          }
        });
      }),
    );
}
