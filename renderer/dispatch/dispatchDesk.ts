import { create } from 'zustand';

/** Which incident's dispatch proposal is open on the console: one at a time, so Enter and Esc are unambiguous. */
export interface DispatchDesk {
  openIncidentId: string | null;
  toggle(incidentId: string): void;
  /**
   * Closes `incidentId`'s proposal if it is still the open one: a confirmed form closes itself
   * when its command returns, by which time the officer may have opened the next incident's.
   */
  close(incidentId: string): void;
}

export const useDispatchDesk = create<DispatchDesk>()((set) => ({
  openIncidentId: null,
  toggle: (incidentId) => set((s) => ({ openIncidentId: s.openIncidentId === incidentId ? null : incidentId })),
  close: (incidentId) => set((s) => (s.openIncidentId === incidentId ? { openIncidentId: null } : s)),
}));
