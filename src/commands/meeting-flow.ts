import type { Ctx } from '../context.js';
import { loadMethods, type MethodCatalog } from '../catalog/methods.js';
import { suggestChair } from '../domain/chair.js';
import { choiceNeedsReason, parseEgtTriple, rankCases, topCases } from '../domain/egt.js';
import { checkMinutes } from '../domain/group-rules.js';
import { hasFlag, phaseWeight, type Method, type NoteField, type Phase } from '../domain/method.js';
import { knownQuestionTypes, suggestMethods } from '../domain/method-suggest.js';
import { cleanName, safeText } from '../domain/names.js';
import { parseNaturalDate, usualTimeOfDay } from '../domain/natural-date.js';
import {
  BREAK_FROM_MINUTES,
  BREAK_MINUTES,
  CLOSING_RESERVE_MINUTES,
  isStep,
  minutesForMethod,
  nextStep,
  plannedEnd,
  SECOND_CASE_MIN_MINUTES,
  stepNumber,
  STEP_COUNT,
  type Step,
  type StepOutcome,
} from '../domain/session.js';
import { adjustPlan, ownPace, rebalance, splitMinutes, type PhaseBudget } from '../domain/time-plan.js';
import type { Group, Member } from '../domain/types.js';
import { InterruptedError, UserError } from '../errors.js';
import { getGroup, getMember, listMembers, updateGroupColumns } from '../store/groups.js';
import { listPreparedCases } from '../store/cases.js';
import * as db from '../store/meetings.js';
import { heldMeetingCount, recentMethodUses } from '../store/method-usage.js';
import type { Store } from '../store/store.js';
import { formatTable } from '../ui/output.js';
import { methodChoices, methodNotices, questionTypeLabel } from '../ui/method-view.js';
import { clockTime, isoDay, longDateTime, wrap } from '../ui/meeting-format.js';
import type { PhaseEvent, PhaseResult, PhaseScreenOptions } from '../ui/phase-screen.js';
import { renderPlan } from '../ui/plan-table.js';

export type PhaseRunner = (ctx: Ctx, o: PhaseScreenOptions) => Promise<PhaseResult>;

export interface FlowOptions {
  quiet: boolean;
  markdown?: string;
  demo?: boolean;
  /** The live phase screen; tests pass a scripted one. */
  runPhase?: PhaseRunner;
}

interface StepState {
  seenAt?: string;
  [key: string]: unknown;
}

/** One present person: a member or a guest; `ordinal` is their stable place in the round. */
export interface Person {
  ordinal: number;
  attendanceId: string;
  memberId: string | null;
  name: string;
}

// While a phase runs nobody answers anything; this mark tells `resume` when the program was last alive.
const HEARTBEAT_MS = 60_000;
/** The extra entry in the method list; no method file can have this id (ids are slugs). */
const BY_QUESTION_TYPE = '?question-type';
const REPLAN_THRESHOLD_SECONDS = 120;

/**
 * Runs one meeting from whatever step it is at to the end. Every answer is written in one
 * transaction together with the step bookkeeping, so the flow can be killed at any moment
 * and re-entered by `resume` at the same step.
 */
