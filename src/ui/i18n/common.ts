// Texts shared by every command: the CLI frame, help, errors, the store.
// `en` is typed as `typeof nl`, so a key missing in either is a compile error.

export const nl = {
  appDescription:
    'Intervisie zonder vaste begeleider: leid de bijeenkomst stap voor stap en bewijs je uren aan je register.',
  help: {
    usage: 'Gebruik:',
    options: 'Opties:',
    commands: 'Opdrachten:',
    arguments: 'Argumenten:',
    globalOptions: 'Algemene opties:',
    optionsWord: '[opties]',
    commandWord: '[opdracht]',
    helpOption: 'toon hulp bij deze opdracht',
    helpCommand: 'toon hulp bij een opdracht',
    version: 'toon het versienummer',
    db: 'pad naar het databasebestand (ook INTERVISIE_DB)',
    lang: 'taal van de teksten: nl of en (ook INTERVISIE_LANG)',
    plain: 'geen kleur en geen verversend scherm (schermlezer, ssh, log)',
    debug: 'toon technische details bij een fout',
    json: 'uitvoer als JSON (stabiel formaat, zie docs/cli.md)',
    group: 'de groep (standaard: je standaardgroep)',
  },
  errors: {
    unknownCommand: (name: string) => `Onbekende opdracht '${name}'. Zie 'intervisie --help'.`,
    unknownOption: (name: string) => `Onbekende optie '${name}'. Zie --help bij deze opdracht.`,
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
    corrupt: (path: string) => `De database ${path} is beschadigd. Gebruik 'intervisie doctor' of zet een back-up terug.`,
    diskFull: 'De schijf is vol: er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw.',
  },
  ui: {
    yes: 'ja',
    no: 'nee',
    none: '(geen)',
    warning: 'Let op',
    saved: 'Opgeslagen.',
  },
};

export const en: typeof nl = {
  appDescription:
    'Peer supervision without a trained facilitator: run the meeting step by step and prove your hours to your register.',
  help: {
    usage: 'Usage:',
    options: 'Options:',
    commands: 'Commands:',
    arguments: 'Arguments:',
    globalOptions: 'Global options:',
    optionsWord: '[options]',
    commandWord: '[command]',
    helpOption: 'show help for this command',
    helpCommand: 'show help for a command',
    version: 'show the version number',
    db: 'path to the database file (also INTERVISIE_DB)',
    lang: 'language of the texts: nl or en (also INTERVISIE_LANG)',
    plain: 'no colour and no redrawing screen (screen reader, ssh, log)',
    debug: 'show technical details on an error',
    json: 'output as JSON (stable shape, see docs/cli.md)',
    group: 'the group (default: your default group)',
  },
  errors: {
    unknownCommand: (name) => `Unknown command '${name}'. See 'intervisie --help'.`,
    unknownOption: (name) => `Unknown option '${name}'. See --help for this command.`,
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
    corrupt: (path) => `The database ${path} is damaged. Use 'intervisie doctor' or restore a backup.`,
    diskFull: 'The disk is full: nothing was saved. Free some space and try again.',
  },
  ui: {
    yes: 'yes',
    no: 'no',
    none: '(none)',
    warning: 'Note',
    saved: 'Saved.',
  },
};
