// Texts for export, import and sync through a shared folder.

export const nl = {
  ask: {
    passphrase: 'Groepswachtwoord:',
    passphraseNew: 'Kies een groepswachtwoord (minstens 8 tekens; deel het alleen met de groep):',
    passphraseRepeat: 'Typ het wachtwoord nog een keer:',
    linkGroup: (name: string) =>
      `Groep '${name}' staat al op deze laptop, maar is op een andere laptop apart aangemaakt. Is het dezelfde groep? Dan koppel ik ze, met de leden die dezelfde naam hebben.`,
    linkMember: (name: string, group: string) =>
      `'${name}' in '${group}' staat al op deze laptop, maar is elders apart toegevoegd. Is het dezelfde persoon? Dan koppel ik ze.`,
    syncBefore: (folder: string) => `Eerst bijwerken met de andere laptops via ${folder}?`,
    syncAfter: (folder: string) => `De bijeenkomst delen met de andere laptops via ${folder}?`,
  },
  say: {
    exported: (n: number, file: string) => `${n} ${n === 1 ? 'bijeenkomst' : 'bijeenkomsten'} geëxporteerd naar ${file}.`,
    exportedCases: 'Met casusinhoud, versleuteld met het groepswachtwoord.',
    reading: (n: number) => `${n} bijeenkomsten verzamelen…`,
    encrypting: 'Versleutelen…',
    writing: 'Wegschrijven…',
    dryRun: 'Proefdraai: er is niets veranderd.',
    summary: (added: number, updated: number, unchanged: number) =>
      `Bijeenkomsten: ${added} nieuw, ${updated} bijgewerkt, ${unchanged} ongewijzigd.`,
    summaryDry: (added: number, updated: number, unchanged: number) =>
      `Bijeenkomsten: ${added} zouden erbij komen, ${updated} bijgewerkt worden, ${unchanged} blijven ongewijzigd.`,
    other: (added: number, updated: number) => `Overige gegevens (leden, casussen, actiepunten, planning): ${added} nieuw, ${updated} bijgewerkt.`,
    conflicts: (n: number) =>
      `${n} ${n === 1 ? 'conflict' : 'conflicten'} opgelost: de laatste wijziging telt, de andere versie staat in de wijzigingsgeschiedenis.`,
    linked: (names: string) => `Gekoppeld: ${names}.`,
    wrote: (file: string) => `Bundel van deze laptop bijgewerkt: ${file}.`,
    unchangedOwn: 'De bundel van deze laptop was al actueel.',
    noOthers: 'Nog geen bundels van andere laptops in de map.',
    imported: (n: number) => `${n} ${n === 1 ? 'bundel' : 'bundels'} van andere laptops ingelezen.`,
    skipPartial: (file: string) => `${file} overgeslagen: wordt nog geschreven of gesynchroniseerd.`,
    skipConflictCopy: (file: string) =>
      `${file} overgeslagen: dit is een conflictkopie van de synchronisatiedienst. Je mag hem weggooien; de echte bundel staat ernaast.`,
    skipOtherGroup: (file: string) => `${file} overgeslagen: hoort bij een andere groep.`,
    skipMisnamed: (file: string) => `${file} overgeslagen: de naam past niet bij de inhoud (gekopieerd of hernoemd bestand?).`,
    skipBroken: (file: string, why: string) => `${file} overgeslagen: ${why}`,
    skipEncrypted: (file: string) => `${file} overgeslagen: versleuteld en er is geen groepswachtwoord (zet INTERVISIE_PASSPHRASE).`,
    folderSet: (group: string, folder: string) => `Gedeelde map van '${group}': ${folder}`,
    folderCleared: (group: string) => `'${group}' heeft geen gedeelde map meer.`,
    folderNone: (group: string) => `'${group}' heeft nog geen gedeelde map. Stel er een in met 'intervisie group sync-folder MAP'.`,
    folderHint: "Bijwerken gaat met 'intervisie sync'.",
  },
  err: {
    empty: (file: string) => `${file} is leeg; dat is geen bundel.`,
    damaged: (file: string) => `${file} is geen volledige bundel (afgebroken of beschadigd); er is niets ingelezen.`,
    notBundle: (file: string) => `${file} is geen intervisie-bundel; er is niets ingelezen.`,
    wrongVersion: (file: string, found: number, known: number) =>
      found > known
        ? `${file} is gemaakt door een nieuwere versie van intervisie (bundelformaat ${found}, deze versie kent ${known}). Werk intervisie bij.`
        : `${file} heeft bundelformaat ${found}, dat deze versie niet kent (alleen ${known}).`,
    modified: (file: string) => `${file} is na het exporteren veranderd of beschadigd (de controle klopt niet); er is niets ingelezen.`,
    wrongPassphrase: (file: string) => `Het groepswachtwoord klopt niet voor ${file}; er is niets ingelezen.`,
    invalid: (file: string, where: string) => `${file} bevat ongeldige gegevens (${where}); er is niets ingelezen.`,
    incomplete: 'De bundel verwijst naar gegevens die hier ontbreken; lees eerst een volledige export in (zonder --since). Er is niets veranderd.',
    constraint: 'De bundel botst met gegevens op deze laptop (bijvoorbeeld twee leden met dezelfde naam); er is niets veranderd.',
    badName: 'De bundel bevat een naam met stuurtekens of een lege naam; er is niets ingelezen.',
    groupClash: (name: string) =>
      `Groep '${name}' bestaat hier al, maar is op een andere laptop apart aangemaakt. Koppel ze met --link (of draai interactief); er is niets veranderd.`,
    memberClash: (name: string) =>
      `'${name}' bestaat hier al, maar is op een andere laptop apart toegevoegd. Koppel ze met --link (of draai interactief); er is niets veranderd.`,
    linkRefused: 'Niet gekoppeld; er is niets ingelezen. Geef een van beide een andere naam als het echt verschillende zijn.',
    needPassphrase: (file: string) =>
      `${file} is versleuteld. Geef het groepswachtwoord via INTERVISIE_PASSPHRASE of draai de opdracht in een terminal.`,
    needPassphraseExport: 'Voor --with-cases is een groepswachtwoord nodig: zet INTERVISIE_PASSPHRASE of draai de opdracht in een terminal.',
    passphraseShort: 'Het groepswachtwoord moet minstens 8 tekens lang zijn.',
    passphraseMismatch: 'De twee wachtwoorden zijn niet gelijk.',
    cannotRead: (file: string, reason: string) => `Kan ${file} niet lezen: ${reason}`,
    cannotWrite: (file: string, reason: string) => `Kan ${file} niet schrijven: ${reason}`,
    badSince: (value: string) => `--since verwacht een datum als 2026-01-31, niet '${value}'.`,
    noFolder: (group: string) => `'${group}' heeft nog geen gedeelde map. Geef er een mee of stel hem in met 'intervisie group sync-folder MAP'.`,
    folderMissing: (folder: string) => `De map ${folder} bestaat niet (of is geen map). Is de synchronisatiedienst of de usb-stick aangesloten?`,
  },
};

