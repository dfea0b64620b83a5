// Texts for the live phase screen and the standalone `intervisie timer`.

const minutesNl = (n: number) => (n === 1 ? '1 minuut' : `${n} minuten`);
const minutesEn = (n: number) => (n === 1 ? '1 minute' : `${n} minutes`);

export const nl = {
  err: {
    badDuration: (value: string) => `'${value}' is geen duur. Gebruik bijvoorbeeld 5m, 90s, 1h15m of 1:30.`,
    durationRange: 'Een timer duurt minstens 1 seconde en hoogstens 12 uur.',
  },
  defaultLabel: 'Timer',
  plan: {
    step: 'Stap',
    time: 'Tijd',
    change: 'Verschil',
    minutes: (n: number) => `${n} min`,
    endsAt: (time: string) => `Einde om ${time}.`,
  },
  screen: {
    paused: 'GEPAUZEERD',
    left: (time: string) => `nog ${time}`,
    over: (time: string) => `${time} over de tijd`,
    ofPlanned: (time: string) => `van ${time}`,
    pausedFor: (time: string) => `pauze ${time} (telt niet mee)`,
    soon: 'Nog één minuut.',
    zero: 'De tijd is om.',
    meetingLeft: (minutes: number, end: string) => `Bijeenkomst: nog ${minutes} min, tot ${end}`,
    meetingPast: (minutes: number, end: string) => `Bijeenkomst: ${minutes} min over de eindtijd ${end}`,
    ahead: (minutes: number) => `${minutes} min voor op schema`,
    behind: (minutes: number) => `${minutes} min achter op schema`,
    onSchedule: 'op schema',
    confirmNext: 'Naar de volgende stap? j = ja, n = nee',
    confirmDone: 'Klaar met deze timer? j = ja, n = nee',
    helpTitle: 'Toetsen',
    helpClose: 'Druk op een toets om terug te gaan.',
    keys: {
      space: 'spatie',
      pause: 'pauze',
      pauseLong: 'pauzeren of verdergaan (een pauze telt niet als bijeenkomsttijd)',
      plusMinus: '+/-',
      minute: 'minuut',
      plusLong: 'een minuut erbij',
      minusLong: 'een minuut eraf',
      next: 'volgende',
      nextLong: 'naar de volgende stap (met bevestiging)',
      done: 'klaar',
      doneLong: 'klaar met deze timer (met bevestiging)',
      note: 'notitie',
      noteLong: 'een notitie typen; de klok loopt door',
      quit: 'stoppen',
      quitLong: 'stoppen; de bijeenkomst is bewaard en kan later verder',
      quitTimerLong: 'de timer stoppen',
      help: 'hulp',
      helpLong: 'deze hulp tonen',
    },
  },
  plain: {
    start: (label: string, planned: string) => `${label}: ${planned}.`,
    minutesLeft: (n: number) => `nog ${minutesNl(n)}`,
    minutesOver: (n: number) => `${minutesNl(n)} over de tijd`,
    paused: 'Gepauzeerd.',
    resumed: (left: string) => `Verder, ${left}.`,
    adjusted: (delta: number, left: string) =>
      `${delta > 0 ? 'Een minuut erbij' : 'Een minuut eraf'}, ${left}.`,
    soon: 'Nog één minuut.',
    zero: 'De tijd is om; de overtijd loopt.',
    keys: 'Toetsen: spatie pauze, + en - een minuut, q stoppen, ? hulp.',
  },
  done: (used: string, planned: string) => `Klaar: ${used} gebruikt van ${planned}.`,
  donePaused: (paused: string) => `Gepauzeerd: ${paused}.`,
  duration: (seconds: number) => {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h} uur` : '', m ? minutesNl(m) : '', s ? `${s} ${s === 1 ? 'seconde' : 'seconden'}` : ''].filter(Boolean);
    return parts.length ? parts.join(' en ') : '0 seconden';
  },
};

export const en: typeof nl = {
  err: {
    badDuration: (value) => `'${value}' is not a duration. Use for example 5m, 90s, 1h15m or 1:30.`,
    durationRange: 'A timer lasts at least 1 second and at most 12 hours.',
  },
  defaultLabel: 'Timer',
  plan: {
    step: 'Step',
    time: 'Time',
    change: 'Change',
    minutes: (n) => `${n} min`,
    endsAt: (time) => `Ends at ${time}.`,
  },
  screen: {
    paused: 'PAUSED',
    left: (time) => `${time} left`,
    over: (time) => `${time} over time`,
    ofPlanned: (time) => `of ${time}`,
    pausedFor: (time) => `paused ${time} (does not count)`,
    soon: 'One minute left.',
    zero: 'Time is up.',
    meetingLeft: (minutes, end) => `Meeting: ${minutes} min left, until ${end}`,
    meetingPast: (minutes, end) => `Meeting: ${minutes} min past the end time ${end}`,
    ahead: (minutes) => `${minutes} min ahead of schedule`,
    behind: (minutes) => `${minutes} min behind schedule`,
    onSchedule: 'on schedule',
    confirmNext: 'Go to the next step? y = yes, n = no',
    confirmDone: 'Done with this timer? y = yes, n = no',
    helpTitle: 'Keys',
    helpClose: 'Press any key to go back.',
    keys: {
      space: 'space',
      pause: 'pause',
      pauseLong: 'pause or continue (a pause does not count as meeting time)',
      plusMinus: '+/-',
      minute: 'minute',
      plusLong: 'one minute more',
      minusLong: 'one minute less',
      next: 'next',
      nextLong: 'go to the next step (asks to confirm)',
      done: 'done',
      doneLong: 'done with this timer (asks to confirm)',
      note: 'note',
      noteLong: 'type a note; the clock keeps running',
      quit: 'quit',
      quitLong: 'stop; the meeting is saved and can be resumed later',
      quitTimerLong: 'stop the timer',
      help: 'help',
      helpLong: 'show this help',
    },
  },
  plain: {
    start: (label, planned) => `${label}: ${planned}.`,
    minutesLeft: (n) => `${minutesEn(n)} left`,
    minutesOver: (n) => `${minutesEn(n)} over time`,
    paused: 'Paused.',
    resumed: (left) => `Continuing, ${left}.`,
    adjusted: (delta, left) => `${delta > 0 ? 'One minute more' : 'One minute less'}, ${left}.`,
    soon: 'One minute left.',
    zero: 'Time is up; overtime is running.',
    keys: 'Keys: space pause, + and - a minute, q quit, ? help.',
  },
  done: (used, planned) => `Done: ${used} used of ${planned}.`,
  donePaused: (paused) => `Paused: ${paused}.`,
  duration: (seconds) => {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const parts = [h ? `${h} h` : '', m ? minutesEn(m) : '', s ? `${s} ${s === 1 ? 'second' : 'seconds'}` : ''].filter(Boolean);
    return parts.length ? parts.join(' and ') : '0 seconds';
  },
};
