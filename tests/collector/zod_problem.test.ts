import assert from "node:assert/strict";
import { zodProblem } from "../../collector/src/zod_problem.ts";
import { validateEnvelope } from "../../src/events/mod.ts";
import { envelopeSchema } from "../../src/schema.ts";
import { envelope } from "./envelopes.ts";

function namedByBoth(candidate: unknown): { zod: string; checker: string } {
  const schema = envelopeSchema.safeParse(candidate);
  const checked = validateEnvelope(candidate);
  assert.ok(!schema.success && !checked.ok, "both refuse it");
  return { zod: zodProblem(schema.error).field, checker: checked.error.field };
}

Deno.test("zodProblem names an unknown metadata key by its path, as the checker does", () => {
  const event = envelope("tool.failed");
  const names = namedByBoth({ ...event, metadata: { ...event.metadata, extra: 1 } });
  assert.deepEqual(names, { zod: "metadata.extra", checker: "metadata.extra" });
});

Deno.test("zodProblem names a wrongly typed field by its path, as the checker does", () => {
  const event = envelope("tool.failed");
  const names = namedByBoth({ ...event, metadata: { ...event.metadata, tool: 42 } });
  assert.deepEqual(names, { zod: "metadata.tool", checker: "metadata.tool" });
});

Deno.test("zodProblem names an unknown envelope key by its name, as the checker does", () => {
  const names = namedByBoth({ ...envelope("scan.started"), client_ip: "203.0.113.7" });
  assert.deepEqual(names, { zod: "client_ip", checker: "client_ip" });
});
