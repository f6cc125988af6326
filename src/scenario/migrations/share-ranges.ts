// Migration 9 → 10: a pool member's committed share may take an uncertainty range (a range with
// target "pool" on `firstMemberCommittedSharePct`, or target "member" on `committedSharePct`;
// docs/methodology.md §18). A version-9 scenario has no such range, so nothing in it changes and
// its results are exactly as before. A version-9 reader refuses a version-10 document by its
// version instead of on an unknown range target. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'a range on a committed share';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
