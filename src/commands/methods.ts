import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtinMethodsDir, loadMethods, parseMethodFile, userMethodsDir, type LoadedMethod, type MethodCatalog } from '../catalog/methods.js';
import type { Ctx } from '../context.js';
import { methodMinutes } from '../domain/method.js';
import { knownQuestionTypes, suggestMethods, timeFit, type MethodUse, type Suggestion } from '../domain/method-suggest.js';
import { safeText } from '../domain/names.js';
import type { Group } from '../domain/types.js';
import { UsageError, UserError } from '../errors.js';
import { countActiveMembers, defaultGroupId, getGroup, listGroups, resolveGroup } from '../store/groups.js';
import { heldMeetingCount, recentMethodUses } from '../store/method-usage.js';
import { fileErrorLines, local, methodLines, questionTypeLabel, reasonText, shortDate, suggestionWhy } from '../ui/method-view.js';
import { intOption } from './options.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DEFAULT_MEETING_MINUTES = 90;

function catalog(ctx: Ctx): MethodCatalog {
  return loadMethods({ env: ctx.env, lang: ctx.lang });
}

/** Broken method files never stop a command; they are named on stderr. */
function warnBroken(ctx: Ctx, cat: MethodCatalog): void {
  if (cat.errors.length === 0) return;
  ctx.out.warn(ctx.t.methods.say.brokenFiles(new Set(cat.errors.map((e) => e.file)).size));
  for (const line of fileErrorLines(ctx.t, cat.errors)) ctx.stderr.write(`${line}\n`);
}

function requireMethod(cat: MethodCatalog, id: string): LoadedMethod {
  const found = cat.methods.find((m) => m.method.id === id);
  if (!found) throw new UserError((t) => t.methods.err.unknownMethod(id));
  return found;
}

export function methodsList(ctx: Ctx, opts: { json?: boolean }): void {
  const cat = catalog(ctx);
  if (opts.json) {
    ctx.out.json({
      methods: cat.methods.map(({ method: m, origin, overrides, file }) => ({
        id: m.id,
        name: m.name,
        origin,
        overrides,
        file,
        phases: m.phases.length,
        phaseMinutes: methodMinutes(m),
        typicalMinutes: m.typicalMinutes,
        groupSize: { min: m.groupSize.min, max: m.groupSize.max, advised: m.groupSize.advised ?? null },
        questionTypes: m.questionTypes,
        level: m.level ?? null,
        suits: m.suits,
      })),
      errors: cat.errors.map((e) => ({ file: e.file, line: e.line ?? null, path: e.path ?? null, message: e.message })),
    });
    return;
  }
  const s = ctx.t.methods.say;
  const width = Math.max(...cat.methods.map((m) => m.method.id.length), 2);
  for (const { method: m, origin } of cat.methods) {
    const name = `${local(m.name, ctx.lang)}${origin === 'user' ? ` (${s.userMark})` : ''}`;
    ctx.out.line(`${ctx.out.c.bold(m.id.padEnd(width))}  ${s.listLine(name, m.phases.length, m.typicalMinutes, m.groupSize.min, m.groupSize.max)}`);
    if (m.questionTypes.length > 0) {
      ctx.out.line(`${' '.repeat(width)}  ${ctx.out.c.dim(s.listSuits(m.questionTypes.map((q) => questionTypeLabel(ctx.t, q)).join(', ')))}`);
    }
  }
  for (const o of cat.methods.filter((m) => m.overrides)) ctx.out.info(s.overrideNote(o.method.id, safeText(o.file)));
  warnBroken(ctx, cat);
}

