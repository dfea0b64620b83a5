import type { Command, CommanderError, Help, Option } from 'commander';
import { createRequire } from 'node:module';
import type { Ctx } from './context.js';
import { InterruptedError, UsageError, UserError } from './errors.js';
import { areaOf, globalOptions, HELP_COMMAND, HELP_FLAGS, VERSION_FLAGS } from './commands/areas.js';
import { helpWords } from './ui/help-layout.js';
import { helpMessages, type HelpMessages } from './ui/i18n/help.js';
import type { Messages } from './ui/i18n/index.js';
import type { Lang } from './ui/i18n/lang.cjs';

// CommonJS with require, not import (see main.ts).
const require = createRequire(import.meta.url);
const commander = require('commander') as typeof import('commander');
const { helpWidth, version } = require('./fast-paths.cjs') as typeof import('./fast-paths.cjs');
const { isLang } = require('./ui/i18n/lang.cjs') as typeof import('./ui/i18n/lang.cjs');

/** What a command's action hands to the shared runner. */
export type Action = (ctx: Ctx) => Promise<void> | void;
export type Runner = (command: Command, action: Action) => Promise<void>;

interface Globals {
  db?: string;
  lang?: string;
  plain?: boolean;
  debug?: boolean;
}

/** The language is needed before commander builds its help, so look for it first. */
function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; bad: string | null } {
  let value = env['INTERVISIE_LANG'] || 'nl';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) value = argv[i + 1]!;
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  const lower = value.toLowerCase();
  return isLang(lower) ? { lang: lower, bad: null } : { lang: 'nl', bad: value };
}

function helpSettings(t: HelpMessages): Partial<Help> {
  const { title, words } = helpWords(t);
  return {
    styleTitle: title,
    showGlobalOptions: true,
    commandUsage(this: Help, cmd: Command) {
      return words(commander.Help.prototype.commandUsage.call(this, cmd));
    },
    optionDescription(this: Help, option: Option) {
      // An empty list as default says nothing to a reader; other defaults in their language.
      return commander.Help.prototype.optionDescription
        .call(this, option)
        .replace(/ ?\(default: \[\]\)/, '')
        .replace('(default:', `(${t.help.defaultWord}:`);
    },
    subcommandTerm(this: Help, cmd: Command) {
      return words(commander.Help.prototype.subcommandTerm.call(this, cmd));
    },
  };
}

// Which command a parse error came from, so the hint names that command's help.
const raisedBy = new WeakMap<CommanderError, string>();

function rememberWhere(cmd: Command): (err: CommanderError) => never {
  return (err) => {
    raisedBy.set(err, commandPath(cmd));
    throw err;
  };
}

/** The words commander suggests for a mistyped one ("(Did you mean one of a, b?)"), if any. */
function closeMatches(message: string): string[] {
  const found = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message)?.[1];
  return found ? found.split(', ') : [];
}

/** Map commander's own (English) parse errors to one line in the user's language. */
function usageFromCommander(err: CommanderError): UsageError {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'commander.unknownCommand':
      return new UsageError((t) => t.errors.unknownCommand(quoted, closeMatches(err.message), raisedBy.get(err) ?? 'intervisie'));
    case 'commander.unknownOption':
      return new UsageError((t) => t.errors.unknownOption(quoted, closeMatches(err.message)));
    case 'commander.missingArgument':
      return new UsageError((t) => t.errors.missingArgument(quoted));
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return new UsageError((t) => t.errors.optionMissingArgument(quoted));
    case 'commander.excessArguments':
      return new UsageError((t) => t.errors.excessArguments);
    case 'commander.conflictingOption':
      return new UsageError((t) => t.errors.conflictingOption(err.message.replace(/^error: /, '')));
    default: {
      const detail = err.message.replace(/^error: /, '');
      return new UsageError((t) => t.errors.invalidArgument(detail));
    }
  }
}

export interface RunOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: Ctx['stdin'];
  stdout: Ctx['stdout'];
  stderr: Ctx['stderr'];
}

