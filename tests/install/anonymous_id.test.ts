import { equal, match, notEqual } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  deleteAnonymousId,
  ensureAnonymousId,
  readAnonymousId,
  rotateAnonymousId,
} from "../../src/install/mod.ts";

Deno.test("ensureAnonymousId makes a UUID v4 once and then keeps returning it", async () => {
  const home = await Deno.makeTempDir();
  equal(readAnonymousId(home), undefined);
  const id = ensureAnonymousId(home);
  match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  equal(ensureAnonymousId(home), id);
  equal(Deno.readTextFileSync(join(home, "telemetry-id")), id + "\n");
  await Deno.remove(home, { recursive: true });
});

Deno.test("rotating gives a new id and deleting removes the file", async () => {
  const home = await Deno.makeTempDir();
  const id = ensureAnonymousId(home);
  const next = rotateAnonymousId(home);
  notEqual(next, id);
  equal(readAnonymousId(home), next);
  equal(deleteAnonymousId(home), true);
  equal(existsSync(join(home, "telemetry-id")), false);
  equal(deleteAnonymousId(home), false);
  await Deno.remove(home, { recursive: true });
});

Deno.test("a telemetry-id file holding something else than a UUID reads as no id", async () => {
  const home = await Deno.makeTempDir();
  Deno.writeTextFileSync(join(home, "telemetry-id"), "/home/ada\n");
  equal(readAnonymousId(home), undefined);
  await Deno.remove(home, { recursive: true });
});
