// Consent in the library API of the installed package under Node: each of
// the five rules, and what an opt-out does to what is spooled.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createClient } from "jmo-telemetry";
import { sandbox } from "./sandbox.mjs";
import { VALID_METADATA } from "./event_metadata.mjs";

const CONFIG_OFF = "telemetry:\n  enabled: false\n";
const CONFIG_ON = "telemetry:\n  enabled: true\n";

test("consent follows the first rule that applies", async (t) => {
  for (
    const [behaviour, env, config, enabled, reason] of [
      ["nothing set: on by default", {}, undefined, true, "default"],
      [
        "JMO_TELEMETRY_DISABLE=1 turns it off",
        { JMO_TELEMETRY_DISABLE: "1" },
        CONFIG_ON,
        false,
        "env:JMO_TELEMETRY_DISABLE",
      ],
      [
        "DO_NOT_TRACK=1 turns it off, even over jmo.yml",
        { DO_NOT_TRACK: "1" },
        CONFIG_ON,
        false,
        "env:DO_NOT_TRACK",
      ],
      ["CI=true turns it off", { CI: "true" }, undefined, false, "ci:CI"],
      [
        "GITHUB_ACTIONS=true turns it off",
        { GITHUB_ACTIONS: "true" },
        undefined,
        false,
        "ci:GITHUB_ACTIONS",
      ],
      ["CI=false is not CI: on by default", { CI: "false" }, undefined, true, "default"],
      ["telemetry.enabled: false in jmo.yml turns it off", {}, CONFIG_OFF, false, "config:"],
      ["telemetry.enabled: true in jmo.yml keeps it on", {}, CONFIG_ON, true, "config:"],
    ]
  ) {
    await t.test(behaviour, (t) => {
      const box = sandbox(t);
      const configPath = join(box.cwd, "jmo.yml");
      if (config !== undefined) writeFileSync(configPath, config);
      const client = createClient(box.clientOptions(env));
      const expected = { enabled, reason: reason === "config:" ? `config:${configPath}` : reason };
      assert.deepEqual(client.consent(), expected);
      assert.equal(client.track("tool.failed", VALID_METADATA["tool.failed"]).recorded, enabled);
      client.close();
      const status = client.status();
      assert.deepEqual({ enabled: status.enabled, reason: status.reason }, expected);
      assert.equal(status.pending.events, enabled ? 1 : 0);
    });
  }
});

test("an opt-out deletes what was spooled before it, unsent", (t) => {
  const box = sandbox(t);
  const before = createClient(box.clientOptions());
  before.track("tool.failed", VALID_METADATA["tool.failed"]);
  before.close();
  assert.equal(before.status().pending.events, 1);
  const after = createClient(box.clientOptions({ DO_NOT_TRACK: "1" }));
  const status = after.status();
  after.close();
  assert.equal(status.enabled, false);
  assert.equal(status.pending.events, 0);
});