export class MeetingFlow {
  private catalog: MethodCatalog | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly store: Store,
    private readonly meetingId: string,
    private readonly opts: FlowOptions,
  ) {}

  private get t() {
    return this.ctx.t.meeting;
  }

  private get out() {
    return this.ctx.out;
  }

  private now(): Date {
    return this.ctx.clock.now();
  }

  meeting(): db.MeetingRow {
    const m = db.getMeeting(this.store, this.meetingId);
    if (!m) throw new Error('meeting vanished');
    return m;
  }

  private group(): Group {
    return getGroup(this.store, this.meeting().group_id);
  }

  private state(): StepState {
    const raw = this.meeting().step_state;
    return raw ? (JSON.parse(raw) as StepState) : {};
  }

  /** Write fn's rows and the step's progress together; also marks the meeting as alive. */
  private commit(patch: Record<string, unknown> = {}, fn: () => void = () => {}): void {
    this.store.tx(() => {
      fn();
      const state = { ...this.state(), ...patch, seenAt: this.now().toISOString() };
      db.updateMeeting(this.store, this.meetingId, { step_state: JSON.stringify(state) });
    });
  }

  /** Finish the current step: fn's rows and the move to the next step in one transaction. */
  private advance(outcome: StepOutcome = {}, fn: () => void = () => {}): void {
    this.store.tx(() => {
      fn();
      const m = this.meeting();
      const step = nextStep(m.step as Step, outcome);
      db.updateMeeting(this.store, this.meetingId, { step, step_state: JSON.stringify({ seenAt: this.now().toISOString() }) });
    });
  }

  private methods(): MethodCatalog {
    this.catalog ??= loadMethods({ env: this.ctx.env, lang: this.ctx.lang });
    return this.catalog;
  }

  private method(): Method {
    const id = this.meeting().method_id;
    const m = id ? this.methods().get(id) : undefined;
    if (!m) throw new UserError((t) => t.meeting.err.methodGone(id ?? '?'));
    return m;
  }

  private members(): Member[] {
    return listMembers(this.store, this.meeting().group_id);
  }

  present(): Person[] {
    return db
      .listAttendance(this.store, this.meetingId)
      .filter((a) => a.present === 1)
      .map((a, i) => ({ ordinal: i, attendanceId: a.id, memberId: a.member_id, name: a.name }));
  }

  private name(memberId: string | null): string {
    if (!memberId) return this.t.say.theGroup;
    return safeText(this.members().find((m) => m.id === memberId)?.name ?? getMember(this.store, memberId).name);
  }

  /** A paragraph of text, wrapped at word boundaries to the terminal. */
  private para(text: string, indent = ''): void {
    this.out.line(wrap(text, this.out.width - 1, indent));
  }

  private heading(step: Step, title: string): void {
    this.out.line();
    this.out.heading(this.t.say.stepHeading(stepNumber(step), STEP_COUNT, title));
  }

  /** Validate free text for a prompt: a message instead of an exception. */
  private textCheck(max: number, optional: boolean): (v: string) => true | string {
    return (v) => {
      if (optional && v.trim() === '') return true;
      try {
        cleanName(v, 'field', max);
        return true;
      } catch (err) {
        return err instanceof UserError ? err.render(this.ctx.t) : String(err);
      }
    };
  }

  private async askText(message: string, o: { optional: boolean; max?: number; default?: string }): Promise<string | null> {
    const v = await this.ctx.prompt.input({
      message,
      ...(o.default !== undefined ? { default: o.default } : {}),
      validate: this.textCheck(o.max ?? 2000, o.optional),
    });
    const clean = v.trim() === '' ? null : cleanName(v, 'field', o.max ?? 2000);
    return clean;
  }

  // ---- the loop -----------------------------------------------------------------------------

  async run(): Promise<void> {
    for (;;) {
      const step = this.meeting().step;
      if (!isStep(step)) throw new UserError((t) => t.meeting.err.badStep(String(step)));
      if (step === 'done') return;
      await this.runStep(step);
    }
  }

  private async runStep(step: Step): Promise<void> {
    switch (step) {
      case 'chair':
        return this.advance();
      case 'length':
        return this.stepLength();
      case 'attendance':
        return this.stepAttendance();
      case 'agreements':
        return this.stepAgreements();
      case 'checkin':
        return this.stepCheckin();
      case 'followup':
        return this.stepFollowup();
      case 'inventory':
        return this.stepInventory();
      case 'egt':
        return this.stepEgt();
      case 'method':
        return this.stepMethod();
      case 'plan':
        return this.stepPlan();
      case 'phases':
        return this.stepPhase();
      case 'closing':
        return this.stepClosing();
      case 'summary':
        return this.stepSummary();
      case 'done':
        return;
    }
  }

  // ---- 2. length ----------------------------------------------------------------------------

  private async stepLength(): Promise<void> {
    const g = this.group();
    this.heading('length', this.t.title.length);
    const presets = [90, 120];
    const choice = await this.ctx.prompt.select<number>({
      message: this.t.ask.length,
      choices: [
        ...presets.map((n) => ({ name: this.t.say.minutes(n), value: n })),
        ...(presets.includes(g.defaultMinutes) ? [] : [{ name: this.t.say.minutes(g.defaultMinutes), value: g.defaultMinutes }]),
        { name: this.t.say.otherLength, value: 0 },
      ],
      default: g.defaultMinutes,
    });
    let minutes = choice;
    if (minutes === 0) {
      const raw = await this.ctx.prompt.input({
        message: this.t.ask.lengthCustom,
        validate: (v) => {
          try {
            checkMinutes(Number(v.trim()));
            return true;
          } catch (err) {
            return err instanceof UserError ? err.render(this.ctx.t) : String(err);
          }
        },
      });
      minutes = Number(raw.trim());
    }
    const start = new Date(this.meeting().started_at);
    this.advance({}, () => db.updateMeeting(this.store, this.meetingId, { planned_minutes: minutes }));
    this.out.info(this.t.say.plannedEnd(clockTime(start), clockTime(plannedEnd(start, minutes, 0))));
  }

  // ---- 3. attendance ------------------------------------------------------------------------

  private async stepAttendance(): Promise<void> {
    const g = this.group();
    const members = this.members();
    this.heading('attendance', this.t.title.attendance);
    // Who is there and each guest are kept as they are given; a crash asks only what is left.
    const state = this.state();
    const guests = [...((state['guests'] as string[] | undefined) ?? [])];
    let present = state['present'] as string[] | undefined;
    if (present) {
      const names = [...members.filter((m) => present!.includes(m.id)).map((m) => safeText(m.name)), ...guests.map(safeText)];
      this.out.line(this.t.say.attendanceKept(names));
    } else {
      present = await this.ctx.prompt.checkbox<string>({
        message: this.t.ask.present,
        choices: members.map((m) => ({ name: safeText(m.name), value: m.id, checked: true })),
        pageSize: 14,
      });
      this.commit({ present });
    }
    while (await this.ctx.prompt.confirm({ message: guests.length === 0 ? this.t.ask.guest : this.t.ask.anotherGuest, default: false })) {
      const name = await this.askText(this.t.ask.guestName, { optional: true, max: 80 });
      if (name) {
        guests.push(name);
        this.commit({ guests });
      }
    }
    if (present.length < g.minSize) this.out.warn(this.t.say.belowMinimum(present.length, g.minSize));
    if (members.length > 8) this.out.warn(this.t.say.groupTooLarge(members.length));
    let chairId = this.meeting().chair_id;
    if (chairId && !present.includes(chairId) && present.length > 0) {
      this.out.warn(this.t.say.chairAbsent(this.name(chairId)));
      chairId = await this.ctx.prompt.select<string>({
        message: this.t.ask.chair,
        choices: members.filter((m) => present.includes(m.id)).map((m) => ({ name: safeText(m.name), value: m.id })),
      });
    }
    this.advance({}, () => {
      db.saveAttendance(
        this.store,
        this.meetingId,
        members.map((m) => ({ memberId: m.id, present: present.includes(m.id) })),
        guests,
      );
      db.updateMeeting(this.store, this.meetingId, { chair_id: chairId });
    });
    const absent = members.filter((m) => !present.includes(m.id)).map((m) => safeText(m.name));
    this.out.success(this.t.say.attendanceSaved(present.length + guests.length, absent));
  }

  // ---- 4. agreements ------------------------------------------------------------------------

  private async stepAgreements(): Promise<void> {
    this.heading('agreements', this.t.title.agreements);
    let list = this.group().agreements ?? [...this.t.agreements.standard];
    for (;;) {
      list.forEach((a, i) => this.out.line(`  ${i + 1}. ${safeText(a)}`));
      const action = await this.ctx.prompt.select<'ok' | 'add' | 'remove'>({
        message: this.t.ask.agreements,
        choices: [
          { name: this.t.say.agreeAll, value: 'ok' },
          { name: this.t.say.agreementAdd, value: 'add' },
          ...(list.length > 1 ? [{ name: this.t.say.agreementRemove, value: 'remove' as const }] : []),
        ],
      });
      if (action === 'ok') break;
      if (action === 'add') {
        const text = await this.askText(this.t.ask.agreementText, { optional: true, max: 200 });
        if (text) list = [...list, text];
      } else {
        // Confidentiality (the first agreement) always stays.
        const idx = await this.ctx.prompt.select<number>({
          message: this.t.ask.agreementWhich,
          choices: list.slice(1).map((a, i) => ({ name: safeText(a), value: i + 1 })),
        });
        list = list.filter((_, i) => i !== idx);
      }
      const saved = list;
      this.store.tx(() => updateGroupColumns(this.store, this.group().id, { agreements: JSON.stringify(saved) }));
      this.out.success(this.t.say.agreementsKept);
    }
    this.advance({}, () =>
      db.updateMeeting(this.store, this.meetingId, { agreements: JSON.stringify(list), agreements_at: this.now().toISOString() }),
    );
  }

  // ---- 5. check-in --------------------------------------------------------------------------

  private async stepCheckin(): Promise<void> {
    const people = this.present();
    const state = this.state();
    let i = typeof state['i'] === 'number' ? state['i'] : 0;
    if (i === 0) {
      this.heading('checkin', this.t.title.checkin);
      this.out.line(this.t.say.checkinIntro(Math.max(1, Math.round(10 / Math.max(1, people.length)))));
    }
    for (; i < people.length; i++) {
      const p = people[i]!;
      const note = await this.askText(this.t.ask.checkin(safeText(p.name)), { optional: true });
      const next = i + 1;
      this.commit({ i: next }, () => db.setCheckin(this.store, p.attendanceId, note));
    }
    this.advance();
  }

  // ---- 6. follow-up -------------------------------------------------------------------------

  private async stepFollowup(): Promise<void> {
    const m = this.meeting();
    const state = this.state();
    const prev = db.previousMeeting(this.store, m.group_id, m.started_at, m.id);
    let ci = typeof state['ci'] === 'number' ? state['ci'] : 0;
    if (ci === 0 && state['ai'] === undefined) this.heading('followup', this.t.title.followup);
    const prevCases = prev ? db.chosenCases(this.store, prev.id) : [];
    if (!prev) this.out.line(this.t.say.noPrevious);
    else if (prevCases.length === 0) this.out.line(this.t.say.previousNoCase);
    for (; ci < prevCases.length; ci++) {
      const c = prevCases[ci]!;
      const text = await this.askText(this.t.ask.followupCase(safeText(c.owner_name), safeText(c.title ?? '')), { optional: true });
      const next = ci + 1;
      this.commit({ ci: next }, () =>
        db.addNote(this.store, { meetingId: this.meetingId, phaseRunId: null, field: 'followup', memberId: c.owner_id, ordinal: next - 1, text }),
      );
    }
    const actions = db.actionsToReview(this.store, m.group_id, m.id).filter((a) => a.status_meeting_id !== m.id);
    if (actions.length === 0) this.out.line(this.t.say.noOpenActions);
    for (const a of actions) {
      const who = a.owner_id ? safeText(a.owner_name ?? '') : this.t.say.theGroup;
      const status = await this.ctx.prompt.select<'done' | 'open' | 'dropped'>({
        message: this.t.ask.actionStatus(who, safeText(a.text ?? ''), a.due_date),
        choices: [
          { name: this.t.say.actionDone, value: 'done' },
          { name: this.t.say.actionOpen, value: 'open' },
          { name: this.t.say.actionDropped, value: 'dropped' },
        ],
      });
      this.commit({ ai: true }, () => db.setActionStatus(this.store, a.id, status, m.id));
    }
    this.advance();
  }

  // ---- 7. case inventory --------------------------------------------------------------------

  private async stepInventory(): Promise<void> {
    const m = this.meeting();
    const state = this.state();
    const people = this.present().filter((p) => p.memberId !== null);
    if (!state['preparedDone']) {
      this.heading('inventory', this.t.title.inventory);
      const prepared = listPreparedCases(this.store, m.group_id);
      if (prepared.length > 0) {
        const presentIds = new Set(people.map((p) => p.memberId));
        const picked = await this.ctx.prompt.checkbox<string>({
          message: this.t.ask.preparedOnTable,
          choices: prepared.map((c) => ({
            name: `${safeText(c.ownerName)}: ${safeText(c.title ?? '')}${presentIds.has(c.ownerId) ? '' : ` (${this.t.say.ownerAbsent})`}`,
            value: c.id,
            checked: presentIds.has(c.ownerId),
          })),
        });
        this.commit({ preparedDone: true }, () => picked.forEach((id) => db.addCandidate(this.store, m.id, id)));
      } else {
        this.commit({ preparedDone: true });
      }
    }
    for (;;) {
      // Owner and title are kept as soon as they are given, so a crash before the question loses neither.
      let pending = this.state()['pendingCase'] as { ownerId: string; title: string } | undefined;
      if (pending) {
        this.out.line(this.t.say.caseKept(safeText(pending.title), this.name(pending.ownerId)));
      } else {
        const count = db.candidates(this.store, m.id).length;
        if (people.length === 0) break;
        const more = await this.ctx.prompt.confirm({ message: count === 0 ? this.t.ask.addCase : this.t.ask.addAnotherCase, default: count === 0 });
        if (!more) break;
        const ownerId =
          people.length === 1
            ? people[0]!.memberId!
            : await this.ctx.prompt.select<string>({ message: this.t.ask.caseOwner, choices: people.map((p) => ({ name: safeText(p.name), value: p.memberId! })) });
        const title = (await this.askText(this.t.ask.caseTitle, { optional: false, max: 120 }))!;
        pending = { ownerId, title };
        this.commit({ pendingCase: pending });
      }
      const { ownerId, title } = pending;
      const question = await this.askText(this.t.ask.caseQuestion, { optional: true });
      this.commit({ pendingCase: undefined }, () => db.addCase(this.store, { groupId: m.group_id, ownerId, title, question, meetingId: m.id }));
    }
    const cands = db.candidates(this.store, m.id);
    if (cands.length === 0) {
      const choice = await this.ctx.prompt.select<'theme' | 'end'>({
        message: this.t.ask.noCase,
        choices: [
          { name: this.t.say.noCaseTheme, value: 'theme' },
          { name: this.t.say.noCaseEnd, value: 'end' },
        ],
      });
      const topic = choice === 'theme' ? await this.askText(this.t.ask.topic, { optional: true, max: 200 }) : null;
      this.advance({ candidates: 0, noCase: choice }, () => {
        if (topic) db.updateMeeting(this.store, m.id, { topic });
      });
      return;
    }
    this.out.line(this.t.say.candidateCount(cands.length));
    this.advance({ candidates: cands.length }, () => {
      if (cands.length === 1) {
        db.chooseCase(this.store, m.id, cands[0]!.id, 1, null);
        db.saveRanking(this.store, m.id, [{ caseId: cands[0]!.id, e: null, g: null, t: null, rank: 1 }]);
      }
    });
    if (cands.length === 1) this.out.success(this.t.say.onlyCase(safeText(cands[0]!.title ?? ''), safeText(cands[0]!.owner_name)));
  }

  // ---- 8. EGT -------------------------------------------------------------------------------

  private egtPrompt(title: string, owner: string, est: [number | null, number | null, number | null]): string {
    const hint = est.every((x) => x !== null) ? this.t.say.ownerEstimate(est.join(' ')) : '';
    return this.t.ask.egt(title, owner) + hint;
  }

  private async stepEgt(): Promise<void> {
    const m = this.meeting();
    let state = this.state();
    const cands = db.candidates(this.store, m.id);
    if (state['mode'] === undefined) {
      this.heading('egt', this.t.title.egt);
      for (const l of this.t.say.egtExplain) this.para(l, '   ');
      const mode = await this.ctx.prompt.select<'group' | 'each'>({
        message: this.t.ask.egtMode,
        choices: [
          { name: this.t.say.egtModeGroup, value: 'group' },
          { name: this.t.say.egtModeEach, value: 'each' },
        ],
      });
      this.commit({ mode });
      state = this.state();
    }
    const validate = (allowEmpty: boolean) => (v: string) => (allowEmpty && v.trim() === '') || parseEgtTriple(v) ? true : this.t.err.egtFormat;
    if (!cands.some((c) => c.chosen !== null)) {
      const scored = () => db.egtScores(this.store, m.id);
      if (state['mode'] === 'group') {
        for (const c of cands) {
          if (scored().some((s) => s.caseId === c.id && s.scorerId === null)) continue;
          const est = [c.est_e, c.est_g, c.est_t] as [number | null, number | null, number | null];
          const raw = await this.ctx.prompt.input({
            message: this.egtPrompt(safeText(c.title ?? ''), safeText(c.owner_name), est),
            ...(est.every((x) => x !== null) ? { default: est.join(' ') } : {}),
            validate: validate(false),
          });
          const [e, g, t] = parseEgtTriple(raw)!;
          this.commit({}, () => db.saveEgtScore(this.store, { meetingId: m.id, caseId: c.id, scorerId: null, e, g, t }));
        }
      } else {
        const scorers = this.present().filter((p) => p.memberId !== null);
        this.out.line(this.t.say.egtHidden);
        for (const p of scorers) {
          for (const c of cands) {
            const abstained = (this.state()['abstained'] as string[] | undefined) ?? [];
            const key = `${p.memberId}:${c.id}`;
            if (abstained.includes(key) || scored().some((s) => s.caseId === c.id && s.scorerId === p.memberId)) continue;
            const own = c.owner_id === p.memberId;
            const raw = await this.ctx.prompt.password({
              message: `${safeText(p.name)} · ${this.t.ask.egt(safeText(c.title ?? ''), safeText(c.owner_name))}${own ? this.t.say.ownCaseAbstain : ''}`,
              validate: validate(own),
            });
            if (raw.trim() === '') {
              this.commit({ abstained: [...abstained, key] });
              continue;
            }
            const [e, g, t] = parseEgtTriple(raw)!;
            this.commit({}, () => db.saveEgtScore(this.store, { meetingId: m.id, caseId: c.id, scorerId: p.memberId, e, g, t }));
          }
        }
      }
      const ranked = rankCases(
        cands.map((c) => c.id),
        scored(),
      );
      this.commit({}, () => db.saveRanking(this.store, m.id, ranked));
      this.showRanking();
      const top = topCases(ranked);
      if (top.length > 1) this.out.warn(this.t.say.egtTie);
      const chosen = await this.ctx.prompt.select<string>({
        message: this.t.ask.chooseCase,
        choices: ranked.map((r) => {
          const c = cands.find((x) => x.id === r.caseId)!;
          return { name: `${r.rank}. ${safeText(c.title ?? '')} (${safeText(c.owner_name)})`, value: c.id };
        }),
        default: ranked[0]!.caseId,
      });
      const reason = choiceNeedsReason(ranked, chosen) ? await this.askText(this.t.ask.choiceReason, { optional: false, max: 300 }) : null;
      this.commit({}, () => db.chooseCase(this.store, m.id, chosen, 1, reason));
    }
    const rest = db.candidates(this.store, m.id).filter((c) => c.chosen === null);
    const end = plannedEnd(new Date(m.started_at), m.planned_minutes, m.paused_seconds);
    if (!state['secondAsked'] && rest.length > 0 && minutesForMethod(this.now(), end) >= SECOND_CASE_MIN_MINUTES) {
      const second = await this.ctx.prompt.confirm({ message: this.t.ask.secondCase(minutesForMethod(this.now(), end)), default: false });
      let pick: string | null = null;
      if (second) {
        pick = await this.ctx.prompt.select<string>({
          message: this.t.ask.chooseSecond,
          choices: rest.map((c) => ({ name: `${c.rank ?? '-'}. ${safeText(c.title ?? '')} (${safeText(c.owner_name)})`, value: c.id })),
        });
      }
      this.commit({ secondAsked: true }, () => {
        if (pick) db.chooseCase(this.store, m.id, pick, 2, null);
      });
    }
    this.advance({}, () => db.releaseUnchosen(this.store, m.id));
    for (const c of db.chosenCases(this.store, m.id)) this.out.success(this.t.say.caseChosen(c.chosen!, safeText(c.title ?? ''), safeText(c.owner_name)));
  }

  private showRanking(): void {
    const rows = db
      .candidates(this.store, this.meetingId)
      .filter((c) => c.rank !== null)
      .sort((a, b) => a.rank! - b.rank!);
    const f = (n: number | null) => (n === null ? '-' : String(Math.round(n * 10) / 10).replace('.', this.ctx.lang === 'nl' ? ',' : '.'));
    this.out.line(
      formatTable(
        this.t.say.rankingHeader,
        rows.map((c) => [String(c.rank), c.title ?? '', c.owner_name, f(c.e), f(c.g), f(c.t), f(c.e === null ? null : c.e + c.g! + c.t!)]),
        this.out.c,
      ),
    );
  }

  // ---- 9. method ----------------------------------------------------------------------------

  private async stepMethod(): Promise<void> {
    this.heading('method', this.t.title.method);
    const catalog = this.methods();
    for (const e of catalog.errors) this.out.warn(this.t.say.methodFileError(e.file, e.line ?? null, e.path ?? null, e.message));
    if (catalog.methods.length === 0) throw new UserError((t) => t.meeting.err.noMethods);
    const lang = this.ctx.lang;
    const def = this.group().defaultMethod;
    // The suggestion comes first: what fits the time left, the people present and the group's recent methods.
    const groupId = this.meeting().group_id;
    const available = minutesForMethod(this.now(), this.endOfMeeting());
    const held = heldMeetingCount(this.store, groupId);
    // The kind of work question sharpens the suggestion; asked only when the chair wants it.
    let question: string | undefined;
    const offerFor = () =>
      methodChoices(
        this.ctx.t,
        lang,
        suggestMethods({
          methods: catalog.methods.map((l) => l.method),
          available,
          present: this.present().length,
          recent: recentMethodUses(this.store, groupId),
          held,
          groupDefault: def,
          ...(question ? { question } : {}),
        }),
        def,
        (text) => wrap(text, this.out.width - 1),
      );
    for (;;) {
      const offer = offerFor();
      const id = await this.ctx.prompt.select<string>({
        message: this.t.ask.method,
        choices: [...offer.choices, { name: this.t.ask.byQuestionType, value: BY_QUESTION_TYPE }],
        default: offer.default ?? (catalog.get(def) ? def : catalog.methods[0]!.method.id),
      });
      if (id === BY_QUESTION_TYPE) {
        question = await this.ctx.prompt.select<string>({
          message: this.t.ask.questionType,
          choices: knownQuestionTypes(catalog.methods.map((l) => l.method)).map((q) => ({ name: questionTypeLabel(this.ctx.t, q), value: q })),
          ...(question ? { default: question } : {}),
        });
        continue;
      }
      const method = catalog.get(id)!;
      this.showMethod(method);
      for (const notice of methodNotices(this.ctx.t, lang, method, available, held)) this.out.warn(wrap(notice, this.out.width - 3, '  '));
      const n = this.present().length;
      if (n < method.groupSize.min || n > method.groupSize.max) this.out.warn(this.t.say.methodGroupSize(n, method.groupSize.min, method.groupSize.max));
      if (await this.ctx.prompt.confirm({ message: this.t.ask.useMethod(safeText(method.name[lang])), default: true })) {
        this.advance({}, () => db.updateMeeting(this.store, this.meetingId, { method_id: id }));
        return;
      }
    }
  }

  private showMethod(method: Method): void {
    const lang = this.ctx.lang;
    this.out.line(this.out.c.bold(safeText(method.name[lang])));
    this.para(safeText(method.description[lang]));
    this.para(`${this.t.say.suits}: ${safeText(method.suits[lang])}`);
    method.phases.forEach((p, i) =>
      this.out.line(`  ${i + 1}. ${safeText(p.title[lang])}${p.minutes ? ` (${p.estimate ? '±' : ''}${p.minutes} min)` : ''}`),
    );
  }

  // ---- 10. time plan ------------------------------------------------------------------------

  private planItems(): { phase: Phase; caseId: string; caseNo: number }[] {
    const method = this.method();
    const chosen = db.chosenCases(this.store, this.meetingId);
    return chosen.flatMap((c, k) => method.phases.map((phase) => ({ phase, caseId: c.id, caseNo: k + 1 })));
  }

  private phaseLabel(phase: Phase, caseNo: number, cases: number): string {
    const title = safeText(phase.title[this.ctx.lang]);
    return cases > 1 ? `${title} (${this.t.say.caseNo(caseNo)})` : title;
  }

  private endOfMeeting(): Date {
    const m = this.meeting();
    return plannedEnd(new Date(m.started_at), m.planned_minutes, m.paused_seconds);
  }

  private async stepPlan(): Promise<void> {
    this.heading('plan', this.t.title.plan);
    const items = this.planItems();
    const cases = new Set(items.map((i) => i.caseId)).size;
    const budgets: PhaseBudget[] = items.map((it, i) => ({
      id: `${i}:${it.phase.id}`,
      weight: phaseWeight(it.phase),
      ...(it.phase.minMinutes !== undefined ? { minMinutes: it.phase.minMinutes } : {}),
    }));
    const available = minutesForMethod(this.now(), this.endOfMeeting());
    const minSum = budgets.reduce((a, b) => a + (b.minMinutes ?? 1), 0);
    if (available < minSum) this.out.warn(this.t.say.littleTime(available, minSum));
    const spread = splitMinutes(budgets, available);
    const own = ownPace(
      items.map((it) => it.phase.minutes),
      available,
    );
    let plan = spread;
    for (;;) {
      this.showPlan(
        items.map((it) => this.phaseLabel(it.phase, it.caseNo, cases)),
        plan,
        this.now(),
      );
      const atOwnPace = own !== null && plan.every((m, i) => m === own[i]);
      const action = await this.ctx.prompt.select<'start' | 'adjust' | 'own' | 'spread'>({
        message: this.t.ask.plan,
        choices: [
          { name: this.t.say.planStart, value: 'start' },
          { name: this.t.say.planAdjust, value: 'adjust' },
          ...(own === null
            ? []
            : atOwnPace
              ? [{ name: this.t.say.planSpread(available), value: 'spread' as const }]
              : [{ name: this.t.say.planOwnPace(own.reduce((a, b) => a + b, 0)), value: 'own' as const }]),
        ],
      });
      if (action === 'start') break;
      if (action === 'own' || action === 'spread') {
        plan = action === 'own' ? own! : spread;
        continue;
      }
      const idx = await this.ctx.prompt.select<number>({
        message: this.t.ask.planWhich,
        choices: items.map((it, i) => ({ name: `${this.phaseLabel(it.phase, it.caseNo, cases)} (${plan[i]} min)`, value: i })),
      });
      const raw = await this.ctx.prompt.input({
        message: this.t.ask.planMinutes,
        default: String(plan[idx]),
        validate: (v) => (/^\d{1,3}$/.test(v.trim()) && Number(v) > 0 ? true : this.t.err.wholeMinutes),
      });
      plan = adjustPlan(plan, budgets, idx, Number(raw.trim()));
    }
    const final = plan;
    // At the method's own pace the group plans to finish earlier: the planned end moves with it,
    // so the clock's schedule and the re-planning after each phase aim at that end.
    const total = final.reduce((a, b) => a + b, 0);
    const shorter = total < available ? this.plannedMinutesEndingAfter(total) : null;
    if (shorter !== null) this.out.info(this.t.say.endsEarlier(clockTime(plannedEnd(new Date(this.meeting().started_at), shorter, this.meeting().paused_seconds))));
    this.advance({ phasesLeft: items.length }, () => {
      if (shorter !== null) db.updateMeeting(this.store, this.meetingId, { planned_minutes: shorter });
      db.createPhaseRuns(
        this.store,
        this.meetingId,
        items.map((it, i) => ({ phaseId: it.phase.id, caseId: it.caseId, plannedSeconds: final[i]! * 60 })),
      );
    });
  }

  /** The meeting length that ends `phaseMinutes` from now plus the closing reserve. */
  private plannedMinutesEndingAfter(phaseMinutes: number): number {
    const m = this.meeting();
    const spent = Math.ceil((this.now().getTime() - new Date(m.started_at).getTime() - m.paused_seconds * 1000) / 60_000);
    return Math.min(m.planned_minutes, spent + phaseMinutes + CLOSING_RESERVE_MINUTES);
  }

  private showPlan(labels: string[], minutes: number[], from: Date, firstNo = 1): void {
    let at = from.getTime();
    const rows = labels.map((l, i) => {
      const start = new Date(at);
      at += minutes[i]! * 60_000;
      return [String(firstNo + i), l, `${minutes[i]} min`, `${clockTime(start)} - ${clockTime(new Date(at))}`];
    });
    this.out.line(formatTable(this.t.say.planHeader, rows, this.out.c));
    this.out.line(this.t.say.planThenClosing(clockTime(new Date(at)), CLOSING_RESERVE_MINUTES, clockTime(this.endOfMeeting())));
  }

  // ---- 11. phases ---------------------------------------------------------------------------

  private async stepPhase(): Promise<void> {
    const runs = db.phaseRuns(this.store, this.meetingId);
    const state = this.state();
    const i = typeof state['i'] === 'number' ? state['i'] : 0;
    const run = runs[i];
    if (!run) {
      this.advance({ phasesLeft: 0 });
      return;
    }
    const items = this.planItems();
    const item = items[i];
    const phase = item?.phase ?? this.method().phases.find((p) => p.id === run.phase_id)!;
    const cases = new Set(runs.map((r) => r.case_id)).size;
    const label = this.phaseLabel(phase, item?.caseNo ?? 1, cases);
    const caseRow = db.chosenCases(this.store, this.meetingId).find((c) => c.id === run.case_id);
    const lang = this.ctx.lang;

    if (run.ended_at === null) {
      if (run.started_at === null) {
        this.showIntro(phase, label, i + 1, runs.length, run.planned_seconds, caseRow);
        await this.ctx.prompt.input({ message: this.t.ask.startPhase });
        this.commit({}, () => db.updatePhaseRun(this.store, run.id, { started_at: this.now().toISOString() }));
      } else {
        this.out.line();
        this.out.heading(this.t.say.phaseHeading(i + 1, runs.length, label));
      }
      const fresh = db.phaseRuns(this.store, this.meetingId)[i]!;
      const result = await this.runPhase(fresh, phase, `${i + 1}/${runs.length} ${label}`, runs, i, caseRow);
      if (result.action === 'quit') throw new InterruptedError((t) => t.meeting.say.resumeHint);
      this.commit({}, () =>
        db.updatePhaseRun(this.store, run.id, {
          ended_at: this.now().toISOString(),
          planned_seconds: Math.round(result.plannedSeconds),
          actual_seconds: Math.round(result.elapsedSeconds),
          paused_seconds: Math.round(result.pausedSeconds),
          overtime_seconds: Math.round(result.overtimeSeconds),
        }),
      );
    }
    // Notes the chair did not take during the phase are asked now.
    await this.askNotes(phase, db.phaseRuns(this.store, this.meetingId)[i]!, caseRow);
    if (i + 1 < runs.length) {
      await this.replan(i + 1);
      await this.maybeBreak();
    }
    const left = runs.length - (i + 1);
    if (left > 0) this.commit({ i: i + 1, fields: [] });
    else this.advance({ phasesLeft: 0 });
    void lang;
  }

  /** "Carla: tells the situation", "The others: listen": for the intro and the live screen. */
  private roleLines(phase: Phase, caseRow: db.CandidateRow | undefined): string[] {
    const lang = this.ctx.lang;
    const owner = caseRow ? safeText(caseRow.owner_name) : this.t.say.owner;
    return [`${owner}: ${safeText(phase.roles.owner[lang])}`, `${this.t.say.others}: ${safeText(phase.roles.others[lang])}`];
  }

  private showIntro(phase: Phase, label: string, no: number, of: number, plannedSeconds: number, caseRow: db.CandidateRow | undefined): void {
    const lang = this.ctx.lang;
    const c = this.out.c;
    this.out.line();
    this.out.heading(this.t.say.phaseHeading(no, of, label));
    if (caseRow && hasFlag(phase, 'caseIntake')) this.out.line(this.t.say.intakeCase(safeText(caseRow.title ?? ''), safeText(caseRow.owner_name)));
    this.para(`${this.t.say.purpose}: ${safeText(phase.purpose[lang])}`);
    this.para(`${this.t.say.chairSays}: “${safeText(phase.chairScript[lang])}”`);
    if (phase.rules.length > 0) {
      this.out.line(c.bold(`${this.t.say.rules}:`));
      for (const r of phase.rules) this.para(`  - ${safeText(r[lang])}`, '    ');
    }
    for (const line of this.roleLines(phase, caseRow)) this.para(line);
    for (const f of phase.flags) this.out.line(`${c.yellow('!')} ${this.t.flags[f]}`);
    this.out.line(`${c.bold(this.t.say.time)}: ${this.t.say.minutes(Math.round(plannedSeconds / 60))}`);
  }

  private runPhase(
    run: db.PhaseRunRow,
    phase: Phase,
    label: string,
    runs: db.PhaseRunRow[],
    i: number,
    caseRow: db.CandidateRow | undefined,
  ): Promise<PhaseResult> {
    const runner: PhaseRunner = this.opts.runPhase ?? (async (ctx, o) => (await import('../ui/phase-screen.js')).runPhaseScreen(ctx, o));
    const lang = this.ctx.lang;
    const startedAt = new Date(run.started_at!).getTime();
    const elapsed = Math.max(0, Math.round((this.now().getTime() - startedAt) / 1000) - run.paused_seconds);
    let pausedSoFar = run.paused_seconds;
    let planned = run.planned_seconds;
    let pauseId: string | null = null;
    const later = runs.slice(i + 1).reduce((a, r) => a + r.planned_seconds, 0);
    const heartbeat = this.ctx.clock.setInterval(() => db.markAlive(this.store, this.meetingId, this.now().toISOString()), HEARTBEAT_MS);
    const onEvent = (e: PhaseEvent): void => {
      if (e.type === 'pause') {
        this.commit({}, () => {
          pauseId = db.startPause(this.store, this.meetingId, run.id, e.at.toISOString(), 'pause');
        });
      } else if (e.type === 'resume') {
        const added = Math.max(0, e.pausedSeconds - pausedSoFar);
        pausedSoFar = e.pausedSeconds;
        const id = pauseId;
        pauseId = null;
        this.commit({}, () => {
          if (id) db.endPause(this.store, id, e.at.toISOString());
          db.updatePhaseRun(this.store, run.id, { paused_seconds: pausedSoFar });
          db.addPausedSeconds(this.store, this.meetingId, added);
        });
      } else if (e.type === 'adjust') {
        planned = e.plannedSeconds;
        this.commit({}, () => db.updatePhaseRun(this.store, run.id, { planned_seconds: planned }));
      }
    };
    const o: PhaseScreenOptions = {
      label,
      purpose: safeText(phase.purpose[lang]),
      rules: phase.rules.map((r) => safeText(r[lang])),
      roles: this.roleLines(phase, caseRow),
      plannedSeconds: run.planned_seconds,
      elapsedSeconds: elapsed,
      pausedSeconds: run.paused_seconds,
      meeting: {
        plannedEnd: this.endOfMeeting(),
        scheduleDeltaSeconds: () => {
          const spent = (this.now().getTime() - startedAt) / 1000 - pausedSoFar;
          const needed = Math.max(0, planned - spent) + later + CLOSING_RESERVE_MINUTES * 60;
          return Math.round((this.endOfMeeting().getTime() - this.now().getTime()) / 1000 - needed);
        },
      },
      quiet: this.opts.quiet,
      onNote: async (remaining) => {
        this.out.line(this.t.say.noteTime(remaining()));
        await this.askNotes(phase, run, caseRow);
      },
      onEvent,
    };
    return runner(this.ctx, o).finally(() => this.ctx.clock.clear(heartbeat));
  }

  /** People a note field goes round: everyone present, or everyone but the case owner. */
  private notePeople(field: NoteField, caseRow: db.CandidateRow | undefined): Person[] {
    const people = this.present();
    if (field.kind === 'per-participant') return people.filter((p) => p.memberId === null || p.memberId !== caseRow?.owner_id);
    return field.perMember ? people : [];
  }

  private async askNotes(phase: Phase, run: db.PhaseRunRow, caseRow: db.CandidateRow | undefined): Promise<void> {
    const lang = this.ctx.lang;
    for (const field of phase.notes) {
      const key = `${run.id}:${field.id}`;
      const done = (this.state()['fields'] as string[] | undefined) ?? [];
      if (done.includes(key)) continue;
      const label = safeText(field.label[lang]);
      const existing = () => db.notes(this.store, this.meetingId).filter((n) => n.phase_run_id === run.id && n.field === field.id);
      const save = (memberId: string | null, ordinal: number, text: string | null, rating: number | null = null) =>
        this.commit({}, () =>
          db.addNote(this.store, { meetingId: this.meetingId, phaseRunId: run.id, field: field.id, memberId, ordinal, text, rating }),
        );
      const people = this.notePeople(field, caseRow);
      if (field.kind === 'per-participant' || (field.perMember && people.length > 0)) {
        for (const p of people) {
          if (existing().some((n) => n.ordinal === p.ordinal)) continue;
          if (field.kind === 'rating') {
            const r = await this.askRating(`${label}: ${safeText(p.name)}`, field.optional);
            save(p.memberId, p.ordinal, null, r);
          } else {
            save(p.memberId, p.ordinal, await this.askText(`${label}: ${safeText(p.name)}${field.optional ? this.t.say.optional : ''}`, { optional: field.optional }));
          }
        }
      } else if (field.kind === 'list') {
        let n = existing().length;
        for (;;) {
          const text = await this.askText(this.t.ask.listItem(label, n + 1), { optional: true });
          if (!text) break;
          save(null, n, text);
          n += 1;
        }
      } else if (field.kind === 'rating') {
        save(null, 0, null, await this.askRating(label, field.optional));
      } else {
        if (existing().length === 0) {
          const ownerHint = field.kind === 'reformulated-question' && caseRow?.question ? this.t.say.earlierQuestion(safeText(caseRow.question)) : '';
          if (ownerHint) this.out.line(ownerHint);
          save(caseRow && field.kind === 'reformulated-question' ? caseRow.owner_id : null, 0, await this.askText(`${label}${field.optional ? this.t.say.optional : ''}`, { optional: field.optional }));
        }
      }
      this.commit({ fields: [...((this.state()['fields'] as string[] | undefined) ?? []), key] });
    }
  }

  private async askRating(message: string, optional: boolean): Promise<number | null> {
    const raw = await this.ctx.prompt.input({
      message: `${message} (1-5${optional ? this.t.say.emptySkips : ''})`,
      validate: (v) => ((optional && v.trim() === '') || /^[1-5]$/.test(v.trim()) ? true : this.t.err.rating),
    });
    return raw.trim() === '' ? null : Number(raw.trim());
  }

  /** After a phase ran short or long: re-divide what is left so the meeting still ends on time. */
  private async replan(from: number): Promise<void> {
    const runs = db.phaseRuns(this.store, this.meetingId);
    const rest = runs.slice(from).filter((r) => r.started_at === null);
    if (rest.length === 0) return;
    const items = this.planItems();
    // Whole minutes, so the new plan reads "29 min" rather than "28:47".
    const availableSec = Math.max(0, Math.floor((this.endOfMeeting().getTime() - this.now().getTime()) / 60_000) * 60 - CLOSING_RESERVE_MINUTES * 60);
    const minSec = (r: db.PhaseRunRow) => (items[r.ordinal]?.phase.minMinutes ?? 1) * 60;
    const current = rest.reduce((a, r) => a + r.planned_seconds, 0);
    const next = rebalance(
      rest.map((r) => ({ plannedSeconds: r.planned_seconds, minSeconds: minSec(r) })),
      availableSec,
    );
    const diff = current - availableSec;
    // A minute or so either way is noise; only a real shift is worth the chair's attention.
    if (Math.abs(diff) < REPLAN_THRESHOLD_SECONDS) return;
    const shift = Math.round(Math.abs(diff) / 60);
    const cases = new Set(runs.map((r) => r.case_id)).size;
    this.out.line();
    this.out.line(diff > 0 ? this.t.say.behind(shift) : this.t.say.ahead(shift));
    this.out.line(
      renderPlan(
        this.ctx,
        rest.map((r, k) => {
          const it = items[r.ordinal];
          const label = it ? this.phaseLabel(it.phase, it.caseNo, cases) : r.phase_id;
          return { label: `${r.ordinal + 1}/${runs.length} ${label}`, seconds: next[k]!, previousSeconds: r.planned_seconds };
        }),
        new Date(this.now().getTime() + (availableSec + CLOSING_RESERVE_MINUTES * 60) * 1000),
      ),
    );
    const choice = await this.ctx.prompt.select<'replan' | 'keep'>({
      message: this.t.ask.replan,
      choices: [
        { name: this.t.say.replanAccept, value: 'replan' },
        { name: diff > 0 ? this.t.say.replanExtend(shift) : this.t.say.replanKeepEarly, value: 'keep' },
      ],
      // Running late: re-dividing keeps the end time; running early: finishing early is usually welcome.
      default: diff > 0 ? 'replan' : 'keep',
    });
    this.commit({}, () => {
      if (choice === 'replan') rest.forEach((r, k) => db.updatePhaseRun(this.store, r.id, { planned_seconds: next[k]! }));
      else if (diff > 0) {
        // The chair extends the meeting by what the phases need.
        db.updateMeeting(this.store, this.meetingId, { planned_minutes: this.meeting().planned_minutes + shift });
      }
    });
  }

  private async maybeBreak(): Promise<void> {
    const m = this.meeting();
    if (m.planned_minutes < BREAK_FROM_MINUTES || this.state()['breakOffered']) return;
    const start = new Date(m.started_at).getTime();
    const spent = (this.now().getTime() - start) / 60_000 - m.paused_seconds / 60;
    if (spent < m.planned_minutes / 2) return;
    const take = await this.ctx.prompt.confirm({ message: this.t.ask.takeBreak(BREAK_MINUTES), default: false });
    if (!take) {
      this.commit({ breakOffered: true });
      return;
    }
    const at = this.now();
    let pauseId = '';
    this.commit({ breakOffered: true }, () => {
      pauseId = db.startPause(this.store, this.meetingId, null, at.toISOString(), 'break');
    });
    this.out.info(this.t.say.breakUntil(clockTime(new Date(at.getTime() + BREAK_MINUTES * 60_000))));
    await this.ctx.prompt.input({ message: this.t.ask.breakOver });
    const end = this.now();
    this.commit({}, () => {
      db.endPause(this.store, pauseId, end.toISOString());
      db.addPausedSeconds(this.store, this.meetingId, Math.round((end.getTime() - at.getTime()) / 1000));
    });
  }

  // ---- 12. closing --------------------------------------------------------------------------

  private async stepClosing(): Promise<void> {
    const m = this.meeting();
    const state = this.state();
    const people = this.present();
    const memberPeople = people.filter((p) => p.memberId !== null);
    if (!state['actionsDone']) {
      this.heading('closing', this.t.title.closing);
      for (;;) {
        // Who and what are kept as soon as they are given; only the due date is asked again after a crash.
        let pending = this.state()['pendingAction'] as { ownerId: string | null; text: string } | undefined;
        if (pending) {
          this.out.line(this.t.say.actionKept(this.name(pending.ownerId), safeText(pending.text)));
        } else {
          const first = db.meetingActions(this.store, m.id).length === 0;
          if (!(await this.ctx.prompt.confirm({ message: first ? this.t.ask.addAction : this.t.ask.addAnotherAction, default: first }))) break;
          const ownerId = await this.ctx.prompt.select<string | null>({
            message: this.t.ask.actionWho,
            choices: [...memberPeople.map((p) => ({ name: safeText(p.name), value: p.memberId as string | null })), { name: this.t.say.theGroup, value: null }],
          });
          const text = (await this.askText(this.t.ask.actionWhat, { optional: false, max: 500 }))!;
          pending = { ownerId, text };
          this.commit({ pendingAction: pending });
        }
        const { ownerId, text } = pending;
        const due = await this.askDate(this.t.ask.actionDue, false);
        this.commit({ pendingAction: undefined }, () =>
          db.addAction(this.store, { groupId: m.group_id, meetingId: m.id, ownerId, text, dueDate: due ? isoDay(due) : null }),
        );
      }
      this.commit({ actionsDone: true });
    }
    // The agreed date and chair are kept one by one too; the record is written when the step ends.
    const kept = this.state()['next'] as { when: string; chairId?: string } | undefined;
    let when: Date | null;
    if (kept) {
      when = new Date(kept.when);
      this.out.line(this.t.say.nextKept(longDateTime(when, this.ctx.lang)));
    } else {
      when = await this.askDate(this.t.ask.nextDate, true);
      if (when) this.commit({ next: { when: when.toISOString() } });
    }
    let chairId: string | null = null;
    let owners: string[] = [];
    if (when) {
      const members = this.members();
      const history = [...db.chairHistory(this.store, m.group_id), ...(m.chair_id ? [{ chairId: m.chair_id, startedAt: m.started_at }] : [])];
      const suggestion = suggestChair({
        candidates: members.map((x) => ({ id: x.id, name: x.name })),
        agreedChairId: null,
        history,
        ...(m.chair_id ? { exclude: [m.chair_id] } : {}),
      });
      chairId =
        kept?.chairId ??
        (await this.ctx.prompt.select<string>({
          message: this.t.ask.nextChair,
          choices: members.map((x) => ({ name: `${safeText(x.name)}${x.id === suggestion ? ` (${this.t.say.suggested})` : ''}`, value: x.id })),
          ...(suggestion ? { default: suggestion } : {}),
        }));
      if (!kept?.chairId) this.commit({ next: { when: when.toISOString(), chairId } });
      owners = await this.ctx.prompt.checkbox<string>({
        message: this.t.ask.nextCaseOwners,
        choices: members.map((x) => ({ name: safeText(x.name), value: x.id })),
      });
    } else {
      this.out.warn(this.t.say.noNextDate);
    }
    const endedAt = this.now().toISOString();
    this.advance({}, () => {
      if (when) {
        db.saveNextMeeting(this.store, {
          groupId: m.group_id,
          meetingId: m.id,
          scheduledAt: when.toISOString(),
          chairId,
          caseOwnerIds: owners,
          minutes: this.group().defaultMinutes,
        });
      }
      db.updateMeeting(this.store, m.id, { status: 'completed', ended_at: endedAt });
      db.linkPlannedMeeting(this.store, this.meeting());
    });
  }

  /** Ask a date in natural words and confirm it back in full; null when left empty. */
  private async askDate(message: string, confirmBack: boolean): Promise<Date | null> {
    const m = this.meeting();
    const planned = db.plannedTimeNear(this.store, m.group_id, m.started_at);
    const time = usualTimeOfDay(new Date(m.started_at), planned ? new Date(planned) : null);
    for (;;) {
      const raw = await this.ctx.prompt.input({
        message,
        validate: (v) => (v.trim() === '' || parseNaturalDate(v, this.now(), time) ? true : this.t.err.badDate(v.trim())),
      });
      if (raw.trim() === '') return null;
      const d = parseNaturalDate(raw, this.now(), time)!;
      if (!confirmBack) return d;
      if (await this.ctx.prompt.confirm({ message: this.t.ask.dateRight(longDateTime(d, this.ctx.lang)), default: true })) return d;
    }
  }

  // ---- 13. summary --------------------------------------------------------------------------

  private async stepSummary(): Promise<void> {
    const { showSummary, offerMarkdown } = await import('./meeting-summary.js');
    await showSummary(this.ctx, this.store, this.meetingId);
    await offerMarkdown(this.ctx, this.store, this.meetingId, this.opts.markdown, this.opts.demo ?? false);
    this.advance();
  }
}
