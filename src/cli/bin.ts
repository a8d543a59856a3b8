/**
 * The executable's entry point. An opted-out `track` ends here, having
 * loaded nothing but the consent rules; everything else loads the CLI.
 *
 * @module
 */

import { homedir } from "node:os";
import process from "node:process";
import { isOptedOutTrack } from "./opted_out_track.ts";

const argv = process.argv.slice(2);
if (!isOptedOutTrack(argv, process.env, homedir())) {
  import("./run_cli.ts")
    .then(({ runCli }) => runCli(argv))
    .then((code) => {
      process.exitCode = code;
    });
}
