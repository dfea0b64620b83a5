// Dividing a meeting's time over its phases, and re-dividing it when the chair or the clock
// changes something. Pure arithmetic on whole units (minutes or seconds).

export interface PhaseBudget {
  id: string;
  weight: number;
  /** Default 1. */
  minMinutes?: number;
}

/**
 * Share `total` whole units over items proportionally to `weights`, each at least its minimum,
 * summing exactly to `total`. Items whose proportional share falls under their minimum are pinned
 * at the minimum and the rest is shared again among the others (so a minimum never steals more
 * than it needs); the final rounding uses the largest remainder method, ties to the earlier item.
 * When the minimums alone exceed `total`, every item gets its minimum (the sum is then larger).
 */
export function apportion(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const n = weights.length;
  const mins = minimums.map((m) => Math.max(0, Math.ceil(m)));
  const target = Math.max(0, Math.round(total));
  if (n === 0) return [];
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= target) return mins;

  // Non-positive or non-finite weights count as zero; all-zero weights share equally.
  let w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  if (w.every((x) => x === 0)) w = w.map(() => 1);

  const pinned = new Array<boolean>(n).fill(false);
  let ideal = new Array<number>(n).fill(0);
  for (;;) {
    const freeWeight = w.reduce((a, x, i) => (pinned[i] ? a : a + x), 0);
    const freeTotal = target - mins.reduce((a, m, i) => (pinned[i] ? a + m : a), 0);
    ideal = w.map((x, i) => (pinned[i] ? mins[i]! : freeWeight > 0 ? (x / freeWeight) * freeTotal : 0));
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (!pinned[i] && ideal[i]! < mins[i]!) {
        pinned[i] = true;
        changed = true;
      }
    }
    if (!changed) break;
  }

  const result = ideal.map((x, i) => (pinned[i] ? mins[i]! : Math.floor(x + 1e-9)));
  let left = target - result.reduce((a, b) => a + b, 0);
  const order = ideal
    .map((x, i) => ({ i, frac: pinned[i] ? -1 : x - Math.floor(x + 1e-9) }))
    .filter((o) => o.frac >= 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length) {
    result[order[k]!.i]! += 1;
    left--;
  }
  return result;
}

function minOf(p: PhaseBudget): number {
  return Math.max(0, Math.ceil(p.minMinutes ?? 1));
}

/** Split availableMinutes over the phases proportionally to weight, whole minutes, summing exactly to availableMinutes, each >= its minimum (largest remainder method). */
export function splitMinutes(phases: PhaseBudget[], availableMinutes: number): number[] {
  return apportion(
    phases.map((p) => p.weight),
    phases.map(minOf),
    availableMinutes,
  );
}

/** Stretching a method beyond this factor of its own minutes changes its character: offer its own pace. */
export const OWN_PACE_FROM_STRETCH = 1.25;

/**
 * The method at its own pace: each phase its own minutes, when every phase names them and
 * spreading the available time would stretch the method by more than OWN_PACE_FROM_STRETCH.
 * A quick method meant for a short slot should not silently fill two hours.
 */
export function ownPace(phaseMinutes: readonly (number | undefined)[], availableMinutes: number): number[] | null {
  if (phaseMinutes.length === 0 || phaseMinutes.some((m) => m === undefined || m <= 0)) return null;
  const own = phaseMinutes.map((m) => Math.round(m!));
  const total = own.reduce((a, b) => a + b, 0);
  return availableMinutes > total * OWN_PACE_FROM_STRETCH ? own : null;
}

/**
 * The chair sets phase `index` to `minutes`; the other phases (all, or only those after `from`
 * if given) are rebalanced proportionally so the total stays the same, never below their minimum.
 * If the others cannot give up that much, `minutes` is lowered to what they can give. If there
 * are no other phases to take from, only the chosen phase changes (the meeting gets longer or shorter).
 */
export function adjustPlan(plan: number[], phases: PhaseBudget[], index: number, minutes: number, from?: number): number[] {
  if (index < 0 || index >= plan.length) throw new RangeError(`phase index ${index} out of range`);
  const mins = plan.map((_, i) => (phases[i] ? minOf(phases[i]!) : 1));
  const wanted = Math.max(mins[index]!, Math.round(minutes));
  const movable = plan.map((_, i) => i !== index && (from === undefined || i > from));
  const movableIdx = plan.flatMap((_, i) => (movable[i] ? [i] : []));
  const next = [...plan];
  if (movableIdx.length === 0) {
    next[index] = wanted;
    return next;
  }
  const total = plan.reduce((a, b) => a + b, 0);
  const fixed = plan.reduce((a, m, i) => (i === index || movable[i] ? a : a + m), 0);
  const movableMin = movableIdx.reduce((a, i) => a + mins[i]!, 0);
  const chosen = Math.min(wanted, Math.max(mins[index]!, total - fixed - movableMin));
  const shared = apportion(
    movableIdx.map((i) => plan[i]!),
    movableIdx.map((i) => mins[i]!),
    total - fixed - chosen,
  );
  next[index] = chosen;
  movableIdx.forEach((i, k) => {
    next[i] = shared[k]!;
  });
  return next;
}

/**
 * After a phase ended early or late: re-plan the remaining phases (seconds) so the meeting still
 * ends at its planned time; proportional to their current plan, never below minSeconds.
 * When even the minimums do not fit, every phase gets its minimum and the meeting runs late.
 */
export function rebalance(remaining: { plannedSeconds: number; minSeconds: number }[], availableSeconds: number): number[] {
  // Whole minutes read better on a plan ("12 min", not "11:47"), so use them when they fit exactly.
  const available = Math.max(0, Math.round(availableSeconds));
  const minMinutes = remaining.map((r) => Math.ceil(Math.max(0, r.minSeconds) / 60));
  if (available % 60 === 0 && minMinutes.reduce((a, b) => a + b, 0) * 60 <= available) {
    return apportion(
      remaining.map((r) => r.plannedSeconds),
      minMinutes,
      available / 60,
    ).map((m) => m * 60);
  }
  return apportion(
    remaining.map((r) => r.plannedSeconds),
    remaining.map((r) => r.minSeconds),
    availableSeconds,
  );
}

/**
 * Where a short break fits best in a long meeting: after the phase whose end lies closest to
 * halfway (earlier boundary on a tie), never after the last phase. Returns that phase's index,
 * or null when the plan is shorter than `fromMinutes` or has fewer than two phases.
 */
export function breakAfter(planSeconds: readonly number[], fromMinutes = 120): number | null {
  const total = planSeconds.reduce((a, b) => a + b, 0);
  if (planSeconds.length < 2 || total < fromMinutes * 60) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  let end = 0;
  for (let i = 0; i < planSeconds.length - 1; i++) {
    end += planSeconds[i]!;
    const distance = Math.abs(end - total / 2);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
