// The `trag recruitment …` command group: analysis and template detection on JSON Lines (no server needed), and
// import into a case (files or web captures held as evidence).
import type { Command } from 'commander';
import { registerRecruitmentAnalyze } from './recruitment-analyze';
import { registerRecruitmentImport } from './recruitment-import';
import { registerRecruitmentTemplates } from './recruitment-templates';

export function registerRecruitment(program: Command): void {
  const group = program
    .command('recruitment')
    .description('Online recruitment analysis: red-flag indicators, identifiers, template ads, import into a case.');
  registerRecruitmentAnalyze(group);
  registerRecruitmentTemplates(group);
  registerRecruitmentImport(group);
}
