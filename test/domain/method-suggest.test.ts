import { describe, expect, it } from 'vitest';
import { builtinMethodsDir, loadMethods } from '../../src/catalog/methods.js';
import { caseMinutes, suggestMethods, timeFit, type Suggestion } from '../../src/domain/method-suggest.js';

const methods = loadMethods({ dirs: { builtin: builtinMethodsDir(), user: '/nonexistent' } }).methods.map((m) => m.method);
const byId = (id: string) => methods.find((m) => m.id === id)!;
const ids = (r: Suggestion[]) => r.map((s) => s.method.id);
const fitting = (r: Suggestion[]) => ids(r.filter((s) => s.fits));

describe('suggestMethods', () => {
  it('respects the question type: 3 stoelen first for communication with one other, the incident method for an incident', () => {
    expect(ids(suggestMethods({ methods, minutes: 90, present: 5, question: 'communication' }))[0]).toBe('3-stoelen');
    expect(ids(suggestMethods({ methods, minutes: 90, present: 5, question: 'incident' }))[0]).toBe('incidentmethode');
    expect(ids(suggestMethods({ methods, minutes: 120, present: 6, question: 'emotion' }))[0]).toBe('balint');
    const r = suggestMethods({ methods, minutes: 90, present: 5, question: 'incident' });
    expect(r.find((s) => s.method.id === 'kolb')!.warnings).toContainEqual({ kind: 'question-other', question: 'incident' });
  });

  it('respects the group size: Balint needs at least five present', () => {
    const four = suggestMethods({ methods, minutes: 120, present: 4, question: 'emotion' });
    const balint = four.find((s) => s.method.id === 'balint')!;
    expect(balint.fits).toBe(false);
    expect(balint.warnings).toContainEqual({ kind: 'group', fit: { kind: 'too-small', present: 4, min: 5 } });
    expect(ids(four).indexOf('balint')).toBeGreaterThan(fitting(four).length - 1);
    const nine = suggestMethods({ methods, minutes: 120, present: 9 });
    expect(fitting(nine)).toEqual([]);
  });

  it('respects the time: a 45-minute slot puts the short method first and leaves out what cannot fit', () => {
    const r = suggestMethods({ methods, minutes: 45, present: 5 });
    expect(ids(r)[0]).toBe('vijf-rondes');
    expect(r[0]!.reasons).toContainEqual({ kind: 'time', fit: { kind: 'fits', full: 35, available: caseMinutes(45) } });
    expect(r.find((s) => s.method.id === '10-stappen')!.fits).toBe(false);
    // With two hours the ten-step model is possible but still tighter than its sources want.
    expect(timeFit(byId('10-stappen'), 120).kind).toBe('tight');
    expect(timeFit(byId('10-stappen'), 180).kind).toBe('fits');
    expect(timeFit(byId('5-stappen'), 90).kind).toBe('fits');
    expect(timeFit(byId('balint'), 90).kind).toBe('tight');
  });

  it('prefers variety: the method used last time drops, a method the group never used gets a plus', () => {
    const without = suggestMethods({ methods, minutes: 90, present: 5, question: 'general' });
    expect(ids(without)[0]).toBe('5-stappen');
    const recent = [{ methodId: '5-stappen', startedAt: '2026-11-10T18:00:00Z' }];
    const withRecent = suggestMethods({ methods, minutes: 90, present: 5, question: 'general', recent });
    expect(ids(withRecent)[0]).not.toBe('5-stappen');
    const five = withRecent.find((s) => s.method.id === '5-stappen')!;
    expect(five.warnings).toContainEqual({ kind: 'used-recently', meetingsAgo: 1, startedAt: '2026-11-10T18:00:00Z' });
    expect(withRecent.find((s) => s.method.id === 'vijf-rondes')!.reasons).toContainEqual({ kind: 'new-for-group' });
  });

  it('puts beginner methods before experienced ones for a new group', () => {
    const r = suggestMethods({ methods, minutes: 90, present: 6, held: 0 });
    const roddel = r.find((s) => s.method.id === 'roddelmethode')!;
    expect(roddel.warnings).toContainEqual({ kind: 'experienced-for-new-group', held: 0 });
    expect(ids(r).indexOf('roddelmethode')).toBeGreaterThan(ids(r).indexOf('5-stappen'));
  });

  it('without a question type puts methods for most questions before specialised ones; equal scores sort by id', () => {
    const r = suggestMethods({ methods });
    expect(r.every((s) => s.fits)).toBe(true);
    const general = r.filter((s) => s.method.questionTypes.includes('general'));
    expect(ids(r).slice(0, general.length)).toEqual(ids(general));
    expect(ids(general)).toEqual([...ids(general)].sort());
    expect(general[0]!.reasons).toContainEqual({ kind: 'any-question' });
    const three = r.find((s) => s.method.id === '3-stoelen')!;
    expect(three.reasons).not.toContainEqual({ kind: 'any-question' });
  });

  it("gives the group's default method a plus, which variety can outweigh", () => {
    const r = suggestMethods({ methods, minutes: 90, present: 5, groupDefault: 'incidentmethode' });
    expect(ids(r)[0]).toBe('incidentmethode');
    expect(r[0]!.reasons).toContainEqual({ kind: 'group-default' });
    const used = suggestMethods({ methods, minutes: 90, present: 5, groupDefault: 'incidentmethode', recent: [{ methodId: 'incidentmethode', startedAt: '2026-11-10T18:00:00Z' }] });
    expect(ids(used)[0]).not.toBe('incidentmethode');
  });
});

describe('a meeting under way', () => {
  it('uses the minutes actually left for the case when given', () => {
    const r = suggestMethods({ methods, minutes: 120, available: 40, present: 5 });
    expect(r.find((s) => s.method.id === 'vijf-rondes')!.reasons).toContainEqual({ kind: 'time', fit: { kind: 'fits', full: 35, available: 40 } });
    expect(r.find((s) => s.method.id === '5-stappen')!.warnings).toContainEqual({ kind: 'time', fit: { kind: 'tight', full: 65, available: 40 } });
  });
});
