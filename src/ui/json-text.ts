// JSON text that is safe to print on a terminal. Kept apart from output.ts (and chalk) so
// the report's JSON writer loads only this.

const UNSAFE_ALL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
/** The same characters, for a test (a global regex would keep its place between calls). */
const UNSAFE = new RegExp(UNSAFE_ALL.source, 'u');

/** JSON.stringify escapes C0 controls; escape C1 and bidi overrides too (same value, safe on a terminal). */
export function escapeJsonText(text: string): string {
  return text.replace(UNSAFE_ALL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One string as JSON text, escaped as escapeJsonText does: the same as escaping it within a larger text. */
export function jsonString(s: string): string {
  const quoted = JSON.stringify(s);
  return UNSAFE.test(quoted) ? escapeJsonText(quoted) : quoted;
}