export const en: typeof nl = {
  ask: {
    passphrase: 'Group passphrase:',
    passphraseNew: 'Choose a group passphrase (at least 8 characters; share it only with the group):',
    passphraseRepeat: 'Type the passphrase again:',
    linkGroup: (name) =>
      `Group '${name}' is already on this laptop, but was created separately on another laptop. Is it the same group? Then I link them, with the members who have the same names.`,
    linkMember: (name, group) =>
      `'${name}' in '${group}' is already on this laptop, but was added separately elsewhere. Is it the same person? Then I link them.`,
    syncBefore: (folder) => `Catch up with the other laptops through ${folder} first?`,
    syncAfter: (folder) => `Share this meeting with the other laptops through ${folder}?`,
  },
  say: {
    exported: (n, file) => `${n} ${n === 1 ? 'meeting' : 'meetings'} exported to ${file}.`,
    exportedCases: 'With case content, encrypted with the group passphrase.',
    reading: (n) => `Collecting ${n} meetings…`,
    encrypting: 'Encrypting…',
    writing: 'Writing…',
    dryRun: 'Dry run: nothing was changed.',
    summary: (added, updated, unchanged) => `Meetings: ${added} new, ${updated} updated, ${unchanged} unchanged.`,
    summaryDry: (added, updated, unchanged) => `Meetings: ${added} would be added, ${updated} updated, ${unchanged} left alone.`,
    other: (added, updated) => `Other records (members, cases, action points, planning): ${added} new, ${updated} updated.`,
    conflicts: (n) =>
      `${n} ${n === 1 ? 'conflict' : 'conflicts'} resolved: the latest change counts, the other version is in the edit history.`,
    linked: (names) => `Linked: ${names}.`,
    wrote: (file) => `This laptop's bundle updated: ${file}.`,
    unchangedOwn: "This laptop's bundle was already up to date.",
    noOthers: 'No bundles from other laptops in the folder yet.',
    imported: (n) => `${n} ${n === 1 ? 'bundle' : 'bundles'} from other laptops read.`,
    skipPartial: (file) => `${file} skipped: still being written or synchronised.`,
    skipConflictCopy: (file) =>
      `${file} skipped: this is a conflict copy made by the sync service. You may delete it; the real bundle is next to it.`,
    skipOtherGroup: (file) => `${file} skipped: belongs to another group.`,
    skipMisnamed: (file) => `${file} skipped: the name does not match the content (copied or renamed file?).`,
    skipBroken: (file, why) => `${file} skipped: ${why}`,
    skipEncrypted: (file) => `${file} skipped: encrypted and no group passphrase (set INTERVISIE_PASSPHRASE).`,
    folderSet: (group, folder) => `Shared folder of '${group}': ${folder}`,
    folderCleared: (group) => `'${group}' no longer has a shared folder.`,
    folderNone: (group) => `'${group}' has no shared folder yet. Set one with 'intervisie group sync-folder FOLDER'.`,
    folderHint: "Catch up with 'intervisie sync'.",
  },
  err: {
    empty: (file) => `${file} is empty; that is not a bundle.`,
    damaged: (file) => `${file} is not a complete bundle (cut off or damaged); nothing was imported.`,
    notBundle: (file) => `${file} is not an intervisie bundle; nothing was imported.`,
    wrongVersion: (file, found, known) =>
      found > known
        ? `${file} was made by a newer version of intervisie (bundle format ${found}, this version knows ${known}). Update intervisie.`
        : `${file} has bundle format ${found}, which this version does not know (only ${known}).`,
    modified: (file) => `${file} was changed or damaged after it was exported (the check fails); nothing was imported.`,
    wrongPassphrase: (file) => `The group passphrase is wrong for ${file}; nothing was imported.`,
    invalid: (file, where) => `${file} contains invalid data (${where}); nothing was imported.`,
    incomplete: 'The bundle refers to records missing here; import a full export first (without --since). Nothing was changed.',
    constraint: 'The bundle clashes with records on this laptop (for example two members with the same name); nothing was changed.',
    badName: 'The bundle contains a name with control characters or an empty name; nothing was imported.',
    groupClash: (name) =>
      `Group '${name}' exists here already, but was created separately on another laptop. Link them with --link (or run interactively); nothing was changed.`,
    memberClash: (name) =>
      `'${name}' exists here already, but was added separately on another laptop. Link them with --link (or run interactively); nothing was changed.`,
    linkRefused: 'Not linked; nothing was imported. Give one of the two another name if they really are different.',
    needPassphrase: (file) => `${file} is encrypted. Give the group passphrase in INTERVISIE_PASSPHRASE or run the command in a terminal.`,
    needPassphraseExport: '--with-cases needs a group passphrase: set INTERVISIE_PASSPHRASE or run the command in a terminal.',
    passphraseShort: 'The group passphrase must be at least 8 characters long.',
    passphraseMismatch: 'The two passphrases differ.',
    cannotRead: (file, reason) => `Cannot read ${file}: ${reason}`,
    cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}`,
    badSince: (value) => `--since expects a date like 2026-01-31, not '${value}'.`,
    noFolder: (group) => `'${group}' has no shared folder yet. Pass one or set it with 'intervisie group sync-folder FOLDER'.`,
    folderMissing: (folder) => `The folder ${folder} does not exist (or is not a folder). Is the sync service running or the USB stick plugged in?`,
  },
};
