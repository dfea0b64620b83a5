import type { Ctx } from '../context.js';
import { methodCatalog } from '../catalog/method-catalog.js';
import { safeText } from '../domain/names.js';
import { UserError } from '../errors.js';
import { getMember, listGroups, resolveGroup } from '../store/groups.js';
import * as db from '../store/meetings.js';
import type { Store } from '../store/store.js';
import { formatTable } from '../ui/output.js';
import { hoursMinutes, isoDay, longDateTime, shortDate } from '../ui/meeting-format.js';
import { meetingDetails, meetingMinutes, showSummary } from './meeting-summary.js';

/** One line of `history --json` (documented in docs/cli.md): titles only, never case text. */
export interface HistoryEntry {
  id: string;
  startedAt: string;
  endedAt: string | null;
  group: string;
  chair: string | null;
  present: number;
  method: string | null;
  minutes: number | null;
  status: string;
  counted: boolean;
  caseTitles: string[];
}

function entries(store: Store, groupId?: string): HistoryEntry[] {
  const groups = new Map(listGroups(store, { includeArchived: true }).map((g) => [g.id, g.name]));
  return db.listMeetings(store, groupId).map((m) => {
    const att = db.listAttendance(store, m.id);
    const chair = m.chair_id ? getMember(store, m.chair_id).name : null;
    const minutes = meetingMinutes(m);
    return {
      id: m.id,
      startedAt: m.started_at,
      endedAt: m.ended_at,
      group: groups.get(m.group_id) ?? '?',
      chair,
      present: att.filter((a) => a.present === 1).length,
      method: m.method_id,
      minutes,
      status: m.status,
      counted: minutes !== null,
      caseTitles: db.chosenCases(store, m.id).map((c) => c.title ?? ''),
    };
  });
}

export async function history(ctx: Ctx, opts: { group?: string; json?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const groupId = opts.group !== undefined ? resolveGroup(store, opts.group).id : undefined;
  const list = entries(store, groupId);
  if (opts.json) {
    ctx.out.json({ meetings: list });
    return;
  }
  const t = ctx.t.meeting;
  if (list.length === 0) {
    ctx.out.line(t.say.noHistory);
    return;
  }
  const methods = await methodCatalog({ env: ctx.env, lang: ctx.lang });
  ctx.out.line(
    formatTable(
      t.hist.header,
      list.map((e) => [
        shortDate(e.startedAt, ctx.lang),
        e.group,
        e.chair ?? '-',
        String(e.present),
        e.method ? (methods.get(e.method)?.name[ctx.lang] ?? e.method) : '-',
        e.minutes !== null ? hoursMinutes(e.minutes, ctx.lang) : t.hist.status[e.status as 'running' | 'completed' | 'aborted'],
        e.caseTitles.join('; ') || '-',
        e.id.slice(0, 8),
      ]),
      ctx.out.c,
    ),
  );
}

/** A meeting by (a unique prefix of) its id, or by its date when that date has one meeting. */
function findMeeting(store: Store, key: string): db.MeetingRow {
  const k = key.trim();
  const all = db.listMeetings(store);
  const byId = all.filter((m) => m.id.startsWith(k.toLowerCase()));
  if (k.length >= 4 && byId.length === 1) return byId[0]!;
  const dm = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(k);
  const day = dm ? `${dm[3]}-${dm[2]!.padStart(2, '0')}-${dm[1]!.padStart(2, '0')}` : k;
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    const onDay = all.filter((m) => isoDay(m.started_at) === day);
    if (onDay.length === 1) return onDay[0]!;
    if (onDay.length > 1) throw new UserError((t) => t.meeting.err.severalOnDate(day, onDay.map((m) => m.id.slice(0, 8)).join(', ')));
  }
  throw new UserError((t) => t.meeting.err.noSuchMeeting(k));
}

export async function show(ctx: Ctx, key: string, opts: { json?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const m = findMeeting(store, key);
  const d = await meetingDetails(ctx, store, m.id);
  if (opts.json) {
    ctx.out.json(d);
    return;
  }
  const t = ctx.t.meeting;
  const out = ctx.out;
  await showSummary(ctx, store, m.id);
  if (d.status !== 'completed') out.line(t.hist.statusLine(t.hist.status[d.status as 'running' | 'completed' | 'aborted']));
  if (d.agreements.length) {
    out.line();
    out.heading(t.title.agreements);
    d.agreements.forEach((a, i) => out.line(`  ${i + 1}. ${safeText(a)}`));
  }
  const checkins = d.attendance.filter((a) => a.checkin);
  if (checkins.length) {
    out.line();
    out.heading(t.title.checkin);
    for (const a of checkins) out.line(`  ${safeText(a.name)}: ${safeText(a.checkin!)}`);
  }
  if (d.cases.length) {
    out.line();
    out.heading(t.title.egt);
    for (const c of d.cases) {
      const score = c.e === null ? '' : ` E ${fmt(c.e)} G ${fmt(c.g!)} T ${fmt(c.t!)}`;
      const mark = c.chosen ? ` ★${c.chosen}` : '';
      out.line(`  ${c.rank ?? '-'}. ${safeText(c.title ?? '')} (${safeText(c.owner)})${score}${mark}`);
      if (c.question) out.line(`     ${safeText(c.question)}`);
      if (c.reason) out.line(`     ${t.hist.reason}: ${safeText(c.reason)}`);
    }
  }
  const notes = d.notes.filter((n) => n.text !== null || n.rating !== null);
  if (notes.length) {
    out.line();
    out.heading(t.hist.notes);
    for (const n of notes) {
      const phase = d.phases.find((p) => p.phase === n.phase)?.title ?? n.field;
      out.line(`  ${safeText(phase)} · ${safeText(n.label)}${n.person ? ` · ${safeText(n.person)}` : ''}: ${n.text !== null ? safeText(n.text) : n.rating}`);
    }
  }
  if (d.actionPoints.length) {
    out.line();
    out.heading(t.hist.actions);
    for (const a of d.actionPoints) out.line(`  ${safeText(a.who ?? t.say.theGroup)}: ${safeText(a.text ?? '')}${a.due ? ` (${a.due})` : ''}`);
  }
  void longDateTime;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
