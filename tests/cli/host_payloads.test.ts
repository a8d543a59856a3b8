import { deepEqual, equal, match } from "node:assert/strict";
import { HOST_PAYLOADS, USER_DEFINED_NAMES } from "../fixtures/host_payloads.ts";
import { makeSandbox } from "../helpers/run_binary.ts";

type Recorded = { event: string; schema: number; metadata: Record<string, unknown> };

function lines(stdout: string): Recorded[] {
  return stdout.trim().split("\n").map((line) => JSON.parse(line));
}

Deno.test("every payload JMo Security sends is recorded by the binary, without any user-defined profile or policy name, and the first scan.started shows the banner", async () => {
  const box = await makeSandbox();
  for (const [i, payload] of HOST_PAYLOADS.entries()) {
    const r = await box.run(["track", payload.event, "--meta", JSON.stringify(payload.metadata)]);
    equal(r.code, 0, `${payload.name}: ${r.stderr}`);
    equal(r.stdout, "", payload.name);
    if (i === 0) match(r.stderr, /collects anonymous usage telemetry/, payload.name);
  }
  const recorded = lines((await box.run(["show"])).stdout);
  equal(recorded.length, HOST_PAYLOADS.length);
  equal(recorded.every((e) => e.schema === 2), true);
  const text = JSON.stringify(recorded);
  for (const name of USER_DEFINED_NAMES) equal(text.includes(name), false, name);
  equal(text.includes("duration_seconds"), false);
  equal(text.includes("172800"), false);
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(status.scan_count, HOST_PAYLOADS.filter((p) => p.event === "scan.started").length);
  deepEqual(status.normalised, { keys_dropped: 0, values_replaced: 6 });
  await box.remove();
});

Deno.test("each host payload is recorded with its own values, user-defined names as custom and the wizard's duration as a bucket", async () => {
  const box = await makeSandbox();
  for (const payload of HOST_PAYLOADS) {
    const r = await box.run(["check", payload.event, "--meta", JSON.stringify(payload.metadata)], {
      env: { JMO_TELEMETRY_DISABLE: "1" },
    });
    equal(r.code, 0, `${payload.name}: ${r.stderr}`);
    const { metadata } = JSON.parse(r.stdout) as Recorded;
    const expected: Record<string, unknown> = { ...payload.metadata };
    for (const key of ["profile", "profile_selected"]) {
      if (USER_DEFINED_NAMES.includes(expected[key] as string)) expected[key] = "custom";
    }
    if (Array.isArray(expected.policies)) {
      const named = expected.policies.map((p) => USER_DEFINED_NAMES.includes(p) ? "custom" : p);
      expected.policies = named.filter((p, i) => p !== "custom" || named.indexOf(p) === i);
    }
    if (payload.event === "wizard.completed") {
      const seconds = expected.duration_seconds as number;
      delete expected.duration_seconds;
      expected.duration_bucket = seconds < 60
        ? "<1min"
        : seconds < 300
        ? "1-5min"
        : seconds < 900
        ? "5-15min"
        : seconds < 3600
        ? "15-60min"
        : ">1h";
    }
    deepEqual(metadata, expected, payload.name);
  }
  await box.remove();
});
