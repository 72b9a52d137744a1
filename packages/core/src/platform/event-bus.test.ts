import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { systemActor, type Actor } from '../shared';
import { closeEventBus, eventBusFor } from './event-bus';
import type { LiveEvent } from './live-event';
import { CachedMembership, mayReceiveEvent } from './live-event.policy';

function nextEvent(events: LiveEvent[], count = 1, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (events.length >= count) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`only ${events.length} event(s) arrived`));
      else setTimeout(check, 10);
    };
    check();
  });
}

describeEachDialect('live events', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await closeEventBus(database);
    await database.destroy();
  });

  it('delivers events to subscribers of their topic only, until they unsubscribe', async () => {
    const bus = eventBusFor(database);
    const cases: LiveEvent[] = [];
    const jobs: LiveEvent[] = [];
    const stopCases = await bus.subscribe(['case.updated'], (e) => cases.push(e));
    await bus.subscribe(['jobs'], (e) => jobs.push(e));
    await bus.publish('case.updated', { caseId: 'c1' }, { field: 'title' });
    await bus.publish('jobs', { userId: 'u1' }, { jobId: 'j1' });
    await nextEvent(cases);
    await nextEvent(jobs);
    expect(cases[0]).toMatchObject({ topic: 'case.updated', caseId: 'c1', data: { field: 'title' } });
    stopCases();
    await bus.publish('case.updated', { caseId: 'c2' });
    await bus.publish('jobs', { userId: 'u1' }, { jobId: 'j2' });
    await nextEvent(jobs, 2);
    expect(cases).toHaveLength(1);
  });

  it('refuses events without an audience or with a bad topic', async () => {
    const bus = eventBusFor(database);
    await expect(bus.publish('case.updated', {})).rejects.toMatchObject({ code: 'event_without_audience' });
    await expect(bus.publish('Bad Topic!', { broadcast: true })).rejects.toMatchObject({ code: 'invalid_topic' });
  });
});

describe('live event audience', () => {
  const actor: Actor = { ...systemActor('agency-a'), userId: 'u1', via: 'session', role: 'investigator' };
  const member = { isMember: async (_a: Actor, caseId: string) => caseId === 'mine' };
  const event = (audience: Partial<LiveEvent>): LiveEvent => ({
    id: 'e',
    topic: 't',
    at: '',
    caseId: null,
    userId: null,
    agencyId: null,
    broadcast: false,
    data: {},
    ...audience,
  });

  it('delivers case events to members only', async () => {
    expect(await mayReceiveEvent(actor, event({ caseId: 'mine' }), member)).toBe(true);
    expect(await mayReceiveEvent(actor, event({ caseId: 'theirs' }), member)).toBe(false);
  });

  it('requires every audience field to hold', async () => {
    expect(await mayReceiveEvent(actor, event({ userId: 'u1', agencyId: 'agency-a' }), member)).toBe(true);
    expect(await mayReceiveEvent(actor, event({ userId: 'u2' }), member)).toBe(false);
    expect(await mayReceiveEvent(actor, event({ agencyId: 'agency-b' }), member)).toBe(false);
    expect(await mayReceiveEvent(actor, event({ caseId: 'mine', userId: 'u2' }), member)).toBe(false);
    expect(await mayReceiveEvent(actor, event({ broadcast: true }), member)).toBe(true);
    expect(await mayReceiveEvent(actor, event({}), member)).toBe(false);
  });

  it('re-checks membership after the cache expires', async () => {
    let now = 0;
    let isMember = true;
    const cached = new CachedMembership({ isMember: async () => isMember }, 1000, () => now);
    expect(await cached.isMember(actor, 'c')).toBe(true);
    isMember = false;
    expect(await cached.isMember(actor, 'c')).toBe(true);
    now = 1001;
    expect(await cached.isMember(actor, 'c')).toBe(false);
  });
});
