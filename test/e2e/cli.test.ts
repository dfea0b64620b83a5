import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEY, PtySession } from '../helpers/pty.js';
import { tempDb } from '../helpers/tmp.js';

describe('the built binary', () => {
  it('shows help in Dutch by default and in English with --lang en', () => {
    const nl = runCli(['--help']);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('Gebruik: intervisie');
    expect(nl.stdout).toContain('Opdrachten:');
    expect(nl.stdout).toContain('groepen beheren');
    const en = runCli(['--lang', 'en', '--help']);
    expect(en.stdout).toContain('Usage: intervisie');
    expect(en.stdout).toContain('manage groups');
    const envLang = runCli(['group', '--help'], { env: { INTERVISIE_LANG: 'en' } });
    expect(envLang.stdout).toContain('create a new intervisie group');
  });

  it('prints its version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('creates a group from flags and lists it as JSON', () => {
    const db = tempDb();
    const created = runCli(['group', 'create', 'Mediators Zuid', '--member', 'Iris', '--member', 'Joost', '--member', 'Karim', '--member', 'Lotte'], { db });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Groep 'Mediators Zuid' aangemaakt met 4 leden");
    const list = runCli(['group', 'list', '--json'], { db });
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('');
    const json = JSON.parse(list.stdout);
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0].members.map((m: { name: string }) => m.name)).toEqual(['Iris', 'Joost', 'Karim', 'Lotte']);
  });

  it('rejects a bad command with a one-line error and exit code 2', () => {
    const r = runCli(['vergadering']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("✖ Onbekende opdracht 'vergadering'. Zie 'intervisie --help'.");
    const en = runCli(['--lang', 'en', 'meeting']);
    expect(en.stderr.trim()).toBe("✖ Unknown command 'meeting'. See 'intervisie --help'.");
    const lang = runCli(['--lang', 'fr', 'group', 'list']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain("Onbekende taal 'fr'");
  });

  it('suggests the command or option meant by a typo, and names the help of the command it is under', () => {
    const typo = runCli(['reprot', '--json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("✖ Onbekende opdracht 'reprot'. Bedoel je 'report'? Zie 'intervisie --help'.\n");
    expect(runCli(['group', 'lst']).stderr).toBe("✖ Onbekende opdracht 'lst'. Bedoel je 'list'? Zie 'intervisie group --help'.\n");
    expect(runCli(['--lang', 'en', 'member', 'ad', 'Eva']).stderr).toBe(
      "✖ Unknown command 'ad'. Did you mean 'add'? See 'intervisie member --help'.\n",
    );
    const option = runCli(['report', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("✖ Onbekende optie '--jsn'. Bedoel je '--json'? Zie --help bij deze opdracht.\n");
    expect(runCli(['--lang', 'en', 'report', '--jsn']).stderr).toBe("✖ Unknown option '--jsn'. Did you mean '--json'? See --help for this command.\n");
  });

  it('fails at once, without hanging, when an interactive command has no terminal', () => {
    const db = tempDb();
    const r = runCli(['group', 'create', 'G'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers the interactive group create in a real terminal', async () => {
    const db = tempDb();
    const s = new PtySession(['group', 'create'], { db });
    await s.waitFor('Hoe heet de groep?');
    s.line('Psychologen Oost');
    await s.waitFor('Naam van lid 1');
    s.line('Noor');
    await s.waitFor('Naam van lid 2');
    s.line('Olaf');
    await s.waitFor('Naam van lid 3');
    s.line('noor');
    await s.waitFor('twee keer');
    for (let i = 0; i < 4; i++) s.write(KEY.backspace);
    s.line('Pien');
    await s.waitFor('Naam van lid 4');
    s.line('');
    await s.waitFor('minimaal aanwezig');
    s.write(`${KEY.backspace}3${KEY.enter}`);
    await s.waitFor('Hoe lang duurt');
    s.write(KEY.down + KEY.enter);
    await s.waitFor("Groep 'Psychologen Oost' aangemaakt met 3 leden");
    expect(await s.exited).toBe(0);
    const json = JSON.parse(runCli(['group', 'show', '--json'], { db }).stdout);
    expect(json).toMatchObject({ name: 'Psychologen Oost', minSize: 3, minutes: 90 });
    expect(json.members.map((m: { name: string }) => m.name)).toEqual(['Noor', 'Olaf', 'Pien']);
  });

  it('exits 130 with a calm message on Ctrl-C in a prompt, and restores the terminal', async () => {
    const db = tempDb();
    const s = new PtySession(['group', 'create'], { db });
    await s.waitFor('Hoe heet de groep?');
    s.write(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.since(0)).toContain('Gestopt.');
    // The cursor is shown again (inquirer hides it while a list is open).
    expect(s.output.lastIndexOf('\u001b[?25l')).toBeLessThanOrEqual(s.output.lastIndexOf('\u001b[?25h'));
  });
});
