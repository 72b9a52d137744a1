import { Command } from 'commander';
import { registerMigrate } from './commands/database-migrate';
import { registerServe } from './commands/server-serve';
import { registerUser } from './commands/user-group';
import { registerAgency } from './commands/agency-group';
import { registerAuditVerify } from './commands/audit-verify';
import { registerBackupCreate } from './commands/backup-create';
import { registerBackupRestore } from './commands/backup-restore';
import { registerDemoLoad } from './commands/demo-load';
import { registerEvidence } from './commands/evidence-commands';
import { registerCrypto } from './commands/crypto-group';
import { registerVictimKeys } from './commands/victim-keys';
import { registerRecruitment } from './commands/recruitment-group';
import { registerCooperation } from './commands/cooperation-group';
import { registerTraining } from './commands/training-group';

const program = new Command();
program
  .name('trag')
  .description('Trag: cases, evidence, recruitment analysis, crypto tracing, victim protection and cooperation.')
  .showHelpAfterError();

// One line per command group; each file registers its own subcommands.
registerServe(program);
registerMigrate(program);
registerUser(program);
registerAgency(program);
registerAuditVerify(program);
registerBackupCreate(program);
registerBackupRestore(program);
registerDemoLoad(program);
registerEvidence(program);
registerCrypto(program);
registerVictimKeys(program);
registerRecruitment(program);
registerCooperation(program);
registerTraining(program);

await program.parseAsync(process.argv);
