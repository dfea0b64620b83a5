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
  /** Case content, phase runs, notes, check-ins and action points as a live meeting writes them (default true). */
  content?: boolean;
}

export interface HistoryTotals {
  groups: number;
  members: number;
  meetings: number;
  attendance: number;
  cases: number;
  phaseRuns: number;
  notes: number;
}

export function generateHistory(db: Database, o?: HistoryOptions): HistoryTotals;
