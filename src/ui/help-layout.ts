import type { HelpMessages } from './i18n/help.js';

// commander's fixed help words in the user's language, for every help screen: the ones
// commander draws (cli.ts) and the root screen drawn without it (root-help-screen.ts; its
// layout is in fast-paths.cts).

/** commander's fixed titles and usage words in the user's language. */
export function helpWords(t: HelpMessages): { title: (s: string) => string; words: (s: string) => string } {
  const titles: Record<string, string> = {
    'Usage:': t.help.usage,
    'Options:': t.help.options,
    'Commands:': t.help.commands,
    'Arguments:': t.help.arguments,
    'Global Options:': t.help.globalOptions,
  };
  return {
    title: (s) => titles[s] ?? s,
    words: (s) => s.replace('[options]', t.help.optionsWord).replace('[command]', t.help.commandWord),
  };
}
