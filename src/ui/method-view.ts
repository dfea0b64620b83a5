import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl as nlLocale } from 'date-fns/locale/nl';
import type { MethodFileError } from '../catalog/methods.js';
import { methodMinutes, type LocalText, type Method } from '../domain/method.js';
import { NEW_GROUP_MEETINGS, timeFitFor, type Reason, type Suggestion, type TimeFit } from '../domain/method-suggest.js';
import { safeText } from '../domain/names.js';
import type { Lang, Messages } from './i18n/index.js';
import type { Choice } from './prompter.js';

// Rendering methods and suggestions for people; shared by `methods ...` and the choice at `start`.

/** A method text in the user's language. Method files may come from anyone: always made safe. */
export function local(text: LocalText, lang: Lang): string {
  return safeText(text[lang]);
}

export function questionTypeLabel(t: Messages, type: string): string {
  return t.methods.questionTypes[type] ?? type;
}

export function shortDate(iso: string, lang: Lang): string {
  return format(new TZDate(new Date(iso).getTime(), 'Europe/Amsterdam'), 'd MMM yyyy', { locale: lang === 'nl' ? nlLocale : enGB });
}

export function timeReason(t: Messages, fit: TimeFit): string {
  const r = t.methods.say.reason;
  if (fit.kind === 'fits') return r.timeFits(fit.full, fit.available);
  if (fit.kind === 'tight') return r.timeTight(fit.full, fit.available);
  return r.timeTooShort(fit.minimum, fit.available);
}

export function reasonText(t: Messages, lang: Lang, reason: Reason): string {
  const r = t.methods.say.reason;
  switch (reason.kind) {
    case 'time':
      return timeReason(t, reason.fit);
    case 'group': {
      const f = reason.fit;
      if (f.kind === 'fits') return r.groupFits(f.present, f.min, f.max);
      if (f.kind === 'too-small') return r.groupTooSmall(f.present, f.min);
      return r.groupTooLarge(f.present, f.max);
    }
    case 'question-match':
      return (reason.primary ? r.questionPrimary : r.questionMatch)(questionTypeLabel(t, reason.question));
    case 'question-other':
      return r.questionOther(questionTypeLabel(t, reason.question));
    case 'used-recently':
      return r.usedRecently(reason.meetingsAgo, shortDate(reason.startedAt, lang));
    case 'used-before':
      return r.usedBefore(reason.meetingsAgo, shortDate(reason.startedAt, lang));
    case 'any-question':
      return r.anyQuestion;
    case 'group-default':
      return r.groupDefault;
    case 'new-for-group':
      return r.newForGroup;
    case 'experienced-for-new-group':
      return r.experiencedForNewGroup(reason.held);
    case 'beginner-for-new-group':
      return r.beginnerForNewGroup;
  }
}

/** One line: the reasons for, then the ones against, separated by semicolons. */
export function suggestionWhy(t: Messages, lang: Lang, s: Suggestion): string {
  return [...s.reasons, ...s.warnings].map((r) => reasonText(t, lang, r)).join('; ');
}

export function fileErrorLines(t: Messages, errors: readonly MethodFileError[]): string[] {
  return errors.map((e) => {
    const where = [e.file, e.line !== undefined ? String(e.line) : null].filter((x) => x !== null).join(':');
    const field = e.path ? `${e.path}: ` : '';
    return t.methods.say.fileError(safeText(where), `${field}${safeText(e.message)}`);
  });
}

