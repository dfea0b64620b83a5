import type { Store } from '../../src/store/store.js';
import { BUNDLE_TABLES, TABLES, travellingColumns } from '../../src/store/bundle-tables.js';

/** Everything that travels without case content, per table, sorted: what every laptop of a group must agree on. */
export function sharedState(store: Store): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of BUNDLE_TABLES) {
    if (TABLES[table].contentOnly) continue;
    const cols = travellingColumns(TABLES[table], false)
      .map((c) => `"${c}"`)
      .join(', ');
    out[table] = store.db.prepare(`SELECT ${cols} FROM "${table}" ORDER BY id`).all();
  }
  return out;
}
