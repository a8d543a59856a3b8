import { deepEqual, equal, throws } from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  glibcFromReadelf,
  macosMinimum,
  manylinuxTags,
  platformTags,
} from "../../../scripts/pypi/mod.ts";

Deno.test("glibcFromReadelf takes the newest GLIBC_x.y, ignoring GLIBC_PRIVATE and third parts", () => {
  const listing = [
    "  0x0010:   Name: GLIBC_2.2.5  Flags: none  Version: 7",
    "  0x0020:   Name: GLIBC_2.17  Flags: none  Version: 6",
    "  0x0030:   Name: GLIBC_2.3.4  Flags: none  Version: 5",
    "  0x0040:   Name: GLIBC_PRIVATE  Flags: none  Version: 4",
  ].join("\n");
  deepEqual(glibcFromReadelf(listing), [2, 17]);
  equal(glibcFromReadelf("no versions here"), undefined);
});

Deno.test("manylinuxTags adds the manylinux2014 alias only for glibc 2.17 and older", () => {
  deepEqual(manylinuxTags([2, 17], "x86_64"), ["manylinux_2_17_x86_64", "manylinux2014_x86_64"]);
  deepEqual(manylinuxTags([2, 12], "aarch64"), ["manylinux_2_12_aarch64", "manylinux2014_aarch64"]);
  deepEqual(manylinuxTags([2, 28], "x86_64"), ["manylinux_2_28_x86_64"]);
});

/** The first bytes of a 64-bit Mach-O file with one segment command and one version command. */
function machO(cpu: number, command: number, version: number): Uint8Array {
  const bytes = new Uint8Array(32 + 72 + 24);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpu, true);
  view.setUint32(16, 2, true);
  view.setUint32(32, 0x19, true); // LC_SEGMENT_64
  view.setUint32(36, 72, true);
  view.setUint32(104, command, true);
  view.setUint32(108, 24, true);
  view.setUint32(command === 0x32 ? 116 : 112, version, true);
  return bytes;
}

Deno.test("macosMinimum reads LC_BUILD_VERSION and LC_VERSION_MIN_MACOSX after other load commands", () => {
  const v13 = (13 << 16) | (1 << 8);
  deepEqual(macosMinimum(new DataView(machO(0x0100000c, 0x32, v13).buffer)), [13, 1]);
  deepEqual(macosMinimum(new DataView(machO(0x01000007, 0x24, (10 << 16) | (15 << 8)).buffer)), [
    10,
    15,
  ]);
  throws(() => macosMinimum(new DataView(machO(0x0100000c, 0x2, v13).buffer)), /LC_BUILD_VERSION/);
});

Deno.test("platformTags names macOS 11 and later by major version, older by major and minor, and PE by machine", () => {
  const dir = Deno.makeTempDirSync();
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  deepEqual(platformTags(file("arm", machO(0x0100000c, 0x32, (13 << 16) | (2 << 8)))), [
    "macosx_13_0_arm64",
  ]);
  deepEqual(platformTags(file("intel", machO(0x01000007, 0x24, (10 << 16) | (15 << 8)))), [
    "macosx_10_15_x86_64",
  ]);
  const pe = new Uint8Array(256);
  pe.set([0x4d, 0x5a]);
  new DataView(pe.buffer).setUint32(0x3c, 0x80, true);
  new DataView(pe.buffer).setUint16(0x84, 0x8664, true);
  deepEqual(platformTags(file("win.exe", pe)), ["win_amd64"]);
  throws(() => platformTags(file("text", new TextEncoder().encode("#!/bin/sh\n"))), /no ELF/);
  Deno.removeSync(dir, { recursive: true });
});
