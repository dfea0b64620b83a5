/**
 * Fair chair rotation for a series of planned meetings.
 *
 * Within the plan every member chairs about equally often: at every point in the plan
 * the chair counts of members who were available each time differ by at most one.
 * Nobody chairs twice in a row when anyone else can, also not right after the last
 * meeting they chaired in the past. The group's past only decides the order of the
 * first round (who chaired least, and longest ago, goes first); it does not make a
 * member who chaired often in the past skip turns in the plan, so the plan itself stays
 * evenly spread.
 */
export interface RotationInput {
  /** Current members, in a stable order (used only to break the last ties). */
  members: readonly string[];
  /** Chairs of meetings already held or already fixed, oldest first. */
  pastChairs: readonly string[];
  /** One entry per meeting to plan: members who said they will be absent. */
  slots: readonly { absent?: readonly string[] }[];
}

export function rotateChairs(input: RotationInput): (string | null)[] {
  const members = [...new Set(input.members)];
  const pastCount = new Map<string, number>(members.map((m) => [m, 0]));
  // Position of the last time someone chaired: -1 means never (goes first).
  const lastAt = new Map<string, number>(members.map((m) => [m, -1]));
  input.pastChairs.forEach((id, i) => {
    if (!pastCount.has(id)) return;
    pastCount.set(id, pastCount.get(id)! + 1);
    lastAt.set(id, i);
  });
  const order = new Map(members.map((m, i) => [m, i]));
  const planCount = new Map<string, number>(members.map((m) => [m, 0]));
  let previous: string | null = input.pastChairs.length > 0 ? input.pastChairs[input.pastChairs.length - 1]! : null;
  let position = input.pastChairs.length;

  return input.slots.map((slot) => {
    const absent = new Set(slot.absent ?? []);
    const available = members.filter((m) => !absent.has(m));
    const notAgain = available.filter((m) => m !== previous);
    const pool = notAgain.length > 0 ? notAgain : available;
    if (pool.length === 0) {
      position++;
      return null;
    }
    const chair = pool.reduce((best, m) => (before(m, best) ? m : best));
    planCount.set(chair, planCount.get(chair)! + 1);
    lastAt.set(chair, position);
    previous = chair;
    position++;
    return chair;
  });

  function before(a: string, b: string): boolean {
    const keys = (m: string) => [planCount.get(m)!, pastCount.get(m)!, lastAt.get(m)!, order.get(m)!];
    const ka = keys(a);
    const kb = keys(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
    return false;
  }
}
