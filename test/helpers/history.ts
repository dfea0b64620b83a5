import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * Write meeting history straight into a database, the way `intervisie start` records it,
 * for tests of what is read between meetings (next, plan, group stats).
 */
export class History {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
  }

  close(): void {
    this.db.close();
  }

  groupId(): string {
    return (this.db.prepare('SELECT id FROM groups ORDER BY created_at LIMIT 1').get() as { id: string }).id;
  }

  memberId(name: string): string {
    return (this.db.prepare('SELECT id FROM members WHERE name = ?').get(name) as { id: string }).id;
  }

  private stamp(at: string) {
    return { created_at: at, updated_at: at, device_id: 'test' };
  }

  /** A completed meeting of 120 minutes; returns its id. */
  meeting(o: { startedAt: string; chair: string; present: string[]; absent?: string[]; caseOf?: string; caseTitle?: string; status?: 'completed' | 'running' }): string {
    const id = randomUUID();
    const s = this.stamp(o.startedAt);
    const ended = o.status === 'running' ? null : new Date(Date.parse(o.startedAt) + 120 * 60_000).toISOString();
    this.db
      .prepare(
        `INSERT INTO meetings (id, group_id, status, chair_id, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, 120, ?, ?, ?, ?, ?)`,
      )
      .run(id, this.groupId(), o.status ?? 'completed', this.memberId(o.chair), o.startedAt, ended, s.created_at, s.updated_at, s.device_id);
    const att = this.db.prepare(
      'INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const n of o.present) att.run(randomUUID(), id, this.memberId(n), 1, s.created_at, s.updated_at, s.device_id);
    for (const n of o.absent ?? []) att.run(randomUUID(), id, this.memberId(n), 0, s.created_at, s.updated_at, s.device_id);
    if (o.caseOf) {
      this.db
        .prepare(
          `INSERT INTO cases (id, group_id, owner_id, title, status, meeting_id, created_at, updated_at, device_id)
           VALUES (?, ?, ?, ?, 'discussed', ?, ?, ?, ?)`,
        )
        .run(randomUUID(), this.groupId(), this.memberId(o.caseOf), o.caseTitle ?? 'Een casus', id, s.created_at, s.updated_at, s.device_id);
    }
    return id;
  }

  actionPoint(o: { meetingId: string; owner: string; text: string; due?: string; at: string }): void {
    const s = this.stamp(o.at);
    this.db
      .prepare(
        `INSERT INTO action_points (id, group_id, meeting_id, owner_id, text, due_date, status, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(randomUUID(), this.groupId(), o.meetingId, this.memberId(o.owner), o.text, o.due ?? null, s.created_at, s.updated_at, s.device_id);
  }

  /** What the group agreed at the end of a meeting about the next one. */
  agreed(o: { meetingId: string; scheduledAt: string; chair: string; caseOwners: string[]; at: string }): void {
    const s = this.stamp(o.at);
    this.db
      .prepare(
        `INSERT INTO planned_meetings (id, group_id, scheduled_at, minutes, chair_id, case_owner_ids, source, agreed_in, created_at, updated_at, device_id)
         VALUES (?, ?, ?, 120, ?, ?, 'agreed', ?, ?, ?, ?)`,
      )
      .run(
        randomUUID(),
        this.groupId(),
        o.scheduledAt,
        this.memberId(o.chair),
        JSON.stringify(o.caseOwners.map((n) => this.memberId(n))),
        o.meetingId,
        s.created_at,
        s.updated_at,
        s.device_id,
      );
  }
}
