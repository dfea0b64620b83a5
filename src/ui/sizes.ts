import type { Lang } from './i18n/index.js';

/** Bytes for people: 1,2 MB in Dutch, 1.2 MB in English. */
export function humanSize(bytes: number, lang: Lang): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const text = i === 0 ? String(n) : n.toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text} ${units[i]}`;
}
