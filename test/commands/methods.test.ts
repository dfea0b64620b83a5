import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinMethodsDir, parseMethodFile } from '../../src/catalog/methods.js';
import { groupCreate } from '../../src/commands/group.js';
import { methodsList, methodsNew, methodsShow, methodsSuggest, methodsValidate } from '../../src/commands/methods.js';
import { UsageError, UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';
import { runCli } from '../helpers/cli.js';
import { testCtx } from '../helpers/ctx.js';
import { tempDb, tempDir } from '../helpers/tmp.js';

function setup(lang: 'nl' | 'en' = 'nl') {
  const config = tempDir();
  const db = tempDb();
  const make = () => testCtx({ db, lang, env: { INTERVISIE_CONFIG_DIR: config } });
  return { config, db, make, userDir: join(config, 'methods') };
}

function writeUser(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const builtinText = (id: string) => readFileSync(join(builtinMethodsDir(), `${id}.yaml`), 'utf8');

describe('methods list', () => {
  it('lists every method with phases, minutes, group size and what it suits', () => {
    const { make } = setup();
    const { ctx, stdout, stderr } = make();
    methodsList(ctx, {});
    for (const id of ['5-stappen', '3-stoelen', 'incidentmethode', 'balint', 'roddelmethode', 'socratisch-kort', '10-stappen', 'kolb', 'vijf-rondes']) {
      expect(stdout.text).toMatch(new RegExp(`^${id} `, 'm'));
    }
    expect(stdout.text).toContain('Tienstappenmodel · 10 fasen · 135 min · 4-8 aanwezigen');
    expect(stdout.text).toContain('past bij: communicatie met één ander');
    expect(stderr.text).toBe('');
  });

  it('--json has the documented shape', () => {
    const { make } = setup();
    const { ctx, stdout } = make();
    methodsList(ctx, { json: true });
    const out = JSON.parse(stdout.text) as { methods: Record<string, unknown>[]; errors: unknown[] };
    expect(out.errors).toEqual([]);
    const balint = out.methods.find((m) => m['id'] === 'balint')!;
    expect(Object.keys(balint).sort()).toEqual(
      ['file', 'groupSize', 'id', 'level', 'name', 'origin', 'overrides', 'phaseMinutes', 'phases', 'questionTypes', 'suits', 'typicalMinutes'].sort(),
    );
    expect(balint).toMatchObject({ origin: 'builtin', overrides: false, phases: 7, typicalMinutes: 90, groupSize: { min: 5, max: 8, advised: 6 }, level: 'experienced' });
  });

  it('says when a user file overrides a built-in one, and a broken user file is named precisely while the rest still load', () => {
    const { make, userDir } = setup();
    writeUser(userDir, '5-stappen.yaml', builtinText('5-stappen').replace('nl: Vijfstappenmodel', 'nl: Ons vijfstappenmodel'));
    const broken = builtinText('kolb').replace('id: kolb', 'id: kapot').replace('kind: per-participant', 'kind: iedereen');
    const brokenFile = writeUser(userDir, 'kapot.yaml', broken);
    const line = broken.split('\n').findIndex((l) => l.includes('kind: iedereen')) + 1;
    const { ctx, stdout, stderr } = make();
    methodsList(ctx, {});
    expect(stdout.text).toContain('Ons vijfstappenmodel (eigen)');
    expect(stdout.text).toContain(`vervangt de ingebouwde methode '5-stappen'`);
    expect(stdout.text).toMatch(/^kolb /m);
    expect(stderr.text).toContain('Eén methodebestand kon niet worden gelezen');
    expect(stderr.text).toContain(`${brokenFile}:${line}: phases[1].notes[0].kind:`);

    const json = make();
    methodsList(json.ctx, { json: true });
    const out = JSON.parse(json.stdout.text) as { methods: { id: string; origin: string; overrides: boolean }[]; errors: { file: string; line: number; path: string }[] };
    expect(out.methods.find((m) => m.id === '5-stappen')).toMatchObject({ origin: 'user', overrides: true });
    expect(out.errors).toEqual([expect.objectContaining({ file: brokenFile, line, path: 'phases[1].notes[0].kind' })]);
  });
});

describe('methods show', () => {
  it('shows the whole method as the chair will see it, with estimates marked and sources', () => {
    const { make } = setup();
    const { ctx, stdout, stderr } = make();
    methodsShow(ctx, 'incidentmethode', {});
    expect(stdout.text).toContain('Incidentmethode (incidentmethode)');
    expect(stdout.text).toContain('Fase 3 van 5: Analyse zonder inbrenger (10 min)');
    expect(stdout.text).toContain('Fase 1 van 5: Het incident schetsen (±5 min)');
    expect(stdout.text).toContain('Werkwijze: de inbrenger verlaat de ruimte; in kleine groepjes');
    expect(stdout.text).toContain('± = eigen schatting');
    expect(stdout.text).toContain('https://www.fotoscholing.nl/index.php/incidentmethode/');
    expect(stderr.text).toBe('');
  });

  it('warns when the sources need more time than the meeting has', () => {
    const { make } = setup('en');
    const { ctx, stderr } = make();
    methodsShow(ctx, '10-stappen', { minutes: '90' });
    expect(stderr.text).toContain('Ten-step model takes 135 minutes according to the sources; a meeting of 90 minutes leaves 72 for the case.');
    const short = make();
    methodsShow(short.ctx, '10-stappen', { minutes: '45' });
    expect(short.stderr.text).toContain('does not fit in 45 minutes');
  });

  it('refuses an unknown id', () => {
    const { make } = setup();
    expect(() => methodsShow(make().ctx, 'vier-stoelen', {})).toThrow(UserError);
  });
});

describe('methods suggest', () => {
  it('ranks with reasons, and respects time, group size and question type', () => {
    const { make } = setup();
    const { ctx, stdout } = make();
    methodsSuggest(ctx, { minutes: '90', present: '4', question: 'communication' });
    const lines = stdout.text.split('\n');
    expect(lines[0]).toBe('Voorstel voor een bijeenkomst van 90 minuten, 4 aanwezigen, vraag: communicatie met één ander:');
    expect(lines).toContain('1. Drie stoelen (3-stoelen)');
    expect(stdout.text).toContain('gemaakt voor communicatie met één ander');
    expect(stdout.text).toMatch(/Past nu niet:\n- Balintmethode \(balint\): te weinig aanwezigen: 4, minstens 5 nodig/);
  });

  it('refuses an unknown question type with the known ones', () => {
    const { make } = setup();
    const r = (() => {
      try {
        methodsSuggest(make().ctx, { question: 'weer' });
      } catch (err) {
        return err;
      }
    })();
    expect(r).toBeInstanceOf(UsageError);
    expect((r as UsageError).render(messages('nl'))).toMatch(/vraagsoort 'weer'.*communication.*incident/);
  });

  it('uses the group: its length and members by default, and notes which methods it used recently', async () => {
    const { make, db } = setup();
    await groupCreate(make().ctx, 'Coaches', { member: ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'], minutes: '90' });
    const raw = new Database(db);
    const group = raw.prepare('SELECT id FROM groups').get() as { id: string };
    const insert = raw.prepare(
      `INSERT INTO meetings (id, group_id, status, method_id, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, 90, ?, ?, ?, ?, 'test')`,
    );
    const add = (id: string, status: string, method: string, day: string) => {
      const at = `2026-${day}T18:00:00.000Z`;
      insert.run(id, group.id, status, method, at, at, at, at);
    };
    add('m1', 'completed', '3-stoelen', '10-01');
    add('m2', 'completed', 'incidentmethode', '10-29');
    add('m3', 'completed', '5-stappen', '11-12');
    add('m4', 'running', 'kolb', '11-24');
    raw.close();

    const { ctx, stdout } = make();
    methodsSuggest(ctx, { json: true });
    const out = JSON.parse(stdout.text) as {
      minutes: number;
      present: number;
      group: string;
      recent: { methodId: string }[];
      suggestions: { id: string; fits: boolean; reasons: { kind: string }[]; warnings: { kind: string; meetingsAgo?: number }[] }[];
    };
    expect(out).toMatchObject({ minutes: 90, present: 5, group: 'Coaches' });
    expect(out.recent.map((r) => r.methodId)).toEqual(['5-stappen', 'incidentmethode', '3-stoelen']);
    const five = out.suggestions.find((s) => s.id === '5-stappen')!;
    expect(five.warnings).toContainEqual(expect.objectContaining({ kind: 'used-recently', meetingsAgo: 1 }));
    expect(out.suggestions.find((s) => s.id === 'kolb')!.reasons).toContainEqual({ kind: 'new-for-group' });
    expect(out.suggestions[0]!.id).not.toBe('5-stappen');

    const text = make();
    methodsSuggest(text.ctx, { question: 'general' });
    expect(text.stdout.text).toContain("Groep 'Coaches'; recent gebruikt is meegewogen.");
    expect(text.stdout.text).toContain('vorige keer gebruikt (12 nov. 2026)');
    expect(text.stdout.text).toMatch(/Recent gebruikt door de groep:\n {2}12 nov. 2026 {2}Vijfstappenmodel\n {2}29 okt. 2026 {2}Incidentmethode/);
  });
});

describe('methods new and validate', () => {
  it('new writes a commented starting file that validates and is picked up by list', () => {
    const { make, userDir } = setup();
    const { ctx, stdout } = make();
    methodsNew(ctx, 'onze-methode', {});
    const file = join(userDir, 'onze-methode.yaml');
    expect(stdout.text).toContain(`Startbestand geschreven: ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Een eigen intervisiemethode/);
    expect(text).toContain('# Het id is gelijk aan de bestandsnaam.');
    expect(parseMethodFile(file).ok).toBe(true);
    const list = make();
    methodsList(list.ctx, {});
    expect(list.stdout.text).toMatch(/^onze-methode +Mijn methode \(eigen\)/m);
  });

  it('new --from copies a method under a new id; a built-in id without --from and an existing file are refused', () => {
    const { make, userDir } = setup('en');
    methodsNew(make().ctx, 'incident-kort', { from: 'incidentmethode' });
    const copy = readFileSync(join(userDir, 'incident-kort.yaml'), 'utf8');
    expect(copy).toMatch(/^# Started as a copy of 'incidentmethode'/);
    expect(parseMethodFile(join(userDir, 'incident-kort.yaml'))).toMatchObject({ ok: true, method: { id: 'incident-kort' } });
    expect(() => methodsNew(make().ctx, 'incident-kort', {})).toThrow(UserError);
    expect(() => methodsNew(make().ctx, 'balint', {})).toThrow(UserError);
    expect(() => methodsNew(make().ctx, 'Mijn Methode', {})).toThrow(UsageError);
    methodsNew(make().ctx, 'balint', { from: 'balint' });
    expect(existsSync(join(userDir, 'balint.yaml'))).toBe(true);
  });

  it('validate accepts a good file and names every error with file, line and field', () => {
    const { make } = setup();
    const dir = tempDir();
    const good = writeUser(dir, 'roddelmethode.yaml', builtinText('roddelmethode'));
    const ok = make();
    methodsValidate(ok.ctx, good);
    expect(ok.stdout.text).toContain(`${good} is in orde: Roddelmethode, 5 fasen.`);
    expect(ok.stdout.text).toContain("vervangt de ingebouwde methode 'roddelmethode'");

    const bad = builtinText('roddelmethode').replace('min: 4', 'min: vier').replace(/\n {6}en: Gossiping\n/, '\n');
    const badFile = writeUser(dir, 'roddelmethode-kapot.yaml', bad.replace('id: roddelmethode', 'id: roddelmethode-kapot'));
    const lineOf = (needle: string) => bad.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const { ctx, stderr } = make();
    expect(() => methodsValidate(ctx, badFile)).toThrow(UserError);
    expect(stderr.text).toContain('2 fouten:');
    expect(stderr.text).toContain(`${badFile}:${lineOf('min: vier')}: groupSize.min:`);
    expect(stderr.text).toContain(`${badFile}:${lineOf('nl: Roddelen')}: phases[2].title.en:`);
  });

  it('the binary exits 1 on a broken file, 0 on a good one, and a missing file is one clear line', () => {
    const dir = tempDir();
    const good = writeUser(dir, 'kolb.yaml', builtinText('kolb'));
    expect(runCli(['methods', 'validate', good]).code).toBe(0);
    const broken = writeUser(dir, 'x.yaml', 'id: x\nname: [\n');
    const r = runCli(['--lang', 'en', 'methods', 'validate', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${broken}:\\d+: `));
    const missing = runCli(['--lang', 'en', 'methods', 'validate', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`✖ File ${join(dir, 'nope.yaml')} does not exist.`);
  });
});
