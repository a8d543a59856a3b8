import { deepEqual, equal, throws } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { check, createClient, EventValidationError } from "../../src/mod.ts";
import { HOST_PAYLOADS } from "../fixtures/host_payloads.ts";

Deno.test("check builds the envelope track would store and touches no file, telemetry off too", () => {
  const home = Deno.makeTempDirSync({ prefix: "jmo-check-" });
  const options = { env: { JMO_TELEMETRY_DISABLE: "1" }, homedir: home, cwd: home };
  for (const payload of HOST_PAYLOADS) {
    // deno-lint-ignore no-explicit-any
    const { envelope } = check(payload.event as any, payload.metadata as any, options);
    equal(envelope.schema, 2, payload.name);
    equal(envelope.event, payload.event);
  }
  const { envelope, changes } = check("policy.evaluated", {
    policy_count: 2,
    violations_bucket: "0",
    evaluation_time_bucket: "<50ms",
    policies: ["acme-internal", "zero-secrets"],
    passed_count: 2,
    failed_count: 0,
  }, options);
  deepEqual(envelope.metadata.policies, ["custom", "zero-secrets"]);
  deepEqual(changes, [{ field: "metadata.policies.0", change: "normalised", to: "custom" }]);
  equal(existsSync(join(home, ".jmo-security")), false);
  Deno.removeSync(home, { recursive: true });
});

Deno.test("check and a client with strict: true refuse what would be normalised, naming the field", () => {
  const home = Deno.makeTempDirSync({ prefix: "jmo-check-" });
  const metadata = {
    profile: "nightly",
    duration_seconds: 30,
    tools_succeeded: 1,
    tools_failed: 0,
  };
  const named = (field: string) => (error: unknown) =>
    error instanceof EventValidationError && error.field === field;
  throws(() => check("scan.completed", metadata, { strict: true }), named("metadata.profile"));
  throws(
    () => check("scan.completed", metadata, { env: { JMO_TELEMETRY_STRICT: "1" } }),
    named("metadata.profile"),
  );
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, strict: true });
  throws(() => client.track("scan.completed", metadata), named("metadata.profile"));
  client.close();
  equal(client.status().pending.events, 0);
  Deno.removeSync(home, { recursive: true });
});

Deno.test("a library client shows the banner on a first scan.started it refuses", () => {
  const home = Deno.makeTempDirSync({ prefix: "jmo-check-" });
  const banners: string[] = [];
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir: home,
    cwd: home,
    strict: true,
    onBanner: (text) => banners.push(text),
  });
  throws(
    () =>
      client.track("scan.started", {
        profile: "nightly",
        tools: ["trivy"],
        target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
      }),
    EventValidationError,
  );
  client.close();
  equal(banners.length, 1);
  equal(client.status().scan_count, 0);
  Deno.removeSync(home, { recursive: true });
});
