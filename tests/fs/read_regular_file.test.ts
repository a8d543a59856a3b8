import { equal, match } from "node:assert/strict";
import { join } from "node:path";
import { MAX_REGULAR_FILE_BYTES, readRegularFile } from "../../src/fs/mod.ts";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

/**
 * Reads `path` with `readRegularFile` in a child process killed after five
 * seconds, so that a read that blocks fails the test instead of hanging it.
 */
async function codeInChild(path: string): Promise<string> {
  const module = new URL("../../src/fs/read_regular_file.ts", import.meta.url).href;
  const code = `import { readRegularFile } from ${JSON.stringify(module)};
try { readRegularFile(${JSON.stringify(path)}); console.log("read"); }
catch (error) { console.log(error.code); }`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(5_000),
  }).output();
  equal(out.signal, null, "the read blocked and was killed after 5 s");
  return new TextDecoder().decode(out.stdout).trim();
}

Deno.test("readRegularFile reads a regular file's text and keeps a leading byte-order mark", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "state.json");
  Deno.writeTextFileSync(path, '\uFEFF{"a":1}\n');
  equal(readRegularFile(path), '\uFEFF{"a":1}\n');
  Deno.writeTextFileSync(path, "");
  equal(readRegularFile(path), "");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readRegularFile refuses a FIFO without waiting for a writer", async () => {
  const dir = await Deno.makeTempDir();
  const fifo = join(dir, "scan-count");
  equal((await new Deno.Command("mkfifo", { args: [fifo] }).output()).code, 0);
  equal(await codeInChild(fifo), "EFTYPE");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readRegularFile refuses /dev/zero and a symbolic link to it instead of reading forever", async () => {
  const dir = await Deno.makeTempDir();
  const link = join(dir, "telemetry-id");
  Deno.symlinkSync("/dev/zero", link);
  equal(await codeInChild("/dev/zero"), "EFTYPE");
  equal(await codeInChild(link), "EFTYPE");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readRegularFile refuses a folder with EISDIR and a missing file with ENOENT", async () => {
  const dir = await Deno.makeTempDir();
  equal(codeOf(() => readRegularFile(dir)), "EISDIR");
  equal(codeOf(() => readRegularFile(join(dir, "absent"))), "ENOENT");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readRegularFile reads 1 MiB and refuses a byte more with ETOOLARGE", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "meta.json");
  Deno.writeFileSync(path, new Uint8Array(MAX_REGULAR_FILE_BYTES).fill(0x20));
  equal(readRegularFile(path).length, MAX_REGULAR_FILE_BYTES);
  Deno.writeFileSync(path, new Uint8Array(MAX_REGULAR_FILE_BYTES + 1).fill(0x20));
  equal(codeOf(() => readRegularFile(path)), "ETOOLARGE");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("readRegularFile reads a file whose reported size is 0 but that has content, as /proc's do", () => {
  match(readRegularFile("/proc/self/status"), /^Name:/);
});
