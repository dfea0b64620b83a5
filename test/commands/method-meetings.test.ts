import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { builtinMethodsDir, loadMethods } from '../../src/catalog/methods.js';
import { FakeClock } from '../../src/clock.js';
import { start } from '../../src/commands/start.js';
import type { Method } from '../../src/domain/method.js';
import { createGroup } from '../../src/store/groups.js';
import { Store } from '../../src/store/store.js';
import { messages } from '../../src/ui/i18n/index.js';
import { testCtx } from '../helpers/ctx.js';
import { RulePrompter, type Rule } from '../helpers/rule-prompter.js';
import { tempDb } from '../helpers/tmp.js';
import { queryRows as rows } from '../helpers/db-dump.js';
import { phaseRunner } from '../helpers/phase-runner.js';

// Every shipped method, run from the first to the last phase through the real meeting flow.

const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'];
const catalog = loadMethods({ dirs: { builtin: builtinMethodsDir(), user: '/nonexistent' } });
const t = messages('nl');

function setup(): string {
  const db = tempDb();
  const store = Store.open(db, new FakeClock('2026-11-01T18:30:00Z'));
  createGroup(store, { name: 'Coaches', members: MEMBERS, minSize: 4, minutes: 120, method: '5-stappen' });
  store.close();
  return db;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers for the method's own note fields, derived from the file: so a new method needs no new rules. */
function noteRules(m: Method): Rule[] {
  const rules: Rule[] = [];
  for (const phase of m.phases) {
    for (const f of phase.notes) {
      const label = esc(f.label.nl);
      if (f.kind === 'rating') rules.push({ q: new RegExp(`^${label}(: \\S+)? \\(1-5`), a: '4' });
      else if (f.kind === 'list') rules.push({ q: new RegExp(`^${label}, nr\\. (\\d+)`), a: (q: string) => (/nr\. 1 /.test(q) ? `${f.id} 1` : '') });
      else if (f.kind === 'per-participant' || f.perMember) rules.push({ q: new RegExp(`^${label}: (\\S+)`), a: (q: string) => `${f.id} van ${q.split(': ')[1]!.split(' ')[0]}` });
      else rules.push({ q: new RegExp(`^${label}( \\(mag leeg\\))?$`), a: `${f.id}: notitie` });
    }
  }
  return rules;
}

/** The flow's own questions, for one new case brought in by Bram. */
function flowRules(db: string, methodId: string): Rule[] {
  const cases = () => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    } finally {
      d.close();
    }
  };
  return [
    { q: /Wie is vandaag de voorzitter/, a: 'Anna' },
    { q: /Hoe lang duurt de bijeenkomst/, a: 120 },
    { q: /Wie is er\?/, a: undefined },
    { q: /gast\?/, a: false },
    { q: /Gaat iedereen akkoord/, a: 'ok' },
    { q: /hoe zit je erbij/, a: 'goed' },
    { q: /een casus inbrengen/, a: () => cases() === 0 },
    { q: /Wie brengt de casus in/, a: 'Bram' },
    { q: /Korte titel/, a: 'Lastig gesprek' },
    { q: /De werkvraag, in de ik-vorm/, a: 'Hoe blijf ik rustig?' },
    { q: /Hoe scoren jullie/, a: 'group' },
    { q: /E G T voor/, a: '3 3 3' },
    { q: /Welke casus bespreken jullie/, a: undefined },
    { q: /tweede casus/, a: false },
    { q: /Welke methode/, a: methodId },
    { q: /gebruiken\?/, a: true },
    { q: /Klopt de planning/, a: 'start' },
    { q: /Druk op Enter om de klok/, a: '' },
    { q: /Hoe gaan jullie verder/, a: 'replan' },
    { q: /korte pauze/, a: false },
    { q: /(Een|Nog een) actiepunt/, a: false },
    { q: /volgende bijeenkomst\?/, a: '15 dec 19:30' },
    { q: /Klopt dat\?/, a: true },
    { q: /volgende keer voorzitter/, a: undefined },
    { q: /volgende keer een casus/, a: [] },
    { q: /verslag opslaan/, a: false },
    { q: /doorgepraat/, a: false },
  ];
}

