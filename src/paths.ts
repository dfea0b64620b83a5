import envPaths from 'env-paths';
import { join } from 'node:path';

const paths = envPaths('intervisie', { suffix: '' });

/** Where the database lives unless --db or INTERVISIE_DB says otherwise. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env['XDG_DATA_HOME'];
  if (process.platform === 'linux' && dataHome) return join(dataHome, 'intervisie', 'intervisie.db');
  return join(paths.data, 'intervisie.db');
}

/** User methods and register profiles live here (~/.config/intervisie on Linux). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['INTERVISIE_CONFIG_DIR'];
  if (override) return override;
  const configHome = env['XDG_CONFIG_HOME'];
  if (process.platform === 'linux' && configHome) return join(configHome, 'intervisie');
  return paths.config;
}

/** The templates/ folder shipped with the package (methods, registers, report). */
export function templatesDir(): string {
  return new URL('../templates/', import.meta.url).pathname;
}
