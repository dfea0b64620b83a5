import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCatalog, methodCatalog, type MethodCatalog } from '../../src/catalog/method-catalog.js';
import { builtinMethodsDir, loadMethods, methodTable, parseMethodFile, readMethodTable, type MethodTable } from '../../src/catalog/methods.js';
import { phaseWeight } from '../../src/domain/method.js';
import { tempDir } from '../helpers/tmp.js';

const builtin = builtinMethodsDir();

function userDir(files: Record<string, string>): string {
  const dir = join(tempDir(), 'methods');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('built-in methods', () => {
  it('load without errors and carry both languages everywhere', () => {
    const catalog = loadMethods({ dirs: { builtin, user: '/nonexistent' } });
    expect(catalog.errors).toEqual([]);
    expect(catalog.ids()).toEqual(expect.arrayContaining(['3-stoelen', '5-stappen']));
    const five = catalog.get('5-stappen')!;
    expect(five.phases.map((p) => p.id)).toEqual(['inbreng', 'analyse', 'bewustwording', 'advies', 'evaluatie']);
    expect(five.phases.find((p) => p.id === 'advies')!.notes.map((n) => n.kind)).toContain('per-participant');
    const three = catalog.get('3-stoelen')!;
    expect(three.phases.filter((p) => p.id.startsWith('stoel') || p.id === 'helikopter')).toHaveLength(3);
    for (const m of catalog.methods) for (const p of m.method.phases) expect(phaseWeight(p)).toBeGreaterThan(0);
  });
});

describe('user method files', () => {
  const five = readFileSync(join(builtin, '5-stappen.yaml'), 'utf8');

  it('a broken file is reported with file, line and field path, and the others still load', () => {
    const broken = five.replace('id: 5-stappen', 'id: kapot').replace('kind: per-participant', 'kind: everyone');
    const dir = userDir({ 'kapot.yaml': broken, 'syntax.yaml': 'id: [unclosed\n  name: x\n' });
    const catalog = loadMethods({ dirs: { builtin, user: dir } });
    expect(catalog.ids()).toEqual(expect.arrayContaining(['3-stoelen', '5-stappen']));
    expect(catalog.get('kapot')).toBeUndefined();
    const err = catalog.errors.find((e) => e.file.endsWith('kapot.yaml'))!;
    expect(err.path).toBe('phases[3].notes[0].kind');
    const line = broken.split('\n').findIndex((l) => l.includes('kind: everyone')) + 1;
    expect(err.line).toBe(line);
    const syntax = catalog.errors.find((e) => e.file.endsWith('syntax.yaml'))!;
    expect(syntax.line).toBeGreaterThan(0);
  });

  it('a missing field points at its parent and names the path', () => {
    const noPurpose = five.replace('id: 5-stappen', 'id: zonder').replace(/    purpose:\n      nl: De situatie en.*\n      en: .*\n/, '');
    const r = parseMethodFile('/x/zonder.yaml', noPurpose);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.path).toBe('phases[1].purpose');
    expect(r.errors[0]!.line).toBeGreaterThan(1);
  });

  it('a user file with a built-in id overrides the built-in one', () => {
    const mine = five.replace('nl: Vijfstappenmodel', 'nl: Ons eigen vijfstappenmodel');
    const catalog = loadMethods({ dirs: { builtin, user: userDir({ '5-stappen.yaml': mine }) } });
    expect(catalog.errors).toEqual([]);
    expect(catalog.get('5-stappen')!.name.nl).toBe('Ons eigen vijfstappenmodel');
    expect(catalog.methods.find((m) => m.method.id === '5-stappen')!.overrides).toBe(true);
  });

  it('refuses a phase without weight or minutes, duplicate phase ids and an id that differs from the file name', () => {
    const noTime = five.replace('    minutes: 20\n', '');
    const r1 = parseMethodFile('/x/5-stappen.yaml', noTime);
    expect(r1.ok || r1.errors.map((e) => e.path)).toEqual(['phases[1].minutes']);
    const dup = five.replace('id: bewustwording', 'id: analyse');
    const r2 = parseMethodFile('/x/5-stappen.yaml', dup);
    expect(r2.ok || r2.errors.map((e) => e.path)).toEqual(['phases[2].id']);
    const r3 = parseMethodFile('/x/other.yaml', five);
    expect(r3.ok || r3.errors.map((e) => e.path)).toEqual(['id']);
  });

  it('explains errors in Dutch when asked', () => {
    const r = parseMethodFile('/x/5-stappen.yaml', five.replace('min: 3', 'min: "drie"'), 'nl');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/Ongeldig|verwacht/i);
  });
});

