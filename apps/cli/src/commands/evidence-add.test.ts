import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '@trag/core/identity';
import { systemActor } from '@trag/core/shared';
import { CLI_TEST_PASSWORD, createCliWorkspace, runTrag } from '../testing';
import { registerEvidence } from './evidence-commands';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/core/src/evidence/fixtures',
);

const trag = (dataDir: string, ...args: string[]) => runTrag([registerEvidence], { TRAG_DATA_DIR: dataDir }, args);

describe('trag evidence add', () => {
  let dataDir: string;
  let reference: string;

  beforeAll(async () => {
    ({ dataDir, reference } = await createCliWorkspace('evidence', 'CLI case', async (ctx, workspace) => {
      await new UserService(ctx).create(systemActor(), {
        agencyId: workspace.actor.agencyId,
        username: 'other',
        displayName: 'Other',
        role: 'investigator',
        password: CLI_TEST_PASSWORD,
      });
    }));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('collects files and an export folder into a case found by its reference', async () => {
    const result = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.html'),
      path.join(fixtures, 'telegram-export'),
      '--as',
      'amra',
      '--description',
      'Advert and chat',
      '--legal-basis',
      'KPS-1/26',
      '--import',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { items } = JSON.parse(result.stdout) as {
      items: { exhibitNumber: string; importFormat: string; metadata: { messages?: number } }[];
    };
    expect(items.map((i) => i.importFormat)).toEqual(['html', 'telegram_desktop']);
    expect(items[1]!.metadata.messages).toBe(7);
  });

  it('refuses a user who is not a member of the case, without saying whether it exists', async () => {
    const result = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.html'),
      '--as',
      'other',
      '--description',
      'x',
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/case_not_found/);
  });
});
