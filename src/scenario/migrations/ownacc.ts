// Migration 4 → 5: own accelerators (issue 12). The section `ownAccelerators` is optional: a
// version-4 scenario has none, so it stays as it is and every option keeps its catalog
// accelerator and gives identical results. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'optional own accelerators';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
