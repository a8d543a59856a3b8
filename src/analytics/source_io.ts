/**
 * What reading a source needs from the process, passed in by the command.
 *
 * @module
 */

/** The process facilities a source reader uses. */
export interface SourceIo {
  /** The fetch to use (the global one honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`). */
  fetch: typeof fetch;
  /** Milliseconds one request, answer included, may take. */
  timeoutMs: number;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
  /** Reports something the user should know that does not stop the reading. */
  warn: (message: string) => void;
}
