// Plain data shapes shared by domain, store and ui. No behaviour here.

export interface Group {
  id: string;
  name: string;
  minSize: number;
  defaultMinutes: number;
  defaultMethod: string;
  /** The group's own agreements; null means the standard list. */
  agreements: string[] | null;
  keepCases: string | null;
  syncFolder: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Member {
  id: string;
  groupId: string;
  name: string;
  register: string | null;
  registrationNumber: string | null;
  email: string | null;
  removedAt: string | null;
  createdAt: string;
}
