// Loaded by every command declaration (`*-cli.ts`), so on the `--help` path: keep its imports light.
import { UsageError } from '../errors.js';

/** Collect a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A whole number flag within bounds, or a usage error naming the flag. */
export function intOption(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = parseIntStrict(raw);
  if (n === null || n < min || n > max) throw new UsageError((t) => t.errors.badNumber(flag, min, max));
  return n;
}

function parseIntStrict(raw: string): number | null {
  return /^\s*-?\d+\s*$/u.test(raw) ? Number.parseInt(raw, 10) : null;
}
