// EGT case choice: every candidate case gets E (Emotie), G (Gezamenlijke casuïstiek) and
// T (Tijdslimiet) scores of 1 to 5. Per-member scores are averaged per case; the chair may
// instead enter the group's agreed score, which then stands alone. A case's owner may
// abstain on their own case (they simply have no score for it).

export interface EgtScore {
  caseId: string;
  /** null: the group's agreed score, entered by the chair. */
  scorerId: string | null;
  e: number;
  g: number;
  t: number;
}

export interface EgtRanked {
  caseId: string;
  e: number | null;
  g: number | null;
  t: number | null;
  total: number | null;
  /** 1 is best; cases with equal totals share a rank (1, 1, 3). Unscored cases come last. */
  rank: number;
  scorers: number;
}

export const EGT_MIN = 1;
export const EGT_MAX = 5;

export function isEgtValue(n: number): boolean {
  return Number.isInteger(n) && n >= EGT_MIN && n <= EGT_MAX;
}

/** "4 3 2", "4,3,2" or "432" → [4, 3, 2]; null when it is not three scores of 1-5. */
export function parseEgtTriple(raw: string): [number, number, number] | null {
  const s = raw.trim();
  const parts = /^\d{3}$/.test(s) ? s.split('') : s.split(/[\s,;/]+/).filter(Boolean);
  if (parts.length !== 3 || !parts.every((p) => /^\d$/.test(p))) return null;
  const [e, g, t] = parts.map(Number) as [number, number, number];
  return isEgtValue(e) && isEgtValue(g) && isEgtValue(t) ? [e, g, t] : null;
}

interface Sums {
  e: number;
  g: number;
  t: number;
  n: number;
}

/**
 * Rank candidate cases. Sums stay integers and totals are compared as fractions, so the
 * outcome never depends on the order in which scores were given.
 */
export function rankCases(caseIds: readonly string[], scores: readonly EgtScore[]): EgtRanked[] {
  const sums = new Map<string, Sums>();
  for (const id of caseIds) {
    const agreed = scores.filter((s) => s.caseId === id && s.scorerId === null);
    const used = agreed.length > 0 ? agreed.slice(-1) : scores.filter((s) => s.caseId === id);
    sums.set(
      id,
      used.reduce((acc, s) => ({ e: acc.e + s.e, g: acc.g + s.g, t: acc.t + s.t, n: acc.n + 1 }), { e: 0, g: 0, t: 0, n: 0 }),
    );
  }
  const unique = [...new Set(caseIds)];
  // a/n > b/m  ⇔  a·m > b·n (both n, m > 0); unscored cases sort last.
  const cmp = (a: string, b: string): number => {
    const x = sums.get(a)!;
    const y = sums.get(b)!;
    if (x.n === 0 || y.n === 0) return (x.n === 0 ? 1 : 0) - (y.n === 0 ? 1 : 0);
    return (y.e + y.g + y.t) * x.n - (x.e + x.g + x.t) * y.n;
  };
  const ordered = [...unique].sort((a, b) => cmp(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: EgtRanked[] = [];
  ordered.forEach((id, i) => {
    const s = sums.get(id)!;
    const prev = out[i - 1];
    const rank = prev && cmp(ordered[i - 1]!, id) === 0 ? prev.rank : i + 1;
    const avg = (v: number) => (s.n === 0 ? null : v / s.n);
    out.push({
      caseId: id,
      e: avg(s.e),
      g: avg(s.g),
      t: avg(s.t),
      total: s.n === 0 ? null : (s.e + s.g + s.t) / s.n,
      rank,
      scorers: s.n,
    });
  });
  return out;
}

/** Cases sharing the best rank: more than one means the group has to decide. */
export function topCases(ranked: readonly EgtRanked[]): string[] {
  return ranked.filter((r) => r.rank === 1 && r.total !== null).map((r) => r.caseId);
}

/** A reason is asked when the choice is not the single clear winner. */
export function choiceNeedsReason(ranked: readonly EgtRanked[], chosen: string): boolean {
  const top = topCases(ranked);
  return !(top.length === 1 && top[0] === chosen);
}
