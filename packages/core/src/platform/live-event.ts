// Live events: small notices ("case X changed", "job Y progressed") pushed to browsers over SSE and to other API
// processes. They carry ids, never protected content: a client that cares re-reads the record through the API,
// where the usual access checks and audit apply.

/** Who may receive an event. Every field that is set must hold (AND); at least one must be set. */
export interface EventAudience {
  /** Only members of this case. */
  caseId?: string | null;
  /** Only this user. */
  userId?: string | null;
  /** Only staff of this agency. */
  agencyId?: string | null;
  /** Every logged-in user (system notices). Ignored when any other field is set. */
  broadcast?: boolean;
}

export interface LiveEvent {
  id: string;
  topic: string;
  at: string;
  caseId: string | null;
  userId: string | null;
  agencyId: string | null;
  broadcast: boolean;
  data: Record<string, unknown>;
}

export type EventListener = (event: LiveEvent) => void;

export const TOPIC_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
/** PostgreSQL's NOTIFY payload limit is 8000 bytes; keep well below it. */
export const MAX_EVENT_BYTES = 7000;

/** Publishes and subscribes to live events; one per database handle (see eventBusFor). */
export interface EventBus {
  publish(topic: string, audience: EventAudience, data?: Record<string, unknown>): Promise<LiveEvent>;
  /** Resolves once the subscription is active (on PostgreSQL: after LISTEN). Returns the unsubscribe function. */
  subscribe(topics: readonly string[], listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}
