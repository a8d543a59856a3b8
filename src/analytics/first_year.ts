/**
 * The earliest year the maintainers' commands take.
 *
 * @module
 */

/**
 * `--since` and `--quarter` refuse dates before this year: no event can be
 * that old, so an earlier year is a typing slip (`0050` for `2050`).
 */
export const FIRST_YEAR = 2000;
