/**
 * One line of the benchmark table.
 *
 * @module
 */

/** A benchmark figure with its target. */
export interface ResultRow {
  item: string;
  /** The figure itself, as printed (a ratio, a rate or a size). */
  figure: string;
  /** Absolute values beside it. */
  detail: string;
  target: string;
  holds: boolean;
}
