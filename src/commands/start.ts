import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { suggestChair } from '../domain/chair.js';
import { safeText } from '../domain/names.js';
import { isStep, stepNumber, STEP_COUNT } from '../domain/session.js';
import type { Group } from '../domain/types.js';
import { InterruptedError, UserError } from '../errors.js';
import { addPreparedCase } from '../store/cases.js';
import { createGroup, listGroups, listMembers, resolveGroup } from '../store/groups.js';
import * as db from '../store/meetings.js';
import { getPlanned, trajectoryProgress } from '../store/planning.js';
import { SessionLock } from '../store/session-lock.js';
import { Store } from '../store/store.js';
import { clockTime, longDateTime } from '../ui/meeting-format.js';
import { createGroupAsked } from './group.js';
import { MeetingFlow, type PhaseRunner } from './meeting-flow.js';

export interface StartOptions {
  group?: string;
  quiet?: boolean;
  demo?: boolean;
  markdown?: string;
  /** Tests replace the live phase screen. */
  runPhase?: PhaseRunner;
  /** The welcome was already shown (on a laptop without a group, before creating it). */
  welcomed?: boolean;
}

export async function start(ctx: Ctx, opts: StartOptions): Promise<void> {
  if (opts.demo) return demo(ctx, opts);
  const store = ctx.store();
  if (listGroups(store).length === 0 && opts.group === undefined) {
    ctx.out.heading(ctx.t.meeting.say.welcome);
    if (!ctx.interactive) {
      ctx.out.line(ctx.t.groups.say.noGroupsStart);
      return;
    }
    if (!(await ctx.prompt.confirm({ message: ctx.t.groups.ask.createFirst, default: true }))) return;
    const created = await createGroupAsked(ctx, undefined, { member: [] });
    // The chair may be setting up days before the first meeting: going on is a choice.
    if (!(await ctx.prompt.confirm({ message: ctx.t.groups.ask.startNow, default: true }))) {
      ctx.out.line(ctx.t.groups.say.nextSteps);
      return;
    }
    await startIn(ctx, store, created, { ...opts, welcomed: true });
    return;
  }
  const group = resolveGroup(store, opts.group);
  await startIn(ctx, store, group, opts);
}

async function startIn(ctx: Ctx, store: Store, group: Group, opts: StartOptions): Promise<void> {
  const t = ctx.t.meeting;
  const lock = SessionLock.acquire(store.path, group.id);
  if (!lock) throw new UserError((tt) => tt.meeting.err.alreadyRunning(group.name));
  try {
    // Refusals come before the welcome, so they are the only line on the screen.
    if (!ctx.interactive) throw new UserError((tt) => tt.meeting.err.needsTerminal);
    if (!opts.welcomed) ctx.out.heading(t.say.welcome);
    const running = db.runningMeetings(store, group.id)[0];
    if (running) {
      ctx.out.line(t.say.unfinished(longDateTime(running.started_at, ctx.lang), stepTitle(ctx, running.step)));
      if (!(await ctx.prompt.confirm({ message: t.ask.resumeUnfinished, default: true }))) {
        throw new UserError((tt) => tt.meeting.err.finishFirst);
      }
      await continueMeeting(ctx, store, running, opts);
      return;
    }
    // With a shared folder set (group sync-folder), pick up the other laptops' meetings first.
    const { offerSync } = await import('./sync.js');
    await offerSync(ctx, group, 'before');
    const members = listMembers(store, group.id);
    ctx.out.line();
    ctx.out.heading(t.say.stepHeading(1, STEP_COUNT, t.title.chair));
    ctx.out.line(t.say.groupLine(safeText(group.name), members.length));
    // A meeting held on a day of the plan is that meeting of the trajectory: "bijeenkomst 3 van 8".
    const progress = trajectoryProgress(store, group.id, ctx.clock.now());
    if (progress) ctx.out.line(`${ctx.t.between.say.trajectory}: ${ctx.t.between.say.progress(progress.seq, progress.count)}`);
    const agreed = db.lastAgreement(store, group.id);
    // Nothing agreed last time: the chair the trajectory planned for today, if any.
    const plannedChair = progress ? getPlanned(store, progress.plannedMeetingId).chairId : null;
    const agreedChairId = agreed?.chair_id ?? plannedChair;
    const suggestion = suggestChair({
      candidates: members.map((m) => ({ id: m.id, name: m.name })),
      agreedChairId,
      history: db.chairHistory(store, group.id),
    });
    const chairId = await ctx.prompt.select<string>({
      message: t.ask.chair,
      choices: members.map((m) => ({
        name: `${safeText(m.name)}${m.id === suggestion ? ` (${agreedChairId === m.id ? (agreed?.chair_id === m.id ? t.say.agreedLastTime : t.say.byPlan) : t.say.byRotation})` : ''}`,
        value: m.id,
      })),
      ...(suggestion ? { default: suggestion } : {}),
    });
    const id = store.tx(() =>
      db.createMeeting(store, { groupId: group.id, chairId, plannedMinutes: group.defaultMinutes, startedAt: ctx.clock.now().toISOString(), step: 'length' }),
    );
    ctx.out.info(t.say.startedAt(clockTime(ctx.clock.now())));
    await runFlow(ctx, store, id, opts);
    await offerSync(ctx, group, 'after');
  } finally {
    lock.release();
  }
}

