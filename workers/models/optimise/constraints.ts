// The goals' constraints: which are set, what a plan's value is for each, and by how much it is
// over. Pure. Methods: docs/methodology.md, "The optimiser".
import type { Goals } from '../../../src/scenario/schema.ts';
import { concentrationAt, type Metrics } from './measure.ts';

export const CONSTRAINTS = [
  'capexBudget',
  'maxMonthlyOutflow',
  'spendBudget',
  'sitePower',
  'co2eCap',
  'waterCap',
  'maxProviderShare',
  'maxHhi',
  'countries',
  'jurisdictions',
  'noUnmetDemand',
] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

/** Below this many reference GPU-hours, no demand is unmet (the evaluation's own threshold for its warning). */
export const UNMET_TOLERANCE = 1e-6;

/** The constraints a goals section sets, in the order above. */
export function activeConstraints(g: Goals | undefined): Constraint[] {
  if (!g) return [];
  const on: Record<Constraint, boolean> = {
    capexBudget: g.capexBudgetCcy !== null,
    maxMonthlyOutflow: g.maxMonthlyOutflowCcy !== null,
    spendBudget: g.spendBudgetCcy !== null,
    sitePower: g.sitePowerKW !== null,
    co2eCap: g.co2eCapKg !== null,
    waterCap: g.waterCapL !== null,
    maxProviderShare: g.maxProviderSharePct !== null,
    maxHhi: g.maxHhi !== null,
    countries: g.countries !== null,
    jurisdictions: g.jurisdictions != null,
    noUnmetDemand: g.noUnmetDemand,
  };
  return CONSTRAINTS.filter((c) => on[c]);
}

/** The limit a constraint sets (countries, jurisdictions: 0 options outside the list; no unmet demand: 0 GPU-hours). */
export function limitOf(c: Constraint, g: Goals): number {
  switch (c) {
    case 'capexBudget': return g.capexBudgetCcy!;
    case 'maxMonthlyOutflow': return g.maxMonthlyOutflowCcy!;
    case 'spendBudget': return g.spendBudgetCcy!;
    case 'sitePower': return g.sitePowerKW!;
    case 'co2eCap': return g.co2eCapKg!;
    case 'waterCap': return g.waterCapL!;
    case 'maxProviderShare': return g.maxProviderSharePct!;
    case 'maxHhi': return g.maxHhi!;
    case 'countries': return 0;
    case 'jurisdictions': return 0;
    case 'noUnmetDemand': return 0;
  }
}

/** A plan's value for a constraint (the same unit as its limit). */
export function valueOf(c: Constraint, m: Metrics, g: Goals): number {
  switch (c) {
    case 'capexBudget': return m.capexCcy;
    case 'maxMonthlyOutflow': return m.maxMonthlyCcy;
    case 'spendBudget': return m.costCcy;
    case 'sitePower': return m.sitePowerKW;
    case 'co2eCap': return m.co2eKg;
    case 'waterCap': return m.waterL;
    case 'maxProviderShare': return concentrationAt(m, 'provider').topPct;
    case 'maxHhi': return concentrationAt(m, g.hhiTier).hhi;
    case 'countries': {
      const allowed = new Set(g.countries ?? []);
      return m.countries.filter((x) => x === null || !allowed.has(x)).length;
    }
    case 'jurisdictions': return outsideJurisdictions(m.jurisdictions, g).length;
    case 'noUnmetDemand': return m.unmetRefGpuHours;
  }
}

/** How far a value is over its limit (0 when within; a tiny relative slack absorbs rounding). */
export function excessOf(c: Constraint, value: number, limit: number): number {
  const slack = c === 'noUnmetDemand' ? UNMET_TOLERANCE : 1e-9 * Math.max(1, Math.abs(limit));
  return value > limit + slack ? value - limit : 0;
}

export interface Violation {
  constraint: Constraint;
  limit: number;
  value: number;
  excess: number;
}

/** Every set constraint a plan breaks. */
export function violations(m: Metrics, g: Goals | undefined): Violation[] {
  if (!g) return [];
  return activeConstraints(g).flatMap((c) => {
    const limit = limitOf(c, g);
    const value = valueOf(c, m, g);
    const excess = excessOf(c, value, limit);
    return excess > 0 ? [{ constraint: c, limit, value, excess }] : [];
  });
}

/**
 * Indices of the options whose provider is not under the chosen jurisdictions: headquarters outside
 * the list, or unknown (null) — an unknown headquarters cannot be shown to meet the limit, so it never does.
 */
export function outsideJurisdictions(headquarters: readonly (string | null)[], g: Goals): number[] {
  const allowed = new Set(g.jurisdictions ?? []);
  return headquarters.flatMap((x, i) => (x === null || !allowed.has(x) ? [i] : []));
}
