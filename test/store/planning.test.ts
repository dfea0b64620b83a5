import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { createGroup, listMembers } from '../../src/store/groups.js';
import { createSeries, linkHeldMeetings, listSeries, nextPlanned, trajectoryProgress } from '../../src/store/planning.js';
import { Store } from '../../src/store/store.js';
import { History } from '../helpers/history.js';
import { tempDb } from '../helpers/tmp.js';

function setup() {
  const path = tempDb();
  const clock = new FakeClock('2036-12-01T10:00:00Z');
  const store = Store.open(path, clock);
  const group = createGroup(store, { name: 'G', members: ['Anna', 'Bram', 'Carla'], minSize: 3, minutes: 120, method: '5-stappen' });
  const [anna] = listMembers(store, group.id);
  const series = createSeries(store, {
    groupId: group.id,
    minutes: 120,
    place: null,
    meetings: ['2036-12-09T18:30:00Z', '2036-12-30T18:30:00Z', '2037-01-20T18:30:00Z'].map((d) => ({ scheduledAt: new Date(d), chairId: anna!.id })),
  });
  return { path, clock, store, group, series };
}

describe('planned meetings and held meetings', () => {
  it('tells where a meeting stands in the trajectory, on its day and before', () => {
    const { store, group, clock } = setup();
    expect(trajectoryProgress(store, group.id)).toMatchObject({ seq: 1, count: 3 });
    // Started a bit late, on the evening itself (Dutch date), still meeting 1.
    expect(trajectoryProgress(store, group.id, '2036-12-09T19:05:00Z')).toMatchObject({ seq: 1, count: 3 });
    expect(trajectoryProgress(store, group.id, '2036-12-30T22:50:00Z')).toMatchObject({ seq: 2, count: 3 });
    expect(trajectoryProgress(store, group.id, '2036-12-15T18:30:00Z')).toBeNull();
    clock.jumpWall(20 * 86_400_000);
    expect(trajectoryProgress(store, group.id)).toMatchObject({ seq: 2, count: 3 });
    store.close();
  });

  it('links a held meeting to the plan row and the agreed row of the same day, once', () => {
    const { path, store, group, series } = setup();
    const h = new History(path);
    const first = h.meeting({ startedAt: '2036-12-09T18:40:00.000Z', chair: 'Anna', present: ['Anna', 'Bram', 'Carla'] });
    h.agreed({ meetingId: first, scheduledAt: '2036-12-30T19:00:00.000Z', chair: 'Bram', caseOwners: ['Carla'], at: '2036-12-09T20:40:00.000Z' });
    const running = h.meeting({ startedAt: '2036-12-30T19:02:00.000Z', chair: 'Bram', present: ['Anna', 'Bram', 'Carla'], status: 'running' });
    h.close();
    expect(linkHeldMeetings(store, group.id)).toBe(3);
    expect(linkHeldMeetings(store, group.id)).toBe(0);
    const rows = listSeries(store, series[0]!.seriesId!);
    expect(rows.map((r) => r.meetingId)).toEqual([first, running, null]);
    const agreed = store.db.prepare("SELECT meeting_id FROM planned_meetings WHERE source = 'agreed'").get() as { meeting_id: string };
    expect(agreed.meeting_id).toBe(running);
    store.close();
  });

  it('lets an agreement made at the last meeting decide the next meeting of the plan', () => {
    const { path, store, group } = setup();
    const h = new History(path);
    h.agreed({ meetingId: h.meeting({ startedAt: '2036-11-18T18:30:00.000Z', chair: 'Carla', present: ['Anna', 'Bram', 'Carla'] }), scheduledAt: '2036-12-09T19:00:00.000Z', chair: 'Bram', caseOwners: ['Anna'], at: '2036-11-18T20:30:00.000Z' });
    h.close();
    const next = nextPlanned(store, group.id)!;
    expect(next.meeting.source).toBe('agreed');
    expect(next.meeting.scheduledAt).toBe('2036-12-09T19:00:00.000Z');
    expect(next.plan?.seq).toBe(1);
    store.close();
  });
});
