import { equal, rejects } from "node:assert/strict";
import { join } from "node:path";
import { entryExists } from "../../src/cli/entry_exists.ts";

const ROOT = join(import.meta.dirname!, "..", "..");
const BUN = join(ROOT, "node_modules", ".bin", "bun");
const MODULE = join(ROOT, "src", "cli", "entry_exists.ts");

async function fixture(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "jmo-entry-" });
  await Deno.mkdir(join(dir, "spool"));
  await Deno.writeTextFile(join(dir, "state.json"), "{}");
  return dir;
}

const CASES: [string, string, boolean][] = [
  ["", "spool", true],
  ["", "state.json", true],
  ["", "absent", false],
  ["missing-dir", "spool", false],
];

Deno.test("entryExists finds folders and files, and says false for a missing entry or folder (Deno)", async () => {
  const dir = await fixture();
  for (const [sub, name, expected] of CASES) {
    equal(await entryExists(join(dir, sub), name), expected, `${sub}/${name}`);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("entryExists gives the same answers under Bun, where it scans with Bun.Glob", async () => {
  const dir = await fixture();
  const script = `import { entryExists } from ${JSON.stringify(MODULE)};
const cases = ${JSON.stringify(CASES)};
const dir = ${JSON.stringify(dir)};
const answers = [];
for (const [sub, name] of cases) answers.push(await entryExists(sub ? dir + "/" + sub : dir, name));
console.log(JSON.stringify(answers));`;
  const out = await new Deno.Command(BUN, { args: ["-e", script], stdout: "piped" }).output();
  equal(out.success, true);
  equal(new TextDecoder().decode(out.stdout).trim(), JSON.stringify(CASES.map((c) => c[2])));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("entryExists refuses a name that a glob would read as a pattern", async () => {
  await rejects(() => entryExists("/", "sp*ol"), /plain name/);
});
