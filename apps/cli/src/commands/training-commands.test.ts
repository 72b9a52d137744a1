import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrag } from '../testing';
import { AgencyService } from '@trag/core/identity';
import { systemActor } from '@trag/core/shared';
import { ExerciseService, SHIPPED_SCENARIOS_DIR, TrainingService } from '@trag/core/training';
import { withCoreContext } from '../cli-context';
import { registerTraining } from './training-group';

const FLAGSHIP = path.join(SHIPPED_SCENARIOS_DIR, 'labour-exploitation-interview');

const trag = (dataDir: string, ...args: string[]) => runTrag([registerTraining], { TRAG_DATA_DIR: dataDir }, args);

describe('trag training', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-training-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('check passes a shipped scenario in all eight languages', async () => {
    const result = await trag(dataDir, 'training', 'check', FLAGSHIP);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ok: 8 language\(s\), \d+ knots, \d+ choices/);
    expect(result.code).toBe(0);
  }, 60_000);

  it('check fails with file:line findings for an unknown rule, a broken structure and a compile error', async () => {
    // scenario.yaml's id must equal the folder name.
    const dir = path.join(dataDir, 'adapted', 'labour-exploitation-interview');
    cpSync(FLAGSHIP, dir, { recursive: true });
    const mk = path.join(dir, 'mk.ink');
    const lines = readFileSync(mk, 'utf8').split('\n');
    const tagged = lines.findIndex((l) => /#rule:R\d+/.test(l));
    lines[tagged] = lines[tagged]!.replace(/#rule:R\d+/, '#rule:R99');
    writeFileSync(mk, lines.join('\n'));
    const result = await trag(dataDir, 'training', 'check', dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^FAILED/);
    expect(result.stderr).toContain(`${mk}:${tagged + 1}: [`);
    expect(result.stderr).toMatch(/R99/);

    const broken = path.join(dataDir, 'en.ink');
    writeFileSync(broken, '=== start ===\nHello.\n* [Go on] -> nowhere\n');
    const single = await trag(dataDir, 'training', 'check', broken);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(
      new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\[compile_error\\]`),
    );
  }, 60_000);

  it('export-scorm writes a SCORM 1.2 zip of a shipped scenario by name, and refuses an unknown language', async () => {
    const out = path.join(dataDir, 'scorm.zip');
    const result = await trag(dataDir, 'training', 'export-scorm', 'labour-exploitation-interview', out, '-l', 'sq');
    expect(result.code).toBe(0);
    const zip = readFileSync(out);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('imsmanifest.xml'))).toBe(true);
    const bad = await trag(dataDir, 'training', 'export-scorm', FLAGSHIP, out, '-l', 'de');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[training_language_unavailable]');
  }, 60_000);

  it('lists sessions and prints a session’s results (table and CSV)', async () => {
    process.env.TRAG_DATA_DIR = dataDir;
    const code = await withCoreContext(async (ctx) => {
      const service = new TrainingService(ctx);
      const trainer = { ...systemActor('agency-x'), userId: 'trainer-1', role: 'trainer' as const };
      const flagship = (await service.listScenarios(trainer)).find((s) => s.slug === 'labour-exploitation-interview')!;
      const session = await service.createSession(trainer, {
        title: 'Ohrid module 3',
        groupName: 'Prosecutors',
        language: 'mk',
        scenarioIds: [flagship.id],
      });
      const ana = { ...trainer, userId: 'trainee-1', role: 'trainee' as const };
      await service.join(ana, session.code, 'Ana');
      const exercises = new ExerciseService(ctx);
      const exercise = await exercises.addExercise(trainer, session.id, { kind: 'wallet-trace', seed: 'cli' });
      await exercises.submitAnswer(ana, exercise.id, { kind: 'wallet-trace', exchange: 'Nowhere Exchange' });
      return session.code;
    });
    delete process.env.TRAG_DATA_DIR;
    const sessions = await trag(dataDir, 'training', 'sessions');
    expect(sessions.stdout).toContain(code);
    expect(sessions.stdout).toContain('Ohrid module 3 — Prosecutors');
    const table = await trag(dataDir, 'training', 'results', code.toLowerCase());
    expect(table.stdout).toMatch(/^Ana\s+joined/);
    expect(table.stdout).toMatch(/\nAna\s+exercise wallet-trace\s+answers 1 {2}not yet right/);
    const csv = await trag(dataDir, 'training', 'results', code, '--csv');
    expect(csv.stdout.split(/\r?\n/)[0]).toBe(
      'participant,scenario,status,steps,total_score,critical_violations,grade',
    );
    expect(csv.stdout).toContain('"Ana"');
    const unknown = await trag(dataDir, 'training', 'results', 'ZZZZZZ');
    expect(unknown.code).toBe(4);
  }, 60_000);

  it('adds, lists and removes an LTI platform registration', async () => {
    process.env.TRAG_DATA_DIR = dataDir;
    const agencyId = await withCoreContext(
      async (ctx) =>
        (
          await new AgencyService(ctx).create(systemActor(), {
            name: 'Training Centre Skopje',
            country: 'MK',
            kind: 'training_centre',
          })
        ).id,
    );
    delete process.env.TRAG_DATA_DIR;
    const add = await trag(
      dataDir,
      'training',
      'lti',
      'add',
      '--agency',
      agencyId,
      '--issuer',
      'https://moodle.example.org',
      '--client-id',
      'trag-1',
      '--deployment',
      'd1',
      'd2',
      '--auth-url',
      'https://moodle.example.org/mod/lti/auth.php',
      '--token-url',
      'https://moodle.example.org/mod/lti/token.php',
      '--jwks-url',
      'https://moodle.example.org/mod/lti/certs.php',
    );
    expect(add.stderr).toBe('');
    const id = /as (\S+)\.$/.exec(add.stdout)![1]!;
    const list = await trag(dataDir, 'training', 'lti', 'list');
    expect(list.stdout).toContain(`${id}  https://moodle.example.org  client trag-1  deployments d1,d2`);
    expect(list.stdout).toMatch(/keys \S+\/api\/training\/lti\/jwks/);
    const insecure = await trag(
      dataDir,
      'training',
      'lti',
      'add',
      '--agency',
      agencyId,
      '--issuer',
      'http://moodle.example.org',
      '--client-id',
      'x',
      '--deployment',
      'd',
      '--auth-url',
      'https://a.example',
      '--token-url',
      'https://a.example',
      '--jwks-url',
      'https://a.example',
    );
    expect(insecure.code).toBe(2);
    expect((await trag(dataDir, 'training', 'lti', 'remove', id)).code).toBe(0);
    expect((await trag(dataDir, 'training', 'lti', 'list')).stdout).toContain('No platforms registered.');
  }, 60_000);
});
