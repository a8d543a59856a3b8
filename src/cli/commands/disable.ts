/**
 * `jmo-telemetry disable`.
 *
 * @module
 */

import { configChoiceCommand } from "../config_choice_command.ts";

/** The `disable` command. */
export const disableCommand = configChoiceCommand(false);
