import type { Ctx } from '../context.js';
import { formatDuration, parseDuration } from '../domain/countdown.js';
import { cleanName, safeText } from '../domain/names.js';
import { UsageError } from '../errors.js';
import { runPhaseScreen } from '../ui/phase-screen.js';

const MAX_SECONDS = 12 * 3600;

/** `intervisie timer 5m`: the phase screen on its own. Touches no database. */
export async function timer(ctx: Ctx, duration: string, opts: { label?: string; quiet?: boolean }): Promise<void> {
  const seconds = parseDuration(duration);
  if (seconds === null) throw new UsageError((t) => t.timer.err.badDuration(safeText(duration)));
  if (seconds < 1 || seconds > MAX_SECONDS) throw new UsageError((t) => t.timer.err.durationRange);
  const label = opts.label === undefined ? ctx.t.timer.defaultLabel : cleanName(opts.label);

  const result = await runPhaseScreen(ctx, {
    label,
    plannedSeconds: seconds,
    quiet: Boolean(opts.quiet),
    standalone: true,
    // Without a keyboard nobody can stop it, so it stops itself at zero.
    endAtZero: !ctx.stdin.isTTY,
  });

  const t = ctx.t.timer;
  ctx.out.line(`${label} · ${t.done(formatDuration(result.elapsedSeconds), formatDuration(result.plannedSeconds))}`);
  if (result.pausedSeconds > 0) ctx.out.line(t.donePaused(formatDuration(result.pausedSeconds)));
}
