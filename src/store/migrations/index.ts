import type { Database } from 'better-sqlite3';
import { up as initial } from './001-initial.js';
import { up as reportIndexes } from './002-report-indexes.js';
import { up as purgeMarks } from './003-purge-marks.js';
import { up as meetingLists } from './004-meeting-lists.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

// Append only: a shipped migration is never edited; a fix is a new migration.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'report-indexes', up: reportIndexes },
  { version: 3, name: 'purge-marks', up: purgeMarks },
  { version: 4, name: 'meeting-lists', up: meetingLists },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
