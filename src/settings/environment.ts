/**
 * The type of the process environment as the pure logic receives it.
 *
 * @module
 */

/** A read-only view of environment variables, as `process.env` gives them. */
export type Environment = Readonly<Record<string, string | undefined>>;
