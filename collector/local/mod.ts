/**
 * The collector run locally: the Worker bundled with Bun and served by the
 * real Workers runtime (workerd, through Miniflare) on 127.0.0.1, with D1
 * persisted on disk and `collector/migrations` applied at start. The demo,
 * the tests and the benchmark start it with `startCollector`;
 * `deno task collector` is its command line (`../serve.ts`).
 *
 * @example
 * ```ts
 * import { startCollector } from "./mod.ts";
 * const collector = await startCollector({ port: 0, dataDir: ".data" });
 * console.log(collector.eventsUrl, collector.adminToken);
 * await collector.stop();
 * ```
 *
 * @module
 */

export { startCollector } from "./start_collector.ts";
export type {
  RateLimitOptions,
  RunningCollector,
  StartCollectorOptions,
} from "./start_collector.ts";
export { bundleWorker } from "./build_worker.ts";
export { applyMigrations, MIGRATIONS_DIR } from "./migrations.ts";
export { splitSqlStatements } from "./split_sql_statements.ts";
export { parseServeArgs, SERVE_USAGE } from "./serve_args.ts";
export { runScheduledOnce } from "./run_scheduled_once.ts";
export type { ScheduledRun } from "./run_scheduled_once.ts";
export type { ServeArgs } from "./serve_args.ts";
export { parseWranglerSettings, readWranglerSettings } from "./wrangler_settings.ts";
export type { WranglerSettings } from "./wrangler_settings.ts";
