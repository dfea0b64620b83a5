import { FakeClock } from '../../src/clock.js';
import { createGroup, listMembers } from '../../src/store/groups.js';
import { Store } from '../../src/store/store.js';

// Meetings written straight into the tables, the way the live `intervisie start` leaves
// them: for report tests that need exact times, statuses and confidential content.

export const SECRET = 'GEHEIM-casus-7f3a';

export interface SeededGroup {
  groupId: string;
  ids: Record<string, string>;
}

export function openStore(db: string, clock = new FakeClock('2026-11-24T12:00:00Z')): Store {
  return Store.open(db, clock);
}

export function seedGroup(store: Store, name: string, members: string[], minSize = 4): SeededGroup {
  const g = createGroup(store, { name, members, minSize, minutes: 120, method: '5-stappen' });
  const ids = Object.fromEntries(listMembers(store, g.id).map((m) => [m.name, m.id]));
  return { groupId: g.id, ids };
}

export interface SeedMeeting {
  start: string;
  end: string | null;
  pausedSeconds?: number;
  status?: 'running' | 'completed' | 'aborted';
  counted?: boolean;
  source?: 'live' | 'logged';
  planned?: number;
  chair?: string | null;
  method?: string | null;
  present: string[];
  absent?: string[];
  caseOwner?: string;
  place?: string | null;
  topic?: string | null;
  /** Put this text in every confidential column the meeting has. */
  content?: string;
  /** The meeting's id (default: a new UUID), e.g. an odd one as an imported bundle may bring. */
  id?: string;
}

export function seedMeeting(store: Store, g: SeededGroup, m: SeedMeeting): string {
  const id = m.id ?? store.newId();
  const s = store.stamp();
  const member = (name: string) => {
    const found = g.ids[name];
    if (!found) throw new Error(`no member ${name}`);
    return found;
  };
  store.tx(() => {
    store.db
      .prepare(
        `INSERT INTO meetings (id, group_id, status, source, counted, chair_id, method_id, planned_minutes, started_at, ended_at,
                               paused_seconds, place, topic, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        g.groupId,
        m.status ?? 'completed',
        m.source ?? 'live',
        m.counted === false ? 0 : 1,
        m.chair ? member(m.chair) : null,
        m.method === undefined ? '5-stappen' : m.method,
        m.planned ?? 120,
        m.start,
        m.end,
        m.pausedSeconds ?? 0,
        m.place ?? null,
        m.topic ?? null,
        s.created_at,
        s.updated_at,
        s.device_id,
      );
    const att = store.db.prepare(
      'INSERT INTO attendance (id, meeting_id, member_id, present, checkin, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const name of m.present) att.run(store.newId(), id, member(name), 1, m.content ?? null, s.created_at, s.updated_at, s.device_id);
    for (const name of m.absent ?? []) att.run(store.newId(), id, member(name), 0, null, s.created_at, s.updated_at, s.device_id);
    if (m.caseOwner) {
      store.db
        .prepare(
          `INSERT INTO cases (id, group_id, owner_id, title, question, status, meeting_id, created_at, updated_at, device_id)
           VALUES (?, ?, ?, ?, ?, 'discussed', ?, ?, ?, ?)`,
        )
        .run(store.newId(), g.groupId, member(m.caseOwner), m.content ?? null, m.content ?? null, id, s.created_at, s.updated_at, s.device_id);
    }
    if (m.content) {
      store.db
        .prepare(`INSERT INTO notes (id, meeting_id, field, text, created_at, updated_at, device_id) VALUES (?, ?, 'evaluation.result', ?, ?, ?, ?)`)
        .run(store.newId(), id, m.content, s.created_at, s.updated_at, s.device_id);
      store.db
        .prepare(`INSERT INTO action_points (id, group_id, meeting_id, text, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(store.newId(), g.groupId, id, m.content, s.created_at, s.updated_at, s.device_id);
    }
  });
  return id;
}
