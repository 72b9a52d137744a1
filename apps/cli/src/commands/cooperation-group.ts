// The `trag cooperation …` command group; each subcommand lives in its own cooperation-<verb>.ts file.
import type { Command } from 'commander';
import { registerCooperationInspect } from './cooperation-inspect';

export function registerCooperation(program: Command): void {
  const cooperation = program
    .command('cooperation')
    .description('Cross-border cooperation: inspect and check packages offline.');
  registerCooperationInspect(cooperation);
}