describe('the method table `npm run build` writes', () => {
  // Fresh copies: the catalog keeps what it read per file path.
  function copyOfBuiltins(): string {
    const dir = join(tempDir(), 'builtin');
    cpSync(builtin, dir, { recursive: true });
    return dir;
  }
  const table = (): MethodTable => JSON.parse(JSON.stringify(methodTable(builtin))) as MethodTable;

  it('holds every built-in method, and gives each exactly as parsing its file does', () => {
    const t = table();
    expect(Object.keys(t.files).sort()).toEqual(readdirSync(builtin).filter((f) => f.endsWith('.yaml')).sort());
    const fromTable = loadMethods({ dirs: { builtin: copyOfBuiltins(), user: '/nonexistent' }, table: t });
    const parsed = loadMethods({ dirs: { builtin: copyOfBuiltins(), user: '/nonexistent' }, table: null });
    expect(fromTable.errors).toEqual([]);
    expect(fromTable.methods.map((m) => m.method)).toStrictEqual(parsed.methods.map((m) => m.method));
  });

  it('is used for a file with exactly the text it holds, and never for another text', () => {
    const t = table();
    t.files['5-stappen.yaml']!.method.name.nl = 'uit de tabel';
    t.files['balint.yaml']!.method.name.nl = 'uit de tabel';
    const dir = copyOfBuiltins();
    appendFileSync(join(dir, 'balint.yaml'), '# changed\n');
    const user = userDir({ 'kolb.yaml': readFileSync(join(builtin, 'kolb.yaml'), 'utf8').replace('id: kolb', 'id: kolb2') });
    const catalog = loadMethods({ dirs: { builtin: dir, user }, table: t });
    expect(catalog.get('5-stappen')!.name.nl).toBe('uit de tabel');
    expect(catalog.get('balint')!.name.nl).not.toBe('uit de tabel');
    // A user file with the table's text but another name is parsed: its id must match its name.
    expect(catalog.get('kolb2')).toBeUndefined();
    expect(catalog.errors.map((e) => e.path)).toEqual(['id']);
  });

  it('counts only when it is newer than the code that made it', () => {
    const dir = tempDir();
    const file = join(dir, 'methods.json');
    const code = join(dir, 'methods.js');
    writeFileSync(code, '');
    writeFileSync(file, JSON.stringify(table()));
    utimesSync(code, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(readMethodTable(file, [code])?.files['5-stappen.yaml']?.method.id).toBe('5-stappen');
    utimesSync(code, new Date(), new Date(Date.now() + 60_000));
    expect(readMethodTable(file, [code])).toBeNull();
    expect(readMethodTable(join(dir, 'none.json'), [code])).toBeNull();
  });
});

describe('the catalog without the YAML and schema code', () => {
  function copyOfBuiltins(): string {
    const dir = join(tempDir(), 'builtin');
    cpSync(builtin, dir, { recursive: true });
    return dir;
  }
  const table = (): MethodTable => JSON.parse(JSON.stringify(methodTable(builtin))) as MethodTable;
  const same = (a: MethodCatalog, b: MethodCatalog) => {
    expect(a.methods.map((m) => [m.method, m.origin, m.overrides])).toStrictEqual(b.methods.map((m) => [m.method, m.origin, m.overrides]));
    expect(a.ids()).toEqual(b.ids());
    expect(a.errors).toEqual(b.errors);
  };

  it('is the catalog loadMethods gives when the table holds every file', async () => {
    const dirs = { builtin: copyOfBuiltins(), user: '/nonexistent' };
    const built = builtCatalog({ dirs, table: table() });
    expect(built).not.toBeNull();
    same(built!, loadMethods({ dirs: { builtin: copyOfBuiltins(), user: '/nonexistent' }, table: null }));
    same(await methodCatalog({ dirs, table: table() }), built!);
  });

  it('leaves a file the table does not hold to loadMethods, errors and all', async () => {
    const user = userDir({ 'eigen.yaml': readFileSync(join(builtin, 'kolb.yaml'), 'utf8').replace('id: kolb', 'id: eigen'), 'kapot.yaml': 'id: [\n' });
    const o = { dirs: { builtin: copyOfBuiltins(), user }, table: table() };
    expect(builtCatalog(o)).toBeNull();
    const catalog = await methodCatalog(o);
    expect(catalog.get('eigen')?.id).toBe('eigen');
    expect(catalog.errors.map((e) => e.file)).toEqual([join(user, 'kapot.yaml')]);
    same(catalog, loadMethods({ dirs: { builtin: copyOfBuiltins(), user }, table: null }));
  });
});
