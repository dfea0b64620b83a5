import type { Readable, Writable } from 'node:stream';
import { InterruptedError, UserError } from '../errors.js';
import { safeKeepColour } from './output.js';
import type { Messages } from './i18n/index.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
  disabled?: boolean | string;
}

export interface InputOptions {
  message: string;
  default?: string;
  /** Return true, or a message saying what is wrong. */
  validate?: (value: string) => true | string;
}

/**
 * Every question the program asks goes through this interface, so tests can script
 * the answers and the live timer can pause its key handling while a prompt is open.
 */
export interface Prompter {
  input(options: InputOptions): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(options: { message: string; choices: Choice<T>[]; pageSize?: number }): Promise<T[]>;
  password(options: { message: string; validate?: (value: string) => true | string }): Promise<string>;
}

export interface PromptStreams {
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** Name of the command, for the "needs a terminal" error. */
  command: string;
  /** Inquirer's own hints and answers ("Yes", "navigate") in the user's language. */
  t: Messages;
}

function themes(t: Messages) {
  const words: Record<string, string> = {
    navigate: t.ui.keys.navigate,
    select: t.ui.keys.select,
    submit: t.ui.keys.submit,
    all: t.ui.keys.all,
    invert: t.ui.keys.invert,
  };
  const tip = (choose: string) => (keys: [string, string][]) =>
    keys.map(([key, action]) => `${key === 'space' ? t.ui.keys.space : key} ${action === 'select' ? choose : (words[action] ?? action)}`).join(' • ');
  return {
    confirm: { keywords: { yes: t.ui.yesWord, no: t.ui.noWord, error: () => t.ui.answerYesNo } },
    select: { style: { keysHelpTip: tip(t.ui.keys.choose) }, i18n: { disabledError: t.ui.disabled } },
    checkbox: { style: { keysHelpTip: tip(t.ui.keys.select) }, i18n: { disabledError: t.ui.disabled } },
  };
}

function isExit(err: unknown): boolean {
  const name = (err as { name?: unknown })?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

/** The real prompts (@inquirer/prompts), loaded only when a question is actually asked. */
export function terminalPrompter(streams: PromptStreams): Prompter {
  const ctx = { input: streams.input, output: streams.output };
  const theme = themes(streams.t);
  async function run<T>(ask: (p: typeof import('@inquirer/prompts')) => Promise<T>): Promise<T> {
    if (!streams.interactive) {
      throw new UserError((t) => t.errors.notInteractive(streams.command));
    }
    const prompts = await import('@inquirer/prompts');
    try {
      return await ask(prompts);
    } catch (err) {
      if (isExit(err)) throw new InterruptedError();
      throw err;
    }
  }
  return {
    input: (o) =>
      run((p) =>
        p.input(
          {
            message: safeKeepColour(o.message),
            ...(o.default !== undefined ? { default: o.default } : {}),
            ...(o.validate ? { validate: o.validate } : {}),
          },
          ctx,
        ),
      ),
    confirm: (o) => run((p) => p.confirm({ message: safeKeepColour(o.message), default: o.default ?? true, theme: theme.confirm }, ctx)),
    select: (o) =>
      run((p) =>
        p.select(
          {
            message: safeKeepColour(o.message),
            choices: o.choices.map((c) => ({ name: safeKeepColour(c.name), value: c.value, description: c.description === undefined ? undefined : safeKeepColour(c.description), disabled: c.disabled })),
            ...(o.default !== undefined ? { default: o.default } : {}),
            pageSize: o.pageSize ?? 12,
            theme: theme.select,
          },
          ctx,
        ),
      ),
    checkbox: (o) =>
      run((p) =>
        p.checkbox(
          {
            message: safeKeepColour(o.message),
            choices: o.choices.map((c) => ({ name: safeKeepColour(c.name), value: c.value, checked: c.checked, disabled: c.disabled })),
            pageSize: o.pageSize ?? 12,
            theme: theme.checkbox,
          },
          ctx,
        ),
      ),
    password: (o) =>
      run((p) => p.password({ message: safeKeepColour(o.message), mask: '*', toggleMask: false, ...(o.validate ? { validate: o.validate } : {}) }, ctx)),
  };
}
