import { describe, expect, it } from 'vitest';
import { groupHealth, type HealthMeeting } from '../../src/domain/group-health.js';

const now = new Date('2037-06-01T12:00:00Z');
const members = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), joinedAt: '2030-01-01T00:00:00Z' }));
const meeting = (day: string, chair: string, present: string[], caseOwners: string[] = []): HealthMeeting => ({
  id: day,
  startedAt: `${day}T18:30:00.000Z`,
  chairId: chair,
  presentIds: present,
  absentIds: ['a', 'b', 'c', 'd'].filter((m) => !present.includes(m)),
  caseOwnerIds: caseOwners,
});

describe('groupHealth', () => {
  it('counts only the last 12 months for attendance, chairs and cases, but remembers the last case ever', () => {
    const h = groupHealth({
      now,
      minSize: 4,
      members,
      meetings: [
        meeting('2035-03-01', 'd', ['a', 'b', 'c', 'd'], ['d']),
        meeting('2036-09-01', 'a', ['a', 'b', 'c'], ['a']),
        meeting('2036-10-01', 'b', ['a', 'b', 'c', 'd'], ['b']),
      ],
    });
    expect(h.meetings).toBe(2);
    const d = h.members.find((m) => m.id === 'd')!;
    expect(d).toMatchObject({ expected: 2, present: 1, rate: 0.5, chaired: 0, casesBrought: 0, lastCaseAt: '2035-03-01T18:30:00.000Z' });
    // Too few meetings in the window to call anything a pattern.
    expect(h.warnings).toEqual([]);
  });

  it('does not expect a member at meetings before they joined', () => {
    const h = groupHealth({
      now,
      minSize: 4,
      members: [...members.slice(0, 3), { id: 'e', name: 'E', joinedAt: '2037-01-01T00:00:00Z' }],
      meetings: [meeting('2036-10-01', 'a', ['a', 'b', 'c']), meeting('2037-02-01', 'b', ['a', 'b', 'c'])],
    });
    expect(h.members.find((m) => m.id === 'e')).toMatchObject({ expected: 1, present: 0 });
  });

  it('warns about size against the common register minimum, the group minimum and the advised maximum', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ id: `m${i}`, name: `M${i}`, joinedAt: '2030-01-01T00:00:00Z' }));
    expect(groupHealth({ now, minSize: 4, members: many, meetings: [] }).warnings).toEqual([{ code: 'tooLarge', n: 9, max: 8 }]);
    expect(groupHealth({ now, minSize: 4, members: members.slice(0, 3), meetings: [] }).warnings).toEqual([
      { code: 'tooSmall', n: 3, min: 4 },
      { code: 'belowMinSize', n: 3, min: 4 },
    ]);
  });

  it('sees a rotating chair as healthy and one chair in most meetings as a pitfall', () => {
    const rotating = ['a', 'b', 'c', 'd', 'a', 'b'].map((c, i) => meeting(`2037-0${i + 1}-02`, c, ['a', 'b', 'c', 'd'], [c]));
    expect(groupHealth({ now, minSize: 4, members, meetings: rotating }).warnings).toEqual([]);
    const stuck = ['a', 'a', 'b', 'a', 'a', 'c'].map((c, i) => meeting(`2037-0${i + 1}-02`, c, ['a', 'b', 'c', 'd'], ['b', 'c', 'd', 'a'].slice(i % 4, (i % 4) + 1)));
    expect(groupHealth({ now, minSize: 4, members, meetings: stuck }).warnings).toEqual([{ code: 'chairNotRotating', memberId: 'a', name: 'A', k: 4, n: 6 }]);
  });
});
