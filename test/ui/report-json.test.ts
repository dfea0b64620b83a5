import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, type MeetingRecord, type MemberRecord, type NotCountedCode } from '../../src/domain/hours.js';
import { escapeJsonText } from '../../src/ui/output.js';
import { buildReportJson, lookups, meetingJson, meetingsJsonText, reportJsonPieces, sortedNames } from '../../src/ui/report-json.js';

// `report --json` is written in pieces; its text must be exactly what one JSON.stringify of
// the whole report gives, and the names on each list in the same Dutch alphabetical order.

const G = 'g1';
const member = (id: string, name: string): MemberRecord => ({ id, groupId: G, name, register: null, registrationNumber: null, removed: false });
const MEMBERS = [
  member('m1', 'Özlem Yilmaz'),
  member('m2', 'anna de Vries'),
  member('m3', 'Anna de Vries'),
  member('m4', 'Bram "B" Jansen\u202e'),
  member('m5', 'ijsbrand Visser'),
  member('m6', 'Zoë Bakker'),
  member('m7', 'Anna de Vries'),
];

function meeting(i: number): MeetingRecord {
  const ids = MEMBERS.map((m) => m.id);
  const present = ids.filter((_, k) => (i + k) % 3 !== 0);
  return {
    id: `meeting-${String(i).padStart(3, '0')}`,
    groupId: G,
    status: i % 7 === 3 ? 'aborted' : 'completed',
    counted: i % 14 !== 3,
    source: i % 5 === 0 ? 'logged' : 'live',
    startedAt: new Date(Date.UTC(2026, 0, 1 + i, 18, 30)).toISOString(),
    endedAt: new Date(Date.UTC(2026, 0, 1 + i, 20, 30 + (i % 4))).toISOString(),
    pausedSeconds: (i % 3) * 60,
    plannedMinutes: 120,
    chairId: present[0] ?? null,
    methodId: i % 4 === 0 ? null : '5-stappen',
    place: i % 6 === 0 ? 'Utrecht' : null,
    topic: i % 9 === 0 ? 'grenzen' : null,
    present,
    absent: ids.filter((id) => !present.includes(id)),
    caseOwnerIds: present.slice(1, 2),
  };
}

function model(count: number) {
  return computeReport({
    period: { from: '2026-01-01', to: '2026-12-31' },
    register: null,
    groups: [{ id: G, name: 'Coaches Utrecht', minSize: 3 }],
    members: MEMBERS,
    meetings: Array.from({ length: count }, (_, i) => meeting(i)),
    onlyMembers: null,
  });
}

const whole = (count: number) => {
  const m = model(count);
  return escapeJsonText(JSON.stringify(buildReportJson(m, lookups([{ id: G, name: 'Coaches Utrecht', minSize: 3 }], MEMBERS)), null, 2));
};
const pieces = (count: number, perPiece: number) => {
  const m = model(count);
  const l = lookups([{ id: G, name: 'Coaches Utrecht', minSize: 3 }], MEMBERS);
  return [...reportJsonPieces(m, l, perPiece)].join('');
};

describe('report --json in pieces', () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 2],
    [5, 2],
    [40, 7],
    [40, 500],
  ])('gives the same text as one stringify for %i meetings, %i per piece', (count, perPiece) => {
    const text = pieces(count, perPiece);
    expect(text).toBe(whole(count));
    expect(JSON.parse(text).meetings).toHaveLength(model(count).meetings.length);
  });
});

describe('names on an attendance list', () => {
  const l = lookups([], MEMBERS);

  it('sort as localeCompare in Dutch does, equal names in their given order', () => {
    const ids = ['m6', 'm3', 'm1', 'm5', 'm2', 'm4', 'm7'];
    const expected = ids.map((id) => MEMBERS.find((m) => m.id === id)!.name).sort((a, b) => a.localeCompare(b, 'nl'));
    expect(sortedNames(ids, l)).toEqual(expected);
    expect(sortedNames([], l)).toEqual([]);
  });

  it('put an unknown member as "?" among the names', () => {
    expect(sortedNames(['m6', 'gone', 'm3'], l)).toEqual(['?', 'Anna de Vries', 'Zoë Bakker']);
  });
});

describe('one meeting as JSON text', () => {
  // Any text a bundle or a typist can bring: controls, C1, bidi overrides, quotes, lone surrogates.
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('', '"', '\\', '\u0085', '\u202e', '\u2066x', '\ud800', 'Zoë', 'a\nb\tc\u0000'),
  );
  const ids = fc.uniqueArray(fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'gone'), { maxLength: 8 });
  const summary = fc.record({
    id: text,
    groupId: fc.constantFrom(G, 'other'),
    date: text,
    start: text,
    end: text,
    minutes: fc.oneof(fc.integer(), fc.double()),
    plannedMinutes: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double()),
    present: ids,
    absent: ids,
    chairId: fc.option(fc.constantFrom('m1', 'm4', 'gone')),
    methodId: fc.option(text),
    caseOwnerIds: fc.constant([]),
    place: fc.option(text),
    topic: fc.option(text),
    logged: fc.boolean(),
    held: fc.boolean(),
    reasons: fc.array(fc.record({ code: fc.constantFrom('not-held', 'too-short', 'no-chair') as fc.Arbitrary<NotCountedCode> }), { maxLength: 3 }),
  });

  it('is what JSON.stringify of the meeting gives in the report, escaped', () => {
    const l = lookups([{ id: G, name: 'Coaches\u202e "Utrecht"', minSize: 3 }], MEMBERS);
    fc.assert(
      fc.property(fc.array(summary, { minLength: 1, maxLength: 4 }), fc.boolean(), (meetings, freeze) => {
        const given = freeze ? meetings.map((m) => ({ ...m, present: Object.freeze([...m.present]), absent: Object.freeze([...m.absent]) })) : meetings;
        const whole = escapeJsonText(JSON.stringify({ meetings: given.map((m) => meetingJson(m, l)) }, null, 2));
        const open = '{\n  "meetings": [\n';
        expect(meetingsJsonText(given, l)).toBe(whole.slice(open.length, -'\n  ]\n}'.length));
      }),
      { numRuns: 400 },
    );
  });
});
