// `trag training sessions` and `trag training results <code> [--csv]`: operator views of training sessions on the
// server host (the local database), as an administrator of each session's agency.
import type { Command } from 'commander';
import { ExerciseService, TrainingService } from '@trag/core/training';
import { notFound, systemActor } from '@trag/core/shared';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerTrainingSessions(group: Command): void {
  group
    .command('sessions')
    .description('List training sessions: code, status, language, title, group, created.')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        await withCoreContext(async (ctx) => {
          const sessions = await new TrainingService(ctx).listAllSessions(systemActor());
          if (options.json) {
            console.log(
              JSON.stringify(
                sessions.map((s) => ({
                  id: s.id,
                  code: s.code,
                  status: s.status,
                  language: s.language,
                  title: s.title,
                  groupName: s.group_name,
                  createdAt: s.created_at,
                })),
                null,
                2,
              ),
            );
            return;
          }
          if (sessions.length === 0) console.log('No training sessions.');
          for (const s of sessions) {
            console.log(
              `${s.code.padEnd(8)} ${s.status.padEnd(7)} ${s.language.padEnd(8)} ${s.created_at.slice(0, 10)}  ${s.title} — ${s.group_name}`,
            );
          }
        });
      }),
    );

  group
    .command('results')
    .argument('<code>', 'the session code')
    .description(
      'Results of a session: one line per participant and attempt, then the hands-on exercises (CSV of the attempts with --csv).',
    )
    .option('--csv', 'print the results CSV (the same file as the dashboard download)')
    .action(
      action(async (code: string, options: { csv?: boolean }) => {
        await withCoreContext(async (ctx) => {
          const service = new TrainingService(ctx);
          const wanted = code.trim().toUpperCase();
          const session = (await service.listAllSessions(systemActor())).find((s) => s.code === wanted);
          if (!session) throw notFound('training_code_unknown', `No session has the code ${wanted}.`);
          const actor = systemActor(session.agency_id);
          if (options.csv) {
            process.stdout.write(await service.exportCsv(actor, session.id));
            return;
          }
          const { entries } = await service.progress(actor, session.id);
          if (entries.length === 0) console.log('Nobody has joined yet.');
          for (const e of entries) {
            console.log(
              `${e.displayName.padEnd(24)} ${e.status.padEnd(14)} score ${String(e.totalScore).padStart(3)}  critical ${e.criticalViolations}  grade ${e.grade ?? '—'}`,
            );
          }
          const exercises = new ExerciseService(ctx);
          const kinds = new Map(
            (await exercises.listExercises(actor, session.id)).exercises.map((x) => [x.id, x.kind] as const),
          );
          for (const r of await exercises.results(actor, session.id)) {
            console.log(
              `${r.displayName.padEnd(24)} exercise ${(kinds.get(r.exerciseId) ?? '').padEnd(20)} answers ${r.submissions}  ${r.correct ? 'correct' : 'not yet right'}`,
            );
          }
        });
      }),
    );
}
