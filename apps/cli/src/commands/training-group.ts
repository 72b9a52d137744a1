// The `trag training …` command group: scenario check and SCORM export (no server needed), session listings and
// results, and LTI platform registrations.
import type { Command } from 'commander';
import { registerTrainingCheck } from './training-check';
import { registerTrainingExportScorm } from './training-export-scorm';
import { registerTrainingLti } from './training-lti';
import { registerTrainingSessions } from './training-sessions';

export function registerTraining(program: Command): void {
  const group = program
    .command('training')
    .description('Training of trainers: check and export scenarios, session results, LMS (LTI) registrations.');
  registerTrainingCheck(group);
  registerTrainingExportScorm(group);
  registerTrainingSessions(group);
  registerTrainingLti(group);
}
