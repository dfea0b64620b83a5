// Texts for running a meeting (`intervisie start`, `resume`, `abort`, `history`, `show`).

export const nl = {
  cmd: {
    start: 'een intervisiebijeenkomst leiden, van aanwezigheid tot volgende afspraak',
  },
  say: {
    welcome: 'Welkom bij intervisie.',
  },
};

export const en: typeof nl = {
  cmd: {
    start: 'run an intervisie meeting, from attendance to the next appointment',
  },
  say: {
    welcome: 'Welcome to intervisie.',
  },
};
