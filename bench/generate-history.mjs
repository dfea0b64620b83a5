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
// With `content` (default on) every held meeting also gets what a live meeting writes:
// check-in notes, the case's title and work question with EGT scores, five phase runs and
// the notes of those phases, an action point. Off gives the bare rows the hours need.

import { deferListTriggers } from '../dist/store/meeting-lists.js';
import { prng } from './lib/prng.mjs';

const FIRST = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Fatima', 'Gert', 'Hanna', 'Ivo', 'Jasmijn', 'Kees', 'Lotte', 'Mehmet', 'Noor', 'Pieter', 'Rosa'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Yilmaz', 'El Amrani', 'van Dijk'];
const METHODS = ['5-stappen', '3-stoelen', 'incident', 'balint'];
const WORDS = (
  'cliënt gesprek team grens collega leidinggevende ouder afspraak gevoel twijfel druk ruimte ' +
  'verwachting rol keuze spanning vertrouwen overdracht dossier zorg weerstand signaal patroon ' +
  'vraag houding verantwoordelijkheid tijd contact aandacht conflict begeleiding feedback'
).split(' ');
// The phases of the 5-stappen method as the meeting records them: id, planned seconds, note fields.
const PHASES = [
  ['inbreng', 900, ['werkvraag']],
  ['analyse', 1500, ['vragen', 'vragen', 'vragen']],
  ['bewustwording', 900, ['herformulering', 'eigen-aandeel']],
  ['advies', 1200, ['advies']],
  ['evaluatie', 600, ['proces', 'resultaat']],
];

/**
 * @param {import('better-sqlite3').Database} db  an open database with the intervisie schema
 * @param {{ groups?: number, years?: number, meetingsPerYear?: number, minMembers?: number, maxMembers?: number, seed?: number, end?: string, device?: string, content?: boolean }} [o]
 * @returns {{ groups: number, members: number, meetings: number, attendance: number, cases: number, phaseRuns: number, notes: number }}
 */
export function generateHistory(db, o = {}) {
  const groups = o.groups ?? 100;
  const years = o.years ?? 10;
  const perYear = o.meetingsPerYear ?? 20;
  const minMembers = o.minMembers ?? 5;
  const maxMembers = o.maxMembers ?? 10;
  const rnd = prng(o.seed ?? 42);
  const device = o.device ?? 'bench-device';
  const content = o.content ?? true;
  const sentence = (min, max) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const w = Array.from({ length: n }, () => pick(WORDS));
    return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
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
    `INSERT INTO attendance (id, meeting_id, member_id, present, checkin, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCase = db.prepare(
    `INSERT INTO cases (id, group_id, owner_id, title, question, est_e, est_g, est_t, status, meeting_id, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'discussed', ?, ?, ?, ?)`,
  );
  const insMeetingCase = db.prepare(
    `INSERT INTO meeting_cases (id, meeting_id, case_id, e, g, t, rank, chosen, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?)`,
  );
  const insEgt = db.prepare(
    `INSERT INTO egt_scores (id, meeting_id, case_id, scorer_id, e, g, t, created_at, updated_at, device_id)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  const insPhase = db.prepare(
    `INSERT INTO phase_runs (id, meeting_id, case_id, ordinal, phase_id, planned_seconds, started_at, ended_at, actual_seconds,
                             overtime_seconds, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insNote = db.prepare(
    `INSERT INTO notes (id, meeting_id, phase_run_id, field, member_id, ordinal, text, rating, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insAction = db.prepare(
    `INSERT INTO action_points (id, group_id, meeting_id, owner_id, text, status, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, 'done', ?, ?, ?)`,
  );

  const totals = { groups, members: 0, meetings: 0, attendance: 0, cases: 0, phaseRuns: 0, notes: 0 };
  db.transaction(() => {
    // As a big import does: each meeting's lists (migration 004) set once, not per attendance row.
    const lists = deferListTriggers(db);
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
        lists.touch(meetingId);
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
          const here = presentSet.has(m);
          insAttendance.run(uuid(), meetingId, m, here ? 1 : 0, content && here ? sentence(4, 14) : null, stamp, stamp, device);
          totals.attendance++;
        }
        if (!aborted) {
          const owner = pick(present);
          const caseId = uuid();
          const score = () => 1 + Math.floor(rnd() * 5);
          const [e, g, t] = [score(), score(), score()];
          insCase.run(caseId, groupId, owner, content ? sentence(3, 7) : null, content ? sentence(10, 25) : null, content ? e : null, content ? g : null, content ? t : null, meetingId, stamp, stamp, device);
          totals.cases++;
          if (content) {
            insMeetingCase.run(uuid(), meetingId, caseId, e, g, t, stamp, stamp, device);
            insEgt.run(uuid(), meetingId, caseId, e, g, t, stamp, stamp, device);
            let at = start + 10 * 60_000;
            PHASES.forEach(([phase, plannedSeconds, fields], ordinal) => {
              const actual = Math.round(plannedSeconds * (0.8 + rnd() * 0.4));
              const runId = uuid();
              insPhase.run(runId, meetingId, caseId, ordinal, phase, plannedSeconds, new Date(at).toISOString(), new Date(at + actual * 1000).toISOString(), actual, Math.max(0, actual - plannedSeconds), stamp, stamp, device);
              totals.phaseRuns++;
              at += actual * 1000;
              fields.forEach((field, n) => {
                const rating = phase === 'evaluatie' ? score() : null;
                const by = phase === 'advies' || phase === 'evaluatie' ? pick(present) : null;
                insNote.run(uuid(), meetingId, runId, field, by, n, sentence(6, 30), rating, stamp, stamp, device);
                totals.notes++;
              });
            });
            insAction.run(uuid(), groupId, meetingId, owner, sentence(5, 12), stamp, stamp, device);
          }
        }
      }
    }
    lists.finish();
  })();
  return totals;
}
