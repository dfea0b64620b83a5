import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';
import { collect } from './options.js';

// Declarations only: the implementations load when a command actually runs.
export function registerBetweenCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.between.cmd;
  const cases = program.command('case').description(m.case);

  cases
    .command('add')
    .description(m.caseAdd)
    .option('--group <name>', t.help.group)
    .option('--owner <name>', m.optOwner)
    .option('--title <text>', m.optTitle)
    .option('--question <text>', m.optQuestion)
    .option('--e <1-5>', m.optE)
    .option('--g <1-5>', m.optG)
    .option('--t <1-5>', m.optT)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./case.js')).caseAdd(ctx, opts)));

  cases
    .command('list')
    .description(m.caseList)
    .option('--group <name>', t.help.group)
    .option('--full', m.optFull)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./case.js')).caseList(ctx, opts)));

  cases
    .command('withdraw')
    .description(m.caseWithdraw)
    .argument('<id>', m.argCaseId)
    .option('--group <name>', t.help.group)
    .action((id: string, opts, cmd: Command) => run(cmd, async (ctx) => (await import('./case.js')).caseWithdraw(ctx, id, opts)));

  program
    .command('next')
    .description(m.next)
    .option('--group <name>', t.help.group)
    .option('--json', t.help.json)
    .option('--ics <file>', m.optIcs)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./next.js')).next(ctx, opts)));

  program
    .command('plan')
    .description(m.plan)
    .option('--group <name>', t.help.group)
    .option('--first <datetime>', m.optFirst)
    .option('--every <interval>', m.optEvery)
    .option('--count <n>', m.optCount)
    .option('--minutes <n>', m.optMinutes)
    .option('--place <text>', m.optPlace)
    .option('--absent <name:numbers>', m.optAbsent, collect)
    .option('--show', m.optShow)
    .option('--move <n>', m.optMove)
    .option('--to <date>', m.optTo)
    .option('--clear', m.optClear)
    .option('--ics <file>', m.optIcs)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./plan.js')).plan(ctx, opts)));
}
