import type { Database } from 'better-sqlite3';

// `report` needs, per meeting, who was present, who was not and who brought a discussed case.
// Joining those in from attendance and cases was most of the reading time of a report over a
// large history, so each meeting row carries them, derived: member ids joined by ',' in id
// order, NULL for none (ids never hold a comma). They are not data of their own: triggers
// keep them equal to the rows they come from on every write path (a live meeting, `log`,
// imports, purges), and they never travel in a bundle nor count as a change of the meeting.
// Guests (member_id NULL) are not members; present = 1 / present = 0 as the rows say.
//
// store/meeting-lists.ts recomputes them (bulk import, `doctor --fix`) with the definitions
// exported here, so there is one of each.

// What the triggers set, for the meeting row being updated. Written here and nowhere else: a
// migration stays as it was written, and `doctor --fix` makes a missing trigger from here.
export const SET_PEOPLE = `present_list = (SELECT group_concat(a.member_id, ',' ORDER BY a.member_id) FROM attendance a
                         WHERE a.meeting_id = meetings.id AND a.present = 1 AND a.member_id IS NOT NULL),
        absent_list  = (SELECT group_concat(a.member_id, ',' ORDER BY a.member_id) FROM attendance a
                         WHERE a.meeting_id = meetings.id AND a.present = 0 AND a.member_id IS NOT NULL)`;
export const SET_OWNERS = `case_owner_list = (SELECT group_concat(c.owner_id, ',' ORDER BY c.owner_id) FROM cases c
                            WHERE c.meeting_id = meetings.id AND c.status = 'discussed')`;

/** The lists of every meeting at once, per meeting id (att.p, att.a, own.o): for a WITH clause. */
export const LISTS_FROM_ROWS = `
      att AS (SELECT meeting_id,
                     group_concat(CASE WHEN present = 1 THEN member_id END, ',' ORDER BY member_id) AS p,
                     group_concat(CASE WHEN present = 0 THEN member_id END, ',' ORDER BY member_id) AS a
                FROM attendance WHERE member_id IS NOT NULL GROUP BY meeting_id),
      own AS (SELECT meeting_id, group_concat(owner_id, ',' ORDER BY owner_id) AS o
                FROM cases WHERE status = 'discussed' AND meeting_id IS NOT NULL GROUP BY meeting_id)`;

/**
 * The triggers that keep the lists, by name (`doctor` checks that each is there and `doctor
 * --fix` makes a missing one again from here).
 */
export const LIST_TRIGGERS: readonly { name: string; sql: string }[] = [
  {
    name: 'meeting_lists_attendance_insert',
    sql: `CREATE TRIGGER meeting_lists_attendance_insert AFTER INSERT ON attendance
  WHEN NEW.member_id IS NOT NULL
BEGIN
  UPDATE meetings SET
    ${SET_PEOPLE}
   WHERE id = NEW.meeting_id;
END;`,
  },
  // A row that moves to another meeting changes the lists of both.
  {
    name: 'meeting_lists_attendance_update',
    sql: `CREATE TRIGGER meeting_lists_attendance_update AFTER UPDATE OF meeting_id, member_id, present ON attendance
  WHEN (OLD.member_id IS NOT NULL OR NEW.member_id IS NOT NULL)
   AND (OLD.meeting_id IS NOT NEW.meeting_id OR OLD.member_id IS NOT NEW.member_id OR OLD.present IS NOT NEW.present)
BEGIN
  UPDATE meetings SET
    ${SET_PEOPLE}
   WHERE id IN (OLD.meeting_id, NEW.meeting_id);
END;`,
  },
  {
    name: 'meeting_lists_attendance_delete',
    sql: `CREATE TRIGGER meeting_lists_attendance_delete AFTER DELETE ON attendance
  WHEN OLD.member_id IS NOT NULL
BEGIN
  UPDATE meetings SET
    ${SET_PEOPLE}
   WHERE id = OLD.meeting_id;
END;`,
  },
  {
    name: 'meeting_lists_cases_insert',
    sql: `CREATE TRIGGER meeting_lists_cases_insert AFTER INSERT ON cases
  WHEN NEW.status = 'discussed' AND NEW.meeting_id IS NOT NULL
BEGIN
  UPDATE meetings SET
    ${SET_OWNERS}
   WHERE id = NEW.meeting_id;
END;`,
  },
  {
    name: 'meeting_lists_cases_update',
    sql: `CREATE TRIGGER meeting_lists_cases_update AFTER UPDATE OF meeting_id, owner_id, status ON cases
  WHEN (OLD.status = 'discussed' OR NEW.status = 'discussed')
   AND (OLD.meeting_id IS NOT NEW.meeting_id OR OLD.owner_id IS NOT NEW.owner_id OR OLD.status IS NOT NEW.status)
BEGIN
  UPDATE meetings SET
    ${SET_OWNERS}
   WHERE id IN (OLD.meeting_id, NEW.meeting_id);
END;`,
  },
  {
    name: 'meeting_lists_cases_delete',
    sql: `CREATE TRIGGER meeting_lists_cases_delete AFTER DELETE ON cases
  WHEN OLD.status = 'discussed' AND OLD.meeting_id IS NOT NULL
BEGIN
  UPDATE meetings SET
    ${SET_OWNERS}
   WHERE id = OLD.meeting_id;
END;`,
  },
  // Foreign keys are checked at commit during an import, so rows may come before their
  // meeting; and a new meeting never brings lists of its own.
  {
    name: 'meeting_lists_meetings_insert',
    sql: `CREATE TRIGGER meeting_lists_meetings_insert AFTER INSERT ON meetings
  WHEN NEW.present_list IS NOT NULL OR NEW.absent_list IS NOT NULL OR NEW.case_owner_list IS NOT NULL
    OR EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = NEW.id)
    OR EXISTS (SELECT 1 FROM cases c WHERE c.meeting_id = NEW.id)
BEGIN
  UPDATE meetings SET
    ${SET_PEOPLE},
    ${SET_OWNERS}
   WHERE id = NEW.id;
END;`,
  },
];

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE meetings ADD COLUMN present_list TEXT;     -- derived: member ids present
    ALTER TABLE meetings ADD COLUMN absent_list TEXT;      -- derived: member ids listed as absent
    ALTER TABLE meetings ADD COLUMN case_owner_list TEXT;  -- derived: owners of the discussed cases

    WITH ${LISTS_FROM_ROWS}
    UPDATE meetings SET present_list = att.p, absent_list = att.a, case_owner_list = own.o
      FROM meetings m LEFT JOIN att ON att.meeting_id = m.id LEFT JOIN own ON own.meeting_id = m.id
     WHERE m.id = meetings.id AND (att.meeting_id IS NOT NULL OR own.meeting_id IS NOT NULL);

    -- The report reads meetings in (started_at, id) order: with id in the indexes no sort is
    -- needed after the range scan.
    DROP INDEX meetings_started;
    CREATE INDEX meetings_started ON meetings(started_at, id);
    DROP INDEX meetings_group_started;
    CREATE INDEX meetings_group_started ON meetings(group_id, started_at, id);
  `);
  for (const trigger of LIST_TRIGGERS) db.exec(trigger.sql);
}
