import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareStamps, nothingNewCheck, mergeRow, type Row } from '../../src/domain/merge.js';

const spec = { content: new Set(['title']), purgeFlag: 'purged_at' };

/** Apply versions one after another to an empty "database", as imports do. */
function apply(versions: Row[]): Row | null {
  let row: Row | null = null;
  for (const v of versions) {
    const o = mergeRow(row, v, spec);
    if (o.action !== 'same') row = o.row;
  }
  return row;
}

const version = fc.record({
  id: fc.constant('r1'),
  created_at: fc.constant('2026-01-01T00:00:00.000Z'),
  updated_at: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
  device_id: fc.constantFrom('a', 'b', 'c'),
  place: fc.constantFrom('Utrecht', 'Zeist', null),
  minutes: fc.integer({ min: 0, max: 3 }),
  purged_at: fc.constant(null),
});

describe('merge decisions', () => {
  it('orders versions by time, then device id', () => {
    expect(compareStamps({ updated_at: '2026-01-02', device_id: 'a' }, { updated_at: '2026-01-01', device_id: 'z' })).toBe(1);
    expect(compareStamps({ updated_at: '2026-01-01', device_id: 'a' }, { updated_at: '2026-01-01', device_id: 'b' })).toBe(-1);
  });

  it('gives the same row whatever order the versions arrive in, and again when repeated', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }), fc.func(fc.integer()), (versions, key) => {
        // Versions with equal stamps are copies of one version: make them identical.
        const byStamp = new Map<string, Row>();
        const vs = versions.map((v) => {
          const k = `${v.updated_at}|${v.device_id}`;
          if (!byStamp.has(k)) byStamp.set(k, v);
          return byStamp.get(k)!;
        });
        const shuffled = [...vs].sort((x, y) => key(x) - key(y));
        expect(apply(shuffled)).toEqual(apply(vs));
        expect(apply([...vs, ...shuffled])).toEqual(apply(vs));
      }),
    );
  });

  it('reports the loser of a conflict between devices, never a content value', () => {
    const local: Row = { id: 'r', updated_at: '2026-01-02T00:00:00.000Z', device_id: 'b', place: 'Zeist', title: 'geheim', purged_at: null };
    const incoming: Row = { id: 'r', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'a', place: 'Utrecht', title: 'ander geheim', purged_at: null };
    const o = mergeRow(local, incoming, spec);
    expect(o.action).toBe('same');
    expect(o.losers).toEqual([{ field: 'place', value: 'Utrecht', updated_at: incoming['updated_at'], device_id: 'a' }]);
  });

  it('keeps a known value when the newer version does not carry the field', () => {
    const local: Row = { id: 'r', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'a', place: 'Zeist', title: 'geheim', purged_at: null };
    const incoming: Row = { id: 'r', updated_at: '2026-01-02T00:00:00.000Z', device_id: 'a', place: 'Utrecht', purged_at: null };
    expect(mergeRow(local, incoming, spec).row).toMatchObject({ place: 'Utrecht', title: 'geheim' });
  });

  it('never brings purged content back, even from a copy of the same version', () => {
    const stamp = { id: 'r', updated_at: '2026-01-01T00:00:00.000Z', device_id: 'a', place: 'Zeist' };
    const purged: Row = { ...stamp, title: null, purged_at: '2026-06-01T00:00:00.000Z' };
    const full: Row = { ...stamp, title: 'geheim', purged_at: null };
    expect(mergeRow(purged, full, spec)).toMatchObject({ action: 'same' });
    expect(mergeRow(full, purged, spec)).toMatchObject({ action: 'update', row: { title: null } });
  });

  it('says "nothing new" only when merging would change nothing and lose nothing', () => {
    // Versions as a laptop holds them (every field) and as a bundle carries them (content may be absent).
    const stored = fc.record({
      id: fc.constant('r1'),
      created_at: fc.constant('2026-01-01T00:00:00.000Z'),
      updated_at: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
      device_id: fc.constantFrom('a', 'b'),
      place: fc.constantFrom('Utrecht', 'Zeist', null),
      minutes: fc.constantFrom(0, 1, null),
      title: fc.constantFrom('geheim', null),
      purged_at: fc.constantFrom(null, '2026-06-01T00:00:00.000Z'),
    });
    const carried = fc.tuple(stored, fc.boolean()).map(([r, withTitle]) => {
      if (withTitle) return r as Row;
      const { title: _absent, ...rest } = r;
      return rest as Row;
    });
    const columns = ['id', 'created_at', 'updated_at', 'device_id', 'place', 'minutes', 'title', 'purged_at'];
    const check = nothingNewCheck(columns, spec);
    const values = (r: Row) => columns.map((c) => r[c] ?? null);
    let nothingNew = 0;
    fc.assert(
      fc.property(stored, carried, (local, incoming) => {
        if (!check(values(local), incoming)) return;
        nothingNew++;
        const o = mergeRow(local, incoming, spec);
        expect(o.action).toBe('same');
        expect(o.losers).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    // The generator does reach the case it is about.
    expect(nothingNew).toBeGreaterThan(0);
    const row: Row = { id: 'r', created_at: 'c', updated_at: 'u', device_id: 'a', place: 'Zeist', minutes: 1, title: null, purged_at: null };
    expect(check(values(row), { ...row })).toBe(true);
    expect(check(values(row), { ...row, title: 'geheim' })).toBe(false);
    expect(check(values(row), { ...row, place: null })).toBe(true);
    expect(check(values(row), { ...row, place: 'Utrecht' })).toBe(false);
    expect(check(values(row), { ...row, minutes: 2 })).toBe(false);
    expect(check(values(row), { ...row, updated_at: 'v' })).toBe(false);
    expect(check(values(row), { ...row, device_id: 'b' })).toBe(false);
    const purged = { ...row, purged_at: 'p' };
    expect(check(values({ ...purged, title: 'nog hier' }), purged)).toBe(false);
  });
});
