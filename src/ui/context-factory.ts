import type { Ctx } from '../context.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { OpenOptions } from '../store/db.js';
import { applyRetention } from '../store/retention.js';
import { messages, type Lang } from './i18n/index.js';
import { Output } from './output.js';
import { terminalPrompter, type Prompter } from './prompter.js';

export interface CtxOptions {
  lang: Lang;
  plain: boolean;
  debug: boolean;
  dbPath: string;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  stdin: Ctx['stdin'];
  stdout: Ctx['stdout'];
  stderr: Ctx['stderr'];
  command: string;
  /** Opens the database; passed in so that `--help` never loads SQLite. */
  openStore: (path: string, clock: Clock, options?: OpenOptions) => Store;
  /** Tests pass scripted answers; otherwise the real terminal prompts. */
  prompt?: Prompter;
  interactive?: boolean;
}

export function createCtx(o: CtxOptions): Ctx {
  const interactive = o.interactive ?? Boolean(o.stdin.isTTY && o.stdout.isTTY);
  const t = messages(o.lang);
  let store: Store | null = null;
  let readStore: Store | null = null;
  const out = new Output({ stdout: o.stdout, stderr: o.stderr, env: o.env, plain: o.plain });
  return {
    lang: o.lang,
    t,
    plain: o.plain,
    debug: o.debug,
    env: o.env,
    stdin: o.stdin,
    stdout: o.stdout,
    stderr: o.stderr,
    interactive,
    clock: o.clock,
    dbPath: o.dbPath,
    out,
    prompt: o.prompt ?? terminalPrompter({ input: o.stdin, output: o.stdout, interactive, command: o.command, t }),
    store() {
      if (store) return store;
      store = o.openStore(o.dbPath, o.clock);
      // Only writing commands purge: reading must never change the file.
      const purged = applyRetention(store);
      if (purged) {
        const n = Object.values(purged.counts).reduce((a, b) => a + b, 0);
        out.note(t.trust.say.retentionNotice(purged.groups.map((g) => `'${g}'`).join(', '), n));
      }
      return store;
    },
    readStore() {
      if (store) return store;
      readStore ??= o.openStore(o.dbPath, o.clock, { readonly: true });
      return readStore;
    },
    dispose() {
      store?.close();
      readStore?.close();
      store = null;
      readStore = null;
    },
  };
}
