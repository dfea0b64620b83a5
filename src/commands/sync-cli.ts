import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

// Declarations only: the implementations load when a command actually runs.
export function registerSyncCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.sync.cmd;

  program
    .command('export')
    .description(m.export)
    .option('--group <name>', t.help.group)
    .option('--since <date>', m.optSince)
    .option('-o, --output <file>', m.optOutput)
    .option('--with-cases', m.optWithCases)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./sync.js')).exportCmd(ctx, opts)));

  program
    .command('import')
    .description(m.import)
    .argument('<files...>', m.argFiles)
    .option('--dry-run', m.optDryRun)
    .option('--link', m.optLink)
    .action((files: string[], opts, cmd: Command) => run(cmd, async (ctx) => (await import('./sync.js')).importCmd(ctx, files, opts)));

  program
    .command('sync')
    .description(m.sync)
    .argument('[folder]', m.argFolder)
    .option('--group <name>', t.help.group)
    .option('--with-cases', m.optWithCases)
    .option('--link', m.optLink)
    .action((folder: string | undefined, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./sync.js')).syncCmd(ctx, folder, opts)),
    );
}
