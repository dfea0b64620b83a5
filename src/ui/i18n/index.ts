import * as common from './common.js';
import * as help from './help.js';
import * as between from './between.js';
import * as groups from './groups.js';
import * as meeting from './meeting.js';
import * as methods from './methods.js';
import * as sync from './sync.js';
import * as timer from './timer.js';
import * as trust from './trust.js';
import * as report from './report.js';
import type { Lang } from './lang.cjs';

export type { Lang } from './lang.cjs';

// One namespace per area; a new area adds one import and one line in each catalog
// (one area per line, so engineers adding areas at the same time merge cleanly).
// The help texts (`cmd` of each area) live in help.ts, so `--help` can load them alone.
const catalogs = {
  nl: {
    ...common.nl,
    appDescription: help.nl.appDescription,
    help: help.nl.help,
    groups: { ...groups.nl, ...help.nl.groups },
    meeting: { ...meeting.nl, ...help.nl.meeting },
    methods: { ...methods.nl, ...help.nl.methods },
    timer: { ...timer.nl, ...help.nl.timer },
    between: { ...between.nl, ...help.nl.between },
    trust: { ...trust.nl, ...help.nl.trust },
    report: { ...report.nl, ...help.nl.report },
    sync: { ...sync.nl, ...help.nl.sync },
  },
  en: {
    ...common.en,
    appDescription: help.en.appDescription,
    help: help.en.help,
    groups: { ...groups.en, ...help.en.groups },
    meeting: { ...meeting.en, ...help.en.meeting },
    methods: { ...methods.en, ...help.en.methods },
    timer: { ...timer.en, ...help.en.timer },
    between: { ...between.en, ...help.en.between },
    trust: { ...trust.en, ...help.en.trust },
    report: { ...report.en, ...help.en.report },
    sync: { ...sync.en, ...help.en.sync },
  },
} satisfies Record<Lang, unknown>;

export type Messages = (typeof catalogs)['nl'];

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}