async function runFlow(ctx: Ctx, store: Store, meetingId: string, opts: StartOptions): Promise<void> {
  const flow = new MeetingFlow(ctx, store, meetingId, {
    quiet: Boolean(opts.quiet),
    ...(opts.markdown !== undefined ? { markdown: opts.markdown } : {}),
    ...(opts.demo ? { demo: true } : {}),
    ...(opts.runPhase ? { runPhase: opts.runPhase } : {}),
  });
  try {
    await flow.run();
  } catch (err) {
    if (err instanceof InterruptedError) {
      throw new InterruptedError(opts.demo ? (t) => t.meeting.say.demoInterrupted : (err.hint ?? ((t) => t.meeting.say.resumeHint)));
    }
    throw err;
  }
}

function stepTitle(ctx: Ctx, step: string | null): string {
  if (!isStep(step) || step === 'done') return '?';
  return ctx.t.meeting.say.stepOf(stepNumber(step), STEP_COUNT, ctx.t.meeting.title[step === 'phases' ? 'phases' : step]);
}

/** Continue an unfinished meeting at its step, after settling the time it was closed. */
async function continueMeeting(ctx: Ctx, store: Store, m: db.MeetingRow, opts: StartOptions): Promise<void> {
  const t = ctx.t.meeting;
  const now = ctx.clock.now();
  const state = m.step_state ? (JSON.parse(m.step_state) as { seenAt?: string }) : {};
  const lastSeen = new Date(state.seenAt ?? m.updated_at);
  const running = db.phaseRuns(store, m.id).find((r) => r.started_at !== null && r.ended_at === null);
  const open = db.openPause(store, m.id);
  if (open) {
    // It was paused when it closed: the whole time since counts as that pause.
    const secs = Math.max(0, Math.round((now.getTime() - new Date(open.started_at).getTime()) / 1000));
    store.tx(() => {
      db.endPause(store, open.id, now.toISOString());
      db.addPausedSeconds(store, m.id, secs);
      if (open.phase_run_id && running && running.id === open.phase_run_id) {
        db.updatePhaseRun(store, running.id, { paused_seconds: running.paused_seconds + secs });
      }
    });
    ctx.out.info(t.say.wasPaused(Math.round(secs / 60)));
  } else {
    const gap = Math.round((now.getTime() - lastSeen.getTime()) / 1000);
    if (gap >= 60) {
      const talked = await ctx.prompt.confirm({ message: t.ask.talkedOn(Math.round(gap / 60), clockTime(lastSeen)), default: true });
      if (!talked) {
        store.tx(() => {
          const id = db.startPause(store, m.id, running?.id ?? null, lastSeen.toISOString(), 'closed');
          db.endPause(store, id, now.toISOString());
          db.addPausedSeconds(store, m.id, gap);
          if (running) db.updatePhaseRun(store, running.id, { paused_seconds: running.paused_seconds + gap });
        });
        ctx.out.info(t.say.gapNotCounted(Math.round(gap / 60)));
      } else {
        ctx.out.info(t.say.gapCounted(Math.round(gap / 60)));
      }
    }
  }
  ctx.out.success(t.say.resuming(stepTitle(ctx, m.step)));
  await runFlow(ctx, store, m.id, opts);
}

