import { FakeClock } from '../../src/clock.js';
import { nameKey } from '../../src/domain/names.js';
import { Store } from '../../src/store/store.js';

// Writes meetings with every child row straight into a real database file, the way the
// meeting and log commands do, so bundle tests do not depend on those commands.

export const SECRET = 'GEHEIM-casus-7f3a';

export function openLaptop(path: string, start = '2026-01-05T18:00:00Z'): { store: Store; clock: FakeClock } {
  const clock = new FakeClock(start);
  return { store: Store.open(path, clock), clock };
}

export interface Seeded {
  groupId: string;
  memberIds: string[];
}

export function seedGroup(store: Store, name = 'Coaches Utrecht', members = ['Anna', 'Bram', 'Carla', 'Daan']): Seeded {
  return store.tx(() => {
    const groupId = store.newId();
    const s = store.stamp();
    store.db
      .prepare(
        `INSERT INTO groups (id, name, name_key, min_size, default_minutes, default_method, created_at, updated_at, device_id)
         VALUES (?, ?, ?, 3, 120, '5-stappen', ?, ?, ?)`,
      )
      .run(groupId, name, nameKey(name), s.created_at, s.updated_at, s.device_id);
    const memberIds = members.map((m) => {
      const id = store.newId();
      store.db
        .prepare(
          `INSERT INTO members (id, group_id, name, name_key, register, created_at, updated_at, device_id)
           VALUES (?, ?, ?, ?, 'nobco', ?, ?, ?)`,
        )
        .run(id, groupId, m, nameKey(m), s.created_at, s.updated_at, s.device_id);
      return id;
    });
    return { groupId, memberIds };
  });
}

export interface MeetingInput {
  startedAt: string;
  minutes?: number;
  /** Indexes into memberIds of who was present (default: everyone). */
  present?: number[];
  chair?: number;
  status?: 'completed' | 'aborted' | 'running';
  source?: 'live' | 'logged';
  /** Case content: a marker string lets tests check it never leaks. */
  secret?: string;
}

/** A whole meeting: attendance, a case with its ranking and scores, three phases, a pause, notes, an action point, a next date. */
export function recordMeeting(store: Store, g: Seeded, m: MeetingInput): string {
  return store.tx(() => {
    const db = store.db;
    const s = store.stamp();
    const stamps = [s.created_at, s.updated_at, s.device_id];
    const id = store.newId();
    const minutes = m.minutes ?? 120;
    const start = new Date(m.startedAt);
    const end = new Date(start.getTime() + (minutes + 5) * 60_000);
    const status = m.status ?? 'completed';
    const present = new Set(m.present ?? g.memberIds.map((_, i) => i));
    const chair = g.memberIds[m.chair ?? 0]!;
    const secret = m.secret ?? SECRET;
    db.prepare(
      `INSERT INTO meetings (id, group_id, status, source, counted, chair_id, method_id, planned_minutes, started_at, ended_at,
         paused_seconds, place, topic, step, step_state, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, 1, ?, '5-stappen', 120, ?, ?, 300, 'Utrecht', NULL, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      g.groupId,
      status,
      m.source ?? 'live',
      chair,
      start.toISOString(),
      status === 'running' ? null : end.toISOString(),
      status === 'running' ? 'phase' : null,
      status === 'running' ? JSON.stringify({ note: secret }) : null,
      ...stamps,
    );
    g.memberIds.forEach((memberId, i) => {
      db.prepare(
        `INSERT INTO attendance (id, meeting_id, member_id, present, checkin, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(store.newId(), id, memberId, present.has(i) ? 1 : 0, present.has(i) ? `check-in ${secret}` : null, ...stamps);
    });
    const caseId = store.newId();
    db.prepare(
      `INSERT INTO cases (id, group_id, owner_id, title, question, est_e, est_g, est_t, status, meeting_id, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, 4, 3, 2, 'discussed', ?, ?, ?, ?)`,
    ).run(caseId, g.groupId, g.memberIds[1]!, `titel ${secret}`, `vraag ${secret}`, id, ...stamps);
    db.prepare(
      `INSERT INTO meeting_cases (id, meeting_id, case_id, e, g, t, rank, chosen, created_at, updated_at, device_id)
       VALUES (?, ?, ?, 4.5, 3.25, 2, 1, 1, ?, ?, ?)`,
    ).run(store.newId(), id, caseId, ...stamps);
    db.prepare(
      `INSERT INTO egt_scores (id, meeting_id, case_id, scorer_id, e, g, t, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, 4, 3, 2, ?, ?, ?)`,
    ).run(store.newId(), id, caseId, g.memberIds[0]!, ...stamps);
    let firstPhase = '';
    ['intro', 'questions', 'advice'].forEach((phase, n) => {
      const pid = store.newId();
      if (n === 0) firstPhase = pid;
      db.prepare(
        `INSERT INTO phase_runs (id, meeting_id, case_id, ordinal, phase_id, planned_seconds, started_at, ended_at, actual_seconds, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, 900, ?, ?, 960, ?, ?, ?)`,
      ).run(pid, id, caseId, n + 1, phase, start.toISOString(), end.toISOString(), ...stamps);
    });
    db.prepare(
      `INSERT INTO pauses (id, meeting_id, phase_run_id, started_at, ended_at, reason, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, 'break', ?, ?, ?)`,
    ).run(store.newId(), id, firstPhase, start.toISOString(), new Date(start.getTime() + 300_000).toISOString(), ...stamps);
    db.prepare(
      `INSERT INTO notes (id, meeting_id, phase_run_id, field, member_id, ordinal, text, rating, created_at, updated_at, device_id)
       VALUES (?, ?, ?, 'advice', ?, 0, ?, 4, ?, ?, ?)`,
    ).run(store.newId(), id, firstPhase, g.memberIds[2]!, `advies ${secret}`, ...stamps);
    db.prepare(
      `INSERT INTO action_points (id, group_id, meeting_id, owner_id, text, due_date, status, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, '2026-12-01', 'open', ?, ?, ?)`,
    ).run(store.newId(), g.groupId, id, g.memberIds[1]!, `actie ${secret}`, ...stamps);
    db.prepare(
      `INSERT INTO planned_meetings (id, group_id, scheduled_at, minutes, chair_id, case_owner_ids, source, agreed_in, created_at, updated_at, device_id)
       VALUES (?, ?, ?, 120, ?, ?, 'agreed', ?, ?, ?, ?)`,
    ).run(store.newId(), g.groupId, new Date(start.getTime() + 28 * 86_400_000).toISOString(), chair, JSON.stringify([g.memberIds[2]]), id, ...stamps);
    return id;
  });
}

/** Change one column of a row the way `log --edit` does: new value, new stamp, a line in the edit history. */
export function editRow(store: Store, table: string, id: string, column: string, value: string | number | null): void {
  const s = store.stamp();
  store.tx(() => {
    const old = (store.db.prepare(`SELECT "${column}" AS v FROM "${table}" WHERE id = ?`).get(id) as { v: unknown }).v;
    store.db.prepare(`UPDATE "${table}" SET "${column}" = ?, updated_at = ?, device_id = ? WHERE id = ?`).run(value, s.updated_at, s.device_id, id);
    store.db
      .prepare(
        `INSERT INTO edits (id, table_name, row_id, field, old_value, new_value, reason, edited_by, edited_at, device_id)
         VALUES (?, ?, ?, ?, ?, ?, 'correctie', NULL, ?, ?)`,
      )
      .run(store.newId(), table, id, column, old === null ? null : String(old), value === null ? null : String(value), s.updated_at, s.device_id);
  });
}
