import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { Store } from '../../src/store/store.js';
import { Output } from '../../src/ui/output.js';
import { Capture } from '../helpers/ctx.js';
import { runMain } from '../helpers/main.js';
import { seedDb } from '../helpers/seed.js';
import { tempDb } from '../helpers/tmp.js';

// What a hostile or broken bundle could carry: clear screen, cursor moves, a window-title
// change, a hyperlink, BEL, backspaces, a carriage return that hides text, bidi overrides, C1.
const HOSTILE = 'Eva\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\\b\b\rX\u202eevil\u009b31m';

/** Anything that can steer a terminal. */
const STEERING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function hostileDb(): string {
  const db = tempDb();
  seedDb(db, []);
  const s = Store.open(db, new FakeClock());
  // Straight into the table, as an imported bundle or a hand-edited file could.
  s.db.prepare("UPDATE members SET name = ? WHERE name = 'Anna'").run(HOSTILE);
  s.db.prepare("UPDATE members SET register = ?, email = ? WHERE name = 'Bram'").run(`nip\u001b[31m`, `b@x.nl\u0007`);
  s.db.prepare('UPDATE groups SET name = ?').run(`Groep\u001b]0;titel\u0007`);
  s.close();
  return db;
}

describe('untrusted text on screen', () => {
  it.each([
    [['group', 'list']],
    [['group', 'show']],
    [['group', 'show', '--all']],
    [['member', 'list']],
    [['member', 'list', '--all']],
  ])('%j shows names from the database without any control or escape character', async (args) => {
    const r = await runMain(args, { db: hostileDb() });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(STEERING);
    expect(r.stderr).not.toMatch(STEERING);
    expect(r.stdout).toContain('␛');
  });

  it('keeps JSON output exact and escaped (machines get the real value, terminals no raw escapes)', async () => {
    const r = await runMain(['member', 'list', '--json'], { db: hostileDb() });
    expect(r.stdout).not.toMatch(STEERING);
    const names = (JSON.parse(r.stdout) as { members: { name: string }[] }).members.map((m) => m.name);
    expect(names).toContain(HOSTILE);
  });

  it.each([
    [['member', 'remove', HOSTILE]],
    [['group', 'show', `x\u001b]0;t\u0007`]],
    [['group', 'use', 'a\nb\rc']],
    [[`--\u001b[2Jx`]],
    [['forget', '--meeting', `\u001b[2J`]],
    [['group', 'set', '--keep-cases', `\u001b[31m1y`]],
  ])('an error that repeats %j is one line without escape characters', async (args) => {
    const r = await runMain(args, { db: hostileDb() });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STEERING);
  });

  it('lets our own colours through when colouring, and nothing else', () => {
    const stdout = Object.assign(new Capture(), { isTTY: true });
    const out = new Output({ stdout, stderr: new Capture(), env: { FORCE_COLOR: '1' }, plain: false });
    out.line(`${out.c.green('ok')} ${HOSTILE}`);
    expect(stdout.text).toContain('\u001b[32mok\u001b[39m');
    expect(stdout.text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(STEERING);
    expect(stdout.text).not.toContain('\u001b[2J');
  });
});
