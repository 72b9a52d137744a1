import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrag } from '../testing';
import { createDatabase } from '@trag/db';
import { AuthService } from '@trag/core/identity';
import { systemClock } from '@trag/core/shared';
import { registerAgency } from './agency-group';
import { registerUser } from './user-group';

const trag = (dataDir: string, ...args: string[]) =>
  runTrag([registerUser, registerAgency], { TRAG_DATA_DIR: dataDir }, args);

describe('trag user / trag agency', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-user-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function canLogIn(username: string, password: string): Promise<string> {
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    try {
      await new AuthService({ database, clock: systemClock, dataDir }).login({ username, password, ip: null });
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    } finally {
      await database.destroy();
    }
  }

  it('adds an agency and a user who can log in, lists them, and disables the user', async () => {
    const agency = await trag(
      dataDir,
      'agency',
      'add',
      '--name',
      'Test Police Sarajevo',
      '--country',
      'ba',
      '--kind',
      'police',
    );
    expect(agency).toMatchObject({ code: 0 });
    expect(agency.stdout).toContain('Created agency "Test Police Sarajevo" (BA, police)');

    const added = await trag(
      dataDir,
      'user',
      'add',
      '--username',
      'Amra.Test',
      '--agency',
      'Test Police Sarajevo',
      '--role',
      'investigator',
      '--password',
      'Amber-lantern-river-42',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created investigator "amra.test"');
    expect(await canLogIn('amra.test', 'Amber-lantern-river-42')).toBe('ok');

    const list = await trag(dataDir, 'user', 'list', '--agency', 'Test Police Sarajevo');
    expect(list.stdout).toMatch(/amra\.test\s+investigator\s+Test Police Sarajevo \(BA\)\s+active/);

    expect((await trag(dataDir, 'user', 'disable', 'amra.test')).code).toBe(0);
    expect((await trag(dataDir, 'user', 'list')).stdout).toMatch(/amra\.test.*disabled/);
    expect(await canLogIn('amra.test', 'Amber-lantern-river-42')).toBe('account_disabled');
  });

  it('explains a weak password, an unknown role and an unknown agency with non-zero exit codes', async () => {
    const weak = await trag(
      dataDir,
      'user',
      'add',
      '--username',
      'weak.one',
      '--agency',
      'Test Police Sarajevo',
      '--role',
      'analyst',
      '--password',
      'qwertyuiop123',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('[password_too_common]');
    const role = await trag(
      dataDir,
      'user',
      'add',
      '--username',
      'role.one',
      '--agency',
      'Test Police Sarajevo',
      '--role',
      'boss',
      '--password',
      'Amber-lantern-river-42',
    );
    expect(role.stderr).toContain('[invalid_role]');
    const agency = await trag(
      dataDir,
      'user',
      'add',
      '--username',
      'agency.one',
      '--agency',
      'Nowhere',
      '--role',
      'analyst',
      '--password',
      'Amber-lantern-river-42',
    );
    expect(agency.code).toBe(4);
    expect(agency.stderr).toContain('[agency_not_found]');
    const missing = await trag(dataDir, 'user', 'disable', 'nobody');
    expect(missing.stderr).toContain('[user_not_found]');
  });

  it('has --help on every subcommand', async () => {
    for (const args of [
      ['user', 'add'],
      ['user', 'list'],
      ['user', 'disable'],
      ['agency', 'add'],
      ['agency', 'list'],
    ]) {
      const result = await trag(dataDir, ...args, '--help').catch((e: { code?: string }) => ({ code: e.code }));
      expect(result.code).toBe('commander.helpDisplayed');
    }
  });
});
