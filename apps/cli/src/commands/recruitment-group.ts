// The `trag recruitment …` command group: analysis and template detection on JSON Lines, no server needed.
import type { Command } from 'commander';
import { registerRecruitmentAnalyze } from './recruitment-analyze';
import { registerRecruitmentTemplates } from './recruitment-templates';

export function registerRecruitment(program: Command): void {
  const group = program
    .command('recruitment')
    .description('Online recruitment analysis: red-flag indicators, identifiers, template ads.');
  registerRecruitmentAnalyze(group);
  registerRecruitmentTemplates(group);
}
