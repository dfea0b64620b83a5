import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinMethodsDir, parseMethodFile } from '../../src/catalog/methods.js';
import { methodMinutes } from '../../src/domain/method.js';

const dir = builtinMethodsDir();
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** Every { nl, en } text in a parsed file, with its path. */
function localTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localTexts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  if ('nl' in obj || 'en' in obj) return [{ path, text: obj }];
  return Object.entries(obj).flatMap(([k, v]) => localTexts(v, path ? `${path}.${k}` : k));
}

describe('shipped method files', () => {
  it('include the catalog the issue asks for', () => {
    const ids = files.map((f) => f.replace('.yaml', ''));
    expect(ids).toEqual(
      expect.arrayContaining(['5-stappen', '3-stoelen', 'incidentmethode', 'balint', 'roddelmethode', 'socratisch-kort', '10-stappen', 'kolb', 'vijf-rondes']),
    );
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const result = parseMethodFile(join(dir, file), text);

      it('validates', () => {
        expect(result.ok ? [] : result.errors).toEqual([]);
      });

      it('has every text in Dutch and English, and the English is not a copy of the Dutch', () => {
        const texts = localTexts(parse(text));
        expect(texts.length).toBeGreaterThan(10);
        for (const { path, text: t } of texts) {
          expect(Object.keys(t).sort(), path).toEqual(['en', 'nl']);
          expect(typeof t['nl'] === 'string' && t['nl'].trim().length > 0, `${path}.nl`).toBe(true);
          expect(typeof t['en'] === 'string' && t['en'].trim().length > 0, `${path}.en`).toBe(true);
          if (String(t['nl']).length > 12) expect(t['en'], `${path} looks untranslated`).not.toBe(t['nl']);
        }
      });

      it('marks estimated minutes in the file, names a source, and gives the case owner a take-away', () => {
        if (!result.ok) return expect.unreachable();
        const m = result.method;
        expect(m.sources.length).toBeGreaterThan(0);
        expect(methodMinutes(m)).toBeGreaterThan(0);
        if (m.phases.some((p) => p.estimate)) expect(text).toMatch(/estimate: true/);
        expect(m.phases.every((p) => p.minutes !== undefined)).toBe(true);
        // The last phase records something the group can look back on next time.
        expect(m.phases.at(-1)!.notes.length).toBeGreaterThan(0);
      });
    });
  }

  it('a missing translation is refused with its exact place', () => {
    const five = readFileSync(join(dir, 'incidentmethode.yaml'), 'utf8');
    const lines = five.split('\n');
    const i = lines.findIndex((l) => l.includes('en: Question round'));
    lines.splice(i, 1);
    const r = parseMethodFile('/x/incidentmethode.yaml', lines.join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.path).toBe('phases[1].title.en');
    expect(r.errors[0]!.line).toBe(i); // the title: line just above the removed one
  });
});
