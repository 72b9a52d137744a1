// Rows → contract objects (@trag/contracts training). Never sends a row: owners, agencies and ink state stay inside.
import type { AttemptState } from './training.service';
import type { ScenarioRow, SessionRow } from './training.repository';

function parse<T>(text: string | null, fallback: T): T {
  return text === null ? fallback : (JSON.parse(text) as T);
}

export function presentScenarioSummary(row: ScenarioRow, viewerId: string) {
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    status: row.status as 'draft' | 'published',
    title: parse<Record<string, string>>(row.title, {}),
    summary: parse<Record<string, string>>(row.summary, {}),
    country: row.country,
    child: row.child === 1,
    shipped: row.shipped === 1,
    languages: Object.keys(parse<Record<string, string>>(row.sources, {})),
    basedOn: row.based_on,
    mine: row.owner_id === viewerId,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

export function presentScenarioDetail(row: ScenarioRow, viewerId: string) {
  return {
    ...presentScenarioSummary(row, viewerId),
    sources: parse<Record<string, string>>(row.sources, {}),
    check: parse<unknown>(row.check_result, null),
  };
}

export function presentSession(row: SessionRow) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    groupName: row.group_name,
    language: row.language,
    scenarioIds: parse<string[]>(row.scenario_ids, []),
    status: row.status as 'open' | 'paused' | 'closed',
    releasedStep: row.released_step,
    createdAt: row.created_at,
  };
}

export function presentAttempt(state: AttemptState) {
  const a = state.attempt;
  return {
    id: a.id,
    scenarioId: a.scenario_id,
    sessionId: a.session_id,
    language: a.language,
    status: a.status as 'in_progress' | 'completed' | 'ended_critical',
    step: a.step,
    text: state.step.text,
    choices: state.step.choices.map((c) => ({ choiceId: c.choiceId, text: c.text })),
    waiting: state.waiting,
    score: state.score,
  };
}
