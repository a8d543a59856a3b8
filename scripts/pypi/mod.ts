/**
 * The Python package's distributions, written directly: wheels (a zip with
 * `METADATA`, `WHEEL` and `RECORD`), their platform tags read from each
 * binary, and the sdist.
 *
 * @module
 */

export { buildAnyWheel, buildPlatformWheel, buildSdist } from "./build_distributions.ts";
export { glibcFromReadelf, macosMinimum, manylinuxTags, platformTags } from "./platform_tag.ts";
export {
  coreMetadata,
  DISTRIBUTION,
  FILE_NAME,
  MODULE,
  projectVersion,
  REQUIRES_PYTHON,
} from "./python_package.ts";
export { recordHash, wheelFileName } from "./wheel.ts";
export type { WheelSpec } from "./wheel.ts";
export { crc32, zipArchive } from "./zip_archive.ts";
export type { ArchiveEntry } from "./zip_archive.ts";
export { tarGz } from "./tar_gz.ts";
