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

// The command line as declared: cli.ts gives these to commander; root-help-screen.ts runs the same
// declarations against a recorder, so that `intervisie --help` draws its screen without
// loading commander.

export const VERSION_FLAGS = '-V, --version';
export const HELP_FLAGS = '-h, --help';
export const HELP_COMMAND = 'help [command]';

/** The options every command accepts, in the order of the help screen (after --version). */
export function globalOptions(t: HelpMessages): [flags: string, description: string][] {
  return [
    ['--db <path>', t.help.db],
    ['--lang <lang>', t.help.lang],
    ['--plain', t.help.plain],
    ['--debug', t.help.debug],
  ];
}

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