export function methodsShow(ctx: Ctx, id: string, opts: { minutes?: string }): void {
  const minutes = intOption('--minutes', opts.minutes, 15, 480) ?? DEFAULT_MEETING_MINUTES;
  const cat = catalog(ctx);
  const loaded = requireMethod(cat, id);
  const m = loaded.method;
  for (const line of methodLines(ctx.t, ctx.lang, m, ctx.out.c)) ctx.out.line(line);
  ctx.out.line('');
  ctx.out.line(`${ctx.t.methods.say.showLabels.file}: ${safeText(loaded.file)}`);
  if (loaded.overrides) ctx.out.info(ctx.t.methods.say.overrideNote(m.id, safeText(loaded.file)));
  warnTime(ctx, m, minutes);
}

/** The warning the issue asks for: a method whose sources need more time than the meeting has. */
function warnTime(ctx: Ctx, m: LoadedMethod['method'], minutes: number): void {
  const fit = timeFit(m, minutes);
  const s = ctx.t.methods.say;
  const name = local(m.name, ctx.lang);
  if (fit.kind === 'tight') ctx.out.warn(s.timeWarning(name, fit.full, minutes, fit.available));
  else if (fit.kind === 'too-short') ctx.out.warn(s.timeTooShortWarning(name, fit.minimum, minutes));
}

interface SuggestOptions {
  minutes?: string;
  present?: string;
  question?: string;
  group?: string;
  json?: boolean;
}

/** The group to weigh history for: the one named, else the default (or only) group if there is one. */
function suggestGroup(ctx: Ctx, name: string | undefined): Group | null {
  if (name !== undefined) return resolveGroup(ctx.readStore(), name);
  if (!existsSync(ctx.dbPath)) return null;
  const store = ctx.readStore();
  const id = defaultGroupId(store);
  if (id) return getGroup(store, id);
  const groups = listGroups(store);
  return groups.length === 1 ? groups[0]! : null;
}

export function methodsSuggest(ctx: Ctx, opts: SuggestOptions): void {
  const givenMinutes = intOption('--minutes', opts.minutes, 15, 480);
  const givenPresent = intOption('--present', opts.present, 2, 20);
  const cat = catalog(ctx);
  const methods = cat.methods.map((m) => m.method);
  const question = opts.question?.trim().toLowerCase();
  if (question !== undefined) {
    const known = knownQuestionTypes(methods);
    if (!known.includes(question)) throw new UsageError((t) => t.methods.err.unknownQuestion(question, known.join(', ')));
  }
  const group = suggestGroup(ctx, opts.group);
  const store = group ? ctx.readStore() : null;
  const minutes = givenMinutes ?? group?.defaultMinutes ?? DEFAULT_MEETING_MINUTES;
  const present = givenPresent ?? (group && store ? countActiveMembers(store, group.id) : undefined);
  const recent: MethodUse[] | undefined = group && store ? recentMethodUses(store, group.id) : undefined;
  const held = group && store ? heldMeetingCount(store, group.id) : undefined;
  const ranked = suggestMethods({
    methods,
    minutes,
    ...(present !== undefined ? { present } : {}),
    ...(question !== undefined ? { question } : {}),
    ...(recent !== undefined ? { recent } : {}),
    ...(held !== undefined ? { held } : {}),
    ...(group ? { groupDefault: group.defaultMethod } : {}),
  });

  if (opts.json) {
    ctx.out.json({
      minutes,
      present: present ?? null,
      question: question ?? null,
      group: group?.name ?? null,
      recent: recent ?? [],
      suggestions: ranked.map((r) => ({ id: r.method.id, fits: r.fits, score: r.score, reasons: r.reasons, warnings: r.warnings })),
    });
    return;
  }
  renderSuggestions(ctx, ranked, { minutes, present, question, group, recent });
  warnBroken(ctx, cat);
}

