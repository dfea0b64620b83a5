import type { Choice, InputOptions, Prompter } from '../../src/ui/prompter.js';

/** One scripted answer: matched against the question text, in order. */
export interface Answer {
  /** A piece of the question text (or a regex) the answer is meant for. */
  q: string | RegExp;
  a: unknown;
}

/**
 * Answers questions from a script and fails loudly on any question it did not expect,
 * so a flow that asks something new or in another order breaks the test.
 * Inputs are run through the prompt's own validate function, like a real prompt would.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];

  constructor(private readonly script: Answer[]) {}

  private next(message: string): unknown {
    this.asked.push(message);
    const step = this.script.shift();
    if (!step) throw new Error(`Unexpected question (script is empty): ${message}`);
    const ok = typeof step.q === 'string' ? message.includes(step.q) : step.q.test(message);
    if (!ok) throw new Error(`Expected a question matching ${String(step.q)}, got: ${message}`);
    return step.a;
  }

  get remaining(): number {
    return this.script.length;
  }

  async input(o: InputOptions): Promise<string> {
    const a = this.next(o.message);
    const value = a === undefined ? (o.default ?? '') : String(a);
    const valid = o.validate ? o.validate(value) : true;
    if (valid !== true) throw new Error(`Answer '${value}' to '${o.message}' was refused: ${valid}`);
    return value;
  }

  async confirm(o: { message: string; default?: boolean }): Promise<boolean> {
    const a = this.next(o.message);
    return a === undefined ? (o.default ?? true) : Boolean(a);
  }

  async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    const a = this.next(o.message);
    if (a === undefined) return o.default ?? o.choices[0]!.value;
    const byValue = o.choices.find((c) => c.value === a);
    if (byValue) return byValue.value;
    const byName = o.choices.find((c) => typeof a === 'string' && c.name.includes(a));
    if (byName) return byName.value;
    throw new Error(`No choice ${String(a)} for '${o.message}'`);
  }

  async checkbox<T>(o: { message: string; choices: Choice<T>[] }): Promise<T[]> {
    const a = this.next(o.message);
    if (a === undefined) return o.choices.filter((c) => c.checked).map((c) => c.value);
    return (a as unknown[]).map((x) => {
      const c = o.choices.find((ch) => ch.value === x || (typeof x === 'string' && ch.name.includes(x)));
      if (!c) throw new Error(`No choice ${String(x)} for '${o.message}'`);
      return c.value;
    });
  }

  async password(o: { message: string; validate?: (v: string) => true | string }): Promise<string> {
    const value = String(this.next(o.message));
    const valid = o.validate ? o.validate(value) : true;
    if (valid !== true) throw new Error(`Password refused: ${valid}`);
    return value;
  }
}
