import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** Every row of every table, in a stable order: compare before and after to prove "nothing changed". */
export function dumpDb(path: string): string {
  if (!existsSync(path)) return '<no database>';
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const parts = tables.map(({ name }) => {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all();
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      return `## ${name}\n${lines.join('\n')}`;
    });
    parts.push(`user_version=${db.pragma('user_version', { simple: true })}`);
    return parts.join('\n');
  } finally {
    db.close();
  }
}

/** Rows of one query, read through a separate read-only connection. */
export function queryRows<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The first column of the first row of one query, read-only. */
export function queryValue<T = number>(path: string, sql: string, ...params: unknown[]): T {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}
