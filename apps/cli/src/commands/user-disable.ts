import type { Command } from 'commander';
import { systemActor } from '@trag/core/shared';
import { UserService } from '@trag/core/identity';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerUserDisable(user: Command): void {
  user
    .command('disable')
    .description('Disable an account: it can no longer log in, and its sessions and tokens stop working.')
    .argument('<username>', 'the account to disable')
    .action(
      action(async (username: string) => {
        await withCoreContext(async (ctx) => {
          const users = new UserService(ctx);
          const found = await users.getByUsername(systemActor(), username);
          await users.setDisabled(systemActor(found.agencyId), found.id, true);
          console.log(`Disabled "${found.username}".`);
        });
      }),
    );
}
