import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import { subYears } from 'date-fns/subYears';

/**
 * How long case content is kept: a number with d (days), m (months) or y (years),
 * or 'forever'. Stored as the normalised text ('90d', '6m', '1y'); NULL means forever.
 */
export interface Retention {
  amount: number;
  unit: 'd' | 'm' | 'y';
}

// Upper bounds keep date arithmetic sane; nobody needs more than a century.
const MAX: Record<Retention['unit'], number> = { d: 36_500, m: 1_200, y: 100 };

/** Parse '90d', '6m', '1y' (also with a space or long unit words); null for 'forever'; undefined when invalid. */
export function parseRetention(raw: string): Retention | null | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'forever' || s === 'altijd') return null;
  const m = /^(\d{1,6})\s*(d|dag|dagen|days?|m|mnd|maand|maanden|months?|y|j|jaar|jaren|years?)$/u.exec(s);
  if (!m) return undefined;
  const amount = Number.parseInt(m[1]!, 10);
  const word = m[2]!;
  const unit: Retention['unit'] = word.startsWith('d') ? 'd' : word.startsWith('m') ? 'm' : 'y';
  if (amount < 1 || amount > MAX[unit]) return undefined;
  return { amount, unit };
}

export function formatRetention(r: Retention): string {
  return `${r.amount}${r.unit}`;
}

/** Content from before this moment is past retention. */
export function retentionCutoff(r: Retention, now: Date): Date {
  if (r.unit === 'd') return subDays(now, r.amount);
  if (r.unit === 'm') return subMonths(now, r.amount);
  return subYears(now, r.amount);
}