/** Build the program, run one command line, and return the exit code. Never calls process.exit. */
export async function main(o: RunOptions): Promise<number> {
  const { lang, bad } = detectLang(o.argv, o.env);
  // Only the help texts: the rest of the catalog loads when a command runs or an error is shown,
  // so that `--help` stays close to a bare `node` start.
  const t = helpMessages(lang);
  let debug = o.argv.includes('--debug');
  let ctx: Ctx | null = null;

  const program = new commander.Command('intervisie');
  const output = {
    writeOut: (s: string) => o.stdout.write(s),
    writeErr: (s: string) => o.stderr.write(s),
    // The width of the injected streams (commander would look at process.stdout itself).
    getOutHelpWidth: () => helpWidth(o.stdout),
    getErrHelpWidth: () => helpWidth(o.stderr),
    outputError: () => {
      // replaced by our own one-line, localised message
    },
  };
  const run: Runner = async (command, action) => {
    const g = command.optsWithGlobals<Globals>();
    debug = Boolean(g.debug);
    // Loaded only when a command runs, so `--help` stays close to a bare `node` start.
    const [{ Store }, { createCtx }, { defaultDbPath }, { systemClock }] = await Promise.all([
      import('./store/store.js'),
      import('./ui/context-factory.js'),
      import('./paths.js'),
      import('./clock.js'),
    ]);
    ctx = createCtx({
      openStore: (path, clock, options) => Store.open(path, clock, options),
      lang,
      plain: Boolean(g.plain),
      debug,
      dbPath: g.db ?? o.env['INTERVISIE_DB'] ?? defaultDbPath(o.env),
      clock: systemClock,
      env: o.env,
      stdin: o.stdin,
      stdout: o.stdout,
      stderr: o.stderr,
      command: commandPath(command),
    });
    await action(ctx);
  };

  program.description(t.appDescription).configureHelp(helpSettings(t));
  program
    .version(version(), VERSION_FLAGS, t.help.version)
    .helpOption(HELP_FLAGS, t.help.helpOption)
    .helpCommand(HELP_COMMAND, t.help.helpCommand);
  for (const [flags, description] of globalOptions(t)) program.addOption(new commander.Option(flags, description));
  // Commander's suggestion for a mistyped word travels in its error; usageFromCommander puts it
  // in the user's language, still on one line.
  program.showSuggestionAfterError(true).exitOverride().configureOutput(output);

  // A command line that names one area declares only that one: its commands parse, help and
  // fail exactly as among all the others, which no other area's declaration touches.
  const area = areaOf(o.argv);
  if (area) (await area.load())(program, run, t);
  else (await import('./commands/declarations.js')).declareCommands(program, run, t);

  for (const sub of allCommands(program)) {
    sub.helpOption(HELP_FLAGS, t.help.helpOption).exitOverride(rememberWhere(sub)).configureHelp(helpSettings(t));
    if (sub.commands.length > 0) sub.helpCommand(HELP_COMMAND, t.help.helpCommand);
    sub.configureOutput(output);
  }

  try {
    if (bad !== null) throw new UsageError((tt) => tt.errors.badLang(bad));
    if (o.argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    refuseHelpForUnknown(program, o.argv);
    await program.parseAsync(o.argv, { from: 'user' });
    return 0;
  } catch (err) {
    return await report(err, lang, debug, o);
  } finally {
    (ctx as Ctx | null)?.dispose();
  }
}

async function loadMessages(lang: Lang): Promise<Messages> {
  return (await import('./ui/i18n/index.js')).messages(lang);
}

/** Global options that take the next word as their value. */
const VALUE_OPTIONS = new Set(['--db', '--lang']);

/**
 * `help NAME` for a command that does not exist: commander answers it with the whole help on
 * stderr and exit 1, where every other unknown command gets one line and exit 2. Checked before
 * parsing, so commander's own help command (and its place in every help screen) stays as it is.
 */
function refuseHelpForUnknown(program: Command, argv: readonly string[]): void {
  let cmd = program;
  let afterHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word.startsWith('-')) {
      if (VALUE_OPTIONS.has(word)) i++;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (afterHelp) {
      if (!sub) throw new UsageError((t) => t.errors.unknownCommand(word));
      return;
    }
    if (word === 'help' && cmd.commands.length > 0 && !sub) {
      afterHelp = true;
      continue;
    }
    if (!sub) return;
    cmd = sub;
  }
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return ['intervisie', ...names].join(' ');
}

/** The single error boundary: one line for the user, details only with --debug. */
async function report(err: unknown, lang: Lang, debug: boolean, o: RunOptions): Promise<number> {
  if (err instanceof commander.CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync') return err.exitCode;
    err = usageFromCommander(err);
  }
  // Loaded only for an error: a help screen needs neither the full catalog nor the text cleaner.
  const [t, { safeText }] = await Promise.all([loadMessages(lang), import('./domain/names.js')]);
  const stderr = o.stderr;
  if (err instanceof UserError) {
    // Messages echo what the user typed or what a file held: never let that steer the terminal.
    stderr.write(`✖ ${oneLine(safeText, err.render(t))}\n`);
    return err.exitCode;
  }
  if (err instanceof InterruptedError) {
    stderr.write(`\n${t.errors.interrupted}${err.hint ? ` ${err.hint(t)}` : ''}\n`);
    return 130;
  }
  stderr.write(`✖ ${t.errors.unexpected}\n`);
  if (debug) stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  return 1;
}

/** Untrusted parts of an error (names, paths, values) neutralised, and always exactly one line. */
function oneLine(safeText: (s: string) => string, text: string): string {
  return safeText(text).replace(/[\r\n\t]+/gu, ' ');
}
