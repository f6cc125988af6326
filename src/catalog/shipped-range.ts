// The physical range of shipped accelerators: the smallest and largest die area and TDP among the
// catalog's parts (src/catalog/data/catalog.json, from ../shared/reference/gpus.json). An own
// accelerator outside it is refused (issue 12). Environment-free.
import { builtInCatalog } from './built-in.ts';
import type { Catalog, CitedNumber } from './types.ts';

const accelerators = builtInCatalog.accelerators;

/** [lowest, highest] of a figure over the catalog's parts, counting both ends of a published range. */
export function shippedRange(pick: (a: Catalog['accelerators'][number]) => CitedNumber | null): [number, number] {
  const xs = accelerators.flatMap((a) => {
    const c = pick(a);
    if (!c) return [];
    return c.value !== null ? [c.value] : (c.range ?? []);
  });
  if (xs.length === 0) throw new Error('the catalog has no shipped part with this figure');
  return [Math.min(...xs), Math.max(...xs)];
}

/** Die area, mm²: 608.4 (RTX 4090) to 1,060 (B200, two dies) in the catalog of 2026-12-01. */
export const SHIPPED_DIE_AREA_MM2 = shippedRange((a) => a.dieAreaMm2);
/** TDP, W: 72 (L4) to 1,400 (MI355X) in the catalog of 2026-12-01. */
export const SHIPPED_TDP_W = shippedRange((a) => a.tdpW);