/** The whole method as the chair will see it, as lines of text. */
export function methodLines(t: Messages, lang: Lang, m: Method, c: { bold: (s: string) => string; dim: (s: string) => string }): string[] {
  const s = t.methods.say;
  const L = s.showLabels;
  const out: string[] = [];
  out.push(c.bold(`${local(m.name, lang)} (${m.id})`));
  out.push(local(m.description, lang));
  out.push('');
  out.push(`${L.suits}: ${local(m.suits, lang)}`);
  out.push(`${L.group}: ${s.showGroup(m.groupSize.min, m.groupSize.max, m.groupSize.advised)}`);
  out.push(`${L.time}: ${s.showMinutes(m.typicalMinutes, methodMinutes(m))}`);
  if (m.questionTypes.length > 0) out.push(`${L.questions}: ${m.questionTypes.map((q) => questionTypeLabel(t, q)).join(', ')}`);
  if (m.level) out.push(`${L.level}: ${t.methods.level[m.level] ?? m.level}`);
  for (const caution of m.cautions) out.push(`${L.cautions}: ${local(caution, lang)}`);
  m.phases.forEach((p, i) => {
    out.push('');
    out.push(c.bold(s.phaseHeading(i + 1, m.phases.length, local(p.title, lang), s.phaseMinutes(p.minutes, p.estimate))));
    out.push(`  ${L.purpose}: ${local(p.purpose, lang)}`);
    out.push(`  ${L.chair}: “${local(p.chairScript, lang)}”`);
    if (p.flags.length > 0) out.push(`  ${L.how}: ${p.flags.map((f) => t.methods.flags[f] ?? f).join('; ')}`);
    for (const rule of p.rules) out.push(`  • ${local(rule, lang)}`);
    out.push(`  ${L.owner}: ${local(p.roles.owner, lang)}`);
    out.push(`  ${L.others}: ${local(p.roles.others, lang)}`);
    if (p.notes.length > 0) {
      const notes = p.notes.map((n) => `${local(n.label, lang)} (${s.noteKinds[n.kind] ?? n.kind}${n.perMember ? `, ${s.perMember}` : ''})`);
      out.push(`  ${L.notes}: ${notes.join('; ')}`);
    }
  });
  if (m.phases.some((p) => p.estimate)) {
    out.push('');
    out.push(c.dim(s.estimateLegend));
  }
  if (m.sources.length > 0) {
    out.push('');
    out.push(`${L.sources}:`);
    for (const src of m.sources) out.push(`  - ${safeText(src.title)}${src.url ? ` ${safeText(src.url)}` : ''}`);
  }
  return out;
}

/**
 * The method choice at `start`: the ranking first, the best fitting method marked as suggested
 * and chosen by default, each with its reasons as the description.
 */
export function methodChoices(
  t: Messages,
  lang: Lang,
  ranked: readonly Suggestion[],
  groupDefault: string,
  /** Fits the description to the terminal (the prompt itself does not wrap at words). */
  fit: (text: string) => string = (text) => text,
): { choices: Choice<string>[]; default: string | undefined } {
  const s = t.methods.say;
  const top = ranked.find((r) => r.fits);
  const choices = ranked.map((r) => {
    const marks = [
      r === top ? s.startSuggested : null,
      r.method.id === groupDefault ? s.groupDefault : null,
      r.fits ? null : s.startNoFit,
    ].filter((x): x is string => x !== null);
    return {
      name: `${local(r.method.name, lang)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`,
      value: r.method.id,
      description: `${fit(suggestionWhy(t, lang, r))}\n${fit(local(r.method.description, lang))}`,
    };
  });
  return { choices, default: top?.method.id };
}

/** What the chair should know once a method is picked: its cautions, and a time that does not fit. */
export function methodNotices(t: Messages, lang: Lang, m: Method, available: number, held?: number): string[] {
  const s = t.methods.say;
  const out: string[] = [];
  if (m.level === 'experienced' && held !== undefined && held < NEW_GROUP_MEETINGS) out.push(s.experiencedNotice(local(m.name, lang), held));
  out.push(...m.cautions.map((c) => `${s.showLabels.cautions}: ${local(c, lang)}`));
  const fit = timeFitFor(m, available);
  if (fit.kind === 'tight') out.push(s.timeLeftWarning(local(m.name, lang), fit.full, available));
  if (fit.kind === 'too-short') out.push(s.timeLeftTooShort(local(m.name, lang), fit.minimum, available));
  return out;
}
