// Time to import a bundle of many meetings into an empty database, and to import it again.
// Usage: node bench/sync-import.bench.mjs [meetings]   (needs `npm run build` first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '../dist/clock.js';
import { Store } from '../dist/store/store.js';
import { buildBundle } from '../dist/store/bundle-export.js';
import { decodeBundle, encodePlain } from '../dist/store/bundle-file.js';
import { importBundles } from '../dist/store/bundle-import.js';

const MEETINGS = Number(process.argv[2] ?? 10_000);
const MEMBERS = 6;
const dir = mkdtempSync(join(tmpdir(), 'intervisie-bench-'));
const clock = new FakeClock('2020-01-06T18:00:00Z');

function seed(store) {
  const db = store.db;
  const s = store.stamp();
  const st = [s.created_at, s.updated_at, s.device_id];
  const gid = store.newId();
  store.tx(() => {
    db.prepare(`INSERT INTO groups (id, name, name_key, created_at, updated_at, device_id) VALUES (?, 'Bench', 'bench', ?, ?, ?)`).run(gid, ...st);
    const members = Array.from({ length: MEMBERS }, (_, i) => {
      const id = store.newId();
      db.prepare(`INSERT INTO members (id, group_id, name, name_key, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, gid, `Lid ${i}`, `lid ${i}`, ...st);
      return id;
    });
    const ins = {
      meeting: db.prepare(`INSERT INTO meetings (id, group_id, status, chair_id, method_id, planned_minutes, started_at, ended_at, created_at, updated_at, device_id) VALUES (?, ?, 'completed', ?, '5-stappen', 120, ?, ?, ?, ?, ?)`),
      att: db.prepare(`INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id) VALUES (?, ?, ?, 1, ?, ?, ?)`),
      kase: db.prepare(`INSERT INTO cases (id, group_id, owner_id, title, status, meeting_id, created_at, updated_at, device_id) VALUES (?, ?, ?, 'titel', 'discussed', ?, ?, ?, ?)`),
      mc: db.prepare(`INSERT INTO meeting_cases (id, meeting_id, case_id, e, g, t, rank, chosen, created_at, updated_at, device_id) VALUES (?, ?, ?, 4, 3, 2, 1, 1, ?, ?, ?)`),
      egt: db.prepare(`INSERT INTO egt_scores (id, meeting_id, case_id, scorer_id, e, g, t, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, 4, 3, 2, ?, ?, ?)`),
      phase: db.prepare(`INSERT INTO phase_runs (id, meeting_id, case_id, ordinal, phase_id, planned_seconds, actual_seconds, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, 'fase', 900, 930, ?, ?, ?)`),
      ap: db.prepare(`INSERT INTO action_points (id, group_id, meeting_id, owner_id, text, status, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, 'actie', 'open', ?, ?, ?)`),
    };
    for (let m = 0; m < MEETINGS; m++) {
      const id = store.newId();
      const start = new Date(Date.UTC(2000, 0, 1) + m * 3_600_000 * 24);
      ins.meeting.run(id, gid, members[m % MEMBERS], start.toISOString(), new Date(start.getTime() + 7_200_000).toISOString(), ...st);
      for (const mem of members) ins.att.run(store.newId(), id, mem, ...st);
      const cid = store.newId();
      ins.kase.run(cid, gid, members[(m + 1) % MEMBERS], id, ...st);
      ins.mc.run(store.newId(), id, cid, ...st);
      for (const mem of members) ins.egt.run(store.newId(), id, cid, mem, ...st);
      for (let p = 1; p <= 5; p++) ins.phase.run(store.newId(), id, cid, p, ...st);
      ins.ap.run(store.newId(), gid, id, members[m % MEMBERS], ...st);
    }
  });
  return gid;
}

const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;
try {
  const source = Store.open(join(dir, 'source.db'), clock);
  const gid = seed(source);
  let t0 = performance.now();
  const text = encodePlain(buildBundle(source, { groupId: gid, withCases: false, appVersion: 'bench' }));
  console.log(`export ${MEETINGS} meetings: ${ms(t0)}, ${(text.length / 1e6).toFixed(1)} MB`);
  source.close();

  t0 = performance.now();
  const bundle = await decodeBundle(text, 'bench.json', { passphrase: async () => '' });
  const rows = Object.values(bundle.data).reduce((n, r) => n + r.length, 0);
  console.log(`read + verify + validate (${rows} rows): ${ms(t0)}`);

  const target = Store.open(join(dir, 'target.db'), clock);
  t0 = performance.now();
  const first = importBundles(target, [bundle], { links: [], dryRun: false });
  console.log(`first import: ${ms(t0)} (${first.meetingsAdded} meetings added)`);
  t0 = performance.now();
  const again = importBundles(target, [bundle], { links: [], dryRun: false });
  console.log(`re-import: ${ms(t0)} (${again.meetingsUnchanged} unchanged)`);
  target.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
