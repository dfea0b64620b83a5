import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';

// Confidentiality and data care; implementations load only when a command runs.
export function registerTrustCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.trust.cmd;
  program
    .command('forget')
    .description(m.forget)
    .option('--meeting <id>', m.optMeeting)
    .option('--case <id>', m.optCase)
    .option('--member <name>', m.optMemberForget)
    .option('--older-than <period>', m.optOlderThan)
    .option('--group <name>', m.optGroupForget)
    .option('--yes', m.optYes)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./forget.js')).forget(ctx, opts)));

  program
    .command('backup')
    .description(m.backup)
    .argument('[file]', m.argBackupFile)
    .action((file: string | undefined, _opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./backup.js')).backup(ctx, file)),
    );

  program
    .command('doctor')
    .description(m.doctor)
    .option('--fix', m.optFix)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./doctor.js')).doctor(ctx, opts)));
}
