// Texts shared by every command: errors, the store, prompts (the help frame is in help.ts).
// `en` is typed as `typeof nl`, so a key missing in either is a compile error.

/** " Bedoel je 'x'?" for the close matches of a mistyped word, or nothing without any. */
function didYouMean(close: readonly string[], or: string): string {
  return close.length === 0 ? '' : ` Bedoel je ${quotedList(close, or)}?`;
}

function didYouMeanEn(close: readonly string[]): string {
  return close.length === 0 ? '' : ` Did you mean ${quotedList(close, 'or')}?`;
}

function quotedList(words: readonly string[], or: string): string {
  const quoted = words.map((w) => `'${w}'`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted.at(-1)}`;
}

export const nl = {
  errors: {
    unknownCommand: (name: string, close: readonly string[] = [], command = 'intervisie') =>
      `Onbekende opdracht '${name}'.${didYouMean(close, 'of')} Zie '${command} --help'.`,
    unknownOption: (name: string, close: readonly string[] = []) =>
      `Onbekende optie '${name}'.${didYouMean(close, 'of')} Zie --help bij deze opdracht.`,
    missingArgument: (name: string) => `Er ontbreekt een waarde: ${name}.`,
    optionMissingArgument: (name: string) => `De optie ${name} heeft een waarde nodig.`,
    excessArguments: 'Te veel argumenten. Gebruik aanhalingstekens rond namen met spaties.',
    invalidArgument: (detail: string) => `Ongeldige waarde: ${detail}`,
    conflictingOption: (detail: string) => `Deze opties gaan niet samen: ${detail}`,
    badLang: (value: string) => `Onbekende taal '${value}': kies nl of en.`,
    unexpected: 'Er ging iets onverwachts mis. Draai de opdracht opnieuw met --debug voor details.',
    interrupted: 'Gestopt. Er is niets verloren gegaan van wat al was ingevuld.',
    notInteractive: (what: string) =>
      `'${what}' stelt vragen en heeft een terminal nodig; geef de gegevens mee als opties (zie --help).`,
    badNumber: (flag: string, min: number, max: number) =>
      `${flag} moet een heel getal zijn van ${min} tot en met ${max}.`,
  },
  store: {
    notSqlite: (path: string) => `${path} is geen intervisie-database (geen SQLite-bestand). Het bestand is niet aangeraakt.`,
    tooNew: (path: string, found: number, known: number) =>
      `${path} is gemaakt door een nieuwere versie van intervisie (schema ${found}, deze versie kent ${known}). Werk intervisie bij; het bestand is niet aangeraakt.`,
    cannotOpen: (path: string, reason: string) => `Kan de database ${path} niet openen: ${reason}`,
    readOnly: (path: string) => `De database ${path} is alleen-lezen; er kan niets worden opgeslagen.`,
    busy: 'De database is bezet door een ander intervisie-proces. Probeer het zo opnieuw.',
    corrupt: (path: string) => `De database ${path} is beschadigd. Zet een back-up terug; 'intervisie doctor' laat zien wat er mis is.`,
    diskFull: 'De schijf is vol: er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw.',
  },
  ui: {
    yes: 'ja',
    no: 'nee',
    yesWord: 'Ja',
    noWord: 'Nee',
    answerYesNo: 'Antwoord met ja of nee.',
    keys: { navigate: 'bladeren', select: 'aanvinken', submit: 'klaar', choose: 'kiezen', all: 'alles', invert: 'omdraaien', space: 'spatie' },
    disabled: 'Deze keuze is niet beschikbaar.',
    chooseSomething: 'Kies een geldige waarde.',
    none: '(geen)',
    warning: 'Let op',
    saved: 'Opgeslagen.',
  },
};

export const en: typeof nl = {
  errors: {
    unknownCommand: (name, close = [], command = 'intervisie') => `Unknown command '${name}'.${didYouMeanEn(close)} See '${command} --help'.`,
    unknownOption: (name, close = []) => `Unknown option '${name}'.${didYouMeanEn(close)} See --help for this command.`,
    missingArgument: (name) => `A value is missing: ${name}.`,
    optionMissingArgument: (name) => `The option ${name} needs a value.`,
    excessArguments: 'Too many arguments. Put quotes around names with spaces.',
    invalidArgument: (detail) => `Invalid value: ${detail}`,
    conflictingOption: (detail) => `These options do not go together: ${detail}`,
    badLang: (value) => `Unknown language '${value}': choose nl or en.`,
    unexpected: 'Something unexpected went wrong. Run the command again with --debug for details.',
    interrupted: 'Stopped. Nothing you already entered has been lost.',
    notInteractive: (what) =>
      `'${what}' asks questions and needs a terminal; pass the details as options instead (see --help).`,
    badNumber: (flag, min, max) => `${flag} must be a whole number from ${min} to ${max}.`,
  },
  store: {
    notSqlite: (path) => `${path} is not an intervisie database (not an SQLite file). The file was not touched.`,
    tooNew: (path, found, known) =>
      `${path} was written by a newer version of intervisie (schema ${found}, this version knows ${known}). Update intervisie; the file was not touched.`,
    cannotOpen: (path, reason) => `Cannot open the database ${path}: ${reason}`,
    readOnly: (path) => `The database ${path} is read-only; nothing can be saved.`,
    busy: 'The database is busy in another intervisie process. Try again in a moment.',
    corrupt: (path) => `The database ${path} is damaged. Restore a backup; 'intervisie doctor' shows what is wrong.`,
    diskFull: 'The disk is full: nothing was saved. Free some space and try again.',
  },
  ui: {
    yes: 'yes',
    no: 'no',
    yesWord: 'Yes',
    noWord: 'No',
    answerYesNo: 'Answer yes or no.',
    keys: { navigate: 'move', select: 'tick', submit: 'done', choose: 'choose', all: 'all', invert: 'invert', space: 'space' },
    disabled: 'This choice is not available.',
    chooseSomething: 'Choose a valid value.',
    none: '(none)',
    warning: 'Note',
    saved: 'Saved.',
  },
};