function renderSuggestions(
  ctx: Ctx,
  ranked: Suggestion[],
  o: { minutes: number; present: number | undefined; question: string | undefined; group: Group | null; recent: MethodUse[] | undefined },
): void {
  const s = ctx.t.methods.say;
  const c = ctx.out.c;
  ctx.out.heading(s.suggestTitle(o.minutes, o.present, o.question ? questionTypeLabel(ctx.t, o.question) : undefined));
  if (o.group) ctx.out.line(c.dim(s.suggestGroup(safeText(o.group.name))));
  ctx.out.line('');
  const fitting = ranked.filter((r) => r.fits);
  fitting.forEach((r, i) => {
    ctx.out.line(c.bold(s.suggestLine(i + 1, local(r.method.name, ctx.lang), r.method.id)));
    ctx.out.line(`   ${suggestionWhy(ctx.t, ctx.lang, r)}`);
  });
  const other = ranked.filter((r) => !r.fits);
  if (other.length > 0) {
    ctx.out.line('');
    ctx.out.line(s.suggestNoFit);
    for (const r of other) {
      const why = r.warnings.filter((w) => (w.kind === 'time' && w.fit.kind === 'too-short') || w.kind === 'group');
      const text = why.map((w) => reasonText(ctx.t, ctx.lang, w));
      ctx.out.line(c.dim(`- ${local(r.method.name, ctx.lang)} (${r.method.id}): ${text.join('; ')}`));
    }
  }
  if (o.recent !== undefined) {
    ctx.out.line('');
    if (o.recent.length === 0) ctx.out.line(s.recentNone);
    else {
      ctx.out.line(s.recentTitle);
      const names = new Map(ranked.map((r) => [r.method.id, local(r.method.name, ctx.lang)]));
      for (const u of o.recent.slice(0, 5)) ctx.out.line(`  ${shortDate(u.startedAt, ctx.lang)}  ${names.get(u.methodId) ?? safeText(u.methodId)}`);
    }
  }
}

export function methodsNew(ctx: Ctx, id: string, opts: { from?: string }): void {
  if (!ID.test(id)) throw new UsageError((t) => t.methods.err.badId(id));
  const cat = catalog(ctx);
  const existing = cat.methods.find((m) => m.method.id === id);
  let text: string;
  if (opts.from !== undefined) {
    const source = requireMethod(cat, opts.from);
    const original = readFileSync(source.file, 'utf8');
    text = `${ctx.t.methods.say.fromHeader(opts.from)}\n${original.replace(/^id:.*$/m, `id: ${id}`)}`;
  } else {
    if (existing && existing.origin === 'builtin') throw new UserError((t) => t.methods.err.builtinId(id));
    text = ctx.t.methods.say.starter(id);
  }
  const dir = userMethodsDir(ctx.env);
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file)) throw new UserError((t) => t.methods.err.exists(file));
  // The starting file must itself be valid, or the user starts from an error.
  const check = parseMethodFile(file, text, ctx.lang);
  if (!check.ok) throw new Error(`starting file for '${id}' does not validate: ${check.errors.map((e) => e.path).join(', ')}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    const reason = (err as Error).message.replace(/^[A-Z]+: /, '');
    throw new UserError((t) => t.methods.err.cannotWrite(file, reason));
  }
  ctx.out.success(ctx.t.methods.say.created(file));
  ctx.out.line(ctx.t.methods.say.createdNext(file));
}

export function methodsValidate(ctx: Ctx, file: string): void {
  if (!existsSync(file)) throw new UserError((t) => t.methods.err.notFound(file));
  const result = parseMethodFile(file, undefined, ctx.lang);
  if (!result.ok) {
    ctx.out.error(ctx.t.methods.say.invalid(result.errors.length));
    for (const line of fileErrorLines(ctx.t, result.errors)) ctx.stderr.write(`${line}\n`);
    throw new UserError((t) => t.methods.err.invalidFile(file, result.errors.length));
  }
  const m = result.method;
  ctx.out.success(ctx.t.methods.say.valid(file, local(m.name, ctx.lang), m.phases.length));
  const builtin = join(builtinMethodsDir(), `${m.id}.yaml`);
  if (existsSync(builtin) && resolve(builtin) !== resolve(file)) ctx.out.info(ctx.t.methods.say.validOverrides(m.id));
  warnTime(ctx, m, DEFAULT_MEETING_MINUTES);
}
