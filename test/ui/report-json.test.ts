import { describe, expect, it } from 'vitest';
import { computeReport, type MeetingRecord, type MemberRecord } from '../../src/domain/hours.js';
import { escapeJsonText } from '../../src/ui/output.js';
import { buildReportJson, lookups, reportJsonPieces, sortedNames } from '../../src/ui/report-json.js';

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
  return [...reportJsonPieces(m, l, perPiece)].map(escapeJsonText).join('');
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
