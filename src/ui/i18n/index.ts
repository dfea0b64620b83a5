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

// One namespace per area; a new area adds one import and one line here (one area per line,
// so engineers adding areas at the same time merge cleanly). The help texts (`cmd` of each
// area) live in help.ts, so `--help` can load them alone. `en` is typed as `typeof nl` in every
// area, so both languages build the same shape.
function catalog(lang: Lang) {
  return {
    ...common[lang],
    appDescription: help[lang].appDescription,
    help: help[lang].help,
    groups: { ...groups[lang], ...help[lang].groups },
    meeting: { ...meeting[lang], ...help[lang].meeting },
    methods: { ...methods[lang], ...help[lang].methods },
    timer: { ...timer[lang], ...help[lang].timer },
    between: { ...between[lang], ...help[lang].between },
    trust: { ...trust[lang], ...help[lang].trust },
    report: { ...report[lang], ...help[lang].report },
    sync: { ...sync[lang], ...help[lang].sync },
  };
}

export type Messages = ReturnType<typeof catalog>;

const made: Partial<Record<Lang, Messages>> = {};

/** The catalog of one language, put together when first asked for. */
export function messages(lang: Lang): Messages {
  return (made[lang] ??= catalog(lang));
}
