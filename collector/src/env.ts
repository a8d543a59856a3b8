/**
 * The Worker's bindings and the small part of the Workers runtime API the
 * collector uses, typed here so the collector needs no ambient type package.
 *
 * @module
 */

/** A value D1 can bind to a `?` placeholder. */
export type D1Value = string | number | null;

/** What D1 answers for one statement. */
export interface D1Result<T = Record<string, unknown>> {
  results: T[];
  success: boolean;
  meta: { changes: number };
}

/** A statement, bound or not. */
export interface D1PreparedStatement {
  bind(...values: D1Value[]): D1PreparedStatement;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result>;
}

/** The D1 database binding. */
export interface D1Database {
  prepare(sql: string): D1PreparedStatement;
  /** Runs the statements in order in one transaction: all of them or none. */
  batch(statements: D1PreparedStatement[]): Promise<D1Result[]>;
}

/** The Workers Rate Limiting binding. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The Worker's bindings: `wrangler.toml` locally and in production. */
export interface Env {
  /** The events database. */
  DB: D1Database;
  /** The maintainers' export token (a Worker secret). Absent or empty: export answers 401. */
  ADMIN_TOKEN?: string;
  /** Optional limit on posts per client. */
  RATE_LIMITER?: RateLimiter;
  /** Optional: the schema versions accepted and announced, as `1` or `1,2` (default: all). */
  ACCEPTED_SCHEMAS?: string;
}

/** The controller of a cron invocation. */
export interface ScheduledController {
  /** When the invocation was scheduled, in ms since the epoch. */
  scheduledTime: number;
  /** The cron expression that fired. */
  cron: string;
}

/** The execution context of an invocation. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}
