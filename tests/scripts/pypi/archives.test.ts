import { deepEqual, equal } from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, recordHash, tarGz, wheelFileName, zipArchive } from "../../../scripts/pypi/mod.ts";

const text = (value: string) => new TextEncoder().encode(value);

function unzipList(path: string): { code: number; listing: string } {
  const out = new Deno.Command("python3", {
    args: [
      "-c",
      "import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename:[oct(i.external_attr>>16),z.read(i).decode()] for i in z.infolist()}))",
      path,
    ],
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  return { code: out.code, listing: new TextDecoder().decode(out.stdout) };
}

Deno.test("crc32 and recordHash give the standard check values", () => {
  equal(crc32(text("123456789")).toString(16), "cbf43926");
  equal(recordHash(text("")), "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
});

Deno.test("zipArchive writes what Python's zipfile reads back, modes included, byte for byte the same each time", () => {
  const entries = [
    { path: "pkg/a.txt", data: text("alpha") },
    { path: "pkg/bin/tool", data: text("#!/bin/sh\necho hi\n"), mode: 0o755 },
  ];
  const dir = Deno.makeTempDirSync();
  const path = join(dir, "t.zip");
  writeFileSync(path, zipArchive(entries));
  const { code, listing } = unzipList(path);
  equal(code, 0);
  deepEqual(JSON.parse(listing), {
    "pkg/a.txt": ["0o100644", "alpha"],
    "pkg/bin/tool": ["0o100755", "#!/bin/sh\necho hi\n"],
  });
  deepEqual(zipArchive(entries), zipArchive(entries));
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("tarGz writes what tar lists, long paths included", () => {
  const long = `root/${"d".repeat(120)}/file.py`;
  const dir = Deno.makeTempDirSync();
  const path = join(dir, "t.tar.gz");
  writeFileSync(
    path,
    tarGz([{ path: "root/PKG-INFO", data: text("x") }, { path: long, data: text("y") }]),
  );
  const out = new Deno.Command("tar", { args: ["-tzf", path], stdout: "piped" }).outputSync();
  deepEqual(new TextDecoder().decode(out.stdout).trim().split("\n"), ["root/PKG-INFO", long]);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("wheelFileName joins the platform tags with dots", () => {
  equal(
    wheelFileName("jmo_telemetry", "0.1.0", ["manylinux_2_17_x86_64", "manylinux2014_x86_64"]),
    "jmo_telemetry-0.1.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
  );
});
