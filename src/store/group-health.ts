import type { HealthMeeting } from '../domain/group-health.js';
import type { Store } from './store.js';

/** Held meetings (the ones that count for hours) with who was present, who chaired, whose case was discussed. */
export function healthMeetings(store: Store, groupId: string): HealthMeeting[] {
  const meetings = store.db
    .prepare(
      `SELECT id, started_at, chair_id FROM meetings
       WHERE group_id = ? AND (status = 'completed' OR (status = 'aborted' AND counted = 1))
       ORDER BY started_at`,
    )
    .all(groupId) as { id: string; started_at: string; chair_id: string | null }[];
  const attendance = store.db.prepare('SELECT member_id, present FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL');
  const owners = store.db.prepare("SELECT DISTINCT owner_id FROM cases WHERE meeting_id = ? AND status = 'discussed'");
  return meetings.map((m) => {
    const rows = attendance.all(m.id) as { member_id: string; present: number }[];
    return {
    id: m.id,
    startedAt: m.started_at,
    chairId: m.chair_id,
    presentIds: rows.filter((r) => r.present === 1).map((r) => r.member_id),
    absentIds: rows.filter((r) => r.present !== 1).map((r) => r.member_id),
    caseOwnerIds: (owners.all(m.id) as { owner_id: string }[]).map((r) => r.owner_id),
    };
  });
}
