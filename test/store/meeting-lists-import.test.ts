import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildBundle } from '../../src/store/bundle-export.js';
import { decodeBundle, encodePlain } from '../../src/store/bundle-file.js';
import { importBundles } from '../../src/store/bundle-import.js';
import type { Store } from '../../src/store/store.js';
import { UserError } from '../../src/errors.js';
import { openLaptop } from '../helpers/fixture.js';
import { apply, expectListsRight, listWorld, opArb, storedLists } from '../helpers/list-writes.js';
import { tempDir } from '../helpers/tmp.js';

// A big import sets the meetings' lists itself, once per meeting it touched, with the list
// triggers off (store/meeting-lists.ts, deferListTriggers). Here every import counts as big,
// so random histories go that way, into an empty database (without indexes) and into a filled one.
vi.mock('../../src/store/bulk-indexes.js', async () => {
  const real = await vi.importActual<typeof import('../../src/store/bulk-indexes.js')>('../../src/store/bulk-indexes.js');
  return { ...real, BULK_ROWS: 1 };
});

const schemaOf = (s: Store) => s.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

async function bundleOf(store: Store) {
  const groupId = store.db.prepare('SELECT id FROM groups').pluck().get() as string;
  const bundle = buildBundle(store, { groupId, withCases: false, since: null, appVersion: 'test' });
  return decodeBundle(encodePlain(bundle), 'bundel.json', { passphrase: async () => '' });
}

describe('a big import keeps the lists', { timeout: 120_000 }, () => {
  it('of any history, into an empty database and again into the filled one', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 20 }), fc.array(opArb, { minLength: 1, maxLength: 20 }), async (first, then) => {
        const n = run++;
        // The source laptop writes later than the other one's stamps, so its changes win.
        const a = listWorld(join(dir, `a-${n}.db`), '2026-06-01T00:00:00Z');
        // Held meetings: a running one stays on its laptop.
        a.store.db.exec("UPDATE meetings SET status = 'completed', ended_at = started_at");
        const b = openLaptop(join(dir, `b-${n}.db`));
        try {
          const fresh = schemaOf(b.store);
          for (const op of first) apply(a, op);
          expect(importBundles(b.store, [await bundleOf(a.store)], { links: [], dryRun: false }).meetingsAdded).toBeGreaterThanOrEqual(3);
          expectListsRight(b.store.db);
          expect(storedLists(b.store.db)).toEqual(storedLists(a.store.db));
          expect(schemaOf(b.store)).toEqual(fresh);

          for (const op of then) apply(a, op);
          const before = storedLists(b.store.db);
          try {
            importBundles(b.store, [await bundleOf(a.store)], { links: [], dryRun: false });
          } catch (err) {
            // Deleted rows do not travel: a member's row made again in the same meeting breaks
            // the one-row-per-member rule here. The import is refused and leaves all as it was.
            if (!(err instanceof UserError)) throw err;
            expect(storedLists(b.store.db)).toEqual(before);
          }
          expectListsRight(b.store.db);
          expect(schemaOf(b.store)).toEqual(fresh);
        } finally {
          a.store.close();
          b.store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
