import type { MethodUse } from '../domain/method-suggest.js';
import type { Store } from './store.js';

/** The group's past meetings that used a method, newest first (a running meeting is not past). */
export function recentMethodUses(store: Store, groupId: string, limit = 10): MethodUse[] {
  const rows = store.db
    .prepare(
      `SELECT method_id, started_at FROM meetings
       WHERE group_id = ? AND method_id IS NOT NULL AND status <> 'running'
       ORDER BY started_at DESC LIMIT ?`,
    )
    .all(groupId, limit) as { method_id: string; started_at: string }[];
  return rows.map((r) => ({ methodId: r.method_id, startedAt: r.started_at }));
}

/** Meetings the group held, by the shared hours rule (completed, or aborted but counted). */
export function heldMeetingCount(store: Store, groupId: string): number {
  const row = store.db
    .prepare(
      `SELECT COUNT(*) AS n FROM meetings
       WHERE group_id = ? AND (status = 'completed' OR (status = 'aborted' AND counted = 1))`,
    )
    .get(groupId) as { n: number };
  return row.n;
}
