import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** TRAG_DATA_DIR: SQLite file, blobs, keys. */
  dataDir: string;
  /** DATABASE_URL: postgres://… selects PostgreSQL. */
  databaseUrl: string | undefined;
  /** Load the synthetic demo workspace when the database is empty. */
  demo: boolean;
  /** Serve the built web UI from this folder (absent: API only). */
  webDist: string | undefined;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** TRAG_TRUST_PROXY: addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs/CIDRs).
   * Off by default, so a client cannot pick its own address to dodge per-IP login limits. */
  trustProxy: string[] | false;
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number between 0 and 65535, not "${value}".`);
  }
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const repoRoot = path.resolve(new URL('../../..', import.meta.url).pathname);
  return {
    port: parsePort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.TRAG_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.TRAG_DEMO === '1',
    webDist: path.join(repoRoot, 'apps/web/dist'),
    secureCookies: env.TRAG_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRAG_TRUST_PROXY
      ? env.TRAG_TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    ...overrides,
  };
}
