import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { report, type ReportOptions } from '../../src/commands/report.js';
import type { ReportJson } from '../../src/ui/report-view.js';
import { runCli } from '../helpers/cli.js';
import { testCtx } from '../helpers/ctx.js';
import { dumpDb } from '../helpers/db-dump.js';
import { openStore, SECRET, seedGroup, seedMeeting } from '../helpers/report-history.js';
import { tempDb, tempDir } from '../helpers/tmp.js';
import { expectRefusedCall } from '../helpers/refused.js';

/** Two groups; Coaches Utrecht has four held meetings in 2026 (times in UTC, Dutch time is +1/+2). */
function fixture(): string {
  const db = tempDb();
  const store = openStore(db);
  const g = seedGroup(store, 'Coaches Utrecht', ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan', 'Eva']);
  store.db.prepare("UPDATE members SET register = 'VIT', registration_number = 'VIT-1234' WHERE id = ?").run(g.ids['Anna de Vries']);
  // 19:30–21:30, all but Eva
  seedMeeting(store, g, {
    start: '2026-02-10T18:30:00.000Z',
    end: '2026-02-10T20:30:00.000Z',
    chair: 'Bram Jansen',
    present: ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan'],
    absent: ['Eva'],
    caseOwner: 'Carla',
    place: 'Utrecht, De Werkplaats',
    topic: 'Grenzen stellen <als zzp>',
    content: SECRET,
  });
  // 19:30–21:45 with a 15 minute break: 120 minutes; only three present
  seedMeeting(store, g, {
    start: '2026-04-14T17:30:00.000Z',
    end: '2026-04-14T19:45:00.000Z',
    pausedSeconds: 900,
    chair: 'Anna de Vries',
    present: ['Anna de Vries', 'Bram Jansen', 'Carla'],
    absent: ['Daan', 'Eva'],
    caseOwner: 'Anna de Vries',
    content: SECRET,
  });
  // 19:00–20:15, everyone, no method recorded, logged afterwards
  seedMeeting(store, g, {
    start: '2026-06-09T17:00:00.000Z',
    end: '2026-06-09T18:15:00.000Z',
    planned: 90,
    source: 'logged',
    chair: 'Carla',
    method: null,
    present: ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan', 'Eva'],
    content: SECRET,
  });
  // aborted and not held
  seedMeeting(store, g, {
    start: '2026-09-08T17:30:00.000Z',
    end: '2026-09-08T17:50:00.000Z',
    status: 'aborted',
    counted: false,
    present: ['Anna de Vries', 'Bram Jansen'],
    absent: ['Carla', 'Daan', 'Eva'],
    content: SECRET,
  });
  // last year and still running: never in 2026 totals
  seedMeeting(store, g, { start: '2025-12-09T18:30:00.000Z', end: '2025-12-09T20:30:00.000Z', present: ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan'], absent: ['Eva'] });
  seedMeeting(store, g, { start: '2026-11-24T11:00:00.000Z', end: null, status: 'running', present: ['Anna de Vries'], content: SECRET });
  const m = seedGroup(store, 'Mediators', ['Fatima', 'Gert'], 2);
  seedMeeting(store, m, { start: '2026-03-03T18:00:00.000Z', end: '2026-03-03T20:00:00.000Z', chair: 'Gert', present: ['Fatima', 'Gert'], caseOwner: 'Fatima', content: SECRET });
  store.close();
  return db;
}

async function run(db: string, opts: ReportOptions, lang: 'nl' | 'en' = 'nl') {
  const t = testCtx({ db, lang });
  try {
    await report(t.ctx, { member: [], ...opts });
  } finally {
    t.ctx.dispose();
  }
  return t.stdout.text;
}

async function json(db: string, opts: ReportOptions = {}): Promise<ReportJson> {
  return JSON.parse(await run(db, { ...opts, json: true })) as ReportJson;
}

function refusal(db: string, opts: ReportOptions): Promise<string> {
  return expectRefusedCall(db, () => run(db, opts));
}

describe('report --json', () => {
  it('gives the hand-computed totals per member for 2026', async () => {
    const r = await json(fixture(), { year: '2026', group: 'Coaches Utrecht' });
    expect(r).toMatchObject({ from: '2026-01-01', to: '2026-12-31', register: null });
    const by = Object.fromEntries(r.members.map((m) => [m.member, m]));
    expect(Object.keys(by)).toEqual(['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan', 'Eva']);
    expect(by['Anna de Vries']).toMatchObject({ meetings: 3, minutes: 315, hours: 5.25, plannedMinutes: 330, chaired: 1, casesBrought: 1, missed: 0 });
    expect(by['Anna de Vries']!.notCounted).toEqual([{ date: '2026-09-08', reason: 'not-held' }]);
    expect(by['Bram Jansen']).toMatchObject({ meetings: 3, minutes: 315, chaired: 1, casesBrought: 0, missed: 0 });
    expect(by['Carla']).toMatchObject({ meetings: 3, minutes: 315, chaired: 1, casesBrought: 1, missed: 0, notCounted: [] });
    expect(by['Daan']).toMatchObject({ meetings: 2, minutes: 195, hours: 3.25, missed: 1 });
    expect(by['Eva']).toMatchObject({ meetings: 1, minutes: 75, hours: 1.25, missed: 2 });
  });

  it('has exactly the documented shape', async () => {
    const r = await json(fixture(), { year: '2026' });
    expect(Object.keys(r)).toEqual(['from', 'to', 'register', 'members', 'meetings']);
    expect(Object.keys(r.members[0]!)).toEqual([
      'member', 'group', 'meetings', 'minutes', 'hours', 'chaired', 'casesBrought', 'missed', 'notCounted', 'plannedMinutes', 'requirement',
    ]);
    expect(r.meetings.map((m) => [m.group, m.date, m.start, m.end, m.minutes])).toEqual([
      ['Coaches Utrecht', '2026-02-10', '19:30', '21:30', 120],
      ['Mediators', '2026-03-03', '19:00', '21:00', 120],
      ['Coaches Utrecht', '2026-04-14', '19:30', '21:45', 120],
      ['Coaches Utrecht', '2026-06-09', '19:00', '20:15', 75],
    ]);
    expect(r.meetings[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      group: 'Coaches Utrecht',
      date: '2026-02-10',
      start: '19:30',
      end: '21:30',
      minutes: 120,
      present: ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan'],
      absent: ['Eva'],
      chair: 'Bram Jansen',
      method: '5-stappen',
      plannedMinutes: 120,
      logged: false,
      place: 'Utrecht, De Werkplaats',
      topic: 'Grenzen stellen <als zzp>',
      notCounted: null,
    });
    expect(r.meetings[3]).toMatchObject({ method: null, logged: true, chair: 'Carla' });
  });

  it('applies a register: rules per meeting, reasons, and what is still missing', async () => {
    const r = await json(fixture(), { year: '2026', register: 'vit', group: 'Coaches Utrecht' });
    expect(r.register).toBe('vit');
    const anna = r.members.find((m) => m.member === 'Anna de Vries')!;
    expect(anna).toMatchObject({ meetings: 2, minutes: 195, hours: 3.25 });
    expect(anna.notCounted).toEqual([
      { date: '2026-04-14', reason: 'too-few-present' },
      { date: '2026-09-08', reason: 'not-held' },
    ]);
    expect(anna.requirement).toEqual({
      met: false,
      requiredHours: 15,
      requiredMeetings: null,
      missingHours: 11.75,
      missingMeetings: 0,
      caseMissing: false,
      tooManyMissed: false,
    });
    expect(r.meetings.find((m) => m.date === '2026-04-14')!.notCounted).toBe('too-few-present');
    const mfn = await json(fixture(), { year: '2026', register: 'mfn', group: 'Coaches Utrecht' });
    expect(mfn.meetings.map((m) => m.notCounted)).toEqual(['too-few-present', 'too-few-present', 'too-short,no-method']);
  });

  it('filters by member and by period', async () => {
    const db = fixture();
    const only = await json(db, { year: '2026', member: ['eva', 'Fatima'] });
    expect(only.members.map((m) => m.member)).toEqual(['Eva', 'Fatima']);
    // A first name is enough when it fits one person.
    expect((await json(db, { year: '2026', member: ['anna'] })).members.map((m) => m.member)).toEqual(['Anna de Vries']);
    const q2 = await json(db, { period: '2026-Q2', group: 'Coaches Utrecht' });
    expect([q2.from, q2.to]).toEqual(['2026-04-01', '2026-06-30']);
    expect(q2.meetings.map((m) => m.date)).toEqual(['2026-04-14', '2026-06-09']);
    const all = await json(db, {});
    expect(all.from).toBe('2025-12-09');
    expect(all.members.find((m) => m.member === 'Daan')!.meetings).toBe(3);
  });

  it('refuses bad flags with one line and changes nothing', async () => {
    const db = fixture();
    expect(await refusal(db, { year: '2026', last: '12m' })).toMatch(/één manier/);
    expect(await refusal(db, { json: true, csv: true })).toMatch(/één uitvoervorm/);
    expect(await refusal(db, { register: 'xyz' })).toMatch(/Onbekend registerprofiel 'xyz'.*vit/);
    expect(await refusal(db, { member: ['Zoë'] })).toMatch(/geen lid 'Zoë'/);
    expect(await refusal(db, { group: 'Onbekend' })).toMatch(/geen groep 'Onbekend'/);
  });
});

describe('report --csv and --excel', () => {
  it('parses back to the same values as --json', async () => {
    const db = fixture();
    const j = await json(db, { year: '2026', register: 'vit' });
    const rows = parseCsv(await run(db, { year: '2026', register: 'vit', csv: true }), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(j.members.length);
    rows.forEach((row, i) => {
      const m = j.members[i]!;
      expect(row).toEqual({
        from: j.from,
        to: j.to,
        register: 'vit',
        member: m.member,
        group: m.group,
        meetings: String(m.meetings),
        minutes: String(m.minutes),
        hours: String(m.hours),
        plannedMinutes: String(m.plannedMinutes),
        chaired: String(m.chaired),
        casesBrought: String(m.casesBrought),
        missed: String(m.missed),
        notCounted: m.notCounted.map((n) => `${n.date} ${n.reason}`).join('; '),
        requirementMet: String(m.requirement!.met),
        missingHours: String(m.requirement!.missingHours),
        missingMeetings: String(m.requirement!.missingMeetings),
      });
    });
  });

  it('--excel: BOM, semicolons, decimal comma, Dutch titles, same values', async () => {
    const db = fixture();
    const j = await json(db, { year: '2026' });
    const text = await run(db, { year: '2026', excel: true });
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parseCsv(text, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 8)).toEqual(['van', 'tot en met', 'register', 'lid', 'groep', 'bijeenkomsten', 'minuten', 'uren']);
    rows.forEach((row, i) => {
      const m = j.members[i]!;
      expect(row['lid']).toBe(m.member);
      expect(Number(row['uren']!.replace(',', '.'))).toBe(m.hours);
      expect(Number(row['minuten'])).toBe(m.minutes);
    });
    expect(rows.find((r) => r['lid'] === 'Anna de Vries')!['uren']).toBe('5,25');
  });

  it('quotes per RFC 4180 and defuses formulas, in plain CSV and in Excel', async () => {
    const db = tempDb();
    const store = openStore(db);
    const g = seedGroup(store, 'Groep "Noord", Utrecht', ['=SUM(A1)', '+31 6', '-Bram', '@Carla', 'Daan']);
    seedMeeting(store, g, { start: '2026-02-10T18:30:00.000Z', end: '2026-02-10T20:30:00.000Z', present: ['=SUM(A1)', '+31 6', '-Bram', '@Carla', 'Daan'] });
    store.close();
    const csv = await run(db, { year: '2026', csv: true });
    expect(csv).toContain('"Groep ""Noord"", Utrecht"');
    const members = (parseCsv(csv, { columns: true }) as Record<string, string>[]).map((r) => r['member']).sort();
    expect(members).toEqual(["'+31 6", "'-Bram", "'=SUM(A1)", "'@Carla", 'Daan']);
    const excel = await run(db, { year: '2026', excel: true });
    expect(excel).toContain(";'=SUM(A1);");
    expect(excel).toContain(";'@Carla;");
  });

  it('neutralises escape sequences and control characters in names, in plain CSV and in Excel', async () => {
    const db = tempDb();
    const store = openStore(db);
    const hostile = 'Eva\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eX';
    const g = seedGroup(store, `Team\u001b[31m`, [hostile, 'Bram']);
    seedMeeting(store, g, { start: '2026-02-10T18:30:00.000Z', end: '2026-02-10T20:30:00.000Z', present: [hostile, 'Bram'] });
    store.close();
    for (const o of [{ csv: true }, { excel: true }]) {
      const text = await run(db, { year: '2026', ...o });
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/u);
      expect(text).toContain('Eva␛[2J␛]0;pwned');
      expect(text).toContain('Team␛[31m');
    }
  });
});

describe('report --html', () => {
  function parseStrict(html: string): { errors: string[]; text: string } {
    const errors: string[] = [];
    const doc = parseHtml(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
    const parts: string[] = [];
    const walk = (n: DefaultTreeAdapterMap['node']) => {
      if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
      if ('childNodes' in n) for (const c of n.childNodes) walk(c);
    };
    walk(doc);
    return { errors, text: parts.join(' ') };
  }

  it('writes well-formed, self-contained HTML with every meeting and the totals', async () => {
    const db = fixture();
    const file = join(tempDir(), 'bewijs.html');
    const out = await run(db, { year: '2026', register: 'vit', group: 'Coaches Utrecht', html: file });
    expect(out).toContain('5 certificaten, 3 presentielijsten');
    // Names and attendance: readable by the member only, like the database and exports.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    const { errors, text } = parseStrict(html);
    expect(errors).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|https?:\/\/|url\(/i);
    for (const date of ['10 februari 2026', '14 april 2026', '9 juni 2026']) expect(text).toContain(date);
    expect(text).toContain('19:30–21:45');
    expect(text).toContain('Bewijs van deelname aan intervisie');
    expect(text).toContain('Presentielijst intervisie');
    expect(text).toContain('3,25 uur'); // Anna's total for VIT
    expect(text).toContain('VIT, nr. VIT-1234');
    expect(text).toContain('nog 11,75 uur');
    expect(text).toContain('Utrecht, De Werkplaats');
    expect(text).toContain('achteraf vastgelegd');
    expect(text).toContain('Grenzen stellen <als zzp>');
    expect(html).toContain('Grenzen stellen &#60;als zzp&#62;');
  });
});

describe('case content never appears', () => {
  it('in no format, in no language', async () => {
    const db = fixture();
    const file = join(tempDir(), 'x.html');
    const outputs = [
      await run(db, { year: '2026' }),
      await run(db, { year: '2026', register: 'mfn' }),
      await run(db, { year: '2026', json: true }),
      await run(db, { year: '2026', csv: true }),
      await run(db, { year: '2026', excel: true }),
      await run(db, { year: '2026', markdown: true }),
      await run(db, { year: '2026', markdown: true }, 'en'),
      await run(db, { year: '2026', html: file }),
    ];
    outputs.push(readFileSync(file, 'utf8'));
    expect(dumpDb(db)).toContain(SECRET);
    for (const o of outputs) {
      expect(o.length).toBeGreaterThan(100);
      expect(o).not.toContain(SECRET);
    }
  });
});

describe('report table', () => {
  it('shows per member a bar of hours against the register requirement', async () => {
    const out = await run(fixture(), { year: '2026', register: 'vit' });
    expect(out).toContain('Intervisie-uren van 1 januari 2026 tot en met 31 december 2026');
    expect(out).toContain('VIT vraagt 15 uur per 12 maanden');
    expect(out).toMatch(/Anna de Vries\s+2\s+3,25\s+3,5\s+1\s+1\s+0\s+2\s+█+░+ 3,25\/15 u nog 11,75 u/);
    expect(out).toContain('Telt niet mee voor VIT:');
    expect(out).toContain('Anna de Vries, di 14-04-2026: te weinig aanwezig: 3, minimaal 4');
    expect(out).toMatch(/Fatima\s+0\s+0\s+0\s+0\s+1\s+0\s+1\s+░+ 0\/15 u nog 15 u/);
  });

  it('speaks English with --lang en', async () => {
    const out = await run(fixture(), { year: '2026', register: 'vit' }, 'en');
    expect(out).toContain('Intervisie hours from 1 January 2026 up to and including 31 December 2026');
    expect(out).toContain('too few present: 3, at least 4');
  });
});

describe('the built binary', () => {
  it('prints only JSON on stdout and refuses a bad period with exit 2', () => {
    const db = fixture();
    const r = runCli(['report', '--json', '--year', '2026', '--register', 'vit'], { db });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).register).toBe('vit');
    const bad = runCli(['report', '--period', '2026-Q9'], { db });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('report table in colour', () => {
  it('colours the bar without breaking the layout', async () => {
    const t = testCtx({ db: fixture(), env: { FORCE_COLOR: '1' } });
    await report(t.ctx, { year: '2026', register: 'vit', member: [] });
    t.ctx.dispose();
    const out = t.stdout.text;
    expect(out).not.toContain('␛');
    expect(out).toContain('\u001b[');
    // eslint-disable-next-line no-control-regex
    const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/Anna de Vries\s+2\s+3,25\s+3,5\s+1\s+1\s+0\s+2\s+█+░+ 3,25\/15 u nog 11,75 u\n/);
  });
});
