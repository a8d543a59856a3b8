import { equal, notEqual } from "node:assert/strict";
import { describeFsError, fsErrorCode } from "../../src/fs/mod.ts";

function coded(code: string): Error {
  return Object.assign(new Error(`${code}: something`), { code });
}

Deno.test("describeFsError says the common file-system codes in words", () => {
  equal(describeFsError(coded("EROFS")), "read-only file system");
  equal(describeFsError(coded("EEXIST")), "exists and is not a folder");
  equal(describeFsError(coded("EACCES")), describeFsError(coded("EPERM")));
  const codes = "ENOENT ENOTDIR EISDIR EACCES EPERM EROFS ENOSPC EEXIST EFTYPE ETOOLARGE EFBIG"
    .split(" ");
  for (const code of codes) notEqual(describeFsError(coded(code)), code, `${code} is not in words`);
});

Deno.test("describeFsError gives an unknown code as it is, and an error without code by its message", () => {
  equal(describeFsError(coded("EMFILE")), "EMFILE");
  equal(describeFsError(new TypeError("x is not a function")), "x is not a function");
});

Deno.test("fsErrorCode tells a file-system error from a programming error", () => {
  equal(fsErrorCode(coded("EROFS")), "EROFS");
  equal(fsErrorCode(new TypeError("x")), undefined);
  equal(fsErrorCode(undefined), undefined);
});
