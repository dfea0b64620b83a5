import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

// Declarations only: the implementations load when a command actually runs.
export function registerMethodsCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.methods.cmd;
  const methods = program.command('methods').description(m.methods);

  methods
    .command('list')
    .description(m.list)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./methods.js')).methodsList(ctx, opts)));

  methods
    .command('show')
    .description(m.show)
    .argument('<id>', m.argId)
    .option('--minutes <n>', m.optMinutes)
    .action((id: string, opts, cmd: Command) => run(cmd, async (ctx) => (await import('./methods.js')).methodsShow(ctx, id, opts)));

  methods
    .command('suggest')
    .description(m.suggest)
    .option('--minutes <n>', m.optMinutes)
    .option('--present <n>', m.optPresent)
    .option('--question <type>', m.optQuestion)
    .option('--group <name>', t.help.group)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./methods.js')).methodsSuggest(ctx, opts)));

  methods
    .command('new')
    .description(m.new)
    .argument('<id>', m.argNewId)
    .option('--from <id>', m.optFrom)
    .action((id: string, opts, cmd: Command) => run(cmd, async (ctx) => (await import('./methods.js')).methodsNew(ctx, id, opts)));

  methods
    .command('validate')
    .description(m.validate)
    .argument('<file>', m.argFile)
    .action((file: string, _opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./methods.js')).methodsValidate(ctx, file)),
    );
}
