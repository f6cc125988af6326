// Migration 8 → 9: an option may carry what its hardware loses to failures (`options[].failures`:
// failure rate, repair, checkpoint and restart, spot interruptions, host reliability) and an
// inference workload may carry its daily token load (`workload.tokens`). Both are optional: a
// version-8 scenario has neither, so its only loss is the old single overhead (now shown as
// "other overhead") and its results are exactly as before. It stays as it is. Environment-free.
import type { JsonObject } from '../migrations.ts';

export const name = 'optional failures per option and token load per inference workload';

export function up(doc: JsonObject): JsonObject {
  return { ...doc };
}
