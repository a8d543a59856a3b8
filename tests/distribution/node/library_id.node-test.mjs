// The anonymous id shared by the library and the bin of the installed
// package under Node: the id the library records with is the one `id`
// prints, rotates and deletes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient } from "jmo-telemetry";
import { runBin } from "./run_bin.mjs";
import { sandbox } from "./sandbox.mjs";
import { VALID_METADATA } from "./event_metadata.mjs";

test("the bin's id prints the library's anonymous id; after id --rotate the library records with the new one, after id --delete with another", async (t) => {
  const box = sandbox(t);
  const client = createClient(box.clientOptions());
  const record = () => {
    const { envelope } = client.track("tool.failed", VALID_METADATA["tool.failed"]);
    client.close();
    return envelope.anonymous_id;
  };
  const id = (...args) => runBin(["id", ...args], { env: box.env(), cwd: box.cwd });

  const none = await id();
  assert.deepEqual([none.code, none.stdout], [0, ""]);
  assert.match(none.stderr, /no anonymous id yet/);

  const first = record();
  assert.deepEqual(await id(), { code: 0, stdout: `${first}\n`, stderr: "" });

  const rotated = await id("--rotate");
  assert.equal(rotated.code, 0, rotated.stderr);
  const second = rotated.stdout.trim();
  assert.notEqual(second, first);
  assert.equal(record(), second);

  const deleted = await id("--delete");
  assert.deepEqual([deleted.code, deleted.stderr], [0, "Anonymous id deleted.\n"]);
  assert.equal(client.status().anonymous_id, null);
  const third = record();
  assert.ok(![first, second].includes(third), third);
  assert.deepEqual(await id(), { code: 0, stdout: `${third}\n`, stderr: "" });
});
