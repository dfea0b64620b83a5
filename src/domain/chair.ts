// Who chairs: the member agreed last time, otherwise rotation (least often, then longest ago).

export interface ChairHistory {
  chairId: string;
  startedAt: string;
}

export interface ChairCandidate {
  id: string;
  name: string;
}

export function suggestChair(o: {
  candidates: readonly ChairCandidate[];
  agreedChairId: string | null;
  history: readonly ChairHistory[];
  /** Not suggested (e.g. today's chair when agreeing on the next one). */
  exclude?: readonly string[];
}): string | null {
  const pool = o.candidates.filter((c) => !(o.exclude ?? []).includes(c.id));
  if (o.agreedChairId && pool.some((c) => c.id === o.agreedChairId)) return o.agreedChairId;
  if (pool.length === 0) return null;
  const stats = new Map(pool.map((c) => [c.id, { count: 0, last: '' }]));
  for (const h of o.history) {
    const s = stats.get(h.chairId);
    if (!s) continue;
    s.count += 1;
    if (h.startedAt > s.last) s.last = h.startedAt;
  }
  const sorted = [...pool].sort((a, b) => {
    const x = stats.get(a.id)!;
    const y = stats.get(b.id)!;
    return x.count - y.count || (x.last < y.last ? -1 : x.last > y.last ? 1 : 0) || a.name.localeCompare(b.name, 'nl');
  });
  return sorted[0]!.id;
}
