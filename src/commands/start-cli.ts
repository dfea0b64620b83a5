import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { Messages } from '../ui/i18n/index.js';

export function registerStartCommands(program: Command, run: Runner, t: Messages): void {
  program
    .command('start')
    .description(t.meeting.cmd.start)
    .option('--group <name>', t.help.group)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./start.js')).start(ctx, opts)));
}
