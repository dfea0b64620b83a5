import type { Command } from 'commander';
import type { Runner } from '../cli.js';
import type { HelpMessages } from '../ui/i18n/help.js';
import { collect } from './options.js';

// Declarations only: the implementations load when a command actually runs.
export function registerReportCommands(program: Command, run: Runner, t: HelpMessages): void {
  const m = t.report.cmd;

  program
    .command('report')
    .description(m.report)
    .option('--group <name>', m.optReportGroup)
    .option('--member <name>', m.optMember, collect, [])
    .option('--year <year>', m.optYear)
    .option('--from <date>', m.optFrom)
    .option('--to <date>', m.optTo)
    .option('--period <period>', m.optPeriod)
    .option('--last <span>', m.optLast)
    .option('--register <id>', m.optRegister)
    .option('--json', t.help.json)
    .option('--csv', m.optCsv)
    .option('--excel', m.optExcel)
    .option('--markdown', m.optMarkdown)
    .option('--html <file>', m.optHtml)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./report.js')).report(ctx, opts)));

  program
    .command('log')
    .description(m.log)
    .option('--group <name>', t.help.group)
    .option('--date <date>', m.optDate)
    .option('--start <time>', m.optStart)
    .option('--end <time>', m.optEnd)
    .option('--present <name>', m.optPresent, collect, [])
    .option('--absent <name>', m.optAbsent, collect, [])
    .option('--chair <name>', m.optChair)
    .option('--method <id>', m.optMethod)
    .option('--case-owner <name>', m.optCaseOwner)
    .option('--topic <text>', m.optTopic)
    .option('--place <text>', m.optPlace)
    .option('--pause <minutes>', m.optPause)
    .option('--edit <id>', m.optEdit)
    .option('--reason <text>', m.optReason)
    .option('--by <name>', m.optBy)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./log.js')).log(ctx, opts)));

  const registers = program.command('registers').description(m.registers);
  registers
    .command('list')
    .description(m.registersList)
    .option('--json', t.help.json)
    .action((opts, cmd: Command) => run(cmd, async (ctx) => (await import('./registers.js')).registersList(ctx, opts)));
  registers
    .command('show')
    .description(m.registersShow)
    .argument('<id>', m.argRegister)
    .option('--json', t.help.json)
    .action((id: string, opts, cmd: Command) =>
      run(cmd, async (ctx) => (await import('./registers.js')).registersShow(ctx, id, opts)),
    );
}
