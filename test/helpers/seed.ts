import { randomUUID } from 'node:crypto';
import { FakeClock } from '../../src/clock.js';
import { createGroup, listMembers } from '../../src/store/groups.js';
import { Store } from '../../src/store/store.js';

export interface SeededMeeting {
  meetingId: string;
  caseIds: string[];
}

/**
 * Write a finished meeting with case content straight into the store, the way the meeting
 * flow records it: attendance with check-ins, two cases, EGT scores, phase runs, notes and
 * action points. Every content text contains `marker`, so tests can look for it in raw bytes.
 */
export function seedMeeting(
  store: Store,
  groupId: string,
  o: { startedAt: string; marker: string; status?: 'completed' | 'running' | 'aborted'; minutes?: number },
): SeededMeeting {
  const members = listMembers(store, groupId);
  const s = store.stamp();
  const st = [s.created_at, s.updated_at, s.device_id] as const;
  const meetingId = randomUUID();
  const started = new Date(o.startedAt);
  const ended = new Date(started.getTime() + (o.minutes ?? 120) * 60_000).toISOString();
  const status = o.status ?? 'completed';
  const caseIds: string[] = [];
  store.tx(() => {
    const db = store.db;
    db.prepare(
      `INSERT INTO meetings (id, group_id, status, chair_id, method_id, planned_minutes, started_at, ended_at, step, step_state, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, '5-stappen', 120, ?, ?, 'advice', ?, ?, ?, ?)`,
    ).run(meetingId, groupId, status, members[0]!.id, started.toISOString(), status === 'running' ? null : ended, JSON.stringify({ draft: `${o.marker} half getypt` }), ...st);
    for (const [i, m] of members.entries()) {
      db.prepare(
        'INSERT INTO attendance (id, meeting_id, member_id, present, checkin, created_at, updated_at, device_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
      ).run(randomUUID(), meetingId, m.id, `${o.marker} check-in ${i} slecht geslapen`, ...st);
    }
    for (const [i, owner] of members.slice(0, 2).entries()) {
      const caseId = randomUUID();
      caseIds.push(caseId);
      db.prepare(
        `INSERT INTO cases (id, group_id, owner_id, title, question, est_e, est_g, est_t, status, meeting_id, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, 4, 3, 2, ?, ?, ?, ?, ?)`,
      ).run(caseId, groupId, owner.id, `${o.marker} casus ${i} over cliënt X`, `${o.marker} hoe ga ik om met ${i}?`, i === 0 ? 'discussed' : 'candidate', meetingId, ...st);
      db.prepare(
        'INSERT INTO meeting_cases (id, meeting_id, case_id, e, g, t, rank, chosen, created_at, updated_at, device_id) VALUES (?, ?, ?, 4, 3, 2, ?, ?, ?, ?, ?)',
      ).run(randomUUID(), meetingId, caseId, i + 1, i === 0 ? 1 : null, ...st);
      db.prepare(
        'INSERT INTO egt_scores (id, meeting_id, case_id, scorer_id, e, g, t, created_at, updated_at, device_id) VALUES (?, ?, ?, NULL, 4, 3, 2, ?, ?, ?)',
      ).run(randomUUID(), meetingId, caseId, ...st);
    }
    const phaseId = randomUUID();
    db.prepare(
      `INSERT INTO phase_runs (id, meeting_id, case_id, ordinal, phase_id, planned_seconds, started_at, ended_at, actual_seconds, created_at, updated_at, device_id)
       VALUES (?, ?, ?, 1, 'advies', 900, ?, ?, 900, ?, ?, ?)`,
    ).run(phaseId, meetingId, caseIds[0], started.toISOString(), ended, ...st);
    for (const [i, m] of members.entries()) {
      db.prepare(
        'INSERT INTO notes (id, meeting_id, phase_run_id, field, member_id, ordinal, text, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(randomUUID(), meetingId, phaseId, 'advice', m.id, i, `${o.marker} advies ${i}: ${'vertrouwelijk '.repeat(20)}`, ...st);
    }
    db.prepare(
      "INSERT INTO action_points (id, group_id, meeting_id, owner_id, text, status, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)",
    ).run(randomUUID(), groupId, meetingId, members[1]!.id, `${o.marker} bel de leidinggevende`, ...st);
    db.prepare(
      "INSERT INTO edits (id, table_name, row_id, field, old_value, new_value, reason, edited_at, device_id) VALUES (?, 'cases', ?, 'title', ?, ?, 'typo', ?, ?)",
    ).run(randomUUID(), caseIds[0], `${o.marker} oude titel`, `${o.marker} nieuwe titel`, s.created_at, s.device_id);
  });
  return { meetingId, caseIds };
}

/** A database with one group of four and the given meetings; returns ids for assertions. */
export function seedDb(path: string, meetings: { startedAt: string; marker: string; status?: 'completed' | 'running' }[], now = '2026-11-24T12:00:00Z') {
  const store = Store.open(path, new FakeClock(now));
  try {
    const group = createGroup(store, { name: 'Coaches Utrecht', members: ['Anna', 'Bram', 'Carla', 'Daan'], minSize: 3, minutes: 120, method: '5-stappen' });
    const seeded = meetings.map((m) => seedMeeting(store, group.id, m));
    return { groupId: group.id, meetings: seeded, members: listMembers(store, group.id) };
  } finally {
    store.close();
  }
}
