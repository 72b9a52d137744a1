// The `trag user …` command group: local accounts on this installation's database.
import type { Command } from 'commander';
import { registerUserAdd } from './user-add';
import { registerUserDisable } from './user-disable';
import { registerUserList } from './user-list';

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('Manage accounts (runs on the server host, against TRAG_DATA_DIR or DATABASE_URL).');
  registerUserAdd(user);
  registerUserList(user);
  registerUserDisable(user);
}
