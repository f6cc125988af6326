// The default embodied carbon of an 8-GPU server excluding its GPUs: the newest of the catalog's
// 8-GPU server rows (embodied-2026's BoaviztAPI p5.48xlarge proxy, 2025, over BLOOM's 2022 chassis).
// The one function the editor, the report and the models read it through. Environment-free.
import type { Catalog, EmbodiedServer } from './types.ts';

/** Catalog ids of the 8-GPU server rows (excluding GPUs), any order. */
export const GPU_SERVER_ROWS = ['bloom-8gpu-server', 'boavizta-8gpu-server-2025'] as const;

export function defaultEmbodiedServer(c: Pick<Catalog, 'embodiedServers'>): EmbodiedServer | null {
  const rows = c.embodiedServers.filter((s) => (GPU_SERVER_ROWS as readonly string[]).includes(s.id) && s.value !== null);
  rows.sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''));
  return rows[0] ?? null;
}
