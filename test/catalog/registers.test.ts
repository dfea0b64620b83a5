import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRegister, loadRegisters, registerDirs } from '../../src/catalog/registers.js';
import { registersList, registersShow } from '../../src/commands/registers.js';
import { UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';
import { testCtx } from '../helpers/ctx.js';
import { tempDb, tempDir } from '../helpers/tmp.js';

function userDir(files: Record<string, string>): NodeJS.ProcessEnv {
  const dir = tempDir();
  mkdirSync(join(dir, 'registers'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'registers', name), text);
  return { INTERVISIE_CONFIG_DIR: dir };
}

const own = `id: eigen
name: Eigen register
country: NL
preset: false
rules:
  minPresent: 3
  minMeetingMinutes: 60
requirement:
  hours: 10
  periodMonths: 12
proof:
  nl: Presentielijst.
  en: Attendance list.
checked: 2026-11-01
`;

describe('register profiles', () => {
  it('ships valid profiles with a source and a check date, marked as presets', () => {
    const all = loadRegisters(registerDirs({ INTERVISIE_CONFIG_DIR: tempDir() }));
    const ids = all.map((r) => r.profile.id);
    for (const id of ['generiek', 'vit', 'mfn', 'vaktherapie', 'nwp', 'nobco', 'fbc']) expect(ids).toContain(id);
    for (const { profile, origin } of all) {
      expect(origin).toBe('builtin');
      expect(profile.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (profile.id === 'generiek') continue;
      expect(profile.preset).toBe(true);
      expect(profile.sources.length).toBeGreaterThan(0);
    }
    expect(findRegister('VIT', registerDirs({})).profile).toMatchObject({ rules: { minPresent: 4 }, requirement: { hours: 15, periodMonths: 12 } });
    expect(findRegister('generiek', registerDirs({})).profile.rules).toMatchObject({ minPresent: 'group', minMeetingMinutes: 90 });
  });

  it('adds a user profile from the config directory and lets it replace a shipped one', () => {
    const env = userDir({ 'eigen.yaml': own, 'vit.yaml': own.replace('id: eigen', 'id: vit').replace('hours: 10', 'hours: 20') });
    const all = loadRegisters(registerDirs(env));
    expect(all.find((r) => r.profile.id === 'eigen')).toMatchObject({ origin: 'user' });
    expect(findRegister('vit', registerDirs(env))).toMatchObject({ origin: 'user', profile: { requirement: { hours: 20 } } });
  });

  it.each([
    ['id: Eigen Register\n', /eigen.yaml klopt niet: id/],
    ['rules:\n  minPresent: 0\n', /rules.minPresent/],
    ['requirement:\n  periodMonths: 12\n', /requirement/],
    ['unknownField: 1\n', /klopt niet/],
    ['checked: gisteren\n', /checked: a date/],
    ['name: [unclosed\n', /klopt niet/],
  ])('refuses a broken user file (%j) with one line naming the file and the field', (change, message) => {
    const key = change.split(':')[0]!;
    const text = own.split('\n').filter((l) => !l.startsWith(`${key}:`)).join('\n') + change;
    const env = userDir({ 'eigen.yaml': key === 'rules' || key === 'requirement' ? own.replace(/^(rules|requirement):[\s\S]*?(?=^proof:)/m, '') + change : text });
    let err: unknown;
    try {
      loadRegisters(registerDirs(env));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const line = (err as UserError).render(messages('nl'));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(message);
  });

  it('lists and shows profiles, with JSON', async () => {
    const t = testCtx({ db: tempDb(), env: userDir({ 'eigen.yaml': own }) });
    await registersList(t.ctx, {});
    expect(t.stdout.text).toMatch(/vit\s+VIT\s+NL\s+15 u \/ 12 mnd\s+≥ 4 aanwezig/);
    expect(t.stdout.text).toMatch(/eigen \(eigen bestand\)/);
    await registersShow(t.ctx, 'mfn', {});
    expect(t.stdout.text).toContain('https://mfnregister.nl/hoe-werkt-pe-systeem/');
    expect(t.stdout.text).toContain('Voorinstelling: controleer de actuele eisen bij het register.');
    t.stdout.text = '';
    await registersShow(t.ctx, 'nobco', { json: true });
    expect(JSON.parse(t.stdout.text)).toMatchObject({ id: 'nobco', preset: true, origin: 'builtin', requirement: { hours: 1, periodMonths: 3 } });
    t.ctx.dispose();
  });
});
