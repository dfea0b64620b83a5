import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Ctx } from '../context.js';
import { formatDuration } from '../domain/countdown.js';
import { formatTable } from './output.js';

export interface PlanRow {
  /** e.g. "4/5 Adviezen" (already translated). */
  label: string;
  seconds: number;
  /** The plan before the change, to show the difference. */
  previousSeconds?: number;
}

function amount(ctx: Pick<Ctx, 't'>, seconds: number): string {
  return seconds % 60 === 0 ? ctx.t.timer.plan.minutes(seconds / 60) : formatDuration(seconds);
}

/**
 * A (re)plan of the coming phases as a calm table, for the moment between two phases:
 * what each phase now gets, how that differs from before, and when the meeting ends.
 */
export function renderPlan(ctx: Pick<Ctx, 't' | 'out'>, rows: PlanRow[], end?: Date): string {
  const p = ctx.t.timer.plan;
  const withChange = rows.some((r) => r.previousSeconds !== undefined);
  const body = rows.map((r) => {
    const cells = [r.label, amount(ctx, r.seconds)];
    if (withChange) {
      const d = r.previousSeconds === undefined ? 0 : r.seconds - r.previousSeconds;
      cells.push(d === 0 ? '' : `${d > 0 ? '+' : '−'}${amount(ctx, Math.abs(d))}`);
    }
    return cells;
  });
  const header = withChange ? [p.step, p.time, p.change] : [p.step, p.time];
  const table = formatTable(header, body, ctx.out.c);
  if (!end) return table;
  return `${table}\n${p.endsAt(format(new TZDate(end.getTime(), 'Europe/Amsterdam'), 'HH:mm'))}`;
}
