import { UserError } from '../errors.js';
import type { CaseRow as MeetingCaseRow } from './meetings.js';
import type { Store } from './store.js';

export type CaseStatus = 'prepared' | 'candidate' | 'discussed' | 'withdrawn';

export interface Estimate {
  e: number | null;
  g: number | null;
  t: number | null;
}

/** A case as the between-meetings commands and the case inventory at `start` see it. */
export interface CaseRecord {
  id: string;
  groupId: string;
  ownerId: string;
  ownerName: string;
  /** Content: confidential. NULL after a retention purge. */
  title: string | null;
  /** Content: confidential. */
  question: string | null;
  estimate: Estimate;
  status: CaseStatus;
  meetingId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A case row with its owner's name; meetings.ts reads the same columns for one meeting. */
interface CaseRow extends Omit<MeetingCaseRow, 'status'> {
  group_id: string;
  status: CaseStatus;
  meeting_id: string | null;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT c.*, m.name AS owner_name FROM cases c JOIN members m ON m.id = c.owner_id`;

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id,
  groupId: r.group_id,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  title: r.title,
  question: r.question,
  estimate: { e: r.est_e, g: r.est_g, t: r.est_t },
  status: r.status,
  meetingId: r.meeting_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewCase {
  groupId: string;
  ownerId: string;
  title: string;
  question: string | null;
  estimate?: Partial<Estimate>;
}

/** A member prepares a case for a coming meeting. */
export function addPreparedCase(store: Store, input: NewCase): CaseRecord {
  return store.tx(() => {
    const id = store.newId();
    const s = store.stamp();
    store.db
      .prepare(
        `INSERT INTO cases (id, group_id, owner_id, title, question, est_e, est_g, est_t, status, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'prepared', ?, ?, ?)`,
      )
      .run(
        id,
        input.groupId,
        input.ownerId,
        input.title,
        input.question,
        input.estimate?.e ?? null,
        input.estimate?.g ?? null,
        input.estimate?.t ?? null,
        s.created_at,
        s.updated_at,
        s.device_id,
      );
    return getCase(store, id);
  });
}

export function getCase(store: Store, id: string): CaseRecord {
  const row = store.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new Error(`case ${id} vanished`);
  return toCase(row);
}

/**
 * Cases waiting for a meeting, oldest first: what `start` offers first in its case
 * inventory. A prepared case that is not chosen keeps this status.
 */
export function listPreparedCases(store: Store, groupId: string): CaseRecord[] {
  return (
    store.db.prepare(`${SELECT} WHERE c.group_id = ? AND c.status = 'prepared' ORDER BY c.created_at, c.id`).all(groupId) as CaseRow[]
  ).map(toCase);
}

export interface DiscussedCase extends CaseRecord {
  meetingStartedAt: string;
  /** A later meeting was held, which opens with the follow-up of this case. */
  followedUp: boolean;
  /** Action points from the meeting where it was discussed that are still open. */
  openActionPoints: number;
}

/** Cases discussed in held meetings, newest first. */
export function listDiscussedCases(store: Store, groupId: string, limit = 10): DiscussedCase[] {
  const rows = store.db
    .prepare(
      `${SELECT.replace('SELECT c.*,', 'SELECT c.*, mt.started_at AS meeting_started_at,')}
       JOIN meetings mt ON mt.id = c.meeting_id
       WHERE c.group_id = ? AND c.status = 'discussed'
       ORDER BY mt.started_at DESC, c.id LIMIT ?`,
    )
    .all(groupId, limit) as (CaseRow & { meeting_started_at: string })[];
  const later = store.db.prepare(
    `SELECT count(*) AS n FROM meetings WHERE group_id = ? AND started_at > ?
       AND (status = 'completed' OR (status = 'aborted' AND counted = 1))`,
  );
  const open = store.db.prepare(`SELECT count(*) AS n FROM action_points WHERE meeting_id = ? AND status = 'open'`);
  return rows.map((r) => ({
    ...toCase(r),
    meetingStartedAt: r.meeting_started_at,
    followedUp: (later.get(groupId, r.meeting_started_at) as { n: number }).n > 0,
    openActionPoints: (open.get(r.meeting_id) as { n: number }).n,
  }));
}

/**
 * Find a prepared case by the start of its id (as shown by `case list`).
 * Errors never repeat the title: it is confidential.
 */
export function findPreparedCase(store: Store, groupIds: readonly string[], idPrefix: string): CaseRecord {
  const prefix = idPrefix.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/u.test(prefix)) throw new UserError((t) => t.between.err.badCaseId(idPrefix));
  const rows = (store.db.prepare(`${SELECT} WHERE c.id LIKE ? ESCAPE '\\'`).all(`${prefix}%`) as CaseRow[])
    .map(toCase)
    .filter((c) => groupIds.includes(c.groupId));
  if (rows.length === 0) throw new UserError((t) => t.between.err.unknownCase(prefix));
  if (rows.length > 1) throw new UserError((t) => t.between.err.ambiguousCase(prefix));
  const found = rows[0]!;
  if (found.status !== 'prepared') throw new UserError((t) => t.between.err.caseNotPrepared(prefix, t.between.status[found.status]));
  return found;
}

export function withdrawCase(store: Store, id: string): void {
  store.tx(() => {
    const s = store.stamp();
    const r = store.db
      .prepare(`UPDATE cases SET status = 'withdrawn', updated_at = ?, device_id = ? WHERE id = ? AND status = 'prepared'`)
      .run(s.updated_at, s.device_id, id);
    if (r.changes !== 1) throw new UserError((t) => t.between.err.caseNotPrepared(id.slice(0, 8), t.between.status.withdrawn));
  });
}

/** The short id people type: the first 8 characters of the UUID. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
