import type { Database } from 'better-sqlite3';

// A purge (retention or `forget`) leaves a mark on every row whose content it removed, not only
// on cases: a bundle made with --with-cases on a laptop that still has the text then cannot
// bring it back when it merges here (the mark travels and clears the content on both sides).
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE notes ADD COLUMN purged_at TEXT;
    ALTER TABLE attendance ADD COLUMN purged_at TEXT;
    ALTER TABLE action_points ADD COLUMN purged_at TEXT;
  `);
}
