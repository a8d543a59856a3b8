import { deepEqual, throws } from "node:assert/strict";
import { join } from "node:path";
import { writeAtomic } from "../../src/install/mod.ts";

Deno.test("writeAtomic over a folder throws and leaves no temporary file behind", async () => {
  const dir = await Deno.makeTempDir();
  Deno.mkdirSync(join(dir, "state.json"));
  throws(() => writeAtomic(join(dir, "state.json"), "{}\n"), { code: "EISDIR" });
  deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["state.json"]);
  await Deno.remove(dir, { recursive: true });
});