export async function resume(ctx: Ctx, opts: StartOptions): Promise<void> {
  const store = ctx.store();
  const group = groupWithRunning(store, opts.group);
  const lock = SessionLock.acquire(store.path, group.id);
  if (!lock) throw new UserError((tt) => tt.meeting.err.alreadyRunning(group.name));
  try {
    const m = db.runningMeetings(store, group.id)[0];
    if (!m) {
      // Stopped while the summary was shown: the meeting is complete, only its summary is left.
      const ended = db.summaryPending(store, group.id);
      if (!ended) throw new UserError((tt) => tt.meeting.err.nothingToResume(group.name));
      if (!ctx.interactive) throw new UserError((tt) => tt.errors.notInteractive('intervisie resume'));
      ctx.out.heading(ctx.t.meeting.say.unfinished(longDateTime(ended.started_at, ctx.lang), stepTitle(ctx, ended.step)));
      await runFlow(ctx, store, ended.id, opts);
      return;
    }
    if (!ctx.interactive) throw new UserError((tt) => tt.errors.notInteractive('intervisie resume'));
    ctx.out.heading(ctx.t.meeting.say.unfinished(longDateTime(m.started_at, ctx.lang), stepTitle(ctx, m.step)));
    await continueMeeting(ctx, store, m, opts);
  } finally {
    lock.release();
  }
}

/** --group, or the group of the only unfinished meeting, or the default group. */
function groupWithRunning(store: Store, name: string | undefined): Group {
  if (name !== undefined) return resolveGroup(store, name);
  const running = db.runningMeetings(store);
  const groups = new Set(running.map((r) => r.group_id));
  if (groups.size === 1) return listGroups(store, { includeArchived: true }).find((g) => g.id === running[0]!.group_id)!;
  return resolveGroup(store, undefined);
}

export async function abort(ctx: Ctx, opts: { group?: string; held?: boolean; notHeld?: boolean }): Promise<void> {
  const t = ctx.t.meeting;
  const store = ctx.store();
  const group = groupWithRunning(store, opts.group);
  const m = db.runningMeetings(store, group.id)[0];
  if (!m) throw new UserError((tt) => tt.meeting.err.nothingToAbort(group.name));
  const lock = SessionLock.acquire(store.path, group.id);
  if (!lock) throw new UserError((tt) => tt.meeting.err.alreadyRunning(group.name));
  try {
    let held = opts.held ? true : opts.notHeld ? false : null;
    if (held === null) {
      if (!ctx.interactive) throw new UserError((tt) => tt.meeting.err.heldFlag);
      ctx.out.line(t.say.unfinished(longDateTime(m.started_at, ctx.lang), stepTitle(ctx, m.step)));
      held = await ctx.prompt.select<boolean>({
        message: t.ask.wasHeld,
        choices: [
          { name: t.say.heldYes, value: true },
          { name: t.say.heldNo, value: false },
        ],
        default: false,
      });
    }
    const now = ctx.clock.now().toISOString();
    const counted = held;
    store.tx(() => db.abortMeeting(store, m.id, now, counted));
    ctx.out.success(counted ? t.say.abortedCounted : t.say.abortedNotCounted);
  } finally {
    lock.release();
  }
}

/** Practice: a sample group in a throwaway database that is removed afterwards. */
async function demo(ctx: Ctx, opts: StartOptions): Promise<void> {
  const t = ctx.t.meeting;
  const dir = mkdtempSync(join(tmpdir(), 'intervisie-demo-'));
  const store = Store.open(join(dir, 'demo.db'), ctx.clock);
  try {
    ctx.out.warn(t.say.demoBanner);
    const group = createGroup(store, { name: t.demo.group, members: [...t.demo.members], minSize: 4, minutes: 120, method: '5-stappen' });
    const owner = listMembers(store, group.id).find((m) => m.name === t.demo.members[1])!;
    addPreparedCase(store, { groupId: group.id, ownerId: owner.id, title: t.demo.caseTitle, question: t.demo.caseQuestion, estimate: { e: 4, g: 3, t: 2 } });
    await startIn(ctx, store, group, { ...opts, demo: true });
    ctx.out.warn(t.say.demoDone);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
