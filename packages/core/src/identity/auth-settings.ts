// Limits of sessions, tokens and logins. Documented in docs/security.md; change both together.
export const AUTH_SETTINGS = {
  /** A session ends this long after login, whatever happens. */
  sessionMaxAgeMs: 12 * 60 * 60 * 1000,
  /** … or after this long without a request. */
  sessionIdleMs: 60 * 60 * 1000,
  /** last_seen_at / last_used_at are written at most this often (fewer writes per request). */
  touchEveryMs: 60 * 1000,
  /** Failed logins counted over this window, per IP address and per username. */
  loginWindowMs: 15 * 60 * 1000,
  /** This many failures for one account lock it … */
  maxFailuresPerAccount: 5,
  /** … for this long. */
  lockoutMs: 15 * 60 * 1000,
  /** This many failures from one IP address within the window refuse further attempts from it. */
  maxFailuresPerIp: 30,
  /** Login attempts older than this are deleted. */
  attemptRetentionMs: 24 * 60 * 60 * 1000,
} as const;