describe('every shipped method runs from start to end in a scripted meeting', () => {
  expect(catalog.errors).toEqual([]);
  for (const { method } of catalog.methods) {
    it(method.id, async () => {
      const db = setup();
      const clock = new FakeClock('2026-11-24T18:30:00Z');
      const prompter = new RulePrompter([...noteRules(method), ...flowRules(db, method.id)]);
      const { ctx, stdout } = testCtx({ db, clock, prompter });
      await start(ctx, { runPhase: phaseRunner(clock) });
      ctx.dispose();

      const meeting = rows<{ id: string; status: string; method_id: string }>(db, 'SELECT id, status, method_id FROM meetings');
      expect(meeting).toEqual([expect.objectContaining({ status: 'completed', method_id: method.id })]);
      const runs = rows<{ phase_id: string; started_at: string | null; ended_at: string | null }>(
        db,
        'SELECT phase_id, started_at, ended_at FROM phase_runs ORDER BY ordinal',
      );
      expect(runs.map((r) => r.phase_id)).toEqual(method.phases.map((p) => p.id));
      expect(runs.every((r) => r.started_at !== null && r.ended_at !== null)).toBe(true);
      const n = method.phases.length;
      expect(stdout.text).toContain(`Fase ${n} van ${n}: ${method.phases[n - 1]!.title.nl}`);

      // Every note field was asked and kept: per participant once for each of the four others.
      for (const phase of method.phases) {
        for (const f of phase.notes) {
          const kept = rows<{ text: string | null; rating: number | null }>(db, 'SELECT n.text, n.rating FROM notes n JOIN phase_runs r ON r.id = n.phase_run_id WHERE r.phase_id = ? AND n.field = ?', phase.id, f.id);
          const expected = f.kind === 'per-participant' ? MEMBERS.length - 1 : f.perMember ? MEMBERS.length : 1;
          expect(kept, `${phase.id}.${f.id}`).toHaveLength(expected);
          if (f.kind === 'rating') expect(kept.every((k) => k.rating === 4)).toBe(true);
        }
      }
      // The flow shows how each phase is run, from the method's flags.
      for (const phase of method.phases) for (const flag of phase.flags) expect(stdout.text).toContain(t.meeting.flags[flag]);
    });
  }
});

describe('the method choice at start', () => {
  it('shows the suggestion first, chosen by default, with its reasons, and warns about time and cautions', async () => {
    const db = setup();
    // The group used the five-step model last time: variety puts another method first.
    const raw = new Database(db);
    const groupId = raw.prepare('SELECT id FROM groups').pluck().get() as string;
    raw
      .prepare(
        `INSERT INTO meetings (id, group_id, status, method_id, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
         VALUES ('earlier', ?, 'completed', '5-stappen', 120, '2026-11-10T18:30:00.000Z', '2026-11-10T20:30:00.000Z', '2026-11-10T18:30:00.000Z', '2026-11-10T20:30:00.000Z', 'test')`,
      )
      .run(groupId);
    raw.close();

    const ten = catalog.get('10-stappen')!;
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const prompter = new RulePrompter([...noteRules(ten), ...flowRules(db, '10-stappen')]);
    const { ctx, stderr } = testCtx({ db, clock, prompter });
    await start(ctx, { runPhase: phaseRunner(clock) });
    ctx.dispose();
    const list = prompter.offered.find((o) => /Welke methode/.test(o.message))!;
    const offeredDefault = list.default;
    const all = list.choices as { name: string; value: string; description?: string }[];
    // Last in the list: picking the kind of work question first.
    expect(all.at(-1)!.value).toBe('?question-type');
    const offered = all.slice(0, -1);

    expect(offered[0]!.name).toMatch(/\(voorgesteld/);
    expect(offeredDefault).toBe(offered[0]!.value);
    expect(offered[0]!.value).not.toBe('5-stappen');
    const five = offered.find((c) => c.value === '5-stappen')!;
    expect(five.name).toContain('standaard van de groep');
    expect(five.description).toContain('vorige keer gebruikt (10 nov. 2026)');
    expect(offered.map((c) => c.value).sort()).toEqual(catalog.ids().sort());
    // The ten-step model: its caution, and more time in the sources than a two-hour meeting leaves for the case.
    const warned = stderr.text.replace(/\s+/g, ' ');
    expect(warned).toContain('Let op: Bronnen rekenen 2 tot 2,5 uur per casus');
    expect(warned).toContain('Tienstappenmodel duurt volgens de bronnen 135 minuten; er zijn nog 115 minuten voor de casus.');
  });
});
