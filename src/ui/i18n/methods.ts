// Texts for the method catalog (`intervisie methods ...`) and the method suggestion at `start`.

const questionTypesNl: Record<string, string> = {
  behaviour: 'vragen over eigen gedrag',
  communication: 'communicatie met één ander',
  conflict: 'een conflict',
  decision: 'een beslissing',
  dilemma: 'een dilemma',
  emotion: 'emotioneel beladen casussen',
  general: 'algemene werkvragen',
  incident: 'een incident',
  reflection: 'reflectie op een ervaring',
  relationship: 'een werkrelatie',
  values: 'waarden en houding',
};

const questionTypesEn: Record<string, string> = {
  behaviour: 'questions about own behaviour',
  communication: 'communication with one other person',
  conflict: 'a conflict',
  decision: 'a decision',
  dilemma: 'a dilemma',
  emotion: 'emotionally charged cases',
  general: 'general work questions',
  incident: 'an incident',
  reflection: 'reflection on an experience',
  relationship: 'a working relationship',
  values: 'values and attitude',
};


/** The starting file of `methods new ID`; the method texts are in both languages, the comments in one. */
function starter(id: string, c: StarterComments): string {
  return `# ${c.intro}
# ${c.docs}
schema: 1
# ${c.id}
id: ${id}
# ${c.texts}
name:
  nl: Mijn methode
  en: My method
description:
  nl: Beschrijf in een paar zinnen hoe de methode verloopt.
  en: Describe in a few sentences how the method runs.
# ${c.suits}
suits:
  nl: Voor welke werkvragen en groepen deze methode geschikt is.
  en: Which work questions and groups this method suits.
# ${c.groupSize}
groupSize:
  min: 3
  max: 8
  advised: 6
# ${c.questionTypes}
questionTypes: [general]
# ${c.typicalMinutes}
typicalMinutes: 60
# ${c.level}
level: beginner
# ${c.cautions}
cautions: []
# ${c.sources}
sources:
  - title: ${c.sourceTitle}
phases:
  # ${c.phase}
  - id: inbreng
    title:
      nl: Inbreng
      en: Bringing in the case
    # ${c.minutes}
    minutes: 10
    estimate: true
    # ${c.minMinutes}
    minMinutes: 5
    purpose:
      nl: De gekozen casus en de vraag helder krijgen.
      en: Get the chosen case and the question clear.
    # ${c.chairScript}
    chairScript:
      nl: Vertel wat er speelt en wat je vraag aan de groep is.
      en: Tell us what is going on and what your question to the group is.
    rules:
      - nl: De anderen luisteren.
        en: The others listen.
    roles:
      owner:
        nl: Vertelt de situatie en stelt de vraag.
        en: Describes the situation and asks the question.
      others:
        nl: Luisteren.
        en: Listen.
    # ${c.flags}
    flags: [caseIntake]
    # ${c.notes}
    notes:
      - id: werkvraag
        kind: text
        label:
          nl: De werkvraag
          en: The work question
  - id: vragen
    title:
      nl: Vragen
      en: Questions
    minutes: 30
    estimate: true
    minMinutes: 10
    purpose:
      nl: De situatie begrijpen door open vragen.
      en: Understand the situation through open questions.
    chairScript:
      nl: Stel om de beurt een open vraag. Nog geen advies.
      en: Ask an open question each in turn. No advice yet.
    rules:
      - nl: Alleen open vragen.
        en: Only open questions.
    roles:
      owner:
        nl: Beantwoordt de vragen.
        en: Answers the questions.
      others:
        nl: Stellen open vragen.
        en: Ask open questions.
    flags: [perParticipantRound]
    notes:
      - id: vragen
        kind: list
        label:
          nl: Gestelde vragen
          en: Questions asked
  - id: afronding
    title:
      nl: Afronding
      en: Closing
    minutes: 20
    estimate: true
    minMinutes: 5
    purpose:
      nl: Vastleggen wat de inbrenger meeneemt, en terugkijken op het proces.
      en: Record what the case owner takes away, and look back on the process.
    chairScript:
      nl: Wat neem je mee, en wat is je eerste stap? Hoe ging het proces?
      en: What do you take away, and what is your first step? How did the process go?
    roles:
      owner:
        nl: Zegt wat hij of zij meeneemt.
        en: Says what they take away.
      others:
        nl: Zeggen hoe het proces ging.
        en: Say how the process went.
    notes:
      - id: meenemen
        kind: text
        optional: false
        label:
          nl: Wat de inbrenger meeneemt
          en: What the case owner takes away
      - id: proces
        kind: rating
        perMember: true
        label:
          nl: Proces
          en: Process
`;
}

