// The first visit (issue 16): the start is offered when the library holds no scenario, none is set
// aside, the address carries no share link, and the person has neither built a plan from the start
// nor dismissed it. A share link or a saved library is never replaced by the start.

/** localStorage key. Never rename: people who dismissed the start would see it again. */
export const FIRST_VISIT_KEY = 'compute-planner.started';

/** Whether the start was built from or dismissed on this device (false when storage is unavailable). */
export function startDone(): boolean {
  try {
    return localStorage.getItem(FIRST_VISIT_KEY) !== null;
  } catch {
    return false;
  }
}

export function markStartDone(how: 'built' | 'dismissed'): void {
  try {
    localStorage.setItem(FIRST_VISIT_KEY, how);
  } catch {
    // Not remembered: the start may be offered again on the next empty visit.
  }
}

/** The rule, on what the page knows once the library has loaded. */
export function isFirstVisit(k: { savedCount: number; setAsideCount: number; linkInAddress: boolean; done: boolean }): boolean {
  return k.savedCount === 0 && k.setAsideCount === 0 && !k.linkInAddress && !k.done;
}
