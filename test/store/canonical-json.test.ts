import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, checksumOf, decodeBundle, encodePlain, holdsSameData, type Bundle } from '../../src/store/bundle-file.js';
import { createHash } from 'node:crypto';
import { UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';

const t = messages('nl');

/** The definition in docs/bundle-format.md, written the slow and obvious way. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
}

describe('canonical JSON', () => {
  it('gives the bytes of the definition for any JSON value, in any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
        // What a reader sees: the same value after a trip through a file.
        expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
  });

  it('handles rows sharing one key order, integer-like keys, "__proto__" and nested copies', () => {
    const rows = [
      { b: 1, a: 'x', c: null },
      { b: 2, a: 'y', c: null },
      { a: 'z', b: 3, c: { y: 1, x: [2, { q: 1, p: 0 }] } },
      { a: 'w', b: 4, c: null },
    ];
    const cases: unknown[] = [
      rows,
      { data: rows, meta: { z: 1, a: 2 } },
      { 10: 'a', 9: 'b', x: 'c' },
      JSON.parse('{"b":1,"__proto__":{"evil":true},"a":2}'),
      { a: 1, b: undefined, c: [undefined, 1] },
      { sorted: { a: 1, b: 2 }, unsorted: { b: 1, a: 2 } },
    ];
    for (const c of cases) expect(canonicalJson(c)).toBe(reference(c));
  });

  it('checksums the canonical JSON of format, version, meta and data', async () => {
    const bundle = {
      meta: { device_id: 'd', exported_at: '2026-01-01T00:00:00.000Z', app_version: 't', group_id: 'g', since: null, with_cases: false },
      data: { groups: [], members: [] },
    } as unknown as Bundle;
    const body = reference({ format: 'intervisie-bundle', version: 1, meta: bundle.meta, data: bundle.data });
    expect(checksumOf(bundle)).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
  });

  it('reads a file written the older way, with columns and tables in table order', async () => {
    const stamps = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'd' };
    const group = { id: 'g', name: 'Groep', min_size: 4, default_minutes: 120, default_method: '5-stappen', agreements: null, keep_cases: null, archived_at: null, ...stamps };
    const meta = { device_id: 'd', exported_at: '2026-01-01T00:00:00.000Z', app_version: 't', group_id: 'g', since: null, with_cases: false };
    const data = { groups: [group], members: [] };
    const checksum = `sha256:${createHash('sha256').update(reference({ format: 'intervisie-bundle', version: 1, meta, data })).digest('hex')}`;
    const old = JSON.stringify({ format: 'intervisie-bundle', version: 1, checksum, meta, data });
    const read = await decodeBundle(old, 'b.json', { passphrase: async () => '' });
    expect(read.data.groups).toEqual([group]);
    // Written again (now in canonical order), the checksum is still the one of the definition.
    const again = JSON.parse(encodePlain({ meta, data: read.data } as Bundle)) as { checksum: string };
    const body = reference({ format: 'intervisie-bundle', version: 1, meta, data: read.data });
    expect(again.checksum).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
  });
});

describe('checking the checksum of a file', () => {
  const stamps = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'd' };
  const group = { id: 'g', name: 'Groep', min_size: 4, default_minutes: 120, default_method: '5-stappen', agreements: null, keep_cases: null, archived_at: null, ...stamps };
  const meta = { device_id: 'd', exported_at: '2026-01-01T00:00:00.000Z', app_version: 't', group_id: 'g', since: null, with_cases: false };
  const text = encodePlain({ meta, data: { groups: [group], members: [] } } as unknown as Bundle);
  const read = (s: string) => decodeBundle(s, 'b.json', { passphrase: async () => '' });

  it('accepts the same content laid out another way (indented, keys in another order)', async () => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    const pretty = JSON.stringify({ data: doc['data'], checksum: doc['checksum'], meta: doc['meta'], version: 1, format: 'intervisie-bundle' }, null, 2);
    await expect(read(pretty)).resolves.toMatchObject({ data: { groups: [{ name: 'Groep' }] } });
    await expect(read(`${text.trimEnd()}\n\n  `)).resolves.toMatchObject({ data: { groups: [{ name: 'Groep' }] } });
  });

  it('refuses a file whose data was changed or given twice', async () => {
    const changed = text.replace('"name":"Groep"', '"name":"Grope"');
    const twice = `${text.trimEnd().slice(0, -1)},"data":${JSON.stringify({ groups: [{ ...group, name: 'Ander' }] })}}`;
    for (const bad of [changed, twice]) await expect(read(bad)).rejects.toThrow(UserError);
    await expect(read(twice)).rejects.toSatisfy((e: UserError) => /veranderd of beschadigd/.test(e.render(t)));
  });
});

describe('checking the checksum over the bytes of a file', () => {
  const stamps = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'd' };
  const meta = { device_id: 'd', exported_at: '2026-01-01T00:00:00.000Z', app_version: 't', group_id: 'g', since: null, with_cases: false };
  const fileOf = (name: string) =>
    Buffer.from(
      encodePlain({ meta, data: { groups: [{ id: 'g', name, min_size: 4, default_minutes: 120, default_method: '5-stappen', agreements: null, keep_cases: null, archived_at: null, ...stamps }] } } as unknown as Bundle),
      'utf8',
    );
  const read = (b: Buffer) => decodeBundle(b, 'b.json', { passphrase: async () => '' });

  it('reads the bytes of a file, with or without characters beyond ASCII', async () => {
    await expect(read(fileOf('Groep'))).resolves.toMatchObject({ data: { groups: [{ name: 'Groep' }] } });
    await expect(read(fileOf('Groep Zoë 😀'))).resolves.toMatchObject({ data: { groups: [{ name: 'Groep Zoë 😀' }] } });
  });

  it('refuses a file with one byte changed, also where it no longer is valid UTF-8', async () => {
    for (const name of ['Groep', 'Groep Zoë']) {
      const bytes = fileOf(name);
      const at = bytes.indexOf('Groep') + 1;
      for (const value of [0x6f, 0xff]) {
        const spoiled = Buffer.from(bytes);
        spoiled[at] = value;
        await expect(read(spoiled)).rejects.toSatisfy((e: UserError) => /veranderd of beschadigd/.test(e.render(t)));
      }
    }
  });
});

describe('telling whether sync must rewrite its own file', () => {
  const stamps = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'd' };
  const group = (name: string) => ({ id: 'g', name, min_size: 4, default_minutes: 120, default_method: '5-stappen', agreements: null, keep_cases: null, archived_at: null, ...stamps });
  const meta = (at: string) => ({ device_id: 'd', exported_at: at, app_version: 't', group_id: 'g', since: null, with_cases: false });
  const file = (name: string, at: string) => encodePlain({ meta: meta(at), data: { groups: [group(name)], members: [] } } as unknown as Bundle);
  const old = file('Groep', '2026-01-01T00:00:00.000Z');

  it('sees the same data exported at another moment as the same', () => {
    expect(holdsSameData(Buffer.from(old), file('Groep', '2026-03-01T00:00:00.000Z'))).toBe(true);
  });

  it('does not vouch for other data, a broken checksum, another laptop or another layout', () => {
    const now = file('Groep', '2026-03-01T00:00:00.000Z');
    expect(holdsSameData(Buffer.from(old), file('Groep 2', '2026-03-01T00:00:00.000Z'))).toBe(false);
    expect(holdsSameData(Buffer.from(old.replace(/sha256:[0-9a-f]{4}/, 'sha256:0000')), now)).toBe(false);
    expect(holdsSameData(Buffer.from(old.replace('"device_id":"d","exported_at"', '"device_id":"e","exported_at"')), now)).toBe(false);
    expect(holdsSameData(Buffer.from(`${JSON.stringify(JSON.parse(old), null, 1)}\n`), now)).toBe(false);
    expect(holdsSameData(Buffer.from(''), now)).toBe(false);
  });
});
