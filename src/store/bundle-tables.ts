// Which tables and columns travel in a bundle, in the order they must be written
// (a row only refers to rows written before it). The lists are explicit on purpose:
// a column added by a later migration does not travel until it is added here and
// documented in docs/bundle-format.md.

export type ColumnType = 'text' | 'int' | 'real';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Added after format 1 first shipped: a bundle without it still reads (as null). */
  optional?: boolean;
}

export interface TableSpec {
  name: BundleTable;
  columns: readonly ColumnSpec[];
  /** Confidential columns: only in bundles made with --with-cases. */
  content: readonly string[];
  /** Travels only with --with-cases (the whole row is content). */
  contentOnly?: boolean;
  /** Columns that point at a group or a member (rewritten when two are linked). */
  groupRefs: readonly string[];
  memberRefs: readonly string[];
  /** A JSON array of member ids. */
  memberListRefs?: readonly string[];
  /** Setting this column clears the content columns (retention purge). */
  purgeFlag?: string;
  /** Rows without updated_at are never changed once written (the edit history). */
  appendOnly?: boolean;
}

export const BUNDLE_TABLES = [
  'groups',
  'members',
  'meetings',
  'planned_meetings',
  'cases',
  'attendance',
  'meeting_cases',
  'egt_scores',
  'phase_runs',
  'pauses',
  'notes',
  'action_points',
  'edits',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

const t = (name: string, nullable = true): ColumnSpec => ({ name, type: 'text', nullable });
const i = (name: string, nullable = true): ColumnSpec => ({ name, type: 'int', nullable });
const r = (name: string, nullable = true): ColumnSpec => ({ name, type: 'real', nullable });
/** A purge mark added later: optional, so bundles written before it still read. */
const purgeMark = (): ColumnSpec => ({ name: 'purged_at', type: 'text', nullable: true, optional: true });
const STAMPS = [t('created_at', false), t('updated_at', false), t('device_id', false)];

// Local-only columns never travel: groups.sync_folder (a path on this laptop),
// meetings.step/step_state (resume state of a meeting that runs here).
export const TABLES: Record<BundleTable, TableSpec> = {
  groups: {
    name: 'groups',
    columns: [
      t('id', false),
      t('name', false),
      i('min_size', false),
      i('default_minutes', false),
      t('default_method', false),
      t('agreements'),
      t('keep_cases'),
      t('archived_at'),
      ...STAMPS,
    ],
    content: [],
    groupRefs: [],
    memberRefs: [],
  },
  members: {
    name: 'members',
    columns: [
      t('id', false),
      t('group_id', false),
      t('name', false),
      t('register'),
      t('registration_number'),
      t('email'),
      t('removed_at'),
      ...STAMPS,
    ],
    content: [],
    groupRefs: ['group_id'],
    memberRefs: [],
  },
  meetings: {
    name: 'meetings',
    columns: [
      t('id', false),
      t('group_id', false),
      t('status', false),
      t('source', false),
      i('counted', false),
      t('chair_id'),
      t('method_id'),
      i('planned_minutes', false),
      t('started_at', false),
      t('ended_at'),
      i('paused_seconds', false),
      t('place'),
      t('topic'),
      t('agreements'),
      t('agreements_at'),
      t('planned_meeting_id'),
      ...STAMPS,
    ],
    content: [],
    groupRefs: ['group_id'],
    memberRefs: ['chair_id'],
  },
  planned_meetings: {
    name: 'planned_meetings',
    columns: [
      t('id', false),
      t('group_id', false),
      t('series_id'),
      i('seq'),
      i('series_count'),
      t('scheduled_at', false),
      i('minutes'),
      t('place'),
      t('chair_id'),
      t('case_owner_ids'),
      t('source', false),
      t('agreed_in'),
      t('meeting_id'),
      t('cancelled_at'),
      ...STAMPS,
    ],
    content: [],
    groupRefs: ['group_id'],
    memberRefs: ['chair_id'],
    memberListRefs: ['case_owner_ids'],
  },
  cases: {
    name: 'cases',
    columns: [
      t('id', false),
      t('group_id', false),
      t('owner_id', false),
      t('title'),
      t('question'),
      i('est_e'),
      i('est_g'),
      i('est_t'),
      t('status', false),
      t('meeting_id'),
      t('purged_at'),
      ...STAMPS,
    ],
    content: ['title', 'question'],
    groupRefs: ['group_id'],
    memberRefs: ['owner_id'],
    purgeFlag: 'purged_at',
  },
  attendance: {
    name: 'attendance',
    columns: [t('id', false), t('meeting_id', false), t('member_id'), t('guest_name'), i('present', false), t('checkin'), purgeMark(), ...STAMPS],
    content: ['checkin'],
    groupRefs: [],
    memberRefs: ['member_id'],
    purgeFlag: 'purged_at',
  },
  meeting_cases: {
    name: 'meeting_cases',
    columns: [
      t('id', false),
      t('meeting_id', false),
      t('case_id', false),
      r('e'),
      r('g'),
      r('t'),
      i('rank'),
      i('chosen'),
      t('reason'),
      ...STAMPS,
    ],
    content: [],
    groupRefs: [],
    memberRefs: [],
  },
  egt_scores: {
    name: 'egt_scores',
    columns: [t('id', false), t('meeting_id', false), t('case_id', false), t('scorer_id'), i('e', false), i('g', false), i('t', false), ...STAMPS],
    content: [],
    groupRefs: [],
    memberRefs: ['scorer_id'],
  },
  phase_runs: {
    name: 'phase_runs',
    columns: [
      t('id', false),
      t('meeting_id', false),
      t('case_id'),
      i('ordinal', false),
      t('phase_id', false),
      i('planned_seconds', false),
      t('started_at'),
      t('ended_at'),
      i('actual_seconds'),
      i('paused_seconds', false),
      i('overtime_seconds', false),
      ...STAMPS,
    ],
    content: [],
    groupRefs: [],
    memberRefs: [],
  },
  pauses: {
    name: 'pauses',
    columns: [t('id', false), t('meeting_id', false), t('phase_run_id'), t('started_at', false), t('ended_at'), t('reason'), ...STAMPS],
    content: [],
    groupRefs: [],
    memberRefs: [],
  },
  notes: {
    name: 'notes',
    columns: [
      t('id', false),
      t('meeting_id', false),
      t('phase_run_id'),
      t('field', false),
      t('member_id'),
      i('ordinal', false),
      t('text'),
      i('rating'),
      purgeMark(),
      ...STAMPS,
    ],
    content: ['text'],
    contentOnly: true,
    groupRefs: [],
    memberRefs: ['member_id'],
    purgeFlag: 'purged_at',
  },
  action_points: {
    name: 'action_points',
    columns: [
      t('id', false),
      t('group_id', false),
      t('meeting_id'),
      t('owner_id'),
      t('text'),
      t('due_date'),
      t('status', false),
      t('status_meeting_id'),
      purgeMark(),
      ...STAMPS,
    ],
    content: ['text'],
    groupRefs: ['group_id'],
    memberRefs: ['owner_id'],
    purgeFlag: 'purged_at',
  },
  edits: {
    name: 'edits',
    columns: [
      t('id', false),
      t('table_name', false),
      t('row_id', false),
      t('field', false),
      t('old_value'),
      t('new_value'),
      t('reason'),
      t('edited_by'),
      t('edited_at', false),
      t('device_id', false),
    ],
    content: [],
    groupRefs: [],
    memberRefs: [],
    appendOnly: true,
  },
};

/** Column names that travel for a table, with or without case content. */
export function travellingColumns(spec: TableSpec, withCases: boolean): string[] {
  return spec.columns.map((c) => c.name).filter((c) => withCases || !spec.content.includes(c));
}

/** Is this (table, field) confidential? Used to keep content out of the shared edit history. */
export function isContentField(table: string, field: string): boolean {
  const spec = (TABLES as Record<string, TableSpec | undefined>)[table];
  return spec !== undefined && spec.content.includes(field);
}
