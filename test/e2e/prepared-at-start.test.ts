import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEY, PtySession, stripAnsi } from '../helpers/pty.js';
import { tempDb } from '../helpers/tmp.js';
import { queryRows as query } from '../helpers/db-dump.js';

/** Answer a question once it appears in the output written since the previous answer. */
async function answer(s: PtySession, from: { offset: number }, match: string, keys: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!stripAnsi(s.output.slice(from.offset)).includes(match)) {
    if (s.exitCode !== null) throw new Error(`Exited (${s.exitCode}) before '${match}'.\nScreen:\n${s.screen()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for '${match}'.\nScreen:\n${s.screen()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  from.offset = s.output.length;
  s.write(keys);
}

describe('prepared cases at the start of a meeting', () => {
  it('lists the prepared cases first, with the owner estimate as starting point for EGT', async () => {
    const db = tempDb();
    const cli = (...args: string[]) => {
      const r = runCli(args, { db });
      expect(r.code, r.stderr).toBe(0);
      return r;
    };
    cli('group', 'create', 'Coaches', '--member', 'Anna', '--member', 'Bram', '--member', 'Carla', '--member', 'Daan');
    cli('case', 'add', '--owner', 'Bram', '--title', 'Cliënt die steeds afzegt', '--e', '4', '--g', '3', '--t', '2');
    cli('case', 'add', '--owner', 'Carla', '--title', 'Collega neemt cliënten over');
    cli('plan', '--first', '2036-12-09 19:30', '--every', '3 weken', '--count', '8');

    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const at = { offset: 0 };
    try {
      await answer(s, at, 'Wie is vandaag de voorzitter?', KEY.enter);
      await answer(s, at, 'Hoe lang duurt de bijeenkomst?', KEY.enter);
      await answer(s, at, 'Wie is er?', KEY.enter);
      await answer(s, at, 'Is er een gast?', KEY.enter);
      await answer(s, at, 'Gaat iedereen akkoord', KEY.enter);
      for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await answer(s, at, `${n}, hoe zit je erbij?`, KEY.enter);
      await answer(s, at, 'Deze casussen zijn vooraf voorbereid', '');
      // Both prepared cases, oldest first, owners present so both are ticked (wait: the list may still be drawing).
      await s.waitFor(/◉ Bram: Cliënt die steeds afzegt\n\s*◉ Carla: Collega neemt cliënten over/, 20_000);
      s.write(KEY.enter);
      await answer(s, at, 'Wil nog iemand een casus inbrengen?', KEY.enter);
      await answer(s, at, 'Hoe scoren jullie?', KEY.enter);
      await answer(s, at, "E G T voor 'Cliënt die steeds afzegt' (Bram)", '');
      // The question may wrap on screen: match with the line breaks folded away.
      await s.waitFor(/inschatting\s+inbrenger:\s+4\s+3\s+2/);
      expect(s.screen().replace(/\s+/g, ' ')).toContain('inschatting inbrenger: 4 3 2');
      s.write(KEY.ctrlC);
      expect(await s.exited).toBe(130);
    } finally {
      s.kill();
    }
    // Both are today's candidates, and a case not chosen yet is still prepared for later.
    expect(query<{ title: string; status: string }>(db, 'SELECT c.title, c.status FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id ORDER BY c.created_at')).toEqual([
      { title: 'Cliënt die steeds afzegt', status: 'prepared' },
      { title: 'Collega neemt cliënten over', status: 'prepared' },
    ]);
  }, 180_000);
});
