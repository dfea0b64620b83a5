import { z } from 'zod';

// A register profile says when an intervisie meeting counts for a professional register
// and how much a member needs per period. Profiles are data (templates/registers/*.yaml,
// plus the user's own files); figures are presets to check with the register, not law.

const text = z.string().trim().min(1).max(400);
const localText = z.object({ nl: text, en: text }).strict();

export const registerRulesSchema = z
  .object({
    /** Members present at a meeting; 'group' = the group's own minimum (group.min_size). */
    minPresent: z.union([z.number().int().min(1).max(50), z.literal('group')]).nullable().default(null),
    /** Members on the attendance list (present or not). */
    maxGroupSize: z.number().int().min(2).max(50).nullable().default(null),
    minMeetingMinutes: z.number().int().min(1).max(600).nullable().default(null),
    requireChair: z.boolean().default(false),
    requireMethod: z.boolean().default(false),
  })
  .strict();

export const requirementSchema = z
  .object({
    hours: z.number().positive().max(1000).nullable().default(null),
    meetings: z.number().int().positive().max(500).nullable().default(null),
    /** The requirement holds per this many months; a report period is compared pro rata. */
    periodMonths: z.number().int().min(1).max(120),
    /** The member must have brought at least one case of their own in the period. */
    mustBringCase: z.boolean().default(false),
    /** At most this many missed meetings in the period. */
    maxMissed: z.number().int().min(0).max(100).nullable().default(null),
  })
  .strict()
  .refine((r) => r.hours !== null || r.meetings !== null || r.mustBringCase || r.maxMissed !== null, {
    message: 'a requirement needs hours, meetings, mustBringCase or maxMissed',
  });

export const registerProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes'),
    /** Short name used in sentences ("VIT vraagt 15 uur ..."). */
    name: z.string().trim().min(1).max(40),
    fullName: text.nullable().default(null),
    country: z.string().regex(/^[A-Z]{2}$/, 'two capital letters, e.g. NL'),
    /** A preset taken from a public page: the user should confirm it with the register. */
    preset: z.boolean().default(true),
    rules: registerRulesSchema.default({
      minPresent: null,
      maxGroupSize: null,
      minMeetingMinutes: null,
      requireChair: false,
      requireMethod: false,
    }),
    requirement: requirementSchema.nullable().default(null),
    proof: localText,
    notes: localText.nullable().default(null),
    sources: z.array(z.string().url()).default([]),
    /** When the figures were last compared with the source (YYYY-MM-DD). */
    checked: z.union([z.string(), z.date()]).transform((v, c) => {
      const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
        c.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD' });
        return z.NEVER;
      }
      return s;
    }),
  })
  .strict();

export type RegisterProfile = z.output<typeof registerProfileSchema>;
export type RegisterRules = RegisterProfile['rules'];
export type Requirement = NonNullable<RegisterProfile['requirement']>;

/** First problem of a profile that does not validate, as one line (path: message). */
export function describeProfileIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
