/**
 * File-system error codes in words, in one place: every message that names
 * a disk problem says it the same way.
 *
 * @module
 */

const WORDS: Record<string, string> = {
  ENOENT: "folder or file missing",
  ENOTDIR: "a path part is not a folder",
  EISDIR: "is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "disk full",
  EDQUOT: "disk quota exceeded",
  EEXIST: "exists and is not a folder",
  EFTYPE: "not a regular file",
  ETOOLARGE: "larger than 1 MiB",
  EFBIG: "over the file-size limit (ulimit -f)",
};

/**
 * The file-system code of an error (`ENOENT`, `EROFS`, ...), or `undefined`
 * when it has none (a programming error, not a disk problem).
 *
 * @example
 * ```ts
 * import { fsErrorCode } from "./fs_error.ts";
 * fsErrorCode(Object.assign(new Error("x"), { code: "EROFS" })); // "EROFS"
 * fsErrorCode(new TypeError("x")); // undefined
 * ```
 */
export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * What went wrong, in words: a known code's words (`read-only file system`),
 * else the bare code, else the error's message.
 *
 * @example
 * ```ts
 * import { describeFsError } from "./fs_error.ts";
 * describeFsError(Object.assign(new Error("x"), { code: "EROFS" })); // "read-only file system"
 * describeFsError(Object.assign(new Error("x"), { code: "EMFILE" })); // "EMFILE"
 * ```
 */
export function describeFsError(error: unknown): string {
  const code = fsErrorCode(error);
  if (code !== undefined) return WORDS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
