import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

// What cli.ts needs before it knows which command runs, without loading any declaration:
// loading all eight `*-cli.js` modules costs a start about 5 ms, while a command line names one
// area. declarations.ts still declares them all (help screens, unknown names).

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

export type Declare = (program: Command, run: Runner, t: HelpMessages) => void;

export interface Area {
  /** The top-level commands the area declares (test/ui/areas.test.ts keeps this list true). */
  commands: readonly string[];
  load: () => Promise<Declare>;
}

/** Each declaration module with the top-level commands it declares, in declarations.ts order. */
export const AREAS: readonly Area[] = [
  { commands: ['start', 'resume', 'abort', 'history', 'show'], load: async () => (await import('./start-cli.js')).registerStartCommands },
  { commands: ['group', 'member'], load: async () => (await import('./group-cli.js')).registerGroupCommands },
  { commands: ['methods'], load: async () => (await import('./methods-cli.js')).registerMethodsCommands },
  { commands: ['timer'], load: async () => (await import('./timer-cli.js')).registerTimerCommands },
  { commands: ['case', 'next', 'plan'], load: async () => (await import('./between-cli.js')).registerBetweenCommands },
  { commands: ['forget', 'backup', 'doctor'], load: async () => (await import('./trust-cli.js')).registerTrustCommands },
  { commands: ['report', 'log', 'registers'], load: async () => (await import('./report-cli.js')).registerReportCommands },
  { commands: ['export', 'import', 'sync'], load: async () => (await import('./sync-cli.js')).registerSyncCommands },
];

/**
 * The one area a command line runs in: its first word is a declared command, after nothing
 * but global options. Null for anything else (help, an unknown word, an unknown option,
 * `--`), which commander must answer with every command declared.
 */
export function areaOf(argv: readonly string[]): Area | null {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--db' || word === '--lang') {
      i++;
      continue;
    }
    if (word === '--plain' || word === '--debug' || word.startsWith('--db=') || word.startsWith('--lang=')) continue;
    return AREAS.find((a) => a.commands.includes(word)) ?? null;
  }
  return null;
}
