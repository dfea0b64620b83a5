import type { Command } from 'commander';
import type { Runner } from './cli.js';
import { declareCommands, globalOptions, HELP_COMMAND, HELP_FLAGS, VERSION_FLAGS } from './commands/declarations.js';
import type { HelpScreen } from './fast-paths.cjs';
import { helpWords } from './ui/help-layout.js';
import { helpMessages } from './ui/i18n/help.js';
import type { Lang } from './ui/i18n/lang.cjs';

// What the root help screen shows, worked out without commander: the declarations run against
// a recorder that keeps only what that screen needs. A declaration using anything the recorder
// lacks throws, and main.ts falls back to commander. Run at build time by build-root-help.ts,
// and at run time only when that build output is missing or stale (see fast-paths.cts).

/** Stands in for commander's Command while the declarations run. */
class Recorder {
  readonly commands: Recorder[] = [];
  readonly args: string[] = [];
  options = 0;
  text = '';

  constructor(readonly name: string) {}

  command(nameAndArgs: string, ...rest: unknown[]): Recorder {
    // A description or settings here would make a stand-alone or hidden command.
    if (rest.length > 0) throw new Error(`root help: unsupported command('${nameAndArgs}', ...)`);
    const [name, ...args] = nameAndArgs.trim().split(/ +/);
    const sub = new Recorder(name!);
    for (const a of args) sub.argument(a);
    this.commands.push(sub);
    return sub;
  }

  description(text: string): this {
    this.text = text;
    return this;
  }

  argument(name: string): this {
    this.args.push(argumentTerm(name));
    return this;
  }

  option(): this {
    this.options++;
    return this;
  }

  action(): this {
    return this;
  }

  /** As commander's Help.subcommandTerm. */
  term(): string {
    return [this.name, ...(this.options > 0 ? ['[options]'] : []), ...this.args].join(' ');
  }
}

/** An argument as commander shows it: `<name>` when required, `[name]` when optional. */
function argumentTerm(declared: string): string {
  const open = declared[0];
  let name = open === '<' || open === '[' ? declared.slice(1, -1) : declared;
  const variadic = name.endsWith('...');
  if (variadic) name = name.slice(0, -3);
  const shown = name + (variadic ? '...' : '');
  return open === '[' ? `[${shown}]` : `<${shown}>`;
}

export function rootHelpScreen(lang: Lang): HelpScreen {
  const t = helpMessages(lang);
  const { title, words } = helpWords(t);
  const root = new Recorder('intervisie');
  const neverRuns: Runner = () => Promise.reject(new Error('root help runs no command'));
  declareCommands(root as unknown as Command, neverRuns, t);
  return {
    usage: `${title('Usage:')} ${words('intervisie [options] [command]')}`,
    description: t.appDescription,
    sections: [
      {
        title: title('Options:'),
        items: [[VERSION_FLAGS, t.help.version], ...globalOptions(t), [HELP_FLAGS, t.help.helpOption]],
      },
      {
        title: title('Commands:'),
        items: [...root.commands.map((c): [string, string] => [words(c.term()), c.text]), [words(HELP_COMMAND), t.help.helpCommand]],
      },
    ],
  };
}
