// Migration 4 → 5: sub-national grid zones and data years (issue 12 "Sub-national and dated grids",
// src/catalog/grid.ts). Each option may carry `gridZone` and `gridDataYear`; both are optional, and
// absent means the national grid's newest figure, exactly as before: a version-4 scenario stays as
// it is and gives identical results. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'sub-national grid zone and data year per option';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
