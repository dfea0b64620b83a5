import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';
import { registerBetweenCommands } from './between-cli.js';
import { registerGroupCommands } from './group-cli.js';
import { registerMethodsCommands } from './methods-cli.js';
import { registerReportCommands } from './report-cli.js';
import { registerStartCommands } from './start-cli.js';
import { registerSyncCommands } from './sync-cli.js';
import { registerTimerCommands } from './timer-cli.js';
import { registerTrustCommands } from './trust-cli.js';

// The command line as declared: cli.ts gives these to commander (when a command line needs
// more than one area, see areas.ts); root-help-screen.ts runs the same declarations against a
// recorder, so that `intervisie --help` draws its screen without loading commander.

export { globalOptions, HELP_COMMAND, HELP_FLAGS, VERSION_FLAGS } from './areas.js';

/** Every command, in the order of the help screen. */
export function declareCommands(program: Command, run: Runner, t: HelpMessages): void {
  registerStartCommands(program, run, t);
  registerGroupCommands(program, run, t);
  registerMethodsCommands(program, run, t);
  registerTimerCommands(program, run, t);
  registerBetweenCommands(program, run, t);
  registerTrustCommands(program, run, t);
  registerReportCommands(program, run, t);
  registerSyncCommands(program, run, t);
}
