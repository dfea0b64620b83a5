import type { Messages } from './ui/i18n/index.js';

/** A message that can be rendered in the user's language once the catalog is known. */
export type LocalMessage = (t: Messages) => string;

/**
 * Bad input, a missing group, a broken file: anything the user can fix.
 * Printed as one line in the user's language; never carries case content.
 */
export class UserError extends Error {
  readonly exitCode: number;
  readonly render: LocalMessage;

  constructor(render: LocalMessage, exitCode = 1) {
    super('user error');
    this.name = 'UserError';
    this.render = render;
    this.exitCode = exitCode;
  }
}

/** Wrong use of the command line itself (unknown flag, bad value): exit 2. */
export class UsageError extends UserError {
  constructor(render: LocalMessage) {
    super(render, 2);
    this.name = 'UsageError';
  }
}

/** The user stopped a prompt with Ctrl-C: exit 130 after a calm message. */
export class InterruptedError extends Error {
  constructor(readonly hint?: LocalMessage) {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
