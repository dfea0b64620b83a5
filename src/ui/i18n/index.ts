import * as common from './common.js';
import * as between from './between.js';
import * as groups from './groups.js';
import * as meeting from './meeting.js';
import * as methods from './methods.js';
import * as sync from './sync.js';
import * as timer from './timer.js';
import * as trust from './trust.js';
import * as report from './report.js';

// One namespace per area; a new area adds one import and one line in each catalog
// (one area per line, so engineers adding areas at the same time merge cleanly).
const catalogs = {
  nl: {
    ...common.nl,
    groups: groups.nl,
    meeting: meeting.nl,
    methods: methods.nl,
    timer: timer.nl,
    between: between.nl,
    trust: trust.nl,
    report: report.nl,
    sync: sync.nl,
  },
  en: {
    ...common.en,
    groups: groups.en,
    meeting: meeting.en,
    methods: methods.en,
    timer: timer.en,
    between: between.en,
    trust: trust.en,
    report: report.en,
    sync: sync.en,
  },
};

export type Lang = keyof typeof catalogs;
export type Messages = (typeof catalogs)['nl'];

export const LANGS: readonly Lang[] = ['nl', 'en'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}
