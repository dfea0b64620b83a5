import { describe, expect, it } from 'vitest';
import { cleanName, nameKey, namesStartingWith, safeText } from '../../src/domain/names.js';
import { UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';

const refuse = (raw: string) => {
  try {
    cleanName(raw, 'member');
  } catch (err) {
    if (err instanceof UserError) return err.render(messages('nl'));
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
};

describe('names', () => {
  it('trims, collapses spaces and normalises to NFC', () => {
    expect(cleanName('  Anna   de  Vries ')).toBe('Anna de Vries');
    expect(cleanName('Zoe\u0308')).toBe('Zoë');
  });

  it('compares case-insensitively and across Unicode forms', () => {
    expect(nameKey('ANNA')).toBe(nameKey('anna'));
    expect(nameKey(cleanName('Zoe\u0308'))).toBe(nameKey('ZOË'));
  });

  it('refuses empty, too long, control characters, escapes and broken UTF-8', () => {
    expect(refuse('   ')).toContain('niet leeg');
    expect(refuse('x'.repeat(81))).toContain('80 tekens');
    expect(cleanName('x'.repeat(80))).toHaveLength(80);
    expect(refuse('Anna\u001b[31m')).toContain('stuurtekens');
    expect(refuse('Anna\nBram')).toContain('stuurtekens');
    expect(refuse('Anna\u202eBram')).toContain('stuurtekens');
    expect(refuse('Anna\ufffd')).toContain('UTF-8');
  });

  it('neutralises escapes in text shown on a terminal', () => {
    expect(safeText('a\u001b[2Jb\u0007c')).toBe('a␛[2Jb�c');
    expect(safeText('regel\nvolgende')).toBe('regel\nvolgende');
  });
});

describe('a first name for a full name', () => {
  const members = [{ name: 'Anna de Vries' }, { name: 'Anna Bos' }, { name: 'Bram Visser' }, { name: 'Annabel' }];
  it('matches the leading words only, case-insensitively', () => {
    expect(namesStartingWith(members, 'bram')).toEqual([{ name: 'Bram Visser' }]);
    expect(namesStartingWith(members, 'Anna')).toEqual([{ name: 'Anna de Vries' }, { name: 'Anna Bos' }]);
    expect(namesStartingWith(members, 'Anna de')).toEqual([{ name: 'Anna de Vries' }]);
    expect(namesStartingWith(members, 'Ann')).toEqual([]);
    expect(namesStartingWith(members, '  ')).toEqual([]);
  });
});