interface StarterComments {
  intro: string;
  docs: string;
  id: string;
  texts: string;
  suits: string;
  groupSize: string;
  questionTypes: string;
  typicalMinutes: string;
  level: string;
  cautions: string;
  sources: string;
  sourceTitle: string;
  phase: string;
  minutes: string;
  minMinutes: string;
  chairScript: string;
  flags: string;
  notes: string;
}

const starterNl: StarterComments = {
  intro: 'Een eigen intervisiemethode. Pas de teksten en fasen aan; controleer met intervisie methods validate.',
  docs: 'Elk veld staat uitgelegd in docs/methods.md. Elke tekst heeft een Nederlandse (nl) en Engelse (en) versie.',
  id: 'Het id is gelijk aan de bestandsnaam. Gebruik je het id van een ingebouwde methode, dan vervangt dit bestand die.',
  texts: 'Naam en beschrijving zie je bij het kiezen van een methode.',
  suits: 'Waarvoor de methode geschikt is.',
  groupSize: 'Aantal aanwezigen (de inbrenger meegeteld) waarmee de methode werkt.',
  questionTypes: 'Soorten werkvragen, bijvoorbeeld communication, dilemma, incident, emotion, decision, behaviour, reflection, values, general.',
  typicalMinutes: 'Minuten voor één casus, zoals de bron het beschrijft. Past dat niet in de bijeenkomst, dan waarschuwt de tool.',
  level: 'beginner of experienced: hoeveel ervaring de groep nodig heeft (mag weg).',
  cautions: 'Wat de voorzitter vooraf moet weten, als lijst van teksten met nl en en.',
  sources: 'Waar de methode vandaan komt (title, en eventueel url).',
  sourceTitle: 'Eigen werkvorm van onze groep',
  phase: 'De fasen in volgorde. Het id is uniek binnen de methode.',
  minutes: 'Minuten in een bijeenkomst van 90 tot 120 minuten; estimate: true als het een eigen schatting is.',
  minMinutes: 'De tijdplanning geeft deze fase nooit minder dan dit.',
  chairScript: 'Wat de voorzitter zegt om de fase te openen.',
  flags: 'ownerAbsent, ownerSilent, perParticipantRound, writtenFirst, smallGroups, caseIntake (zie docs/methods.md).',
  notes: 'Wat er wordt vastgelegd: kind is text, list, per-participant, rating of reformulated-question.',
};

const starterEn: StarterComments = {
  intro: 'An intervisie method of your own. Edit the texts and phases; check it with intervisie methods validate.',
  docs: 'Every field is explained in docs/methods.md. Every text has a Dutch (nl) and an English (en) version.',
  id: 'The id equals the file name. If you use the id of a built-in method, this file replaces it.',
  texts: 'The name and description are shown when choosing a method.',
  suits: 'What the method is suited to.',
  groupSize: 'Number present (the case owner included) the method works with.',
  questionTypes: 'Kinds of work question, for example communication, dilemma, incident, emotion, decision, behaviour, reflection, values, general.',
  typicalMinutes: 'Minutes for one case, as the source describes it. When that does not fit the meeting, the tool warns.',
  level: 'beginner or experienced: how much experience the group needs (may be left out).',
  cautions: 'What the chair should know beforehand, as a list of texts with nl and en.',
  sources: 'Where the method comes from (title, and a url if there is one).',
  sourceTitle: 'Our group\'s own way of working',
  phase: 'The phases in order. The id is unique within the method.',
  minutes: 'Minutes in a meeting of 90 to 120 minutes; estimate: true when it is your own estimate.',
  minMinutes: 'The time plan never gives this phase less than this.',
  chairScript: 'What the chair says to open the phase.',
  flags: 'ownerAbsent, ownerSilent, perParticipantRound, writtenFirst, smallGroups, caseIntake (see docs/methods.md).',
  notes: 'What is recorded: kind is text, list, per-participant, rating or reformulated-question.',
};

