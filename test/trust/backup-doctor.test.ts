import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/migrations/index.js';
import { runCli } from '../helpers/cli.js';
import { queryRows } from '../helpers/db-dump.js';
import { seedDb } from '../helpers/seed.js';
import { tempDb, tempDir } from '../helpers/tmp.js';

describe('backup', () => {
  it('copies a consistent database, private, into a new private folder', () => {
    const db = tempDb();
    seedDb(db, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
    const r = runCli(['backup'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ Back-up gemaakt: .*backups\/intervisie-\d{8}-\d{6}\.db \(\d+,\d kB\)\.\n$/);
    const dir = join(dirname(db), 'backups');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const [file] = readdirSync(dir);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
    const copy = new Database(join(dir, file!), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(4);
    copy.close();
  });

  it('works while another connection holds a write transaction (a meeting in progress)', () => {
    const db = tempDb();
    seedDb(db, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
    const writer = new Database(db);
    writer.prepare('BEGIN IMMEDIATE').run();
    writer.prepare("INSERT INTO meta (key, value) VALUES ('uncommitted', 'x')").run();
    const target = join(tempDir(), 'nested', 'copy.db');
    const r = runCli(['backup', target], { db });
    writer.prepare('ROLLBACK').run();
    writer.close();
    expect(r.code).toBe(0);
    expect(statSync(dirname(target)).mode & 0o777).toBe(0o700);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare("SELECT value FROM meta WHERE key = 'uncommitted'").get()).toBeUndefined();
    copy.close();
  });

  it('refuses to overwrite a file and to back up nothing', () => {
    const db = tempDb();
    seedDb(db, []);
    const target = join(tempDir(), 'taken.db');
    writeFileSync(target, 'keep me');
    const r = runCli(['backup', target], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✖ .*bestaat al; kies een andere bestandsnaam\.\n$/);
    const none = runCli(['backup'], { db: tempDb() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Er is nog geen database');
  });
});

/** The whole database in its main file (WAL checkpointed and gone), as bytes. */
function checkpointed(path: string): Buffer {
  const d = new Database(path);
  d.pragma('wal_checkpoint(TRUNCATE)');
  d.close();
  return readFileSync(path);
}

describe('doctor', () => {
  it('reports path, schema, integrity, sizes and permissions', () => {
    const db = tempDb();
    seedDb(db, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
    const r = runCli(['doctor'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Bestand: ${db}`);
    expect(r.stdout).toContain(`Schemaversie: ${LATEST_VERSION} (actueel)`);
    expect(r.stdout).toContain('Samenhang: in orde');
    expect(r.stdout).toContain('Lijsten voor rapporten: in orde');
    expect(r.stdout).toContain('1 groep, 1 bijeenkomst');
    expect(r.stdout).toMatch(/Grootte: intervisie\.db \d+,\d kB/);
    expect(r.stdout).toContain('✔ Alles in orde.');
  });

  it('finds loose permissions and fixes them only with --fix', () => {
    const db = tempDb();
    seedDb(db, []);
    chmodSync(db, 0o644);
    chmodSync(dirname(db), 0o755);
    const r = runCli(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('0644: te ruim, moet 0600 zijn');
    expect(r.stderr).toMatch(/^✖ \d problemen gevonden\.\n$/);
    expect(statSync(db).mode & 0o777).toBe(0o644);
    const fixed = runCli(['doctor', '--fix'], { db });
    expect(fixed.code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(db)).mode & 0o777).toBe(0o700);
  });

  it('finds lists on meetings that their rows do not give, and makes them again only with --fix', () => {
    const db = tempDb();
    const { meetings } = seedDb(db, [
      { startedAt: '2026-10-06T18:30:00Z', marker: 'X' },
      { startedAt: '2026-11-10T18:30:00Z', marker: 'Y' },
    ]);
    const lists = () => queryRows(db, 'SELECT id, present_list, absent_list, case_owner_list FROM meetings ORDER BY id');
    const right = lists();
    expect(right.every((m) => m['present_list'] !== null)).toBe(true);
    // Written past the triggers, as an older program or a hand edit could.
    const writer = new Database(db);
    writer.prepare("UPDATE meetings SET present_list = 'iemand', case_owner_list = NULL WHERE id = ?").run(meetings[0]!.meetingId);
    writer.close();
    const before = readFileSync(db);

    const r = runCli(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Lijsten voor rapporten: 1 bijeenkomst met aanwezigen, afwezigen of casusinbrengers die niet kloppen met de presentie en casussen (herstel met 'intervisie doctor --fix')",
    );
    expect(r.stderr).toBe('✖ 1 probleem gevonden.\n');
    expect(readFileSync(db).equals(before)).toBe(true);

    const fixed = runCli(['doctor', '--fix'], { db });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('✔ Lijsten voor rapporten van 1 bijeenkomst opnieuw opgemaakt uit de presentie en casussen.');
    expect(fixed.stdout).toContain('Lijsten voor rapporten: in orde');
    expect(lists()).toEqual(right);
    const again = runCli(['--lang', 'en', 'doctor'], { db });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Report lists: ok');
  });

  it('finds a missing list trigger (lists would drift from then on) and makes it again with --fix', () => {
    const db = tempDb();
    const { meetings } = seedDb(db, [{ startedAt: '2026-10-06T18:30:00Z', marker: 'X' }]);
    const triggerSql = (name: string) => queryRows(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", name)[0]?.['sql'];
    const original = triggerSql('meeting_lists_attendance_delete');
    expect(original).toBeDefined();
    // A hand edit drops a trigger, and a later delete leaves the meeting's list behind.
    const writer = new Database(db);
    writer.exec('DROP TRIGGER meeting_lists_attendance_delete');
    writer.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL AND present = 1 AND rowid = (SELECT min(rowid) FROM attendance WHERE meeting_id = ? AND present = 1 AND member_id IS NOT NULL)').run(meetings[0]!.meetingId, meetings[0]!.meetingId);
    writer.close();

    const r = runCli(['doctor'], { db });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Lijsten voor rapporten: 1 van de 7 automatische bijwerkingen van die lijsten ontbreekt (herstel met 'intervisie doctor --fix'); 1 bijeenkomst met aanwezigen",
    );
    expect(triggerSql('meeting_lists_attendance_delete')).toBeUndefined();

    const fixed = runCli(['--lang', 'en', 'doctor', '--fix'], { db });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('✔ 1 missing trigger of the lists made again.');
    expect(fixed.stdout).toContain('Report lists: ok');
    expect(triggerSql('meeting_lists_attendance_delete')).toBe(original);
    // The trigger works again: the next delete keeps the list right.
    const after = new Database(db);
    after.prepare('DELETE FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL AND present = 1 AND rowid = (SELECT min(rowid) FROM attendance WHERE meeting_id = ? AND present = 1 AND member_id IS NOT NULL)').run(meetings[0]!.meetingId, meetings[0]!.meetingId);
    after.close();
    expect(runCli(['doctor'], { db }).stdout).toContain('Lijsten voor rapporten: in orde');
  });

  it('names a broken file without touching it', () => {
    const path = join(tempDir(), 'x.db');
    writeFileSync(path, 'geen database'.repeat(100));
    chmodSync(path, 0o600);
    const r = runCli(['doctor'], { db: path });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('geen intervisie-database');
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('leaves a truncated file untouched and creates nothing beside it', () => {
    const good = tempDb();
    seedDb(good, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
    const whole = checkpointed(good);
    for (const length of [Math.floor(whole.length / 2), 4096, 100, 50]) {
      const dir = tempDir();
      const path = join(dir, 'intervisie.db');
      writeFileSync(path, whole.subarray(0, length), { mode: 0o600 });
      const r = runCli(['doctor'], { db: path });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('is beschadigd');
      expect(r.stderr).toMatch(/^✖ \d+ (probleem|problemen) gevonden\.\n$/);
      expect(readdirSync(dir)).toEqual(['intervisie.db']);
      expect(readFileSync(path).equals(whole.subarray(0, length))).toBe(true);
    }
  });

  it('reads a healthy file that nothing has open without creating -wal or -shm, WAL content included', () => {
    const good = tempDb();
    seedDb(good, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
    const whole = checkpointed(good);
    const dir = tempDir();
    const path = join(dir, 'intervisie.db');
    writeFileSync(path, whole, { mode: 0o600 });
    chmodSync(dir, 0o700);
    const r = runCli(['doctor'], { db: path });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Samenhang: in orde');
    expect(r.stdout).toContain('1 groep, 1 bijeenkomst');
    expect(readdirSync(dir)).toEqual(['intervisie.db']);
    expect(readFileSync(path).equals(whole)).toBe(true);

    // A -wal left without its -shm (a copied folder): its rows count, and no -shm appears.
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO groups (id, name, name_key, created_at, updated_at, device_id) SELECT 'g2', 'Tweede', 'tweede', created_at, updated_at, device_id FROM groups LIMIT 1").run();
    const copyDir = tempDir();
    const copy = join(copyDir, 'intervisie.db');
    writeFileSync(copy, readFileSync(path), { mode: 0o600 });
    writeFileSync(`${copy}-wal`, readFileSync(`${path}-wal`), { mode: 0o600 });
    writer.close();
    const before = readFileSync(`${copy}-wal`);
    const w = runCli(['doctor'], { db: copy });
    expect(w.stdout).toContain('2 groepen, 1 bijeenkomst');
    expect(readdirSync(copyDir).sort()).toEqual(['intervisie.db', 'intervisie.db-wal']);
    expect(readFileSync(`${copy}-wal`).equals(before)).toBe(true);
  });

  it('works in English and on a database that does not exist yet', () => {
    const db = tempDb();
    const r = runCli(['--lang', 'en', 'doctor'], { db });
    expect(r.stdout).toContain('does not exist yet');
    expect(existsSync(db)).toBe(false);
  });
});
