// LTI 1.3 for Trag as a tool, over HTTP: platform registrations (administrators), Trag's signing key and JWKS, the
// OIDC login, the launch (verified with lti.ts) into a session or a scenario, the launch-scoped player, and grade
// passback through AGS when the attempt ends.
//
// A launched learner does not get a Trag account or cookie (LMSs embed tools in iframes, where third-party cookies
// are blocked): the launch issues a random token that the player URL carries, stored only as its SHA-256 and valid
// for LAUNCH_TTL_MS. The learner plays as a pseudonymous trainee whose id is derived from the platform and the LMS's
// opaque user id; names and e-mails the LMS sends are never read.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, decodeJwt, exportJWK, type JWK } from 'jose';
import type { Actor } from '../shared/actor';
import { isoNow } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { AppError, forbidden, invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import {
  AGS_SCORE_SCOPE,
  createLoginRedirect,
  postScore,
  verifyLaunch,
  type LoginInitiation,
  type LtiPlatform,
  type LtiTool,
} from './lti';
import { LtiLoginDatabaseStore } from './lti-login-store';
import { LtiRepository, type LtiLaunchRow, type LtiPlatformRow } from './lti.repository';
import { SCENARIO_LANGUAGES } from './scenario-library';
import { TrainingService, type AttemptState } from './training.service';

export const LAUNCH_TTL_MS = 8 * 60 * 60_000;
/** Parsed key per key file; the file itself (in the shared data folder) is the one source for every process. */
const toolKeys = new Map<string, Promise<{ privateKey: KeyObject; jwk: JWK }>>();

export interface PlatformInput {
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
}

export interface LtiPlayState {
  launch: LtiLaunchRow;
  state: AttemptState;
  /** Origins of the launching platform (issuer, authorisation endpoint): the only pages that may frame the player. */
  platformOrigins: string[];
}

function requireAdministrator(actor: Actor): void {
  if (actor.role !== 'administrator') {
    throw forbidden('training_lti_admin_only', 'Only administrators register learning platforms.');
  }
}

/** HTTPS, or HTTP on loopback only (a local test platform). */
function checkUrl(name: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('training_lti_url_invalid', `${name} is not a URL.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw invalid('training_lti_url_invalid', `${name} must use https (http only on loopback).`);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const launchInvalid = () =>
  invalid('lti_launch_invalid', 'This launch link is invalid or expired; open the activity again from the LMS.');

export class LtiService {
  private readonly repo: LtiRepository;
  private readonly logins: LtiLoginDatabaseStore;
  private readonly training: TrainingService;
  private readonly publicUrl: string;

  constructor(
    private readonly ctx: CoreContext,
    options: { publicUrl?: string; training?: TrainingService } = {},
  ) {
    this.repo = new LtiRepository(ctx.database.db);
    this.logins = new LtiLoginDatabaseStore(ctx);
    this.training = options.training ?? new TrainingService(ctx);
    this.publicUrl = (options.publicUrl ?? process.env.TRAG_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  }

  get launchUrl(): string {
    return `${this.publicUrl}/api/training/lti/launch`;
  }

  // ---------------------------------------------------------------- registrations

  async registerPlatform(actor: Actor, input: PlatformInput): Promise<LtiPlatformRow> {
    requireAdministrator(actor);
    for (const [name, value] of [
      ['issuer', input.issuer],
      ['authorizationEndpoint', input.authorizationEndpoint],
      ['tokenEndpoint', input.tokenEndpoint],
      ['jwksUrl', input.jwksUrl],
    ] as const)
      checkUrl(name, value);
    if (input.deploymentIds.length === 0 || input.deploymentIds.some((d) => d.trim() === '')) {
      throw invalid('training_lti_deployment_missing', 'Name at least one deployment id.');
    }
    if (await this.repo.getPlatformByIssuer(input.issuer, input.clientId)) {
      throw new AppError(
        'conflict',
        'training_lti_platform_exists',
        'This issuer and client id are registered already.',
      );
    }
    const row: LtiPlatformRow = {
      id: newId(),
      issuer: input.issuer,
      client_id: input.clientId,
      deployment_ids: JSON.stringify(input.deploymentIds),
      authorization_endpoint: input.authorizationEndpoint,
      token_endpoint: input.tokenEndpoint,
      jwks_url: input.jwksUrl,
      agency_id: actor.agencyId,
      created_by: actor.userId,
      created_at: isoNow(this.ctx.clock),
    };
    await this.repo.createPlatform(row);
    return row;
  }

  async listPlatforms(actor: Actor): Promise<LtiPlatformRow[]> {
    requireAdministrator(actor);
    return this.repo.listPlatforms();
  }

  async removePlatform(actor: Actor, id: string): Promise<void> {
    requireAdministrator(actor);
    if (!(await this.repo.getPlatform(id))) throw notFound('training_lti_platform_not_found', 'No such platform.');
    await this.repo.deletePlatform(id);
  }

  // ---------------------------------------------------------------- Trag's key

  private toolKey(): Promise<{ privateKey: KeyObject; jwk: JWK }> {
    const file = path.join(this.ctx.dataDir, 'lti', 'tool-key.pem');
    let key = toolKeys.get(file);
    if (!key) {
      key = (async () => {
        let pem: string;
        try {
          pem = await fs.readFile(file, 'utf8');
        } catch {
          await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
          const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
          pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
          // Written whole under a temporary name, then linked into place: link() fails if another process published
          // its key first (then that key is used), and no process ever reads a half-written file.
          const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
          await fs.writeFile(temp, pem, { mode: 0o600, flag: 'wx' });
          try {
            await fs.link(temp, file);
          } catch {
            pem = await fs.readFile(file, 'utf8');
          } finally {
            await fs.rm(temp, { force: true });
          }
        }
        const privateKey = createPrivateKey(pem);
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = await exportJWK(privateKey);
        const kid = await calculateJwkThumbprint(pub);
        return { privateKey, jwk: { ...pub, kid, alg: 'RS256', use: 'sig' } };
      })();
      toolKeys.set(file, key);
      key.catch(() => toolKeys.delete(file));
    }
    return key;
  }

  /** The public key set the platform uses to check Trag's service-token assertions. */
  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.toolKey()).jwk] };
  }

  private async tool(): Promise<LtiTool> {
    const key = await this.toolKey();
    return { redirectUri: this.launchUrl, privateKey: key.privateKey, keyId: key.jwk.kid! };
  }

  // ---------------------------------------------------------------- login, launch, play

  async login(params: LoginInitiation): Promise<string> {
    const row = await this.repo.getPlatformByIssuer(params.iss, params.client_id);
    if (!row) throw new AppError('unauthenticated', 'lti_unknown_platform', 'This LMS is not registered with Trag.');
    return createLoginRedirect(toPlatform(row), await this.tool(), this.logins, params);
  }

  /** Verifies the launch and starts the attempt; returns the player token. */
  async launch(form: { id_token: string; state: string }): Promise<string> {
    let claims: { iss?: string; aud?: string | string[] };
    try {
      claims = decodeJwt(form.id_token);
    } catch {
      throw new AppError('unauthenticated', 'lti_token_invalid', 'The LMS launch could not be read.');
    }
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    const row = claims.iss ? await this.repo.getPlatformByIssuer(claims.iss, aud) : undefined;
    if (!row) throw new AppError('unauthenticated', 'lti_unknown_platform', 'This LMS is not registered with Trag.');
    const launch = await verifyLaunch(toPlatform(row), this.logins, form);

    const pseudonym = sha256(`${row.id}\n${launch.userId}`).slice(0, 24);
    const actor = learnerActor(row, pseudonym);
    const language = launch.custom.language ?? 'en';
    let state: AttemptState;
    if (launch.custom.session) {
      const { session } = await this.training.join(actor, launch.custom.session, `LMS ${pseudonym.slice(0, 6)}`);
      const scenarioIds = JSON.parse(session.scenario_ids) as string[];
      const scenarioId = launch.custom.scenario
        ? await this.scenarioIdBySlug(actor, launch.custom.scenario)
        : scenarioIds[0]!;
      state = await this.training.startAttempt(actor, { scenarioId, sessionId: session.id });
    } else if (launch.custom.scenario) {
      if (!(SCENARIO_LANGUAGES as readonly string[]).includes(language)) {
        throw invalid('training_language_unknown', `Unknown scenario language "${language}".`);
      }
      const scenarioId = await this.scenarioIdBySlug(actor, launch.custom.scenario);
      state = await this.training.startAttempt(actor, { scenarioId, language });
    } else {
      throw invalid(
        'lti_target_missing',
        'The LMS activity names neither a session (custom parameter session=<code>) nor a scenario (scenario=<name>).',
      );
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    await this.repo.createLaunch({
      id: newId(),
      token_hash: sha256(token),
      platform_id: row.id,
      lti_user_id: launch.userId,
      user_id: actor.userId,
      attempt_id: state.attempt.id,
      line_item: launch.lineItem,
      can_score: launch.scopes.includes(AGS_SCORE_SCOPE) ? 1 : 0,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LAUNCH_TTL_MS).toISOString(),
      score_sent_at: null,
      score_error: null,
    });
    return token;
  }

  async play(token: string): Promise<LtiPlayState> {
    const { launch, actor, platform } = await this.launchOf(token);
    return {
      launch,
      state: await this.training.getAttempt(actor, launch.attempt_id),
      platformOrigins: platformOrigins(platform),
    };
  }

  /** One choice; when the attempt ends, the grade goes back to the LMS (a refusal is recorded, not thrown). */
  async choose(token: string, choiceId: string): Promise<LtiPlayState> {
    const { launch, actor, platform } = await this.launchOf(token);
    const state = await this.training.choose(actor, launch.attempt_id, choiceId);
    const origins = platformOrigins(platform);
    if (state.score && launch.line_item && launch.can_score === 1 && !launch.score_sent_at) {
      const at = isoNow(this.ctx.clock);
      try {
        await postScore(toPlatform(platform), await this.tool(), launch.line_item, {
          userId: launch.lti_user_id,
          scoreGiven: state.score.overall,
          scoreMaximum: 100,
          comment: `Trag: ${state.score.grade}`,
          timestamp: at,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
        });
        await this.repo.updateLaunch(launch.id, { score_sent_at: at, score_error: null });
        return { launch: { ...launch, score_sent_at: at, score_error: null }, state, platformOrigins: origins };
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'lti_score_failed';
        await this.repo.updateLaunch(launch.id, { score_error: code });
        return { launch: { ...launch, score_error: code }, state, platformOrigins: origins };
      }
    }
    return { launch, state, platformOrigins: origins };
  }

  private async launchOf(token: string) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw launchInvalid();
    const launch = await this.repo.getLaunchByTokenHash(sha256(token));
    if (!launch || launch.expires_at < isoNow(this.ctx.clock)) throw launchInvalid();
    const platform = await this.repo.getPlatform(launch.platform_id);
    if (!platform) throw launchInvalid();
    return { launch, platform, actor: learnerActor(platform, launch.user_id.replace(/^lti-/, '')) };
  }

  private async scenarioIdBySlug(actor: Actor, slug: string): Promise<string> {
    const found = (await this.training.listScenarios(actor)).find((s) => s.slug === slug && s.status === 'published');
    if (!found) throw notFound('training_scenario_not_found', `No published scenario is named "${slug}".`);
    return found.id;
  }
}

function learnerActor(platform: LtiPlatformRow, pseudonym: string): Actor {
  return {
    userId: `lti-${pseudonym}`,
    username: `lti-${pseudonym.slice(0, 12)}`,
    displayName: `LMS ${pseudonym.slice(0, 6)}`,
    agencyId: platform.agency_id,
    unitId: null,
    role: 'trainee',
    ip: null,
    via: 'token',
  };
}

/** Registered URLs are checked at registration (https, or http on loopback), so each has a plain origin. */
export function platformOrigins(row: Pick<LtiPlatformRow, 'issuer' | 'authorization_endpoint'>): string[] {
  return [...new Set([row.issuer, row.authorization_endpoint].map((u) => new URL(u).origin))];
}

function toPlatform(row: LtiPlatformRow): LtiPlatform {
  return {
    id: row.id,
    issuer: row.issuer,
    clientId: row.client_id,
    deploymentIds: JSON.parse(row.deployment_ids) as string[],
    authorizationEndpoint: row.authorization_endpoint,
    tokenEndpoint: row.token_endpoint,
    jwksUrl: row.jwks_url,
  };
}

export function presentPlatform(row: LtiPlatformRow) {
  return {
    id: row.id,
    issuer: row.issuer,
    clientId: row.client_id,
    deploymentIds: JSON.parse(row.deployment_ids) as string[],
    authorizationEndpoint: row.authorization_endpoint,
    tokenEndpoint: row.token_endpoint,
    jwksUrl: row.jwks_url,
    createdAt: row.created_at,
  };
}