export const nl = {
  questionTypes: questionTypesNl,
  flags: {
    ownerAbsent: 'de inbrenger verlaat de ruimte',
    ownerSilent: 'de inbrenger luistert en reageert niet',
    perParticipantRound: 'ieder om de beurt',
    writtenFirst: 'eerst opschrijven, dan delen',
    smallGroups: 'in kleine groepjes',
    caseIntake: 'na de keuze van de casus',
  } as Record<string, string>,
  level: { beginner: 'ook voor beginnende groepen', experienced: 'voor ervaren groepen' } as Record<string, string>,
  say: {
    listLine: (name: string, phases: number, minutes: number, min: number, max: number) =>
      `${name} · ${phases} fasen · ${minutes} min · ${min}-${max} aanwezigen`,
    listSuits: (types: string) => `past bij: ${types}`,
    userMark: 'eigen',
    overrideMark: (id: string) => `eigen bestand, vervangt de ingebouwde '${id}'`,
    overrideNote: (id: string, file: string) => `Je eigen bestand ${file} vervangt de ingebouwde methode '${id}'.`,
    brokenFiles: (n: number) => (n === 1 ? 'Eén methodebestand kon niet worden gelezen:' : `${n} methodebestanden konden niet worden gelezen:`),
    fileError: (where: string, message: string) => `  ${where}: ${message}`,
    showGroup: (min: number, max: number, advised: number | undefined) =>
      `${min} tot ${max} aanwezigen${advised !== undefined ? `, liefst ${advised}` : ''}`,
    showMinutes: (typical: number, phases: number) =>
      typical === phases ? `${typical} minuten voor één casus` : `${phases} minuten in deze vorm; de bronnen noemen ${typical} minuten voor één casus`,
    showLabels: {
      suits: 'Past bij',
      group: 'Groep',
      time: 'Tijd',
      questions: 'Soort vragen',
      level: 'Niveau',
      cautions: 'Let op',
      sources: 'Bronnen',
      file: 'Bestand',
      purpose: 'Doel',
      chair: 'De voorzitter zegt',
      rules: 'Regels',
      owner: 'Inbrenger',
      others: 'De anderen',
      how: 'Werkwijze',
      notes: 'Vastleggen',
    },
    phaseHeading: (n: number, total: number, title: string, minutes: string) => `Fase ${n} van ${total}: ${title} (${minutes})`,
    phaseMinutes: (m: number | undefined, estimate: boolean) => (m === undefined ? 'naar verhouding' : `${estimate ? '±' : ''}${m} min`),
    estimateLegend: '± = eigen schatting; geen bron noemt deze minuten.',
    noteKinds: {
      text: 'tekst',
      list: 'lijst',
      'per-participant': 'per deelnemer',
      rating: 'cijfer 1-5',
      'reformulated-question': 'nieuwe vraag',
    } as Record<string, string>,
    perMember: 'ieder lid',
    suggestTitle: (minutes: number, present: number | undefined, question: string | undefined) =>
      [`Voorstel voor een bijeenkomst van ${minutes} minuten`, present !== undefined ? `${present} aanwezigen` : null, question ? `vraag: ${question}` : null]
        .filter(Boolean)
        .join(', ') + ':',
    suggestGroup: (name: string) => `Groep '${name}'; recent gebruikt is meegewogen.`,
    suggestNoFit: 'Past nu niet:',
    suggestLine: (rank: number, name: string, id: string) => `${rank}. ${name} (${id})`,
    recentTitle: 'Recent gebruikt door de groep:',
    recentNone: 'De groep heeft nog geen methode gebruikt.',
    reason: {
      timeFits: (full: number, available: number) => `past in de tijd: ${full} van de ${available} minuten voor de casus`,
      timeTight: (full: number, available: number) =>
        `krap: de bronnen noemen ${full} minuten, er zijn er ${available} voor de casus; elke fase krijgt minder tijd`,
      timeTooShort: (minimum: number, available: number) => `te weinig tijd: zelfs ingekort ${minimum} minuten, er zijn er ${available}`,
      groupFits: (present: number, min: number, max: number) => `${present} aanwezigen past (${min}-${max})`,
      groupTooSmall: (present: number, min: number) => `te weinig aanwezigen: ${present}, minstens ${min} nodig`,
      groupTooLarge: (present: number, max: number) => `te veel aanwezigen: ${present}, hooguit ${max}`,
      questionPrimary: (q: string) => `gemaakt voor ${q}`,
      questionMatch: (q: string) => `geschikt voor ${q}`,
      questionOther: (q: string) => `niet speciaal bedoeld voor ${q}`,
      usedRecently: (ago: number, date: string) =>
        ago === 1 ? `vorige keer gebruikt (${date}); afwisseling houdt het fris` : `${ago} bijeenkomsten geleden gebruikt (${date})`,
      usedBefore: (ago: number, date: string) => `al even niet gebruikt (${ago} bijeenkomsten geleden, ${date})`,
      newForGroup: 'nog niet gebruikt door de groep',
      anyQuestion: 'geschikt voor de meeste werkvragen',
      groupDefault: 'de standaardmethode van de groep',
      experiencedForNewGroup: (held: number) => `vraagt een ervaren groep; jullie hadden ${held} bijeenkomsten`,
      beginnerForNewGroup: 'goed voor een groep die net begint',
    },
    timeWarning: (name: string, full: number, minutes: number, available: number) =>
      `${name} duurt volgens de bronnen ${full} minuten; in een bijeenkomst van ${minutes} minuten zijn er ${available} voor de casus. Elke fase krijgt minder tijd dan de bronnen aanraden.`,
    timeTooShortWarning: (name: string, minimum: number, minutes: number) =>
      `${name} past niet in ${minutes} minuten: zelfs ingekort is er ${minimum} minuten nodig voor de casus.`,
    created: (file: string) => `Startbestand geschreven: ${file}`,
    createdNext: (file: string) => `Pas het aan en controleer het met 'intervisie methods validate ${file}'.`,
    valid: (file: string, name: string, phases: number) => `${file} is in orde: ${name}, ${phases} fasen.`,
    validOverrides: (id: string) => `Dit bestand vervangt de ingebouwde methode '${id}' als het in je methodemap staat.`,
    invalid: (n: number) => (n === 1 ? 'Eén fout:' : `${n} fouten:`),
    startSuggested: 'voorgesteld',
    startNoFit: 'past nu niet',
    experiencedNotice: (name: string, held: number) =>
      `${name} is bedoeld voor een ervaren groep; jullie hadden ${held === 1 ? 'één bijeenkomst' : `${held} bijeenkomsten`}. Houd de stappen strak aan.`,
    groupDefault: 'standaard van de groep',
    timeLeftWarning: (name: string, full: number, available: number) =>
      `${name} duurt volgens de bronnen ${full} minuten; er zijn nog ${available} minuten voor de casus. Elke fase krijgt minder tijd dan de bronnen aanraden.`,
    timeLeftTooShort: (name: string, minimum: number, available: number) =>
      `${name} past niet in de ${available} minuten die er nog zijn: zelfs ingekort is er ${minimum} nodig.`,
    starter: (id: string) => starter(id, starterNl),
    fromHeader: (from: string) => `# Begonnen als kopie van '${from}'. Pas de teksten aan; controleer met intervisie methods validate.`,
  },
  err: {
    unknownMethod: (id: string) => `Er is geen methode '${id}'. Zie 'intervisie methods list'.`,
    badId: (id: string) => `'${id}' kan geen id zijn: gebruik kleine letters, cijfers en streepjes (a-z, 0-9, -).`,
    exists: (file: string) => `${file} bestaat al. Kies een ander id of pas dat bestand aan.`,
    builtinId: (id: string) =>
      `'${id}' is een ingebouwde methode. Kies een ander id, of gebruik --from ${id} om er een aangepaste versie van te maken.`,
    unknownQuestion: (q: string, known: string) => `Geen methode noemt vraagsoort '${q}'. Bekend zijn: ${known}.`,
    invalidFile: (file: string, n: number) => `${file} is geen geldige methode (${n === 1 ? 'één fout' : `${n} fouten`}, zie hierboven).`,
    cannotWrite: (file: string, reason: string) => `Kan ${file} niet schrijven: ${reason}`,
    notFound: (file: string) => `Bestand ${file} bestaat niet.`,
  },
};

