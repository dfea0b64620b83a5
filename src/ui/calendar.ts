import type * as Ics from 'ics';
import type { EventAttributes } from 'ics';
import { createRequire } from 'node:module';
import type { Messages } from './i18n/index.js';

// CommonJS with require, not import (see main.ts).
const { createEvents } = createRequire(import.meta.url)('ics') as typeof Ics;

export interface CalendarMeeting {
  /** The planned meeting's id: the event UID is derived from it, so a re-import updates. */
  id: string;
  scheduledAt: string;
  minutes: number;
  place: string | null;
  groupName: string;
  chair: string | null;
  caseOwners: string[];
  seq: number | null;
  seriesCount: number | null;
  /** Last change of the planned meeting: calendars take the highest SEQUENCE as the newest. */
  updatedAt: string;
  /** A cleared plan: the event is sent again as CANCELLED, so calendars that have it drop it. */
  cancelled: boolean;
}

export function eventUid(plannedMeetingId: string): string {
  return `${plannedMeetingId}@intervisie`;
}

// Seconds since 2020 fit the 31-bit integers some calendar tools expect.
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

function utcParts(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * An iCalendar file for planned meetings. Times are written as UTC instants, which every
 * calendar shows in its own zone, so 19:30 in Amsterdam stays right across summer time.
 * Only names go in: no case titles or questions (confidential).
 */
export function meetingsCalendar(meetings: readonly CalendarMeeting[], t: Messages, now: Date): string {
  const c = t.between.ics;
  const events: EventAttributes[] = meetings.map((m) => {
    const lines = [
      m.chair ? c.chair(m.chair) : c.noChair,
      m.caseOwners.length > 0 ? c.caseOwners(m.caseOwners.join(', ')) : c.noCaseOwners,
      ...(m.seq !== null && m.seriesCount !== null ? [c.progress(m.seq, m.seriesCount)] : []),
      c.footer,
    ];
    if (m.cancelled) lines.unshift(c.cancelledLine);
    const title = m.seq !== null && m.seriesCount !== null ? c.titleSeq(m.groupName, m.seq, m.seriesCount) : c.title(m.groupName);
    const event: EventAttributes & { timestamp: number } = {
      uid: eventUid(m.id),
      productId: 'intervisie',
      method: 'PUBLISH',
      calName: c.calName(m.groupName),
      title: m.cancelled ? c.cancelledTitle(title) : title,
      start: utcParts(new Date(m.scheduledAt)),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { hours: Math.floor(m.minutes / 60), minutes: m.minutes % 60 },
      description: lines.join('\n'),
      ...(m.place ? { location: m.place } : {}),
      status: m.cancelled ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: m.cancelled ? 'FREE' : 'BUSY',
      // A cancellation must outrank an export made in the same second as the change before it.
      sequence: Math.max(0, Math.floor((Date.parse(m.updatedAt) - SEQUENCE_EPOCH) / 1000)) + (m.cancelled ? 1 : 0),
      timestamp: now.getTime(),
    };
    return event;
  });
  const { error, value } = createEvents(events);
  if (error || value === null) throw error ?? new Error('ics: no calendar produced');
  return value;
}
