// Test helpers for the CLI commands (imported by *.test.ts only): run `trag …` in-process and capture what it
// prints, and a throw-away SQLite data folder with an agency, an investigator and a case.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { vi } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { CaseService } from '@trag/core/cases';
import { AgencyService, UserService } from '@trag/core/identity';
import { systemActor, systemClock, type Actor, type CoreContext } from '@trag/core/shared';

export interface CliResult {
  code: number;
  /** What the command printed (console.log and process.stdout), one line per print. */
  stdout: string;
  stderr: string;
}

/**
 * Runs `trag <args>` in-process with the commands that `register` adds, under `env` (a value of undefined removes the
 * variable; DATABASE_URL is removed unless given), and restores the environment afterwards.
 */
export async function runTrag(
  register: ((program: Command) => void)[],
  env: Record<string, string | undefined>,
  args: string[],
): Promise<CliResult> {
  const settings: Record<string, string | undefined> = { DATABASE_URL: undefined, ...env };
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(settings);
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk).replace(/\n$/, '')), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    for (const add of register) add(program);
    process.exitCode = 0;
    await program.parseAsync(['node', 'trag', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: out.join('\n'), stderr: err.join('') };
  } finally {
    log.mockRestore();
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
    apply(saved);
  }
}

export interface CliWorkspace {
  dataDir: string;
  /** The investigator "amra" (password below), lead of the case. */
  actor: Actor;
  caseId: string;
  reference: string;
}

export const CLI_TEST_PASSWORD = 'Amber-lantern-river-42';

/**
 * A fresh data folder with a migrated SQLite database, the agency "Test police" (BA), the investigator "amra" and a
 * case; `prepare` adds more while the database is open.
 */
export async function createCliWorkspace(
  label: string,
  caseTitle = 'CLI case',
  prepare?: (ctx: CoreContext, workspace: CliWorkspace) => Promise<void>,
): Promise<CliWorkspace> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `trag-${label}-cli-`));
  const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
  try {
    await migrateToLatest(database);
    const ctx: CoreContext = { database, clock: systemClock, dataDir };
    const agency = await new AgencyService(ctx).create(systemActor(), {
      name: 'Test police',
      country: 'BA',
      kind: 'police',
      requireTotp: false,
    });
    const user = await new UserService(ctx).create(systemActor(), {
      agencyId: agency.id,
      username: 'amra',
      displayName: 'Amra Hodžić',
      role: 'investigator',
      password: CLI_TEST_PASSWORD,
    });
    const actor: Actor = {
      userId: user.id,
      username: 'amra',
      displayName: 'Amra Hodžić',
      agencyId: agency.id,
      unitId: null,
      role: 'investigator',
      ip: null,
      via: 'system',
    };
    const created = await new CaseService(ctx).create(actor, { title: caseTitle, type: 'other' });
    const workspace = { dataDir, actor, caseId: created.id, reference: created.reference };
    await prepare?.(ctx, workspace);
    return workspace;
  } finally {
    await database.destroy();
  }
}
