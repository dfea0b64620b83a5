// The languages, apart from the catalogs: deciding the language must not load any texts.
// CommonJS (.cts) so that bin/intervisie.js can use it before Node's ES module loader starts
// (see fast-paths.cts); ES modules import it as './lang.cjs'.

export type Lang = 'nl' | 'en';

export const LANGS: readonly Lang[] = ['nl', 'en'];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}
