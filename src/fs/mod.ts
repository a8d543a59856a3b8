/**
 * File-system helpers every subsystem shares: reading small files that must
 * be regular files, and file-system errors in words.
 *
 * @module
 */

export { describeFsError, fsErrorCode } from "./fs_error.ts";
export { MAX_REGULAR_FILE_BYTES, readRegularFile } from "./read_regular_file.ts";
