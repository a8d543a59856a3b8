/**
 * Runs the collector Worker locally in the real Workers runtime (workerd,
 * through Miniflare) with its D1 database persisted on disk and the
 * migrations applied before its port opens. The demo, the client's
 * end-to-end tests, the collector's tests and the benchmark start it through
 * `startCollector`.
 *
 * @module
 */

import { mkdir } from "node:fs/promises";
import { Miniflare } from "miniflare";
import { bundleWorker } from "./build_worker.ts";
import { applyMigrations, MIGRATIONS_DIR } from "./migrations.ts";
import { readWranglerSettings } from "./wrangler_settings.ts";
import type { D1Database } from "../src/env.ts";

/** The `RATE_LIMITER` binding's settings: `limit` posts per `period` seconds per client. */
export interface RateLimitOptions {
  limit: number;
  period: 10 | 60;
}

/** How to start the local collector. */
export interface StartCollectorOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Directory of the persisted D1 database (created if missing). */
  dataDir: string;
  /** The export token; a random one when absent. */
  adminToken?: string;
  /** Configure the `RATE_LIMITER` binding; no limit when absent. */
  rateLimit?: RateLimitOptions;
  /** The `ACCEPTED_SCHEMAS` variable, as `1`; every schema version when absent. */
  acceptedSchemas?: string;
  /**
   * Whether the Cache API keeps answers (default: yes, as at the edge). Tests
   * that release stats on several simulated days within minutes turn it off.
   */
  edgeCache?: boolean;
}

/** A running local collector. */
export interface RunningCollector {
  /** Base URL without a trailing slash, as `http://127.0.0.1:1234`. */
  url: string;
  /** The events endpoint, `${url}/v1/events`. */
  eventsUrl: string;
  /** The token that `GET /v1/export` accepts. */
  adminToken: string;
  /** The Worker's D1 binding, reached from this process (for the benchmark's accounting). */
  database(): Promise<D1Database>;
  /**
   * Runs the Worker's daily job (stats fold, retention, stats release) as if
   * scheduled at `time` (default: now).
   */
  runScheduled(time?: Date): Promise<void>;
  /** Stops the runtime; the data stays in `dataDir`. */
  stop(): Promise<void>;
}

/** The part of Miniflare's worker fetcher that dispatches a cron invocation. */
interface ScheduledDispatcher {
  scheduled(options: { scheduledTime: Date; cron: string }): Promise<unknown>;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A Worker that serves nothing: the migrations run through it, on a port of its own. */
const MIGRATION_WORKER =
  "export default { fetch() { return new Response(null, { status: 503 }); } };";

/**
 * Applies the migrations to the D1 database persisted in `dataDir` with a
 * runtime of its own on a free port, which is then disposed: the
 * collector's port opens only once its tables exist, so a client that waits
 * for the port (as every script and test does) never meets a missing table.
 */
async function migrate(dataDir: string, compatibilityDate: string): Promise<void> {
  const mf = new Miniflare({
    modules: true,
    script: MIGRATION_WORKER,
    compatibilityDate,
    d1Databases: ["DB"],
    d1Persist: dataDir,
    host: "127.0.0.1",
    port: 0,
    cf: false,
  });
  try {
    await applyMigrations(await mf.getD1Database("DB") as unknown as D1Database, MIGRATIONS_DIR);
  } finally {
    await mf.dispose();
  }
}

/**
 * Starts the collector on 127.0.0.1 and resolves once it listens with the
 * schema migrated: the migrations are applied first, and the port opens after.
 *
 * @example
 * ```ts
 * import { startCollector } from "./start_collector.ts";
 * const collector = await startCollector({ dataDir: ".data" });
 * await fetch(collector.eventsUrl, { method: "POST", body: '{"events":[]}' });
 * await collector.stop();
 * ```
 */
export async function startCollector(options: StartCollectorOptions): Promise<RunningCollector> {
  const [script, settings] = await Promise.all([bundleWorker(), readWranglerSettings()]);
  await mkdir(options.dataDir, { recursive: true });
  const adminToken = options.adminToken ?? randomToken();
  await migrate(options.dataDir, settings.compatibilityDate);
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: settings.compatibilityDate,
    d1Databases: ["DB"],
    d1Persist: options.dataDir,
    bindings: {
      ADMIN_TOKEN: adminToken,
      ...(options.acceptedSchemas === undefined
        ? {}
        : { ACCEPTED_SCHEMAS: options.acceptedSchemas }),
    },
    ratelimits: options.rateLimit === undefined
      ? undefined
      : { RATE_LIMITER: { simple: { ...options.rateLimit } } },
    cache: options.edgeCache ?? true,
    host: "127.0.0.1",
    port: options.port ?? 0,
    cf: false,
  });
  let base: URL;
  try {
    base = await mf.ready;
  } catch (error) {
    await mf.dispose();
    throw error;
  }
  const url = base.origin;
  return {
    url,
    eventsUrl: `${url}/v1/events`,
    adminToken,
    database: async () => await mf.getD1Database("DB") as unknown as D1Database,
    async runScheduled(time = new Date()) {
      const worker = await mf.getWorker() as unknown as ScheduledDispatcher;
      await worker.scheduled({ scheduledTime: time, cron: settings.crons[0] ?? "" });
    },
    stop: () => mf.dispose(),
  };
}
