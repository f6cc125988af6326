// Migration 3 → 4: goals for the optimiser. The section is optional: a version-3 scenario has
// none, so it stays as it is and gives identical results. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'optional goals for the optimiser';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
