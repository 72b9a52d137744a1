// Exercise rows → contract objects. The answer key goes only to the session's trainer (the service decides).
import type { AnswerVerdict } from './exercise-answers';
import type { ExerciseDetail } from './exercise.service';
import type { ExerciseRow, ExerciseWorkRow } from './exercise.repository';

export function presentExercise(row: ExerciseRow) {
  return { id: row.id, sessionId: row.session_id, kind: row.kind, position: row.position, createdAt: row.created_at };
}

export function presentWork(row: ExerciseWorkRow | null) {
  if (!row) return null;
  return {
    bundleSha256: row.bundle_sha256,
    bundleVerified: row.bundle_verified === 1,
    submissions: row.submissions,
    correct: row.correct === 1,
    verdict: row.verdict === null ? null : (JSON.parse(row.verdict) as AnswerVerdict),
    updatedAt: row.updated_at,
  };
}

export function presentExerciseDetail(detail: ExerciseDetail) {
  return {
    exercise: presentExercise(detail.exercise),
    sessionTitle: detail.session.title,
    language: detail.session.language,
    material: detail.material,
    screening: detail.screening,
    work: presentWork(detail.work),
    answerKey: detail.answerKey,
  };
}
