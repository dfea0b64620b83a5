import type { Ctx } from '../context.js';
import { findRegister, loadRegisters, registerDirs, type LoadedRegister } from '../catalog/registers.js';
import type { RegisterProfile } from '../domain/register.js';
import { safeText } from '../domain/names.js';
import type { Messages } from '../ui/i18n/index.js';
import { formatTable } from '../ui/output.js';
import { formatHours, longDate } from '../ui/report-view.js';

function registerJson(r: LoadedRegister) {
  const p = r.profile;
  return {
    id: p.id,
    name: p.name,
    fullName: p.fullName,
    country: p.country,
    preset: p.preset,
    origin: r.origin,
    rules: p.rules,
    requirement: p.requirement,
    proof: p.proof,
    notes: p.notes,
    sources: p.sources,
    checked: p.checked,
  };
}

function perMeeting(p: RegisterProfile, t: Messages): string {
  const m = t.report.registers.perMeeting;
  const r = p.rules;
  const parts: string[] = [];
  if (r.minPresent !== null) parts.push(m.minPresent(r.minPresent === 'group' ? m.groupMin : r.minPresent));
  if (r.maxGroupSize !== null) parts.push(m.maxGroupSize(r.maxGroupSize));
  if (r.minMeetingMinutes !== null) parts.push(m.minMinutes(r.minMeetingMinutes));
  if (r.requireChair) parts.push(m.chair);
  if (r.requireMethod) parts.push(m.method);
  return parts.length ? parts.join(', ') : t.report.registers.rulesNone;
}

/** Compact: "15 u / 12 mnd", "3× + 6 u / 12 mnd". */
function requirementShort(p: RegisterProfile, ctx: Ctx): string {
  const req = p.requirement;
  const r = ctx.t.report.registers;
  if (!req) return r.rulesNone;
  const parts: string[] = [];
  if (req.meetings !== null) parts.push(r.timesShort(req.meetings));
  if (req.hours !== null) parts.push(ctx.t.report.say.hours(formatHours(req.hours, ctx.lang)));
  if (req.mustBringCase) parts.push(r.caseShort);
  return `${parts.join(' + ')} / ${r.monthsShort(req.periodMonths)}`;
}

function requirementText(p: RegisterProfile, ctx: Ctx): string {
  const req = p.requirement;
  const s = ctx.t.report.say;
  if (!req) return ctx.t.report.registers.rulesNone;
  const parts: string[] = [];
  if (req.hours !== null) parts.push(s.requirementHours(formatHours(req.hours, ctx.lang), req.periodMonths));
  if (req.meetings !== null) parts.push(s.requirementMeetings(req.meetings, req.periodMonths));
  if (req.mustBringCase) parts.push(s.requirementCase);
  if (req.maxMissed !== null) parts.push(s.requirementMaxMissed(req.maxMissed));
  return parts.join(s.and);
}

export async function registersList(ctx: Ctx, opts: { json?: boolean }): Promise<void> {
  const dirs = registerDirs(ctx.env);
  const all = loadRegisters(dirs);
  if (opts.json) {
    ctx.out.json({ registers: all.map(registerJson) });
    return;
  }
  const r = ctx.t.report.registers;
  ctx.out.line(
    formatTable(
      r.header,
      all.map(({ profile: p, origin }) => [
        origin === 'user' ? `${p.id} (${r.userMark})` : p.id,
        p.name,
        p.country,
        requirementShort(p, ctx),
        perMeeting(p, ctx.t),
      ]),
      ctx.out.c,
    ),
  );
  ctx.out.line();
  ctx.out.line(ctx.out.c.dim(`${r.presetFooter} ${dirs.user}`));
}

export async function registersShow(ctx: Ctx, id: string, opts: { json?: boolean }): Promise<void> {
  const loaded = findRegister(id, registerDirs(ctx.env));
  if (opts.json) {
    ctx.out.json(registerJson(loaded));
    return;
  }
  const p = loaded.profile;
  const r = ctx.t.report.registers;
  const lang = ctx.lang;
  const row = (label: string, value: string) => `${ctx.out.c.dim(label.padEnd(16))}${safeText(value)}`;
  ctx.out.heading(safeText(`${p.name} (${p.id})`));
  if (p.fullName) ctx.out.line(row(r.showName, p.fullName));
  ctx.out.line(row(r.showCountry, p.country));
  ctx.out.line(row(r.showRules, perMeeting(p, ctx.t)));
  ctx.out.line(row(r.showRequirement, requirementText(p, ctx)));
  ctx.out.line(row(r.showProof, p.proof[lang]));
  if (p.notes) ctx.out.line(row(r.showNotes, p.notes[lang]));
  p.sources.forEach((s, i) => ctx.out.line(row(i === 0 ? r.showSources : '', s)));
  ctx.out.line(row(r.showChecked, longDate(p.checked, lang)));
  ctx.out.line(row(r.showFile, loaded.file));
  if (p.preset || loaded.origin === 'user') {
    ctx.out.line();
    ctx.out.line(p.preset ? r.showPreset : r.showOwn);
  }
}
