import { AnsweringPrompter } from './answering-prompter.js';

/** One scripted answer: matched against the question text, in order. */
export interface Answer {
  /** A piece of the question text (or a regex) the answer is meant for. */
  q: string | RegExp;
  a: unknown;
}

/**
 * Answers questions from a script and fails loudly on any question it did not expect,
 * so a flow that asks something new or in another order breaks the test.
 */
export class ScriptedPrompter extends AnsweringPrompter {
  constructor(private readonly script: Answer[]) {
    super();
  }

  protected answerFor(message: string): unknown {
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
}
