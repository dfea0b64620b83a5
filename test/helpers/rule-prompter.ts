import { InterruptedError } from '../../src/errors.js';
import { AnsweringPrompter } from './answering-prompter.js';

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
export class RulePrompter extends AnsweringPrompter {
  constructor(
    private readonly rules: Rule[],
    private readonly interruptAt: number | null = null,
  ) {
    super();
  }

  protected answerFor(message: string): unknown {
    if (this.interruptAt !== null && this.asked.length + 1 >= this.interruptAt) throw new InterruptedError();
    this.asked.push(message);
    const rule = this.rules.find((r) => r.q.test(message));
    if (!rule) throw new Error(`No rule for question: ${message}`);
    return typeof rule.a === 'function' ? (rule.a as (m: string) => unknown)(message) : rule.a;
  }
}
