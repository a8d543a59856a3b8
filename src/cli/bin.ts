/**
 * The executable's entry point. An opted-out `track` ends here, having
 * loaded nothing but the consent rules; everything else loads the CLI.
 *
 * @module
 */

import process from "node:process";
import { isOptedOutTrack } from "./opted_out_track.ts";

const argv = process.argv.slice(2);
isOptedOutTrack(argv, process.env).then(async (optedOut) => {
  if (optedOut) return;
  const { runCli } = await import("./run_cli.ts");
  process.exitCode = await runCli(argv);
});
