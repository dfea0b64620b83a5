import { UserError } from '../errors.js';
import type { Messages } from '../ui/i18n/index.js';

export const NAME_MAX = 80;

type What = keyof Messages['groups']['err']['what'];

// C0 controls, DEL, C1 controls, and bidi overrides that can disguise text on screen.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// U+FFFD is what Node makes of invalid UTF-8 in argv; lone surrogates cannot be stored as text.
const BROKEN = /\ufffd|\p{Cs}/u;

/** Trim, collapse inner whitespace and normalise to NFC; refuse anything a person cannot read. */
export function cleanName(raw: string, what: What = 'field', max = NAME_MAX): string {
  const label = (t: Messages) => t.groups.err.what[what];
  if (BROKEN.test(raw)) throw new UserError((t) => t.groups.err.nameBadUtf8(label(t)));
  if (CONTROL.test(raw)) throw new UserError((t) => t.groups.err.nameControl(label(t)));
  const name = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) throw new UserError((t) => t.groups.err.nameEmpty(label(t)));
  if ([...name].length > max) throw new UserError((t) => t.groups.err.nameTooLong(label(t), max));
  return name;
}

/** The key two names are compared by: case-insensitive, NFC. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und').normalize('NFC');
}

/**
 * The names a short form can stand for: "Anna" for "Anna de Vries", when the short form is the
 * first word (or words) of the name. The caller uses it only when the match is unique.
 */
export function namesStartingWith<T extends { name: string }>(items: readonly T[], short: string): T[] {
  const key = nameKey(short.trim());
  if (!key) return [];
  return items.filter((i) => nameKey(i.name).startsWith(`${key} `));
}

/** Neutralise control and escape characters in untrusted text before it reaches a terminal. */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    c === '\u001b' ? '␛' : '�',
  );
}
