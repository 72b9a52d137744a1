// The `trag evidence …` command group; each subcommand lives in its own evidence-<verb>.ts file.
import type { Command } from 'commander';
import { registerEvidenceAdd } from './evidence-add';
import { registerEvidenceVerify } from './evidence-verify';

export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description('Digital evidence: add files, verify court bundles.');
  registerEvidenceAdd(evidence);
  registerEvidenceVerify(evidence);
}
