import type { Database } from 'better-sqlite3';

// The whole data model for a first release. Every row that can travel between
// laptops has a UUID text id, created_at/updated_at (ISO 8601 UTC) and the id of
// the device that last changed it, so bundles merge idempotently.
// Confidential case content lives only in the columns marked "content": reports
// and default exports never read them, and retention purges set them to NULL.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE groups (
      id              TEXT PRIMARY KEY,
      name            TEXT NOT NULL,
      name_key        TEXT NOT NULL,
      min_size        INTEGER NOT NULL DEFAULT 4,
      default_minutes INTEGER NOT NULL DEFAULT 120,
      default_method  TEXT NOT NULL DEFAULT '5-stappen',
      agreements      TEXT,              -- JSON array of strings; NULL = the standard list
      keep_cases      TEXT,              -- retention of case content, e.g. '90d'; NULL = forever
      sync_folder     TEXT,
      archived_at     TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      device_id       TEXT NOT NULL
    );
    CREATE UNIQUE INDEX groups_name_key ON groups(name_key);

    CREATE TABLE members (
      id                  TEXT PRIMARY KEY,
      group_id            TEXT NOT NULL REFERENCES groups(id),
      name                TEXT NOT NULL,
      name_key            TEXT NOT NULL,
      register            TEXT,
      registration_number TEXT,
      email               TEXT,
      removed_at          TEXT,          -- still in history, no longer offered for new meetings
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL,
      device_id           TEXT NOT NULL
    );
    CREATE UNIQUE INDEX members_group_name ON members(group_id, name_key);

    CREATE TABLE meetings (
      id                 TEXT PRIMARY KEY,
      group_id           TEXT NOT NULL REFERENCES groups(id),
      status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'aborted')),
      source             TEXT NOT NULL DEFAULT 'live' CHECK (source IN ('live', 'logged')),
      counted            INTEGER NOT NULL DEFAULT 1,   -- 0: aborted and not held
      chair_id           TEXT REFERENCES members(id),
      method_id          TEXT,
      planned_minutes    INTEGER NOT NULL,
      started_at         TEXT NOT NULL,
      ended_at           TEXT,
      paused_seconds     INTEGER NOT NULL DEFAULT 0,
      place              TEXT,
      topic              TEXT,          -- a non-confidential topic line the chair chose to record
      agreements         TEXT,          -- JSON array as confirmed at this meeting
      agreements_at      TEXT,
      step               TEXT,          -- current step of the session state machine, for resume
      step_state         TEXT,          -- JSON with the step's progress
      planned_meeting_id TEXT,
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      device_id          TEXT NOT NULL
    );
    CREATE INDEX meetings_group_started ON meetings(group_id, started_at);
    CREATE INDEX meetings_started ON meetings(started_at);

    CREATE TABLE attendance (
      id          TEXT PRIMARY KEY,
      meeting_id  TEXT NOT NULL REFERENCES meetings(id),
      member_id   TEXT REFERENCES members(id),  -- NULL for a guest
      guest_name  TEXT,
      present     INTEGER NOT NULL,
      checkin     TEXT,                          -- content: check-in note
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      device_id   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX attendance_meeting_member ON attendance(meeting_id, member_id) WHERE member_id IS NOT NULL;
    CREATE INDEX attendance_member ON attendance(member_id, meeting_id);

    CREATE TABLE cases (
      id            TEXT PRIMARY KEY,
      group_id      TEXT NOT NULL REFERENCES groups(id),
      owner_id      TEXT NOT NULL REFERENCES members(id),
      title         TEXT,            -- content
      question      TEXT,            -- content (the work question)
      est_e         INTEGER,         -- the owner's own EGT estimate, 1-5
      est_g         INTEGER,
      est_t         INTEGER,
      status        TEXT NOT NULL CHECK (status IN ('prepared', 'candidate', 'discussed', 'withdrawn')),
      meeting_id    TEXT REFERENCES meetings(id),  -- where it was a candidate / discussed
      purged_at     TEXT,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      device_id     TEXT NOT NULL
    );
    CREATE INDEX cases_group_status ON cases(group_id, status);
    CREATE INDEX cases_meeting ON cases(meeting_id);

    -- One row per candidate case in a meeting: the ranking outcome and the choice.
    CREATE TABLE meeting_cases (
      id          TEXT PRIMARY KEY,
      meeting_id  TEXT NOT NULL REFERENCES meetings(id),
      case_id     TEXT NOT NULL REFERENCES cases(id),
      e           REAL,
      g           REAL,
      t           REAL,
      rank        INTEGER,
      chosen      INTEGER,          -- 1 = first case, 2 = second case, NULL = not chosen
      reason      TEXT,             -- why the group chose against the ranking or broke a tie
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      device_id   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX meeting_cases_unique ON meeting_cases(meeting_id, case_id);

    CREATE TABLE egt_scores (
      id          TEXT PRIMARY KEY,
      meeting_id  TEXT NOT NULL REFERENCES meetings(id),
      case_id     TEXT NOT NULL REFERENCES cases(id),
      scorer_id   TEXT REFERENCES members(id),   -- NULL: the group's agreed score entered by the chair
      e           INTEGER NOT NULL CHECK (e BETWEEN 1 AND 5),
      g           INTEGER NOT NULL CHECK (g BETWEEN 1 AND 5),
      t           INTEGER NOT NULL CHECK (t BETWEEN 1 AND 5),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      device_id   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX egt_scores_unique ON egt_scores(meeting_id, case_id, COALESCE(scorer_id, ''));

    CREATE TABLE phase_runs (
      id               TEXT PRIMARY KEY,
      meeting_id       TEXT NOT NULL REFERENCES meetings(id),
      case_id          TEXT REFERENCES cases(id),
      ordinal          INTEGER NOT NULL,
      phase_id         TEXT NOT NULL,
      planned_seconds  INTEGER NOT NULL,
      started_at       TEXT,
      ended_at         TEXT,
      actual_seconds   INTEGER,
      paused_seconds   INTEGER NOT NULL DEFAULT 0,
      overtime_seconds INTEGER NOT NULL DEFAULT 0,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      device_id        TEXT NOT NULL
    );
    CREATE UNIQUE INDEX phase_runs_order ON phase_runs(meeting_id, ordinal);

    CREATE TABLE pauses (
      id            TEXT PRIMARY KEY,
      meeting_id    TEXT NOT NULL REFERENCES meetings(id),
      phase_run_id  TEXT REFERENCES phase_runs(id),
      started_at    TEXT NOT NULL,
      ended_at      TEXT,
      reason        TEXT,            -- 'pause', 'break', 'closed' (program closed, not counted)
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      device_id     TEXT NOT NULL
    );
    CREATE INDEX pauses_meeting ON pauses(meeting_id);

    -- Everything written during a meeting: check-in aside, phase notes, advice,
    -- reformulated question, evaluation. All of it is content.
    CREATE TABLE notes (
      id            TEXT PRIMARY KEY,
      meeting_id    TEXT NOT NULL REFERENCES meetings(id),
      phase_run_id  TEXT REFERENCES phase_runs(id),
      field         TEXT NOT NULL,     -- field id from the method file, or 'followup', 'evaluation.*'
      member_id     TEXT REFERENCES members(id),
      ordinal       INTEGER NOT NULL DEFAULT 0,
      text          TEXT,              -- content
      rating        INTEGER,           -- 1-5 for rating fields
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL,
      device_id     TEXT NOT NULL
    );
    CREATE INDEX notes_meeting ON notes(meeting_id, field);

    CREATE TABLE action_points (
      id                 TEXT PRIMARY KEY,
      group_id           TEXT NOT NULL REFERENCES groups(id),
      meeting_id         TEXT REFERENCES meetings(id),
      owner_id           TEXT REFERENCES members(id),
      text               TEXT,          -- content
      due_date           TEXT,          -- YYYY-MM-DD
      status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
      status_meeting_id  TEXT REFERENCES meetings(id),
      created_at         TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      device_id          TEXT NOT NULL
    );
    CREATE INDEX action_points_group ON action_points(group_id, status);

    -- Planned meetings: from 'plan' (a trajectory) or agreed at the end of a meeting.
    CREATE TABLE planned_meetings (
      id             TEXT PRIMARY KEY,
      group_id       TEXT NOT NULL REFERENCES groups(id),
      series_id      TEXT,
      seq            INTEGER,
      series_count   INTEGER,
      scheduled_at   TEXT NOT NULL,     -- ISO 8601 UTC
      minutes        INTEGER,
      place          TEXT,
      chair_id       TEXT REFERENCES members(id),
      case_owner_ids TEXT,              -- JSON array of member ids who agreed to bring a case
      source         TEXT NOT NULL CHECK (source IN ('plan', 'agreed')),
      agreed_in      TEXT REFERENCES meetings(id),
      meeting_id     TEXT REFERENCES meetings(id),  -- the record once held
      cancelled_at   TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      device_id      TEXT NOT NULL
    );
    CREATE INDEX planned_meetings_group ON planned_meetings(group_id, scheduled_at);

    -- Who changed what in a recorded meeting: evidence must stay trustworthy.
    CREATE TABLE edits (
      id          TEXT PRIMARY KEY,
      table_name  TEXT NOT NULL,
      row_id      TEXT NOT NULL,
      field       TEXT NOT NULL,
      old_value   TEXT,
      new_value   TEXT,
      reason      TEXT,
      edited_by   TEXT,
      edited_at   TEXT NOT NULL,
      device_id   TEXT NOT NULL
    );
    CREATE INDEX edits_row ON edits(table_name, row_id);
  `);
}
