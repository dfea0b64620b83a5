// Texts for confidentiality and data care: retention, `forget`, `backup`, `doctor`.

export const nl = {
  say: {
    keepCasesSet: (group: string, period: string) => `'${group}' bewaart casusinhoud nu ${period}.`,
    keepCasesForever: (group: string) => `'${group}' bewaart casusinhoud nu voor altijd (tot je 'intervisie forget' gebruikt).`,
    period: (amount: number, unit: 'd' | 'm' | 'y') =>
      unit === 'd' ? `${amount} ${amount === 1 ? 'dag' : 'dagen'}` : unit === 'm' ? `${amount} ${amount === 1 ? 'maand' : 'maanden'}` : `${amount} jaar`,
    retentionNotice: (groups: string, n: number) =>
      `Bewaartermijn verstreken: de casusinhoud van ${n} ${n === 1 ? 'onderdeel' : 'onderdelen'} in ${groups} is gewist; uren en aanwezigheid blijven.`,
    keepCasesWillErase: (n: number) =>
      `Met deze termijn is de casusinhoud van ${n} ${n === 1 ? 'onderdeel' : 'onderdelen'} al te oud en wordt die nu gewist. Doorgaan?`,
    forgetTitle: 'Dit wordt gewist:',
    forgetNothing: 'Er is hier geen casusinhoud (meer) om te wissen. Er is niets veranderd.',
    forgetItems: {
      cases: (n: number) => `${n} ${n === 1 ? 'casus' : 'casussen'} (titel en vraag)`,
      notes: (n: number) => `${n} ${n === 1 ? 'notitie' : 'notities'} (adviezen, vragen, verslag)`,
      attendance: (n: number) => `${n} check-in${n === 1 ? '' : 's'}`,
      action_points: (n: number) => `${n} ${n === 1 ? 'actiepunt' : 'actiepunten'} (de tekst)`,
      meetings: (n: number) => `${n} bewaarde tussenstand${n === 1 ? '' : 'en'} van afgeronde bijeenkomsten`,
    } as Record<string, (n: number) => string>,
    forgetOther: (n: number) => `${n} overige ${n === 1 ? 'tekst' : 'teksten'}`,
    forgetStays:
      'Dit blijft: de bijeenkomsten met datum en duur, aanwezigheid, voorzitter, methode en EGT-scores, zodat je uren aantoonbaar blijven.',
    forgetBackups: "Let op: back-ups die je eerder maakte bevatten deze tekst nog; verwijder die zelf als dat nodig is.",
    forgetConfirm: 'Wil je dit definitief wissen?',
    forgetDone: (n: number) => `Gewist: de inhoud van ${n} ${n === 1 ? 'onderdeel' : 'onderdelen'}. De tekst staat ook niet meer in het databasebestand.`,
    forgetDonePending: (n: number) =>
      `Gewist: de inhoud van ${n} ${n === 1 ? 'onderdeel' : 'onderdelen'}. Een ander intervisie-proces gebruikt de database; het bestand wordt bij de volgende start nagepoetst.`,
    forgetCancelled: 'Niets gewist.',
    backupDone: (path: string, size: string) => `Back-up gemaakt: ${path} (${size}).`,
    doctorTitle: 'Controle van de database',
    doctorPath: 'Bestand',
    doctorMissing: 'bestaat nog niet (wordt gemaakt bij de eerste groep)',
    doctorSchema: 'Schemaversie',
    doctorSchemaValue: (found: number, known: number) =>
      found === known ? `${found} (actueel)` : found < known ? `${found} (wordt bijgewerkt naar ${known} bij de volgende wijziging)` : `${found} (nieuwer dan deze versie, ${known})`,
    doctorIntegrity: 'Samenhang',
    doctorOk: 'in orde',
    doctorSizes: 'Grootte',
    doctorPermissions: 'Rechten',
    doctorPermOk: (mode: string) => `${mode} (alleen jij)`,
    doctorPermLoose: (mode: string, want: string) => `${mode}: te ruim, moet ${want} zijn (herstel met 'intervisie doctor --fix')`,
    doctorPermFixed: (path: string, mode: string) => `Rechten van ${path} hersteld naar ${mode}.`,
    doctorLists: 'Lijsten voor rapporten',
    doctorListsWrong: (n: number) =>
      `${n} ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'} met aanwezigen, afwezigen of casusinbrengers die niet kloppen met de presentie en casussen (herstel met 'intervisie doctor --fix')`,
    doctorListsFixed: (n: number) => `Lijsten voor rapporten van ${n} ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'} opnieuw opgemaakt uit de presentie en casussen.`,
    doctorListTriggersMissing: (n: number, total: number) =>
      `${n} van de ${total} automatische bijwerkingen van die lijsten ${n === 1 ? 'ontbreekt' : 'ontbreken'} (herstel met 'intervisie doctor --fix')`,
    doctorListTriggersMade: (n: number) => `${n} ${n === 1 ? 'ontbrekende automatische bijwerking' : 'ontbrekende automatische bijwerkingen'} van de lijsten opnieuw aangemaakt.`,
    doctorGroups: 'Inhoud',
    doctorCounts: (groups: number, meetings: number) => `${groups} ${groups === 1 ? 'groep' : 'groepen'}, ${meetings} ${meetings === 1 ? 'bijeenkomst' : 'bijeenkomsten'}`,
    doctorNotSqlite: 'geen SQLite-bestand',
    doctorProblems: (n: number) => `${n} ${n === 1 ? 'probleem' : 'problemen'} gevonden.`,
    doctorAllGood: 'Alles in orde.',
  },
  err: {
    badKeepCases: (value: string) => `'${value}' is geen bewaartermijn: gebruik bijvoorbeeld 90d, 6m, 1y of forever.`,
    badOlderThan: (value: string) => `'${value}' is geen periode: gebruik bijvoorbeeld 90d, 6m of 1y.`,
    nothingToSet: 'Geef aan wat je wilt wijzigen, bijvoorbeeld --keep-cases 1y.',
    forgetWhat: 'Kies precies één van --meeting, --case, --member of --older-than.',
    unknownMeeting: (id: string) => `Er is geen bijeenkomst met id '${id}'.`,
    unknownCase: (id: string) => `Er is geen casus met id '${id}'.`,
    ambiguousId: (id: string) => `Het id '${id}' past bij meer dan één record; geef meer tekens.`,
    meetingRunning: 'Deze bijeenkomst loopt nog. Rond haar eerst af (of breek af) en wis daarna.',
    needYesSet: (n: number) =>
      `Met deze termijn wordt de casusinhoud van ${n} ${n === 1 ? 'onderdeel' : 'onderdelen'} meteen gewist; geef --yes mee als je dat zeker weet.`,
    needYes: "'intervisie forget' vraagt om bevestiging; geef --yes mee als je het zonder terminal zeker weet.",
    noDatabase: (path: string) => `Er is nog geen database in ${path}; er valt niets te bewaren.`,
    backupExists: (path: string) => `${path} bestaat al; kies een andere bestandsnaam.`,
    backupFailed: (path: string, reason: string) => `De back-up naar ${path} is mislukt: ${reason}`,
  },
};

