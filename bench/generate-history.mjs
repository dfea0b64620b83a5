// A large, deterministic synthetic history for speed measurements of `intervisie report`
// (and anything else that reads many meetings). Writes straight into an open, migrated
// better-sqlite3 database in one transaction.
//
//   import { Store } from '../dist/store/store.js';
//   import { generateHistory } from './generate-history.mjs';
//   const store = Store.open(path, clock); generateHistory(store.db); store.close();
//
// Defaults: 100 groups × 10 years × 20 meetings = 20,000 meetings, 5–10 members per group
// (≈ 150,000 attendance rows), one discussed case per held meeting, a few aborted ones.

/** Small seeded PRNG (mulberry32): the same seed gives the same history. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Fatima', 'Gert', 'Hanna', 'Ivo', 'Jasmijn', 'Kees', 'Lotte', 'Mehmet', 'Noor', 'Pieter', 'Rosa'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Yilmaz', 'El Amrani', 'van Dijk'];
const METHODS = ['5-stappen', '3-stoelen', 'incident', 'balint'];

/**
 * @param {import('better-sqlite3').Database} db  an open database with the intervisie schema
 * @param {{ groups?: number, years?: number, meetingsPerYear?: number, minMembers?: number, maxMembers?: number, seed?: number, end?: string, device?: string }} [o]
 * @returns {{ groups: number, members: number, meetings: number, attendance: number, cases: number }}
 */
export function generateHistory(db, o = {}) {
  const groups = o.groups ?? 100;
  const years = o.years ?? 10;
  const perYear = o.meetingsPerYear ?? 20;
  const minMembers = o.minMembers ?? 5;
  const maxMembers = o.maxMembers ?? 10;
  const rnd = prng(o.seed ?? 42);
  const device = o.device ?? 'bench-device';
  const endMs = Date.parse(o.end ?? '2026-11-01T00:00:00Z');
  const startMs = endMs - years * 365.25 * 86_400_000;
  let counter = 0;
  const uuid = () => {
    counter++;
    const hex = (n, len) => n.toString(16).padStart(len, '0').slice(-len);
    const r = () => Math.floor(rnd() * 0x10000);
    return `${hex(r(), 4)}${hex(r(), 4)}-${hex(r(), 4)}-4${hex(r(), 3)}-a${hex(r(), 3)}-${hex(counter, 12)}`;
  };
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const stamp = new Date(endMs).toISOString();

  const insGroup = db.prepare(
    `INSERT INTO groups (id, name, name_key, min_size, default_minutes, default_method, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, 120, '5-stappen', ?, ?, ?)`,
  );
  const insMember = db.prepare(
    `INSERT INTO members (id, group_id, name, name_key, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMeeting = db.prepare(
    `INSERT INTO meetings (id, group_id, status, source, counted, chair_id, method_id, planned_minutes, started_at, ended_at,
                           paused_seconds, place, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAttendance = db.prepare(
    `INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCase = db.prepare(
    `INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id)
     VALUES (?, ?, ?, 'discussed', ?, ?, ?, ?)`,
  );

  const totals = { groups, members: 0, meetings: 0, attendance: 0, cases: 0 };
  db.transaction(() => {
    for (let g = 0; g < groups; g++) {
      const groupId = uuid();
      const name = `Groep ${String(g + 1).padStart(3, '0')}`;
      insGroup.run(groupId, name, name.toLowerCase(), 4, stamp, stamp, device);
      const size = minMembers + Math.floor(rnd() * (maxMembers - minMembers + 1));
      const members = [];
      const used = new Set();
      while (members.length < size) {
        const person = `${pick(FIRST)} ${pick(LAST)}`;
        if (used.has(person)) continue;
        used.add(person);
        const id = uuid();
        insMember.run(id, groupId, person, person.toLowerCase(), stamp, stamp, device);
        members.push(id);
      }
      totals.members += size;
      const count = years * perYear;
      const step = (endMs - startMs) / count;
      for (let i = 0; i < count; i++) {
        // Evenings at 19:00 or 19:30 local-ish (UTC 17:00/17:30 or 18:00/18:30), spread over the years.
        const day = Math.floor((startMs + i * step + rnd() * step * 0.8) / 86_400_000) * 86_400_000;
        const start = day + (17 + Math.floor(rnd() * 2)) * 3_600_000 + (rnd() < 0.5 ? 0 : 1_800_000);
        const planned = rnd() < 0.6 ? 120 : 90;
        const actual = planned - 15 + Math.floor(rnd() * 40);
        const paused = rnd() < 0.3 ? 60 * (5 + Math.floor(rnd() * 10)) : 0;
        const aborted = rnd() < 0.02;
        const present = members.filter(() => rnd() < 0.85);
        if (present.length === 0) present.push(members[0]);
        const chair = rnd() < 0.95 ? pick(present) : null;
        const meetingId = uuid();
        insMeeting.run(
          meetingId,
          groupId,
          aborted ? 'aborted' : 'completed',
          rnd() < 0.1 ? 'logged' : 'live',
          aborted && rnd() < 0.5 ? 0 : 1,
          chair,
          rnd() < 0.97 ? pick(METHODS) : null,
          planned,
          new Date(start).toISOString(),
          new Date(start + actual * 60_000).toISOString(),
          paused,
          rnd() < 0.5 ? 'Utrecht' : null,
          stamp,
          stamp,
          device,
        );
        totals.meetings++;
        const presentSet = new Set(present);
        for (const m of members) {
          insAttendance.run(uuid(), meetingId, m, presentSet.has(m) ? 1 : 0, stamp, stamp, device);
          totals.attendance++;
        }
        if (!aborted) {
          insCase.run(uuid(), groupId, pick(present), meetingId, stamp, stamp, device);
          totals.cases++;
        }
      }
    }
  })();
  return totals;
}
