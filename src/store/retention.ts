import { parseRetention, retentionCutoff } from '../domain/retention.js';
import { countContent, purgeContent, scrubFile, scrubPending, total, type PurgeCounts } from './purge.js';
import type { Store } from './store.js';

export interface RetentionResult {
  /** Group names whose old case content was removed now. */
  groups: string[];
  counts: PurgeCounts;
}

/**
 * Remove case content past each group's retention. Runs whenever the store is opened for
 * writing, so it must be cheap: one query on the (tiny) groups table when nobody set a
 * retention, and count queries before any write otherwise.
 */
export function applyRetention(store: Store): RetentionResult | null {
  const groups = store.db.prepare('SELECT id, name, keep_cases FROM groups WHERE keep_cases IS NOT NULL').all() as {
    id: string;
    name: string;
    keep_cases: string;
  }[];
  if (scrubPending(store)) scrubFile(store);
  if (groups.length === 0) return null;
  const now = store.clock.now();
  const done: RetentionResult = { groups: [], counts: {} };
  for (const g of groups) {
    const r = parseRetention(g.keep_cases);
    if (!r) continue;
    const scope = { kind: 'before', cutoff: retentionCutoff(r, now).toISOString(), groupId: g.id } as const;
    if (total(countContent(store, scope)) === 0) continue;
    const { counts } = purgeContent(store, scope);
    done.groups.push(g.name);
    for (const [k, v] of Object.entries(counts)) done.counts[k] = (done.counts[k] ?? 0) + v;
  }
  return done.groups.length ? done : null;
}
