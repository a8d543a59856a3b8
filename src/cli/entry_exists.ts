/**
 * Whether a folder holds an entry of a given name, asked in the cheapest way
 * the runtime has: the opted-out fast path of `track` must cost next to
 * nothing. In a compiled Bun binary, loading `node:fs` costs about a
 * millisecond and `Bun.file().stat()` starts a pool of worker threads (about
 * half of one); `Bun.Glob`'s synchronous scan costs neither.
 *
 * @module
 */

interface BunGlob {
  scanSync(options: { cwd: string; onlyFiles: boolean }): Iterable<string>;
}

interface BunGlobal {
  Glob: new (pattern: string) => BunGlob;
}

const PLAIN_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Resolves to true when `dir` holds a file or folder called `name` (a plain
 * name: letters, digits, `.`, `_`, `-`); false when it does not, or when
 * `dir` is missing or cannot be read.
 *
 * @example
 * ```ts
 * import { entryExists } from "./entry_exists.ts";
 * await entryExists("/", "tmp"); // true
 * ```
 */
export async function entryExists(dir: string, name: string): Promise<boolean> {
  if (!PLAIN_NAME.test(name)) throw new Error(`entryExists takes a plain name, not '${name}'`);
  const bun = (globalThis as { Bun?: BunGlobal }).Bun;
  try {
    if (bun) {
      for (const _ of new bun.Glob(name).scanSync({ cwd: dir, onlyFiles: false })) return true;
      return false;
    }
    const { stat } = await import("node:fs/promises");
    await stat(`${dir}/${name}`);
    return true;
  } catch {
    return false;
  }
}
