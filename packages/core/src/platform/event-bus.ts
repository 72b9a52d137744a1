// Two transports behind one EventBus interface:
//  - PostgreSQL: NOTIFY on one channel, LISTEN on one dedicated connection per process, so every API process
//    behind a load balancer sees every event (including its own, through the same path).
//  - SQLite: an in-process emitter (SQLite deployments run one server process).
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type pg from 'pg';
import type { TragDatabase } from '@trag/db';
import type { Clock } from '../shared/clock';
import { systemClock } from '../shared/clock';
import { invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import {
  MAX_EVENT_BYTES,
  TOPIC_PATTERN,
  type EventAudience,
  type EventBus,
  type EventListener,
  type LiveEvent,
} from './live-event';

export const PG_EVENT_CHANNEL = 'trag_events';

function buildEvent(clock: Clock, topic: string, audience: EventAudience, data: Record<string, unknown>): LiveEvent {
  if (!TOPIC_PATTERN.test(topic)) throw invalid('invalid_topic', `"${topic}" is not a valid event topic.`);
  const event: LiveEvent = {
    id: newId(),
    topic,
    at: clock.now().toISOString(),
    caseId: audience.caseId ?? null,
    userId: audience.userId ?? null,
    agencyId: audience.agencyId ?? null,
    broadcast: audience.broadcast === true,
    data,
  };
  if (!event.caseId && !event.userId && !event.agencyId && !event.broadcast) {
    throw invalid('event_without_audience', 'A live event must name its audience (case, user, agency or broadcast).');
  }
  return event;
}

class Subscribers {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  count = 0;

  add(topics: readonly string[], listener: EventListener): () => void {
    const unique = [...new Set(topics)];
    for (const topic of unique) this.emitter.on(topic, listener);
    this.count += 1;
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      for (const topic of unique) this.emitter.off(topic, listener);
      this.count -= 1;
    };
  }

  dispatch(event: LiveEvent): void {
    for (const listener of this.emitter.listeners(event.topic) as EventListener[]) {
      try {
        listener(event);
      } catch {
        // A failing subscriber must not stop delivery to the others.
      }
    }
  }
}

export class InProcessEventBus implements EventBus {
  private readonly subscribers = new Subscribers();
  constructor(private readonly clock: Clock = systemClock) {}

  async publish(topic: string, audience: EventAudience, data: Record<string, unknown> = {}): Promise<LiveEvent> {
    const event = buildEvent(this.clock, topic, audience, data);
    queueMicrotask(() => this.subscribers.dispatch(event));
    return event;
  }

  async subscribe(topics: readonly string[], listener: EventListener): Promise<() => void> {
    return this.subscribers.add(topics, listener);
  }

  async close(): Promise<void> {}
}

export class PostgresEventBus implements EventBus {
  private readonly subscribers = new Subscribers();
  private client: pg.PoolClient | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: TragDatabase,
    private readonly clock: Clock = systemClock,
  ) {}

  async publish(topic: string, audience: EventAudience, data: Record<string, unknown> = {}): Promise<LiveEvent> {
    const event = buildEvent(this.clock, topic, audience, data);
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) {
      throw invalid('event_too_large', 'A live event must stay small: send ids, not content.');
    }
    await sql`select pg_notify(${PG_EVENT_CHANNEL}, ${payload})`.execute(this.database.db);
    return event;
  }

  async subscribe(topics: readonly string[], listener: EventListener): Promise<() => void> {
    const unsubscribe = this.subscribers.add(topics, listener);
    try {
      await this.ensureListening();
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('event bus closed'));
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const pool = this.database.pgPool;
    if (!pool) throw new Error('PostgresEventBus needs a pg pool');
    const client = await pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== PG_EVENT_CHANNEL || !message.payload) return;
      try {
        this.subscribers.dispatch(JSON.parse(message.payload) as LiveEvent);
      } catch {
        // Malformed payloads (from outside Trag) are ignored.
      }
    });
    client.on('error', () => {
      // Connection lost: drop it and listen again shortly (events sent meanwhile are missed; clients re-read).
      if (this.client === client) this.client = null;
      client.release(true);
      this.scheduleReconnect();
    });
    await client.query(`LISTEN ${PG_EVENT_CHANNEL}`);
    if (this.closed) {
      client.release(true);
      return;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.subscribers.count === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureListening().catch(() => this.scheduleReconnect());
    }, 1000);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client) {
      await client.query(`UNLISTEN ${PG_EVENT_CHANNEL}`).catch(() => undefined);
      client.release(true);
    }
  }
}

const buses = new WeakMap<TragDatabase, EventBus>();

/** The event bus of a database handle: one per process and database, created on first use. */
export function eventBusFor(database: TragDatabase, clock: Clock = systemClock): EventBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = database.dialect === 'postgres' ? new PostgresEventBus(database, clock) : new InProcessEventBus(clock);
    buses.set(database, bus);
  }
  return bus;
}

/** Closes the database handle's bus (call before destroying the database: it holds a PostgreSQL connection). */
export async function closeEventBus(database: TragDatabase): Promise<void> {
  const bus = buses.get(database);
  buses.delete(database);
  await bus?.close();
}
