import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

// The meeting and looking back at meetings; implementations load only when a command runs.
export function registerStartCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.meeting.cmd;
  program
    .command('start')
    .description(m.start)
    .option('--group <name>', t.help.group)
    .option('--quiet', m.optQuiet)
    .option('--demo', m.optDemo)
    .option('--markdown <file>', m.optMarkdown)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./start.js')).start(ctx, opts)));

  program
    .command('resume')
    .description(m.resume)
    .option('--group <name>', t.help.group)
    .option('--quiet', m.optQuiet)
    .option('--markdown <file>', m.optMarkdown)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./start.js')).resume(ctx, opts)));

  program
    .command('abort')
    .description(m.abort)
    .option('--group <name>', t.help.group)
    .option('--held', m.optHeld)
    .option('--not-held', m.optNotHeld)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./start.js')).abort(ctx, opts)));

  program
    .command('history')
    .description(m.history)
    .option('--group <name>', t.help.group)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./history.js')).history(ctx, opts)));

  program
    .command('show')
    .description(m.show)
    .argument('<meeting>', m.argMeeting)
    .option('--json', t.help.json)
    .action((key: string, opts, cmd: Command) => run(cmd, async (ctx) => (await import('./history.js')).show(ctx, key, opts)));
}
