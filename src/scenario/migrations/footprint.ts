// Migration 4 → 5: an option may carry what its energy is known to be, its hosts' parts and its
// electricity contract (`options[].footprint`). The sub-object is optional: a version-4 scenario
// has none, so its energy is derived and its market-based emissions equal the location-based
// ones, exactly as before — it stays as it is and gives identical results. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'optional measured energy, host parts and electricity contract per option';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
