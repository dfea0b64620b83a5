import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { declareCommands } from '../../src/commands/declarations.js';
import { answer, BUILT_FILE, builtScreen, isVersionOnly, rootHelpLang, version, type BuiltRootHelp } from '../../src/fast-paths.cjs';
import { rootHelp } from '../../src/root-help.js';
import { rootHelpScreen } from '../../src/root-help-screen.js';
import { helpMessages } from '../../src/ui/i18n/help.js';
import { LANGS, type Lang } from '../../src/ui/i18n/lang.cjs';
import { Capture } from '../helpers/ctx.js';
import { tempDir } from '../helpers/tmp.js';

/** The full command line (commander) in-process, with a stdout of the given width (undefined: a pipe). */
async function viaCommander(argv: string[], o: { columns?: number; env?: Record<string, string> } = {}) {
  const stdout = new Capture();
  stdout.isTTY = o.columns !== undefined;
  stdout.columns = o.columns ?? 80;
  const stderr = new Capture();
  const stdin = new PassThrough();
  stdin.end();
  const code = await main({ argv, env: { NO_COLOR: '1', ...o.env }, stdin, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

// `intervisie --help` is drawn without commander (src/root-help.ts); it must be exactly
// the screen commander draws, in both languages and at any terminal width.
describe('the root help screen without commander', () => {
  for (const lang of LANGS) {
    for (const columns of [undefined, 30, 40, 52, 60, 80, 100, 160]) {
      it(`is commander's screen in ${lang} at ${columns ?? 'pipe'} columns`, async () => {
        const expected = await viaCommander(['--lang', lang, '--help'], { columns });
        expect(expected.code).toBe(0);
        expect(await rootHelp(lang, columns ?? 80)).toBe(expected.stdout);
      });
    }
  }

  const asked: [string[], Record<string, string>, Lang][] = [
    [[], {}, 'nl'],
    [['--help'], {}, 'nl'],
    [['-h'], {}, 'nl'],
    [['help'], {}, 'nl'],
    [[], { INTERVISIE_LANG: 'en' }, 'en'],
    [['--lang', 'en', '--help'], {}, 'en'],
    [['--lang=en', '-h'], {}, 'en'],
    [['--lang', 'EN', 'help'], { INTERVISIE_LANG: 'nl' }, 'en'],
    [['--lang', 'nl', '--help'], { INTERVISIE_LANG: 'en' }, 'nl'],
  ];
  for (const [argv, env, lang] of asked) {
    it(`answers \`intervisie ${argv.join(' ')}\`${env['INTERVISIE_LANG'] ? ` (INTERVISIE_LANG=${env['INTERVISIE_LANG']})` : ''} as commander does`, async () => {
      expect(rootHelpLang(argv, env)).toBe(lang);
      const expected = await viaCommander(argv, { env });
      expect(expected).toEqual({ code: 0, stdout: await rootHelp(lang, 80), stderr: '' });
    });
  }

  it('leaves every other command line to commander', () => {
    const others: [string[], Record<string, string>][] = [
      [['--lang', 'xx', '--help'], {}],
      [['--help'], { INTERVISIE_LANG: 'xx' }],
      [[], { INTERVISIE_LANG: 'xx' }],
      [['--lang', 'en'], {}],
      [['--lang='], {}],
      [['group', '--help'], {}],
      [['--help', 'group'], {}],
      [['help', 'group'], {}],
      [['--plain', '--help'], {}],
      [['--db', 'x.db', '--help'], {}],
      [['--version'], {}],
    ];
    for (const [argv, env] of others) expect(rootHelpLang(argv, env), argv.join(' ')).toBeNull();
  });

  it('answers --version alone as commander does, and leaves the rest to it', async () => {
    expect(isVersionOnly(['--version'], {})).toBe(true);
    expect(isVersionOnly(['-V'], { INTERVISIE_LANG: 'EN' })).toBe(true);
    expect(isVersionOnly(['--version'], { INTERVISIE_LANG: 'xx' })).toBe(false);
    expect(isVersionOnly(['--version', 'group'], {})).toBe(false);
    expect(isVersionOnly(['--lang', 'en', '--version'], {})).toBe(false);
    expect(await viaCommander(['--version'])).toEqual({ code: 0, stdout: `${version()}\n`, stderr: '' });
  });

  // The declarations get only the help texts (HelpMessages); report-cli.ts is typed with the
  // full Messages, so the compiler cannot see it reading a text that is not there.
  it('gives every declared command, argument and option a text in both languages', () => {
    for (const lang of LANGS) {
      const missing: string[] = [];
      const check = (where: string, text: unknown) => {
        if (typeof text !== 'string' || text.trim() === '') missing.push(where);
      };
      const node = (path: string): unknown => {
        const self = {
          command: (name: string) => node(`${path} ${name}`),
          description: (text: unknown) => (check(`${path}: description`, text), self),
          argument: (name: string, text: unknown) => (check(`${path} ${name}`, text), self),
          option: (flags: string, text: unknown) => (check(`${path} ${flags}`, text), self),
          action: () => self,
        };
        return self;
      };
      declareCommands(node('intervisie') as never, () => Promise.resolve(), helpMessages(lang));
      expect(missing, lang).toEqual([]);
    }
  });

  it('uses the screen written at build time only while it is newer than every file it was made from', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'commands'));
    const sources = ['root-help-screen.js', 'commands/group-cli.js'];
    for (const f of sources) writeFileSync(join(dir, f), '');
    const screen = { usage: 'built', description: '', sections: [] };
    const data: BuiltRootHelp = { sources, screens: { nl: screen, en: screen } };
    writeFileSync(join(dir, BUILT_FILE), JSON.stringify(data));
    const at = (file: string, seconds: number) => utimesSync(join(dir, file), seconds, seconds);
    at('root-help-screen.js', 1000);
    at('commands/group-cli.js', 1000);
    at(BUILT_FILE, 1000);
    // The same time: a published package, where npm gives every file one date.
    expect(builtScreen('nl', dir)).toEqual(screen);
    // A declaration compiled again after the build step (plain tsc, tsc --watch): worked out anew.
    at('commands/group-cli.js', 2000);
    expect(builtScreen('nl', dir)).toBeNull();
    at(BUILT_FILE, 3000);
    expect(builtScreen('en', dir)).toEqual(screen);
    writeFileSync(join(dir, 'commands/group-cli.js'), 'changed');
    expect(builtScreen('en', dir)).toBeNull();
  });

  it('has no built screen next to the sources, so tests draw it from the declarations', () => {
    expect(builtScreen('nl')).toBeNull();
    expect(rootHelpScreen('nl').usage).toBe('Gebruik: intervisie [opties] [opdracht]');
  });

  it('answers in bin/intervisie.js only --version and a built root help', () => {
    const out = new Capture();
    expect(answer(['--version'], {}, out as never)).toBe(true);
    expect(out.text).toBe(`${version()}\n`);
    const rest = new Capture();
    // No root-help.json next to the sources: the help goes on to main.ts like any command line.
    expect(answer(['--help'], {}, rest as never)).toBe(false);
    expect(answer(['group', 'list'], {}, rest as never)).toBe(false);
    expect(answer(['--version'], { INTERVISIE_LANG: 'xx' }, rest as never)).toBe(false);
    expect(rest.text).toBe('');
  });
});
