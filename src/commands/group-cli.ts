import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';
import { collect } from './options.js';

// Declarations only: the implementations load when a command actually runs.
export function registerGroupCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.groups.cmd;
  const group = program.command('group').description(m.group);

  group
    .command('create')
    .description(m.groupCreate)
    .argument('[name]', m.argName)
    .option('--member <name>', m.optMember, collect, [])
    .option('--min-size <n>', m.optMinSize)
    .option('--minutes <n>', m.optMinutes)
    .option('--method <id>', m.optMethod)
    .action((name: string | undefined, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./group.js')).groupCreate(ctx, name, opts)),
    );

  group
    .command('list')
    .description(m.groupList)
    .option('--json', t.help.json)
    .option('--all', m.optAll)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./group.js')).groupList(ctx, opts)));

  group
    .command('show')
    .description(m.groupShow)
    .argument('[name]', m.argName)
    .option('--json', t.help.json)
    .option('--all', m.optAll)
    .action((name: string | undefined, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./group.js')).groupShow(ctx, name, opts)),
    );

  group
    .command('rename')
    .description(m.groupRename)
    .argument('<old>', m.argOld)
    .argument('<new>', m.argNew)
    .action((oldName: string, newName: string, _opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./group.js')).groupRename(ctx, oldName, newName)),
    );

  group
    .command('use')
    .description(m.groupUse)
    .argument('<name>', m.argName)
    .action((name: string, _opts, cmd: Command) => run(cmd, async (ctx) => (await import('./group.js')).groupUse(ctx, name)));

  group
    .command('archive')
    .description(m.groupArchive)
    .argument('<name>', m.argName)
    .action((name: string, _opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./group.js')).groupArchive(ctx, name)),
    );

  group
    .command('set')
    .description(t.trust.cmd.groupSet)
    .option('--group <name>', t.help.group)
    .option('--keep-cases <period>', t.trust.cmd.optKeepCases)
    .option('--yes', t.trust.cmd.optYes)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./group-set.js')).groupSet(ctx, opts)));

  group
    .command('stats')
    .description(t.between.cmd.stats)
    .option('--group <name>', t.help.group)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./group-stats.js')).groupStats(ctx, opts)));

  group
    .command('sync-folder')
    .description(t.sync.cmd.syncFolder)
    .argument('[folder]', t.sync.cmd.argFolder)
    .option('--group <name>', t.help.group)
    .option('--off', t.sync.cmd.optOff)
    .action((folder: string | undefined, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./sync.js')).groupSyncFolder(ctx, folder, opts)),
    );

  const member = program.command('member').description(m.member);

  member
    .command('add')
    .description(m.memberAdd)
    .argument('<name>', m.argMember)
    .option('--group <name>', t.help.group)
    .option('--register <id>', m.optRegister)
    .option('--registration-number <x>', m.optRegNumber)
    .option('--email <address>', m.optEmail)
    .action((name: string, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./member.js')).memberAdd(ctx, name, opts)),
    );

  member
    .command('rename')
    .description(m.memberRename)
    .argument('<old>', m.argOld)
    .argument('<new>', m.argNew)
    .option('--group <name>', t.help.group)
    .action((oldName: string, newName: string, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./member.js')).memberRename(ctx, oldName, newName, opts)),
    );

  member
    .command('remove')
    .description(m.memberRemove)
    .argument('<name>', m.argMember)
    .option('--group <name>', t.help.group)
    .action((name: string, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./member.js')).memberRemove(ctx, name, opts)),
    );

  member
    .command('list')
    .description(m.memberList)
    .option('--group <name>', t.help.group)
    .option('--json', t.help.json)
    .option('--all', m.optAll)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./member.js')).memberList(ctx, opts)));
}
