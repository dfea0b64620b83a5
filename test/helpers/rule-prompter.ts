import { InterruptedError } from '../../src/errors.js';
import type { Choice, InputOptions, Prompter } from '../../src/ui/prompter.js';

/** An answer chosen by the question text; a function answer sees the question. */
export interface Rule {
  q: RegExp;
  a: unknown | ((message: string) => unknown);
}

/**
 * Answers by matching rules instead of a fixed order, so the same rules can drive a meeting
 * that is interrupted anywhere and resumed (where a question may come again). After
 * `interruptAt` questions it behaves like Ctrl-C. An unmatched question fails the test.
 */
export class RulePrompter implements Prompter {
  readonly asked: string[] = [];

  constructor(
    private readonly rules: Rule[],
    private readonly interruptAt: number | null = null,
  ) {}

  private answer(message: string): unknown {
    if (this.interruptAt !== null && this.asked.length + 1 >= this.interruptAt) throw new InterruptedError();
    this.asked.push(message);
    const rule = this.rules.find((r) => r.q.test(message));
    if (!rule) throw new Error(`No rule for question: ${message}`);
    return typeof rule.a === 'function' ? (rule.a as (m: string) => unknown)(message) : rule.a;
  }

  async input(o: InputOptions): Promise<string> {
    const a = this.answer(o.message);
    const value = a === undefined ? (o.default ?? '') : String(a);
    const valid = o.validate ? o.validate(value) : true;
    if (valid !== true) throw new Error(`Answer '${value}' to '${o.message}' was refused: ${valid}`);
    return value;
  }

  async confirm(o: { message: string; default?: boolean }): Promise<boolean> {
    const a = this.answer(o.message);
    return a === undefined ? (o.default ?? true) : Boolean(a);
  }

  async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    const a = this.answer(o.message);
    if (a === undefined) return o.default ?? o.choices[0]!.value;
    const c = o.choices.find((ch) => ch.value === a) ?? o.choices.find((ch) => typeof a === 'string' && ch.name.includes(a));
    if (!c) throw new Error(`No choice ${String(a)} for '${o.message}'`);
    return c.value;
  }

  async checkbox<T>(o: { message: string; choices: Choice<T>[] }): Promise<T[]> {
    const a = this.answer(o.message);
    if (a === undefined) return o.choices.filter((c) => c.checked).map((c) => c.value);
    return (a as unknown[]).map((x) => {
      const c = o.choices.find((ch) => ch.value === x || (typeof x === 'string' && ch.name.includes(x)));
      if (!c) throw new Error(`No choice ${String(x)} for '${o.message}'`);
      return c.value;
    });
  }

  async password(o: { message: string; validate?: (v: string) => true | string }): Promise<string> {
    const value = String(this.answer(o.message) ?? '');
    const valid = o.validate ? o.validate(value) : true;
    if (valid !== true) throw new Error(`Answer '${value}' to '${o.message}' was refused: ${valid}`);
    return value;
  }
}
