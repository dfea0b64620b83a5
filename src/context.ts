import type { Readable, Writable } from 'node:stream';
import type { Clock } from './clock.js';
import type { Store } from './store/store.js';
import type { Lang, Messages } from './ui/i18n/index.js';
import type { Output } from './ui/output.js';
import type { Prompter } from './ui/prompter.js';

/**
 * Everything a command needs, built once in cli.ts (or by a test). Commands never
 * read process.* themselves, so they can run in-process with fakes.
 */
export interface Ctx {
  lang: Lang;
  t: Messages;
  plain: boolean;
  debug: boolean;
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable & { isTTY?: boolean };
  /** stdin and stdout are both terminals: questions may be asked. */
  interactive: boolean;
  clock: Clock;
  dbPath: string;
  out: Output;
  prompt: Prompter;
  /** The database, opened (and migrated) on first use. */
  store(): Store;
  /** Open for reading only: nothing is created or migrated in place. */
  readStore(): Store;
  /** Close what was opened; idempotent. */
  dispose(): void;
}
