import type { Choice, InputOptions, Prompter } from '../../src/ui/prompter.js';

/**
 * A prompter for tests that turns each question into an answer through `answerFor`, then
 * treats it as a real prompt would: inputs pass the prompt's own validate function,
 * `undefined` takes the default, and a choice is found by value or by a piece of its name.
 */
export abstract class AnsweringPrompter implements Prompter {
  readonly asked: string[] = [];
  /** Every list offered by a select, for checks on what the person saw. */
  readonly offered: { message: string; choices: Choice<unknown>[]; default: unknown }[] = [];

  protected abstract answerFor(message: string): unknown;

  private validated(o: { message: string; validate?: (v: string) => true | string }, value: string): string {
    const valid = o.validate ? o.validate(value) : true;
    if (valid !== true) throw new Error(`Answer '${value}' to '${o.message}' was refused: ${valid}`);
    return value;
  }

  private choose<T>(message: string, choices: Choice<T>[], a: unknown): T {
    const c = choices.find((ch) => ch.value === a) ?? choices.find((ch) => typeof a === 'string' && ch.name.includes(a));
    if (!c) throw new Error(`No choice ${String(a)} for '${message}'`);
    return c.value;
  }

  async input(o: InputOptions): Promise<string> {
    const a = this.answerFor(o.message);
    return this.validated(o, a === undefined ? (o.default ?? '') : String(a));
  }

  async confirm(o: { message: string; default?: boolean }): Promise<boolean> {
    const a = this.answerFor(o.message);
    return a === undefined ? (o.default ?? true) : Boolean(a);
  }

  async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    this.offered.push({ message: o.message, choices: o.choices, default: o.default });
    const a = this.answerFor(o.message);
    if (a === undefined) return o.default ?? o.choices[0]!.value;
    return this.choose(o.message, o.choices, a);
  }

  async checkbox<T>(o: { message: string; choices: Choice<T>[] }): Promise<T[]> {
    const a = this.answerFor(o.message);
    if (a === undefined) return o.choices.filter((c) => c.checked).map((c) => c.value);
    return (a as unknown[]).map((x) => this.choose(o.message, o.choices, x));
  }

  async password(o: { message: string; validate?: (v: string) => true | string }): Promise<string> {
    return this.validated(o, String(this.answerFor(o.message) ?? ''));
  }
}
