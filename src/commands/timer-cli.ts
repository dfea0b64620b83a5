import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

export function registerTimerCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.timer.cmd;
  program
    .command('timer')
    .description(m.timer)
    .argument('<duration>', m.argDuration)
    .option('--label <text>', m.optLabel)
    .option('--quiet', m.optQuiet)
    .action((duration: string, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./timer.js')).timer(ctx, duration, opts)),
    );
}
