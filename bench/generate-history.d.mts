import type { Database } from 'better-sqlite3';

export interface HistoryOptions {
  groups?: number;
  years?: number;
  meetingsPerYear?: number;
  minMembers?: number;
  maxMembers?: number;
  seed?: number;
  end?: string;
  device?: string;
}

export interface HistoryTotals {
  groups: number;
  members: number;
  meetings: number;
  attendance: number;
  cases: number;
}

export function generateHistory(db: Database, o?: HistoryOptions): HistoryTotals;
