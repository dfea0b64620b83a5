import { PassThrough, Writable } from 'node:stream';
import { FakeClock } from '../../src/clock.js';
import type { Ctx } from '../../src/context.js';
import { Store } from '../../src/store/store.js';
import { createCtx } from '../../src/ui/context-factory.js';
import type { Lang } from '../../src/ui/i18n/index.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { ScriptedPrompter, type Answer } from './scripted-prompter.js';

export class Capture extends Writable {
  text = '';
  isTTY = false;
  columns = 80;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

export interface TestCtx {
  ctx: Ctx;
  stdout: Capture;
  stderr: Capture;
  clock: FakeClock;
  prompt: ScriptedPrompter;
}

/** A command context running in-process: scripted answers, fake clock, captured output. */
export function testCtx(o: { db: string; answers?: Answer[]; lang?: Lang; interactive?: boolean; clock?: FakeClock; env?: NodeJS.ProcessEnv; prompter?: Prompter }): TestCtx {
  const stdout = new Capture();
  const stderr = new Capture();
  const clock = o.clock ?? new FakeClock();
  const prompt = new ScriptedPrompter([...(o.answers ?? [])]);
  const ctx = createCtx({
    lang: o.lang ?? 'nl',
    plain: true,
    debug: false,
    dbPath: o.db,
    openStore: (path, clock, options) => Store.open(path, clock, options),
    clock,
    env: { NO_COLOR: '1', ...(o.env ?? {}) },
    stdin: new PassThrough(),
    stdout,
    stderr,
    command: 'intervisie test',
    prompt: o.prompter ?? prompt,
    interactive: o.interactive ?? (o.answers !== undefined || o.prompter !== undefined),
  });
  return { ctx, stdout, stderr, clock, prompt };
}
