/**
 * `jmo-telemetry enable`.
 *
 * @module
 */

import { configChoiceCommand } from "../config_choice_command.ts";

/** The `enable` command. */
export const enableCommand = configChoiceCommand(true);
