// Training workflows: the scenario library (shipped and trainer-adapted, checked before publishing), attempts played
// with server-side state, sessions that trainees join with a short code, live progress, pause/release, the group
// debrief, CSV export, and xAPI statements for every choice and outcome. Training never touches cases.
import { randomUUID } from 'node:crypto';
import { Story } from 'inkjs/full';
import { eventBusFor } from '../platform';
import type { Actor } from '../shared/actor';
import { isoNow } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { conflict, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { iloIndicatorIds } from './ilo-indicators';
import { loadRulesCatalogue, type RulesCatalogue } from './rules-catalogue';
import { checkScenario, exploreStory, type CheckResult, type ChoiceInfo } from './scenario-checker';
import { compileInk } from './scenario-compiler';
import { loadShippedScenarios, SCENARIO_LANGUAGES } from './scenario-library';
import { ScenarioPlay, type Decision, type PlayStep } from './scenario-play';
import { normalizeSessionCode, newSessionCode } from './session-code';
import { scoreAttempt, type AttemptScore } from './scoring';
import { requireAuthor, requireSessionOwner } from './training.policy';
import { renderCertificate, renderSessionSummary } from './training-pdf';
import { buildScormPackage } from './scorm-package';
import { TrainingRepository, type AttemptRow, type ScenarioRow, type SessionRow } from './training.repository';
import {
  choiceStatement,
  forwardStatements,
  initializedStatement,
  outcomeStatements,
  validateStatement,
  type LrsConfig,
  type StatementContext,
  type XapiStatement,
} from './xapi';

export const TRAINING_TOPIC = 'training.session';

export interface TrainingOptions {
  /** External LRS to forward statements to (TRAG_XAPI_ENDPOINT…); null: keep them in Trag only. */
  lrs?: LrsConfig | null;
  /** Base IRI of this installation, used as the xAPI account home page. */
  homePage?: string;
  catalogue?: RulesCatalogue;
}

export interface AttemptState {
  attempt: AttemptRow;
  step: PlayStep;
  /** Why the trainee must wait (session paused, or the next step not released yet). */
  waiting: 'paused' | 'step_not_released' | null;
  score: AttemptScore | null;
}

export interface ProgressEntry {
  participantId: string;
  displayName: string;
  attemptId: string | null;
  scenarioId: string | null;
  status: string;
  step: number;
  knot: string | null;
  totalScore: number;
  criticalViolations: number;
  grade: string | null;
  updatedAt: string | null;
}

export interface DebriefChoice {
  choiceId: string;
  text: string;
  rule: string | null;
  score: number;
  count: number;
}

export interface DebriefPoint {
  knot: string;
  choices: DebriefChoice[];
  total: number;
}

export interface SessionDebrief {
  scenarioId: string;
  points: DebriefPoint[];
  attempts: number;
  criticalAttempts: number;
  meanOverall: number | null;
}

const shippedSynced = new WeakMap<object, Promise<void>>();
const choiceMaps = new Map<string, ChoiceInfo[]>();
/** Stories are expensive to parse; one per compiled scenario and language, reused with loaded state (synchronously). */
const storyCache = new Map<string, Story>();
/** Published scenario rows never change (a new version is a new row): kept in memory for the play loop. */
const publishedRows = new Map<string, ScenarioRow>();

function json<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export class TrainingService {
  private readonly repo: TrainingRepository;
  private readonly catalogue: RulesCatalogue;
  private readonly homePage: string;
  private readonly lrs: LrsConfig | null;

  constructor(
    private readonly ctx: CoreContext,
    options: TrainingOptions = {},
  ) {
    this.repo = new TrainingRepository(ctx.database.db);
    this.catalogue = options.catalogue ?? loadRulesCatalogue();
    this.homePage = options.homePage ?? process.env.TRAG_PUBLIC_URL ?? 'https://trag.invalid';
    this.lrs = options.lrs ?? null;
  }

  // ---------------------------------------------------------------- scenarios

  /** Loads the scenarios shipped with Trag into the library (once per database; idempotent). */
  ensureShippedScenarios(): Promise<void> {
    let done = shippedSynced.get(this.ctx.database);
    if (!done) {
      done = this.syncShipped();
      shippedSynced.set(this.ctx.database, done);
      done.catch(() => shippedSynced.delete(this.ctx.database));
    }
    return done;
  }

  private async syncShipped(): Promise<void> {
    for (const scenario of loadShippedScenarios()) {
      if (await this.repo.getScenarioBySlug(scenario.meta.id, scenario.meta.version)) continue;
      const compiled: Record<string, string> = {};
      for (const [lang, source] of Object.entries(scenario.sources)) {
        const result = compileInk(source);
        if (result.ok) compiled[lang] = result.json;
      }
      const now = isoNow(this.ctx.clock);
      try {
        await this.repo.insertScenario({
          id: newId(),
          slug: scenario.meta.id,
          version: scenario.meta.version,
          status: 'published',
          title: JSON.stringify(scenario.meta.title),
          summary: JSON.stringify(scenario.meta.summary),
          country: scenario.meta.country,
          child: scenario.meta.child ? 1 : 0,
          sources: JSON.stringify(scenario.sources),
          compiled: JSON.stringify(compiled),
          check_result: null,
          based_on: null,
          shipped: 1,
          owner_id: null,
          agency_id: null,
          created_at: now,
          updated_at: now,
          published_at: now,
        });
      } catch (error) {
        // Another process inserted it first (unique slug+version): fine.
        if (!(await this.repo.getScenarioBySlug(scenario.meta.id, scenario.meta.version))) throw error;
      }
    }
  }

  async listScenarios(actor: Actor): Promise<ScenarioRow[]> {
    await this.ensureShippedScenarios();
    return this.repo.listScenarios(actor.userId);
  }

  async getScenario(actor: Actor, id: string): Promise<ScenarioRow> {
    await this.ensureShippedScenarios();
    const row = await this.repo.getScenario(id);
    if (!row || (row.status !== 'published' && row.owner_id !== actor.userId)) {
      throw notFound('training_scenario_not_found', 'This scenario does not exist or is not published.');
    }
    return row;
  }

  /** A trainer copies a scenario to adapt it (country law, names, language): a new draft line, version 1. */
  async copyScenario(actor: Actor, id: string, input: { slug: string; country?: string | null }): Promise<ScenarioRow> {
    requireAuthor(actor);
    const source = await this.getScenario(actor, id);
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(input.slug)) {
      throw invalid('training_slug_invalid', 'Use 3–64 lower-case letters, digits and dashes for the scenario name.');
    }
    const version = (await this.repo.maxVersion(input.slug)) + 1;
    if (version > 1 && input.slug !== source.slug) {
      const existing = await this.repo.getScenarioBySlug(input.slug, version - 1);
      if (existing && existing.owner_id !== actor.userId) {
        throw conflict('training_slug_taken', 'Another trainer already uses this scenario name; choose another.');
      }
    }
    const now = isoNow(this.ctx.clock);
    const row: ScenarioRow = {
      ...source,
      id: newId(),
      slug: input.slug,
      version,
      status: 'draft',
      country: input.country ?? source.country,
      compiled: null,
      check_result: null,
      based_on: source.id,
      shipped: 0,
      owner_id: actor.userId,
      agency_id: actor.agencyId,
      created_at: now,
      updated_at: now,
      published_at: null,
    };
    await this.repo.insertScenario(row);
    return row;
  }

  async updateScenario(
    actor: Actor,
    id: string,
    patch: { sources?: Record<string, string>; title?: Record<string, string>; country?: string | null },
  ): Promise<ScenarioRow> {
    requireAuthor(actor);
    const row = await this.getScenario(actor, id);
    if (row.owner_id !== actor.userId || row.status !== 'draft') {
      throw conflict(
        'training_scenario_not_editable',
        'Only your own drafts can be edited; copy a published scenario first.',
      );
    }
    for (const lang of Object.keys(patch.sources ?? {})) {
      if (!(SCENARIO_LANGUAGES as readonly string[]).includes(lang)) {
        throw invalid('training_language_unknown', `Unknown scenario language "${lang}".`);
      }
    }
    const update = {
      sources: patch.sources
        ? JSON.stringify({ ...json<Record<string, string>>(row.sources), ...patch.sources })
        : row.sources,
      title: patch.title ? JSON.stringify({ ...json<Record<string, string>>(row.title), ...patch.title }) : row.title,
      country: patch.country === undefined ? row.country : patch.country,
      check_result: null,
      updated_at: isoNow(this.ctx.clock),
    };
    await this.repo.updateScenario(id, update);
    return { ...row, ...update };
  }

  /** The full check (all languages, structure, paths, tags, bounds). */
  check(sources: Record<string, string>): CheckResult {
    return checkScenario(sources, this.catalogue, {
      indicatorIds: iloIndicatorIds(),
      reference: 'en' in sources ? 'en' : undefined,
    });
  }

  /** Runs the checker and publishes the draft for other trainers when it passes. */
  async publishScenario(actor: Actor, id: string): Promise<{ scenario: ScenarioRow; check: CheckResult }> {
    requireAuthor(actor);
    const row = await this.getScenario(actor, id);
    if (row.owner_id !== actor.userId || row.status !== 'draft') {
      throw conflict('training_scenario_not_editable', 'Only your own drafts can be published.');
    }
    const result = this.check(json<Record<string, string>>(row.sources) ?? {});
    const summary = JSON.stringify({
      ok: result.ok,
      findings: result.findings,
      rules: result.rules,
      indicators: result.indicators,
    });
    if (!result.ok) {
      await this.repo.updateScenario(id, { check_result: summary });
      throw invalid(
        'training_scenario_check_failed',
        'The scenario did not pass the checks; fix the findings and publish again.',
        {
          findings: result.findings.slice(0, 50),
        },
      );
    }
    const now = isoNow(this.ctx.clock);
    const compiled = Object.fromEntries(result.languages.map((l) => [l.language, l.json ?? '']));
    const patch = {
      status: 'published',
      compiled: JSON.stringify(compiled),
      check_result: summary,
      published_at: now,
      updated_at: now,
    };
    await this.repo.updateScenario(id, patch);
    return { scenario: { ...row, ...patch }, check: result };
  }

  private async publishedScenario(id: string): Promise<ScenarioRow | undefined> {
    const cached = publishedRows.get(id);
    if (cached) return cached;
    const row = await this.repo.getScenario(id);
    if (row?.status === 'published') publishedRows.set(id, row);
    return row;
  }

  private compiledJson(row: ScenarioRow, language: string): string {
    const compiled = json<Record<string, string>>(row.compiled) ?? {};
    const story = compiled[language];
    if (!story) throw invalid('training_language_unavailable', `This scenario is not available in "${language}".`);
    return story;
  }

  private story(row: ScenarioRow, language: string): Story {
    const key = `${row.id}:${language}`;
    let story = storyCache.get(key);
    if (!story) {
      story = new Story(this.compiledJson(row, language));
      storyCache.set(key, story);
    }
    return story;
  }

  /** Every choice of a scenario language, for the debrief and the trainer's map. */
  scenarioChoices(row: ScenarioRow, language: string): ChoiceInfo[] {
    const key = `${row.id}:${language}`;
    let choices = choiceMaps.get(key);
    if (!choices) {
      choices = [...exploreStory(new Story(this.compiledJson(row, language))).choices.values()];
      choiceMaps.set(key, choices);
    }
    return choices;
  }

  /** A SCORM 1.2 package of a published scenario in one language, for LMSs without LTI. */
  async scormPackage(actor: Actor, id: string, language: string): Promise<Buffer> {
    requireAuthor(actor);
    const row = await this.getScenario(actor, id);
    if (row.status !== 'published')
      throw conflict('training_scenario_not_published', 'Publish the scenario before exporting it.');
    const storyJson = this.compiledJson(row, language);
    const title = json<Record<string, string>>(row.title) ?? {};
    return buildScormPackage({
      slug: row.slug,
      version: row.version,
      title: title[language] ?? title.en ?? row.slug,
      language,
      storyJson,
      criticalRules: [...this.catalogue.rules.values()].filter((r) => r.critical).map((r) => r.id),
      maxScore: exploreStory(new Story(storyJson)).maxScore ?? 1,
    });
  }

  // ---------------------------------------------------------------- sessions

  async createSession(
    actor: Actor,
    input: { title: string; groupName: string; language: string; scenarioIds: string[] },
  ): Promise<SessionRow> {
    requireAuthor(actor);
    if (!(SCENARIO_LANGUAGES as readonly string[]).includes(input.language)) {
      throw invalid('training_language_unknown', `Unknown scenario language "${input.language}".`);
    }
    if (input.scenarioIds.length === 0)
      throw invalid('training_session_empty', 'Choose at least one scenario for the session.');
    for (const id of input.scenarioIds) {
      const scenario = await this.getScenario(actor, id);
      if (scenario.status !== 'published')
        throw conflict('training_scenario_not_published', 'Publish the scenario before using it in a session.');
      this.compiledJson(scenario, input.language);
    }
    const now = isoNow(this.ctx.clock);
    for (let tries = 0; ; tries++) {
      const row: SessionRow = {
        id: newId(),
        code: newSessionCode(),
        title: input.title,
        group_name: input.groupName,
        language: input.language,
        scenario_ids: JSON.stringify(input.scenarioIds),
        status: 'open',
        released_step: null,
        trainer_id: actor.userId,
        agency_id: actor.agencyId,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      if (await this.repo.getSessionByCode(row.code)) {
        if (tries > 5) throw conflict('training_code_exhausted', 'Could not find a free session code; try again.');
        continue;
      }
      await this.repo.insertSession(row);
      return row;
    }
  }

  async listSessions(actor: Actor): Promise<SessionRow[]> {
    requireAuthor(actor);
    return this.repo.listSessions(actor.userId);
  }

  /** Every session of every trainer: for administrators (and the operator's `trag training sessions`). */
  async listAllSessions(actor: Actor): Promise<SessionRow[]> {
    if (actor.role !== 'administrator') {
      throw forbidden('training_admin_only', 'Only administrators list the sessions of every trainer.');
    }
    return this.repo.listAllSessions();
  }

  async getOwnSession(actor: Actor, id: string): Promise<SessionRow> {
    const session = await this.repo.getSession(id);
    if (!session) throw notFound('training_session_not_found', 'This training session does not exist.');
    requireSessionOwner(actor, session);
    return session;
  }

  /** A trainee joins with the short code; joining twice returns the same participant. */
  async join(actor: Actor, rawCode: string, displayName: string) {
    const session = await this.repo.getSessionByCode(normalizeSessionCode(rawCode));
    if (!session || session.status === 'closed') {
      throw notFound('training_code_unknown', 'No open session has this code; check the code with your trainer.');
    }
    const name = displayName.trim();
    if (name.length === 0 || name.length > 60)
      throw invalid('training_name_invalid', 'Enter a name of 1–60 characters for the group.');
    let participant = await this.repo.getParticipant(session.id, actor.userId);
    if (!participant) {
      participant = {
        id: newId(),
        session_id: session.id,
        user_id: actor.userId,
        display_name: name,
        actor_key: randomUUID(),
        joined_at: isoNow(this.ctx.clock),
      };
      await this.repo.insertParticipant(participant);
      await this.notify(session);
    }
    return { session, participant };
  }

  async setSessionState(
    actor: Actor,
    id: string,
    change: { status?: 'open' | 'paused' | 'closed'; releasedStep?: number | null },
  ) {
    const session = await this.getOwnSession(actor, id);
    const now = isoNow(this.ctx.clock);
    const patch = {
      status: change.status ?? session.status,
      released_step: change.releasedStep === undefined ? session.released_step : change.releasedStep,
      updated_at: now,
      closed_at: change.status === 'closed' ? now : session.closed_at,
    };
    await this.repo.updateSession(id, patch);
    const updated = { ...session, ...patch };
    await this.notify(updated);
    return updated;
  }

  private async notify(session: SessionRow): Promise<void> {
    await eventBusFor(this.ctx.database, this.ctx.clock).publish(
      TRAINING_TOPIC,
      { userId: session.trainer_id },
      { sessionId: session.id },
    );
  }

  /** Who is where: one line per participant and attempt (the newest attempt of each scenario). */
  async progress(actor: Actor, sessionId: string): Promise<{ session: SessionRow; entries: ProgressEntry[] }> {
    const session = await this.getOwnSession(actor, sessionId);
    const [participants, attempts] = await Promise.all([
      this.repo.listParticipants(sessionId),
      this.repo.listSessionProgress(sessionId),
    ]);
    const entries: ProgressEntry[] = [];
    for (const p of participants) {
      const mine = attempts.filter((a) => a.participant_id === p.id);
      if (mine.length === 0) {
        entries.push({
          participantId: p.id,
          displayName: p.display_name,
          attemptId: null,
          scenarioId: null,
          status: 'joined',
          step: 0,
          knot: null,
          totalScore: 0,
          criticalViolations: 0,
          grade: null,
          updatedAt: null,
        });
      }
      for (const a of mine) {
        const decisions = json<Decision[]>(a.decisions) ?? [];
        const score = json<AttemptScore>(a.score);
        entries.push({
          participantId: p.id,
          displayName: p.display_name,
          attemptId: a.id,
          scenarioId: a.scenario_id,
          status: a.status,
          step: a.step,
          knot: a.current_knot,
          totalScore: decisions.reduce((s, d) => s + d.tags.score, 0),
          criticalViolations: decisions.filter((d) => d.critical).length,
          grade: score?.grade ?? null,
          updatedAt: a.updated_at,
        });
      }
    }
    return { session, entries };
  }

  /** The group's choices per decision point, for the debrief the trainer runs. */
  async debrief(actor: Actor, sessionId: string): Promise<SessionDebrief[]> {
    const session = await this.getOwnSession(actor, sessionId);
    const attempts = await this.repo.listSessionAttempts(sessionId);
    const result: SessionDebrief[] = [];
    for (const scenarioId of json<string[]>(session.scenario_ids) ?? []) {
      const scenario = await this.getScenario(actor, scenarioId);
      const choices = this.scenarioChoices(scenario, session.language);
      const counts = new Map<string, number>();
      const mine = attempts.filter((a) => a.scenario_id === scenarioId);
      for (const a of mine)
        for (const d of json<Decision[]>(a.decisions) ?? []) counts.set(d.choiceId, (counts.get(d.choiceId) ?? 0) + 1);
      const byKnot = new Map<string, DebriefPoint>();
      for (const c of [...choices].sort((a, b) => a.choiceId.localeCompare(b.choiceId, 'en', { numeric: true }))) {
        const point = byKnot.get(c.knot) ?? { knot: c.knot, choices: [], total: 0 };
        const count = counts.get(c.choiceId) ?? 0;
        point.choices.push({ choiceId: c.choiceId, text: c.text, rule: c.tags.rule, score: c.tags.score, count });
        point.total += count;
        byKnot.set(c.knot, point);
      }
      const scores = mine.map((a) => json<AttemptScore>(a.score)).filter((s): s is AttemptScore => s !== null);
      result.push({
        scenarioId,
        points: [...byKnot.values()],
        attempts: mine.length,
        criticalAttempts: mine.filter((a) => a.critical === 1).length,
        meanOverall: scores.length === 0 ? null : Math.round(scores.reduce((s, x) => s + x.overall, 0) / scores.length),
      });
    }
    return result;
  }

  /** CSV results: one row per attempt; pseudonymous display names as the trainees gave them, no user ids. */
  async exportCsv(actor: Actor, sessionId: string): Promise<string> {
    const { entries } = await this.progress(actor, sessionId);
    const header = ['participant', 'scenario', 'status', 'steps', 'total_score', 'critical_violations', 'grade'];
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // Neutralise spreadsheet formulas and quote every cell.
      const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return `"${safe.replace(/"/g, '""')}"`;
    };
    const rows = entries.map((e) =>
      [e.displayName, e.scenarioId, e.status, e.step, e.totalScore, e.criticalViolations, e.grade].map(cell).join(','),
    );
    return [header.join(','), ...rows].join('\r\n') + '\r\n';
  }

  private async scenarioTitles(actor: Actor, session: SessionRow): Promise<Record<string, string>> {
    const titles: Record<string, string> = {};
    for (const id of json<string[]>(session.scenario_ids) ?? []) {
      const row = await this.getScenario(actor, id);
      const title = json<Record<string, string>>(row.title) ?? {};
      titles[id] = title[session.language] ?? title.en ?? row.slug;
    }
    return titles;
  }

  /** The trainer's PDF summary: results per participant and the group's choices per decision point. */
  async summaryPdf(actor: Actor, sessionId: string): Promise<Buffer> {
    const { session, entries } = await this.progress(actor, sessionId);
    return renderSessionSummary({
      title: session.title,
      groupName: session.group_name,
      language: session.language,
      date: session.created_at.slice(0, 10),
      scenarioTitles: await this.scenarioTitles(actor, session),
      entries,
      debrief: await this.debrief(actor, sessionId),
    });
  }

  /** A certificate for a participant who finished at least one scenario of the session. */
  async certificatePdf(actor: Actor, sessionId: string, participantId: string): Promise<Buffer> {
    const { session, entries } = await this.progress(actor, sessionId);
    const mine = entries.filter((e) => e.participantId === participantId);
    if (mine.length === 0) throw notFound('training_participant_not_found', 'This person did not join the session.');
    const finished = mine.filter((e) => e.status === 'completed' || e.status === 'ended_critical');
    if (finished.length === 0)
      throw conflict('training_not_finished', 'A certificate needs at least one finished scenario.');
    const titles = await this.scenarioTitles(actor, session);
    return renderCertificate({
      displayName: mine[0]!.displayName,
      sessionTitle: session.title,
      groupName: session.group_name,
      scenarioTitles: [...new Set(finished.map((e) => titles[e.scenarioId ?? ''] ?? ''))].filter(Boolean),
      date: isoNow(this.ctx.clock).slice(0, 10),
      issuer: 'Trag training',
    });
  }

  // ---------------------------------------------------------------- attempts

  async startAttempt(
    actor: Actor,
    input: { scenarioId: string; sessionId?: string | null; language?: string },
  ): Promise<AttemptState> {
    const scenario = await this.getScenario(actor, input.scenarioId);
    let session: SessionRow | undefined;
    let participantId: string | null = null;
    let actorKey: string = randomUUID();
    let language = input.language ?? 'en';
    if (input.sessionId) {
      session = await this.repo.getSession(input.sessionId);
      const participant = session ? await this.repo.getParticipant(session.id, actor.userId) : undefined;
      if (!session || !participant)
        throw notFound('training_session_not_joined', 'Join the session with its code first.');
      if (session.status === 'closed') throw conflict('training_session_closed', 'This session is closed.');
      if (!(json<string[]>(session.scenario_ids) ?? []).includes(scenario.id)) {
        throw invalid('training_scenario_not_in_session', 'This scenario is not part of the session.');
      }
      participantId = participant.id;
      actorKey = participant.actor_key;
      language = session.language;
    }
    const story = this.story(scenario, language);
    story.ResetState();
    const play = ScenarioPlay.fromStory(story, this.catalogue);
    const step = play.continue();
    const now = isoNow(this.ctx.clock);
    const attempt: AttemptRow = {
      id: randomUUID(),
      scenario_id: scenario.id,
      session_id: session?.id ?? null,
      participant_id: participantId,
      user_id: actor.userId,
      language,
      status: step.ended ? 'completed' : 'in_progress',
      ink_state: play.save().inkState,
      decisions: '[]',
      step: 0,
      current_knot: step.choices[0] ? step.choices[0].choiceId.split('.')[0]! : null,
      last_text: step.text,
      score: null,
      critical: 0,
      created_at: now,
      updated_at: now,
      completed_at: null,
    };
    const statement = initializedStatement(this.statementContext(scenario, attempt, actorKey, now));
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.insertAttempt(attempt, trx);
      await this.storeStatements(attempt.id, 0, [statement], now, trx);
    });
    if (session) await this.notify(session);
    this.forwardLater();
    return { attempt, step, waiting: this.waitingFor(session, attempt), score: null };
  }

  private async ownAttempt(actor: Actor, id: string): Promise<AttemptRow> {
    const attempt = await this.repo.getAttempt(id);
    if (!attempt || attempt.user_id !== actor.userId)
      throw notFound('training_attempt_not_found', 'This attempt does not exist.');
    return attempt;
  }

  private waitingFor(session: SessionRow | undefined, attempt: AttemptRow): AttemptState['waiting'] {
    if (!session || attempt.status !== 'in_progress') return null;
    if (session.status === 'paused') return 'paused';
    if (session.released_step !== null && attempt.step >= session.released_step) return 'step_not_released';
    return null;
  }

  private resumePlay(scenario: ScenarioRow, attempt: AttemptRow): ScenarioPlay {
    const story = this.story(scenario, attempt.language);
    return ScenarioPlay.resumeStory(story, this.catalogue, {
      inkState: attempt.ink_state,
      decisions: json<Decision[]>(attempt.decisions) ?? [],
    });
  }

  /** Where the trainee is (for a reload or another device). */
  async getAttempt(actor: Actor, id: string): Promise<AttemptState> {
    const attempt = await this.ownAttempt(actor, id);
    const scenario = await this.repo.getScenario(attempt.scenario_id);
    if (!scenario) throw notFound('training_scenario_not_found', 'The scenario of this attempt no longer exists.');
    const session = attempt.session_id ? await this.repo.getSession(attempt.session_id) : undefined;
    const play = this.resumePlay(scenario, attempt);
    const step = { ...play.continue(), text: attempt.last_text };
    return { attempt, step, waiting: this.waitingFor(session, attempt), score: json<AttemptScore>(attempt.score) };
  }

  /** Takes a choice (by its stable id) and runs the story to the next decision point or the end. */
  async choose(actor: Actor, id: string, choiceId: string): Promise<AttemptState> {
    const attempt = await this.ownAttempt(actor, id);
    if (attempt.status !== 'in_progress')
      throw conflict('training_attempt_finished', 'This attempt has already ended.');
    const session = attempt.session_id ? await this.repo.getSession(attempt.session_id) : undefined;
    const waiting = this.waitingFor(session, attempt);
    if (waiting === 'paused')
      throw conflict('training_session_paused', 'The trainer has paused the session; wait until it continues.');
    if (waiting === 'step_not_released')
      throw conflict('training_step_not_released', 'Wait until the trainer releases the next step.');
    const scenario = await this.publishedScenario(attempt.scenario_id);
    if (!scenario) throw notFound('training_scenario_not_found', 'The scenario of this attempt no longer exists.');

    // Synchronous from resume to save: the cached story is not shared across an await.
    const play = this.resumePlay(scenario, attempt);
    const current = play.continue();
    const choice = current.choices.find((c) => c.choiceId === choiceId);
    if (!choice)
      throw invalid('training_choice_unknown', 'This choice is not available at this point; reload the attempt.');
    const decision = play.choose(choice.index);
    const step = play.continue();
    const saved = play.save();

    const now = isoNow(this.ctx.clock);
    const ended = step.ended;
    const score = ended ? this.score(scenario, attempt.language, saved.decisions) : null;
    const status = !ended ? 'in_progress' : step.endedByCriticalViolation ? 'ended_critical' : 'completed';
    const patch = {
      ink_state: saved.inkState,
      decisions: JSON.stringify(saved.decisions),
      step: saved.decisions.length,
      current_knot: step.choices[0] ? step.choices[0].choiceId.split('.')[0]! : null,
      last_text: step.text,
      status,
      score: score ? JSON.stringify(score) : null,
      critical: saved.decisions.some((d) => d.critical) ? 1 : 0,
      updated_at: now,
      completed_at: ended ? now : null,
    };
    const actorKey = attempt.participant_id
      ? ((await this.repo.getParticipantById(attempt.participant_id))?.actor_key ?? attempt.id)
      : attempt.id;
    const context = this.statementContext(scenario, attempt, actorKey, now);
    const statements = [choiceStatement(context, decision), ...(score ? outcomeStatements(context, score) : [])];
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.updateAttempt(id, patch, trx);
      await this.storeStatements(id, attempt.step * 10 + 10, statements, now, trx);
    });
    if (session) await this.notify(session);
    this.forwardLater();
    const updated = { ...attempt, ...patch };
    return { attempt: updated, step, waiting: this.waitingFor(session, updated), score };
  }

  private score(scenario: ScenarioRow, language: string, decisions: Decision[]): AttemptScore {
    const available = new Set<string>();
    for (const c of this.scenarioChoices(scenario, language)) for (const i of c.tags.indicators) available.add(i);
    return scoreAttempt(decisions, this.catalogue, { availableIndicators: [...available] });
  }

  // ---------------------------------------------------------------- xAPI

  private statementContext(
    scenario: ScenarioRow,
    attempt: AttemptRow,
    actorKey: string,
    timestamp: string,
  ): StatementContext {
    return {
      homePage: this.homePage,
      actorKey,
      attemptId: attempt.id,
      scenarioSlug: scenario.slug,
      scenarioVersion: scenario.version,
      language: attempt.language,
      timestamp,
    };
  }

  private async storeStatements(
    attemptId: string,
    firstSeq: number,
    statements: XapiStatement[],
    now: string,
    trx: Parameters<TrainingRepository['insertStatements']>[1],
  ) {
    for (const s of statements) {
      const errors = validateStatement(s);
      if (errors.length > 0) throw new Error(`Invalid xAPI statement: ${errors.join('; ')}`);
    }
    await this.repo.insertStatements(
      statements.map((s, i) => ({
        id: s.id,
        attempt_id: attemptId,
        seq: firstSeq + i,
        verb: s.verb.id,
        statement: JSON.stringify(s),
        stored_at: now,
        forwarded_at: null,
      })),
      trx,
    );
  }

  async statements(actor: Actor, attemptId: string): Promise<XapiStatement[]> {
    await this.ownAttempt(actor, attemptId);
    return (await this.repo.listStatements(attemptId)).map((r) => JSON.parse(r.statement) as XapiStatement);
  }

  private forwarding: Promise<number> | null = null;

  /** Forwards pending statements (also those other training services stored) in the background, when an LRS is set. */
  forwardSoon(): void {
    this.forwardLater();
  }

  private forwardLater(): void {
    if (!this.lrs || this.forwarding) return;
    this.forwarding = this.forwardPending()
      .catch(() => 0) // kept in Trag and retried with the next statements
      .finally(() => {
        this.forwarding = null;
      });
  }

  /** Sends statements not yet forwarded to the configured LRS; returns how many were accepted. */
  async forwardPending(limit = 500): Promise<number> {
    if (!this.lrs) return 0;
    const rows = await this.repo.listUnforwarded(limit);
    if (rows.length === 0) return 0;
    await forwardStatements(
      this.lrs,
      rows.map((r) => JSON.parse(r.statement) as XapiStatement),
    );
    await this.repo.markForwarded(
      rows.map((r) => r.id),
      isoNow(this.ctx.clock),
    );
    return rows.length;
  }
}
