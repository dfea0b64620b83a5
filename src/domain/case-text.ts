import { UserError } from '../errors.js';

export const CASE_TITLE_MAX = 120;
export const CASE_QUESTION_MAX = 600;

// Same rules as names (src/domain/names.ts), but the message never repeats the text:
// a case title or question is confidential, even in an error line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const BROKEN = /\ufffd|\p{Cs}/u;

export type CaseField = 'title' | 'question';

/** Clean a case title or work question; errors name the field, never the content. */
export function cleanCaseText(raw: string, field: CaseField): string {
  const max = field === 'title' ? CASE_TITLE_MAX : CASE_QUESTION_MAX;
  if (BROKEN.test(raw)) throw new UserError((t) => t.between.err.caseTextBroken(t.between.what[field]));
  // A question pasted from a note may contain line breaks: keep it one paragraph.
  const flat = raw.replace(/\r?\n|\t/gu, ' ');
  if (CONTROL.test(flat)) throw new UserError((t) => t.between.err.caseTextControl(t.between.what[field]));
  const text = flat.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (text.length === 0) throw new UserError((t) => t.between.err.caseTextEmpty(t.between.what[field]));
  if ([...text].length > max) throw new UserError((t) => t.between.err.caseTextTooLong(t.between.what[field], max));
  return text;
}

/** An EGT estimate is a whole number 1 to 5. */
export function parseEstimate(raw: string): number | null {
  return /^\s*[1-5]\s*$/u.test(raw) ? Number.parseInt(raw, 10) : null;
}
