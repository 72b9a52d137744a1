// Hands-on exercises on sandbox data. A trainer adds exercises (kind + seed) to a session; the session's trainees
// open the synthetic material, work on it with the sandbox tools — Trag's own recruitment, crypto and evidence cores
// run on the generated material in memory — and submit answers that are checked against the truth generated from the
// same seed.
//
// Isolation: the sandbox is the training domain itself. Material is generated, never imported; tools call the pure
// cores (findTemplates, trace, writeBundle, verifyBundle, summariseScreening), never the case-bound services, so no
// row is written to a case, evidence, recruitment, crypto or victims table. Sandbox bundles are signed with a
// sandbox key kept apart from every agency key and are marked synthetic. Only the session's trainer (and
// administrators of its agency) and its participants can reach an exercise.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InMemoryTraceGraph, trace, type TraceMethod } from '../crypto';
import {
  AgencyKeyring,
  appendCustodyEntry,
  parseWhatsAppText,
  verifyBundle,
  writeBundle,
  type CustodyActor,
} from '../evidence';
import { eventBusFor } from '../platform';
import { extractIdentifiers, findTemplates, normalizeText } from '../recruitment';
import type { Actor } from '../shared/actor';
import { isoNow } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { conflict, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { latestForms, loadScreeningForms, localise, SERVICE_TYPES } from '../victims';
import { checkAnswer, type AnswerVerdict, type ExerciseAnswer } from './exercise-answers';
import {
  generateAdTemplates,
  generateChatEvidence,
  generateMaterial,
  generateScreeningReferral,
  generateWalletTrace,
  isExerciseKind,
  type ExerciseKind,
  type ExerciseMaterial,
} from './exercise-material';
import { ExerciseRepository, type ExerciseRow, type ExerciseWorkRow } from './exercise.repository';
import { requireAuthor, requireSessionOwner } from './training.policy';
import { TrainingRepository, type ParticipantRow, type SessionRow } from './training.repository';
import { TRAINING_TOPIC, TrainingService } from './training.service';
import { exerciseStatement, validateStatement } from './xapi';

export const SANDBOX_AGENCY = 'training-sandbox';
const MAX_EXERCISES = 20;

export type SandboxTool =
  { tool: 'find-templates' } | { tool: 'trace'; method: TraceMethod } | { tool: 'collect-export' } | { tool: 'verify' };

export interface ScreeningOptions {
  indicators: { id: string; label: string }[];
  suggestions: { id: string; text: string }[];
  services: string[];
}

export interface ExerciseDetail {
  exercise: ExerciseRow;
  session: SessionRow;
  material: ExerciseMaterial;
  screening: ScreeningOptions | null;
  work: ExerciseWorkRow | null;
  /** The expected answer: for the session's trainer only. */
  answerKey: unknown;
}

interface Access {
  exercise: ExerciseRow;
  session: SessionRow;
  participant: ParticipantRow | null;
  owner: boolean;
}

export class ExerciseService {
  private readonly repo: ExerciseRepository;
  private readonly training: TrainingRepository;
  private readonly sandboxDir: string;
  private readonly keyring: AgencyKeyring;

  private readonly homePage: string;
  private readonly statements: TrainingService | null;

  /** `training`: the service whose LRS settings forward the exercise statements (none: they stay in Trag). */
  constructor(
    private readonly ctx: CoreContext,
    options: { training?: TrainingService; homePage?: string } = {},
  ) {
    this.repo = new ExerciseRepository(ctx.database.db);
    this.training = new TrainingRepository(ctx.database.db);
    this.statements = options.training ?? null;
    this.homePage = options.homePage ?? process.env.TRAG_PUBLIC_URL ?? 'https://trag.invalid';
    this.sandboxDir = path.join(ctx.dataDir, 'training-sandbox');
    // Its own key folder: a sandbox bundle can never carry an agency's signature.
    this.keyring = new AgencyKeyring(this.sandboxDir);
  }

  // ---------------------------------------------------------------- trainer

  async addExercise(
    actor: Actor,
    sessionId: string,
    input: { kind: string; seed?: string | undefined },
  ): Promise<ExerciseRow> {
    requireAuthor(actor);
    const session = await this.training.getSession(sessionId);
    if (!session) throw notFound('training_session_not_found', 'This training session does not exist.');
    requireSessionOwner(actor, session);
    if (!isExerciseKind(input.kind))
      throw invalid('training_exercise_kind_unknown', `Unknown exercise "${input.kind}".`);
    const existing = await this.repo.listBySession(sessionId);
    if (existing.length >= MAX_EXERCISES) {
      throw conflict('training_exercise_limit', `A session can hold at most ${MAX_EXERCISES} exercises.`);
    }
    const row: ExerciseRow = {
      id: newId(),
      session_id: sessionId,
      kind: input.kind,
      seed: input.seed ?? randomBytes(6).toString('hex'),
      position: await this.repo.nextPosition(sessionId),
      created_by: actor.userId,
      created_at: isoNow(this.ctx.clock),
    };
    await this.repo.create(row);
    await this.notify(session);
    return row;
  }

  /** The exercises of a session, for its trainer and its participants. */
  async listExercises(actor: Actor, sessionId: string): Promise<{ session: SessionRow; exercises: ExerciseRow[] }> {
    const session = await this.training.getSession(sessionId);
    if (!session) throw notFound('training_session_not_found', 'This training session does not exist.');
    await this.sessionMember(actor, session);
    return { session, exercises: await this.repo.listBySession(sessionId) };
  }

  /** Each participant's result per exercise, for the trainer's dashboard. */
  async results(actor: Actor, sessionId: string) {
    const session = await this.training.getSession(sessionId);
    if (!session) throw notFound('training_session_not_found', 'This training session does not exist.');
    requireSessionOwner(actor, session);
    const [participants, work] = await Promise.all([
      this.training.listParticipants(sessionId),
      this.repo.listWorkBySession(sessionId),
    ]);
    const names = new Map(participants.map((p) => [p.id, p.display_name]));
    return work.map((w) => ({
      exerciseId: w.exercise_id,
      participantId: w.participant_id,
      displayName: names.get(w.participant_id) ?? '',
      submissions: w.submissions,
      correct: w.correct === 1,
      updatedAt: w.updated_at,
    }));
  }

  // ---------------------------------------------------------------- trainee

  async getExercise(actor: Actor, exerciseId: string): Promise<ExerciseDetail> {
    const access = await this.access(actor, exerciseId);
    const kind = access.exercise.kind as ExerciseKind;
    return {
      exercise: access.exercise,
      session: access.session,
      material: generateMaterial(kind, access.exercise.seed),
      screening: kind === 'screening-referral' ? screeningOptions(access.session.language) : null,
      work: (await this.repo.getWork(exerciseId, actor.userId)) ?? null,
      answerKey: access.owner ? answerKey(kind, access.exercise.seed) : null,
    };
  }

  /** Runs one of Trag's tools on the sandbox material. */
  async runTool(actor: Actor, exerciseId: string, request: SandboxTool): Promise<Record<string, unknown>> {
    const access = await this.access(actor, exerciseId);
    this.requireOpen(access.session);
    const { kind, seed } = access.exercise;
    const mismatch = () =>
      invalid('training_tool_not_for_exercise', `The tool "${request.tool}" is not part of this exercise.`);
    switch (request.tool) {
      case 'find-templates': {
        if (kind !== 'ad-templates') throw mismatch();
        const { material } = generateAdTemplates(seed);
        const phones = new Map(
          material.ads.map((a) => [
            a.id,
            extractIdentifiers(normalizeText(a.text))
              .filter((i) => i.type === 'phone')
              .map((i) => i.value),
          ]),
        );
        const clusters = findTemplates(material.ads)
          .sort((a, b) => b.ids.length - a.ids.length)
          .map((c) => {
            const counts = new Map<string, number>();
            for (const id of c.ids) for (const p of phones.get(id) ?? []) counts.set(p, (counts.get(p) ?? 0) + 1);
            return {
              cluster: c.cluster,
              size: c.ids.length,
              ids: c.ids,
              template: c.template,
              reason: c.reason,
              phones: [...counts].map(([phone, ads]) => ({ phone, ads })).sort((a, b) => b.ads - a.ads),
            };
          });
        return { tool: 'find-templates', clusters };
      }
      case 'trace': {
        if (kind !== 'wallet-trace') throw mismatch();
        const { material } = generateWalletTrace(seed);
        const tags = new Map(material.tags.map((t) => [t.address, t.label]));
        const result = await trace(
          new InMemoryTraceGraph(material.transfers),
          {
            seed: { addresses: [material.seedAddress] },
            direction: 'forward',
            method: request.method,
            maxHops: 10,
            maxNodes: 1000,
          },
          { stopAt: (n) => tags.get(n) ?? null },
        );
        return {
          tool: 'trace',
          method: result.method,
          seedValue: result.seedValue,
          endpoints: result.endpoints
            .map((e) => ({
              node: e.node,
              reason: e.reason,
              stopReason: e.stopReason ?? null,
              amount: e.amount,
              share: e.share,
              hops: Math.min(...e.paths.map((p) => p.transfers.length)),
            }))
            .sort((a, b) => b.amount - a.amount),
        };
      }
      case 'collect-export':
        if (kind !== 'chat-evidence') throw mismatch();
        return { tool: 'collect-export', ...(await this.collectAndExport(actor, access)) };
      case 'verify': {
        if (kind !== 'chat-evidence') throw mismatch();
        const work = await this.repo.getWork(exerciseId, actor.userId);
        if (!work?.bundle_sha256) throw conflict('training_bundle_missing', 'Collect and export the chat first.');
        const file = this.bundleFile(work.id);
        const report = await verifyBundle(file);
        const sha256 = createHash('sha256')
          .update(await fs.readFile(file))
          .digest('hex');
        const verified = report.ok && sha256 === work.bundle_sha256;
        await this.repo.updateWork(work.id, {
          bundle_verified: verified ? 1 : 0,
          updated_at: isoNow(this.ctx.clock),
        });
        return {
          tool: 'verify',
          ok: report.ok,
          sha256,
          synthetic: report.bundle.synthetic,
          items: report.items.length,
          problems: report.problems.map((p) => ({ code: p.code, message: p.message })),
        };
      }
    }
  }

  /** The sandbox bundle this trainee exported. */
  async bundle(actor: Actor, exerciseId: string): Promise<Buffer> {
    await this.access(actor, exerciseId);
    const work = await this.repo.getWork(exerciseId, actor.userId);
    if (!work?.bundle_sha256) throw notFound('training_bundle_missing', 'Collect and export the chat first.');
    return fs.readFile(this.bundleFile(work.id));
  }

  async submitAnswer(actor: Actor, exerciseId: string, answer: ExerciseAnswer): Promise<AnswerVerdict> {
    const access = await this.access(actor, exerciseId);
    if (!access.participant) {
      throw forbidden('training_exercise_trainees_only', 'Only participants of the session submit answers.');
    }
    this.requireOpen(access.session);
    const work = await this.workOf(actor, access);
    const verdict = checkAnswer(access.exercise.kind as ExerciseKind, access.exercise.seed, answer, {
      exportedBundle: work.bundle_sha256 ? { sha256: work.bundle_sha256, verified: work.bundle_verified === 1 } : null,
    });
    const now = isoNow(this.ctx.clock);
    const statement = exerciseStatement(
      {
        homePage: this.homePage,
        actorKey: access.participant.actor_key,
        workId: work.id,
        kind: access.exercise.kind,
        language: access.session.language,
        timestamp: now,
      },
      verdict,
    );
    const problems = validateStatement(statement);
    if (problems.length > 0) throw new Error(`Invalid xAPI statement: ${problems.join('; ')}`);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.updateWork(
        work.id,
        {
          submissions: work.submissions + 1,
          answer: JSON.stringify(answer),
          verdict: JSON.stringify(verdict),
          correct: verdict.correct ? 1 : 0,
          updated_at: now,
        },
        trx,
      );
      await this.training.insertStatements(
        [
          {
            id: statement.id,
            attempt_id: work.id,
            seq: work.submissions,
            verb: statement.verb.id,
            statement: JSON.stringify(statement),
            stored_at: now,
            forwarded_at: null,
          },
        ],
        trx,
      );
    });
    this.statements?.forwardSoon();
    await this.notify(access.session);
    return verdict;
  }

  // ---------------------------------------------------------------- internals

  private async collectAndExport(actor: Actor, access: Access) {
    const work = await this.workOf(actor, access);
    const { material } = generateChatEvidence(access.exercise.seed);
    const chat = parseWhatsAppText(material.chatText, new Set());
    const original = Buffer.from(material.chatText, 'utf8');
    const sha256 = createHash('sha256').update(original).digest('hex');
    const signer = await this.keyring.get(SANDBOX_AGENCY);
    const now = isoNow(this.ctx.clock);
    const custodian: CustodyActor = {
      userId: access.participant!.actor_key,
      name: `Trainee ${access.participant!.display_name}`,
      agencyId: SANDBOX_AGENCY,
    };
    const itemId = `sandbox-${work.id}`;
    const collected = appendCustodyEntry(
      null,
      { itemId, at: now, event: 'collected', actor: custodian, sha256, details: { training: true } },
      signer,
    );
    const exported = appendCustodyEntry(
      collected,
      { itemId, at: now, event: 'exported', actor: custodian, sha256, details: { training: true } },
      signer,
    );
    const file = this.bundleFile(work.id);
    await fs.mkdir(this.sandboxDir, { recursive: true });
    const written = await writeBundle(file, {
      bundleId: work.id,
      createdAt: now,
      createdBy: custodian,
      case: {
        id: `sandbox-${access.exercise.id}`,
        reference: 'TRAINING-SANDBOX',
        title: 'Training sandbox (synthetic)',
      },
      items: [
        {
          meta: {
            exhibit: 'T-1',
            itemId,
            sha256,
            size: original.length,
            fileName: material.fileName,
            mediaType: 'text/plain',
            description: `WhatsApp chat export, ${chat.messages.length} messages (synthetic training material)`,
            source: 'training sandbox',
            legalBasis: null,
            location: null,
            device: null,
            collectedBy: custodian.name,
            collectedAt: now,
          },
          ledger: [collected, exported],
          openOriginal: async () => Readable.from([original]),
        },
      ],
      agencies: [{ agencyId: SANDBOX_AGENCY, name: 'Trag training sandbox', publicKeyPem: signer.publicKeyPem }],
      signer,
      synthetic: true,
    });
    await this.repo.updateWork(work.id, { bundle_sha256: written.sha256, bundle_verified: 0, updated_at: now });
    return {
      messages: chat.messages.length,
      participants: chat.participants,
      originalSha256: sha256,
      bundleSize: written.size,
      notes: chat.notes,
    };
  }

  private bundleFile(workId: string): string {
    return path.join(this.sandboxDir, `${workId}.zip`);
  }

  private async workOf(actor: Actor, access: Access): Promise<ExerciseWorkRow> {
    if (!access.participant) {
      throw forbidden('training_exercise_trainees_only', 'Join the session to work on its exercises.');
    }
    const existing = await this.repo.getWork(access.exercise.id, actor.userId);
    if (existing) return existing;
    const now = isoNow(this.ctx.clock);
    const row: ExerciseWorkRow = {
      id: newId(),
      exercise_id: access.exercise.id,
      participant_id: access.participant.id,
      user_id: actor.userId,
      bundle_sha256: null,
      bundle_verified: 0,
      submissions: 0,
      answer: null,
      verdict: null,
      correct: 0,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.repo.createWork(row);
      return row;
    } catch (error) {
      // A second request of the same trainee created it first (unique exercise+user).
      const raced = await this.repo.getWork(access.exercise.id, actor.userId);
      if (raced) return raced;
      throw error;
    }
  }

  private requireOpen(session: SessionRow): void {
    if (session.status === 'closed') throw conflict('training_session_closed', 'This session is closed.');
    if (session.status === 'paused')
      throw conflict('training_session_paused', 'The trainer paused the session; wait until it continues.');
  }

  private async sessionMember(actor: Actor, session: SessionRow): Promise<{ participant: ParticipantRow | null }> {
    const participant = (await this.training.getParticipant(session.id, actor.userId)) ?? null;
    if (participant) return { participant };
    requireSessionOwner(actor, session);
    return { participant: null };
  }

  private async access(actor: Actor, exerciseId: string): Promise<Access> {
    const exercise = await this.repo.get(exerciseId);
    const session = exercise ? await this.training.getSession(exercise.session_id) : undefined;
    if (!exercise || !session) throw notFound('training_exercise_not_found', 'This exercise does not exist.');
    const { participant } = await this.sessionMember(actor, session);
    return { exercise, session, participant, owner: participant === null };
  }

  private async notify(session: SessionRow): Promise<void> {
    await eventBusFor(this.ctx.database, this.ctx.clock).publish(
      TRAINING_TOPIC,
      { userId: session.trainer_id },
      { sessionId: session.id },
    );
  }
}

function screeningOptions(language: string): ScreeningOptions {
  const form = latestForms(loadScreeningForms()).find((f) => f.id === 'ilo-forced-labour-11')!;
  return {
    indicators: form.indicators.map((i) => ({ id: i.id, label: localise(i.label, language) })),
    suggestions: form.suggestions.map((s) => ({ id: s.id, text: localise(s.text, language) })),
    services: [...SERVICE_TYPES],
  };
}

function answerKey(kind: ExerciseKind, seed: string): unknown {
  switch (kind) {
    case 'ad-templates': {
      const { truth } = generateAdTemplates(seed);
      return { templateAdIds: truth.templateAdIds, linkPhone: truth.linkPhone };
    }
    case 'wallet-trace': {
      const { truth } = generateWalletTrace(seed);
      return { exchange: truth.exchange, depositAddress: truth.depositAddress, share: truth.share };
    }
    case 'chat-evidence':
      return { messages: generateChatEvidence(seed).truth.messages, bundle: 'the SHA-256 of the verified bundle' };
    case 'screening-referral': {
      const { truth } = generateScreeningReferral(seed);
      return { present: truth.present, services: truth.services };
    }
  }
}
