import { z } from 'zod';

// The shape of a method file (templates/methods/*.yaml or <configDir>/methods/*.yaml).
// Everything a method needs to run lives in its file: the meeting flow reads only these
// fields, so a new method is a new file and never a TypeScript change.
// docs/methods.md explains every field for people who write a method.

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const slug = z.string().regex(SLUG, 'use lowercase letters, digits and hyphens (a-z, 0-9, -)');

/** A text in both product languages; Dutch is the default. */
export const LocalText = z.strictObject({
  nl: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalText = z.infer<typeof LocalText>;

/**
 * What the flow records during a phase.
 * - text: one free text; list: several short items (e.g. the questions asked);
 * - per-participant: the tool goes round every present participant except the case owner
 *   by name (e.g. one advice each);
 * - rating: a score 1 to 5 (with perMember: asked of every present member);
 * - reformulated-question: the owner's question in new words, kept with the case.
 */
export const NOTE_KINDS = ['text', 'list', 'per-participant', 'rating', 'reformulated-question'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NoteField = z.strictObject({
  id: slug,
  kind: z.enum(NOTE_KINDS),
  label: LocalText,
  /** Ask it once for every present member (the owner included) instead of once. */
  perMember: z.boolean().default(false),
  /** May be left empty (Enter skips). */
  optional: z.boolean().default(true),
});
export type NoteField = z.infer<typeof NoteField>;

/** How a phase is run; each flag changes what the flow shows or asks, never what it is. */
export const PHASE_FLAGS = [
  'ownerAbsent', // the case owner leaves the room (or turns away) during this phase
  'ownerSilent', // the owner listens and does not react yet
  'perParticipantRound', // the chair goes round everyone in turn
  'writtenFirst', // everyone writes first, then shares
  'smallGroups', // participants split into small groups
  'caseIntake', // starts with the case inventory and the choice, which the flow's own EGT step covers
] as const;
export type PhaseFlag = (typeof PHASE_FLAGS)[number];

export const Phase = z
  .strictObject({
    id: slug,
    title: LocalText,
    /** Relative share of the available time; defaults to `minutes`. */
    weight: z.number().positive().optional(),
    /** The phase's typical length in a 90-120 minute meeting. */
    minutes: z.number().int().positive().max(240).optional(),
    /** True when the minutes are our own estimate rather than taken from a source. */
    estimate: z.boolean().default(false),
    /** The time plan never gives this phase less (unless the whole meeting has less). */
    minMinutes: z.number().int().positive().max(240).optional(),
    purpose: LocalText,
    /** What the chair says to open the phase. */
    chairScript: LocalText,
    rules: z.array(LocalText).default([]),
    roles: z.strictObject({ owner: LocalText, others: LocalText }),
    flags: z.array(z.enum(PHASE_FLAGS)).default([]),
    notes: z.array(NoteField).default([]),
  })
  .refine((p) => p.weight !== undefined || p.minutes !== undefined, {
    message: 'give the phase a weight or minutes',
    path: ['minutes'],
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.notes.forEach((n, i) => {
      if (seen.has(n.id)) ctx.addIssue({ code: 'custom', message: `note id '${n.id}' is used twice in this phase`, path: ['notes', i, 'id'] });
      seen.add(n.id);
    });
  });
export type Phase = z.infer<typeof Phase>;

export const Source = z.strictObject({
  title: z.string().trim().min(1),
  url: z.url().optional(),
});

export const Method = z
  .strictObject({
    /** Version of this file format. */
    schema: z.literal(1).default(1),
    id: slug,
    name: LocalText,
    description: LocalText,
    /** When to choose this method. */
    suits: LocalText,
    groupSize: z
      .strictObject({
        min: z.number().int().min(2).max(20),
        max: z.number().int().min(2).max(20),
        advised: z.number().int().min(2).max(20).optional(),
      })
      .refine((g) => g.min <= g.max, { message: 'min is larger than max', path: ['min'] }),
    /** Kinds of work questions it fits, e.g. communication, dilemma, incident, emotion, decision. */
    questionTypes: z.array(slug).default([]),
    /** Minutes for one case in this method, as sources describe it. */
    typicalMinutes: z.number().int().positive().max(480),
    /** How much experience the group needs. */
    level: z.enum(['beginner', 'experienced']).optional(),
    /**
     * What the chair should know before choosing it, e.g. "needs a group that feels safe" or
     * "the sources give 2 to 2.5 hours; these minutes are a compressed form".
     */
    cautions: z.array(LocalText).default([]),
    sources: z.array(Source).default([]),
    phases: z.array(Phase).min(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.phases.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `phase id '${p.id}' is used twice`, path: ['phases', i, 'id'] });
      seen.add(p.id);
    });
  });
export type Method = z.infer<typeof Method>;
/** What a method file may contain before defaults are filled in. */
export type MethodInput = z.input<typeof Method>;

/** The weight the time plan uses for a phase. */
export function phaseWeight(p: Phase): number {
  return p.weight ?? p.minutes ?? 1;
}

/** The method's own total of minutes (when its phases give minutes). */
export function methodMinutes(m: Method): number {
  return m.phases.reduce((sum, p) => sum + (p.minutes ?? 0), 0);
}

export function hasFlag(p: Phase, flag: PhaseFlag): boolean {
  return p.flags.includes(flag);
}