export const en: typeof nl = {
  questionTypes: questionTypesEn,
  flags: {
    ownerAbsent: 'the case owner leaves the room',
    ownerSilent: 'the case owner listens and does not react',
    perParticipantRound: 'everyone in turn',
    writtenFirst: 'write first, then share',
    smallGroups: 'in small groups',
    caseIntake: 'after the case is chosen',
  },
  level: { beginner: 'also for new groups', experienced: 'for experienced groups' },
  say: {
    listLine: (name, phases, minutes, min, max) => `${name} · ${phases} phases · ${minutes} min · ${min}-${max} present`,
    listSuits: (types) => `suits: ${types}`,
    userMark: 'own',
    overrideMark: (id) => `own file, replaces the built-in '${id}'`,
    overrideNote: (id, file) => `Your own file ${file} replaces the built-in method '${id}'.`,
    brokenFiles: (n) => (n === 1 ? 'One method file could not be read:' : `${n} method files could not be read:`),
    fileError: (where, message) => `  ${where}: ${message}`,
    showGroup: (min, max, advised) => `${min} to ${max} present${advised !== undefined ? `, ${advised} is best` : ''}`,
    showMinutes: (typical, phases) =>
      typical === phases ? `${typical} minutes for one case` : `${phases} minutes in this form; the sources give ${typical} minutes for one case`,
    showLabels: {
      suits: 'Suits',
      group: 'Group',
      time: 'Time',
      questions: 'Kinds of question',
      level: 'Level',
      cautions: 'Mind',
      sources: 'Sources',
      file: 'File',
      purpose: 'Purpose',
      chair: 'The chair says',
      rules: 'Rules',
      owner: 'Case owner',
      others: 'The others',
      how: 'How',
      notes: 'Record',
    },
    phaseHeading: (n, total, title, minutes) => `Phase ${n} of ${total}: ${title} (${minutes})`,
    phaseMinutes: (m, estimate) => (m === undefined ? 'by weight' : `${estimate ? '±' : ''}${m} min`),
    estimateLegend: '± = our own estimate; no source gives these minutes.',
    noteKinds: {
      text: 'text',
      list: 'list',
      'per-participant': 'per participant',
      rating: 'score 1-5',
      'reformulated-question': 'new question',
    },
    perMember: 'every member',
    suggestTitle: (minutes, present, question) =>
      [`Suggestion for a meeting of ${minutes} minutes`, present !== undefined ? `${present} present` : null, question ? `question: ${question}` : null]
        .filter(Boolean)
        .join(', ') + ':',
    suggestGroup: (name) => `Group '${name}'; recent use is taken into account.`,
    suggestNoFit: 'Does not fit now:',
    suggestLine: (rank, name, id) => `${rank}. ${name} (${id})`,
    recentTitle: 'Recently used by the group:',
    recentNone: 'The group has not used a method yet.',
    reason: {
      timeFits: (full, available) => `fits the time: ${full} of the ${available} minutes for the case`,
      timeTight: (full, available) => `tight: the sources give ${full} minutes, there are ${available} for the case; every phase gets less time`,
      timeTooShort: (minimum, available) => `not enough time: even shortened it needs ${minimum} minutes, there are ${available}`,
      groupFits: (present, min, max) => `${present} present fits (${min}-${max})`,
      groupTooSmall: (present, min) => `too few present: ${present}, at least ${min} needed`,
      groupTooLarge: (present, max) => `too many present: ${present}, at most ${max}`,
      questionPrimary: (q) => `made for ${q}`,
      questionMatch: (q) => `suited to ${q}`,
      questionOther: (q) => `not meant specially for ${q}`,
      usedRecently: (ago, date) =>
        ago === 1 ? `used last time (${date}); variety keeps it fresh` : `used ${ago} meetings ago (${date})`,
      usedBefore: (ago, date) => `not used for a while (${ago} meetings ago, ${date})`,
      newForGroup: 'not used by the group yet',
      anyQuestion: 'suits most work questions',
      groupDefault: "the group's default method",
      experiencedForNewGroup: (held) => `needs an experienced group; you have had ${held} meetings`,
      beginnerForNewGroup: 'good for a group that is just starting',
    },
    timeWarning: (name, full, minutes, available) =>
      `${name} takes ${full} minutes according to the sources; a meeting of ${minutes} minutes leaves ${available} for the case. Every phase gets less time than the sources advise.`,
    timeTooShortWarning: (name, minimum, minutes) =>
      `${name} does not fit in ${minutes} minutes: even shortened it needs ${minimum} minutes for the case.`,
    created: (file) => `Starting file written: ${file}`,
    createdNext: (file) => `Edit it and check it with 'intervisie methods validate ${file}'.`,
    valid: (file, name, phases) => `${file} is fine: ${name}, ${phases} phases.`,
    validOverrides: (id) => `This file replaces the built-in method '${id}' when it is in your methods folder.`,
    invalid: (n) => (n === 1 ? 'One error:' : `${n} errors:`),
    startSuggested: 'suggested',
    startNoFit: 'does not fit now',
    experiencedNotice: (name, held) =>
      `${name} is meant for an experienced group; you have had ${held === 1 ? 'one meeting' : `${held} meetings`}. Keep strictly to the steps.`,
    groupDefault: "group's default",
    timeLeftWarning: (name, full, available) =>
      `${name} takes ${full} minutes according to the sources; ${available} minutes are left for the case. Every phase gets less time than the sources advise.`,
    timeLeftTooShort: (name, minimum, available) =>
      `${name} does not fit in the ${available} minutes left: even shortened it needs ${minimum}.`,
    starter: (id) => starter(id, starterEn),
    fromHeader: (from) => `# Started as a copy of '${from}'. Edit the texts; check it with intervisie methods validate.`,
  },
  err: {
    unknownMethod: (id) => `There is no method '${id}'. See 'intervisie methods list'.`,
    badId: (id) => `'${id}' cannot be an id: use lowercase letters, digits and hyphens (a-z, 0-9, -).`,
    exists: (file) => `${file} already exists. Choose another id or edit that file.`,
    builtinId: (id) => `'${id}' is a built-in method. Choose another id, or use --from ${id} to make your own version of it.`,
    unknownQuestion: (q, known) => `No method names question type '${q}'. Known types: ${known}.`,
    invalidFile: (file, n) => `${file} is not a valid method (${n === 1 ? 'one error' : `${n} errors`}, see above).`,
    cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}`,
    notFound: (file) => `File ${file} does not exist.`,
  },
};
