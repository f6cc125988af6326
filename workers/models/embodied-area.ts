// Embodied carbon of an accelerator from its die area and memory, when no product carbon
// footprint is known (issue 12). Pure. Method and constants: LLMCarbon (Faiz et al., ICLR 2024),
// carbon per area of the logic die by process node plus carbon per GB of DRAM, as transcribed in
// ../shared/reference/embodied-2026.json (carbonPerAreaFactors, source llmcarbon_hw, file of
// 2024-05-14) and carried in the catalog's constants llmcarbon-cpa-<node>nm and
// llmcarbon-dram-kg-per-gb. Scope: the die and the memory only (no board, heatsink, casing,
// transport), so it reads below a whole-card product footprint. docs/methodology.md, "Own accelerators".
import { catalog } from '../../src/catalog/index.ts';

/** The process nodes the published table has a carbon per area for, in nm, with the constant's id. */
export const CPA_NODES_NM: readonly number[] = catalog.constants
  .map((c) => /^llmcarbon-cpa-(\d+)nm$/.exec(c.id)?.[1])
  .filter((x): x is string => x !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

function constantValue(id: string): number | null {
  return catalog.constants.find((c) => c.id === id)?.value ?? null;
}

/** Carbon per cm² of logic die at a process node (kgCO2/cm²), or null when the table has none for it. */
export function carbonPerAreaKgPerCm2(processNodeNm: number): number | null {
  return constantValue(`llmcarbon-cpa-${processNodeNm}nm`);
}

export type EmbodiedFromArea =
  | { ok: true; kgCO2ePerGpu: number; dieKg: number; memoryKg: number; kgPerCm2: number; kgPerGB: number }
  | { ok: false; missing: 'dieArea' | 'processNode' | 'memory' | 'nodeNotInTable' };

/** Embodied kgCO2e of one card from die area, process node and memory, or why it cannot be computed. */
export function embodiedFromDieArea(a: { dieAreaMm2: number | null; processNodeNm: number | null; memoryGB: number | null }): EmbodiedFromArea {
  if (a.dieAreaMm2 === null) return { ok: false, missing: 'dieArea' };
  if (a.processNodeNm === null) return { ok: false, missing: 'processNode' };
  if (a.memoryGB === null) return { ok: false, missing: 'memory' };
  const kgPerCm2 = carbonPerAreaKgPerCm2(a.processNodeNm);
  const kgPerGB = constantValue('llmcarbon-dram-kg-per-gb');
  if (kgPerCm2 === null || kgPerGB === null) return { ok: false, missing: 'nodeNotInTable' };
  // LLMCarbon: embodied = CPA(node) × die area (cm² = mm² ÷ 100) + DRAM kgCO2 per GB × memory GB.
  const dieKg = kgPerCm2 * (a.dieAreaMm2 / 100);
  const memoryKg = kgPerGB * a.memoryGB;
  return { ok: true, kgCO2ePerGpu: dieKg + memoryKg, dieKg, memoryKg, kgPerCm2, kgPerGB };
}

/**
 * Embodied kgCO2e per card of an accelerator: its product footprint when there is one (the
 * catalog's or the person's), else — for an own accelerator — from die area and memory; null when
 * neither is known.
 */
export function acceleratorEmbodiedKg(a: { productKgCO2ePerGpu: number | null; own: unknown; dieAreaMm2: number | null; processNodeNm: number | null; memoryGB: number | null }): {
  kg: number | null;
  from: 'product' | 'dieArea' | null;
} {
  if (a.productKgCO2ePerGpu !== null) return { kg: a.productKgCO2ePerGpu, from: 'product' };
  if (a.own === null) return { kg: null, from: null };
  const r = embodiedFromDieArea(a);
  return r.ok ? { kg: r.kgCO2ePerGpu, from: 'dieArea' } : { kg: null, from: null };
}