export const en: typeof nl = {
  say: {
    keepCasesSet: (group, period) => `'${group}' now keeps case content for ${period}.`,
    keepCasesForever: (group) => `'${group}' now keeps case content forever (until you use 'intervisie forget').`,
    period: (amount, unit) =>
      unit === 'd' ? `${amount} day${amount === 1 ? '' : 's'}` : unit === 'm' ? `${amount} month${amount === 1 ? '' : 's'}` : `${amount} year${amount === 1 ? '' : 's'}`,
    retentionNotice: (groups, n) =>
      `Retention period passed: the case content of ${n} item${n === 1 ? '' : 's'} in ${groups} was erased; hours and attendance stay.`,
    keepCasesWillErase: (n) =>
      `With this period the case content of ${n} item${n === 1 ? ' is' : 's are'} already too old and will be erased now. Continue?`,
    forgetTitle: 'This will be erased:',
    forgetNothing: 'There is no case content (left) to erase here. Nothing was changed.',
    forgetItems: {
      cases: (n) => `${n} case${n === 1 ? '' : 's'} (title and question)`,
      notes: (n) => `${n} note${n === 1 ? '' : 's'} (advice, questions, minutes)`,
      attendance: (n) => `${n} check-in${n === 1 ? '' : 's'}`,
      action_points: (n) => `${n} action point${n === 1 ? '' : 's'} (the text)`,
      meetings: (n) => `${n} saved progress state${n === 1 ? '' : 's'} of finished meetings`,
    },
    forgetOther: (n) => `${n} other text${n === 1 ? '' : 's'}`,
    forgetStays: 'This stays: the meetings with date and length, attendance, chair, method and EGT scores, so your hours remain provable.',
    forgetBackups: 'Note: backups you made earlier still contain this text; delete them yourself if needed.',
    forgetConfirm: 'Do you want to erase this for good?',
    forgetDone: (n) => `Erased: the content of ${n} item${n === 1 ? '' : 's'}. The text is no longer in the database file either.`,
    forgetDonePending: (n) =>
      `Erased: the content of ${n} item${n === 1 ? '' : 's'}. Another intervisie process is using the database; the file will be cleaned at the next start.`,
    forgetCancelled: 'Nothing was erased.',
    backupDone: (path, size) => `Backup made: ${path} (${size}).`,
    doctorTitle: 'Database check',
    doctorPath: 'File',
    doctorMissing: 'does not exist yet (created with the first group)',
    doctorSchema: 'Schema version',
    doctorSchemaValue: (found, known) =>
      found === known ? `${found} (current)` : found < known ? `${found} (will be upgraded to ${known} at the next change)` : `${found} (newer than this version, ${known})`,
    doctorIntegrity: 'Integrity',
    doctorOk: 'ok',
    doctorSizes: 'Size',
    doctorPermissions: 'Permissions',
    doctorPermOk: (mode) => `${mode} (only you)`,
    doctorPermLoose: (mode, want) => `${mode}: too open, should be ${want} (repair with 'intervisie doctor --fix')`,
    doctorPermFixed: (path, mode) => `Permissions of ${path} set to ${mode}.`,
    doctorLists: 'Report lists',
    doctorListsWrong: (n) =>
      `${n} meeting${n === 1 ? '' : 's'} whose present, absent or case owners do not match the attendance and cases (repair with 'intervisie doctor --fix')`,
    doctorListsFixed: (n) => `Report lists of ${n} meeting${n === 1 ? '' : 's'} made again from the attendance and cases.`,
    doctorListTriggersMissing: (n, total) => `${n} of the ${total} triggers that keep those lists up to date ${n === 1 ? 'is' : 'are'} missing (repair with 'intervisie doctor --fix')`,
    doctorListTriggersMade: (n) => `${n} missing trigger${n === 1 ? '' : 's'} of the lists made again.`,
    doctorGroups: 'Content',
    doctorCounts: (groups, meetings) => `${groups} group${groups === 1 ? '' : 's'}, ${meetings} meeting${meetings === 1 ? '' : 's'}`,
    doctorNotSqlite: 'not an SQLite file',
    doctorProblems: (n) => `${n} problem${n === 1 ? '' : 's'} found.`,
    doctorAllGood: 'All good.',
  },
  err: {
    badKeepCases: (value) => `'${value}' is not a retention period: use for example 90d, 6m, 1y or forever.`,
    badOlderThan: (value) => `'${value}' is not a period: use for example 90d, 6m or 1y.`,
    nothingToSet: 'Say what to change, for example --keep-cases 1y.',
    forgetWhat: 'Choose exactly one of --meeting, --case, --member or --older-than.',
    unknownMeeting: (id) => `There is no meeting with id '${id}'.`,
    unknownCase: (id) => `There is no case with id '${id}'.`,
    ambiguousId: (id) => `The id '${id}' matches more than one record; give more characters.`,
    meetingRunning: 'This meeting is still running. Finish (or abort) it first, then erase.',
    needYesSet: (n) =>
      `With this period the case content of ${n} item${n === 1 ? '' : 's'} is erased at once; pass --yes if you are sure.`,
    needYes: "'intervisie forget' asks for confirmation; pass --yes if you are sure and have no terminal.",
    noDatabase: (path) => `There is no database in ${path} yet; nothing to back up.`,
    backupExists: (path) => `${path} already exists; choose another file name.`,
    backupFailed: (path, reason) => `The backup to ${path} failed: ${reason}`,
  },
};
