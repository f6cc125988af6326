// Migration 4 → 5: members of a pool. The section is optional: a version-4 scenario has none, so
// it is a pool of one member (its workload) and gives identical results. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'optional pool of members sharing the options';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
