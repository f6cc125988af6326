// Scenarios the benchmark runs. Built in code from the test builders so they stay valid.
import type { Scenario } from '../../src/scenario/schema.ts';
import { buy, cloud, market, scenario } from '../unit/helpers.ts';

/** 120 months, 6 options: two owned (cash and loan), a reservation, on demand, spot, decentralised. */
export function sixOptions120Months(): Scenario {
  return scenario(
    [
      buy({ id: 'buy-cash', hosting: { kind: 'colocation', colocationCcyPerKWMonth: 217.3 }, resalePctOfGpuPrice: 20 }),
      buy({ id: 'buy-loan', gpuCount: 16, leadTimeMonths: 3, financing: { kind: 'loan', annualRatePct: 7, termMonths: 48 } }),
      cloud({ id: 'reserved', pricingModel: 'reserved3y', committedGpus: 4, priceCcyPerGpuHour: 3.2, demandSharePct: 0 }),
      cloud({ id: 'on-demand', priceCcyPerGpuHour: 6.88, demandSharePct: 40 }),
      cloud({ id: 'spot', pricingModel: 'spot', priceCcyPerGpuHour: 2.2, spotInterruptionOverheadPct: 15, demandSharePct: 30 }),
      market({ id: 'market', priceCcyPerGpuHour: 1.87, reliabilityOverheadPct: 10, platformFeePct: 2, demandSharePct: 30 }),
    ],
    {
      months: 120,
      discountPct: 8,
      workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 12_000, growthPctPerMonth: 1.5 },
    },
  );
}

/** The 6-option scenario with every constraint of the goals set (the optimiser's bench, issue 14). */
export function sixOptionsEveryConstraint(): Scenario {
  return {
    ...sixOptions120Months(),
    goals: {
      objective: 'lowestNpv', capexBudgetCcy: 2_000_000, maxMonthlyOutflowCcy: 500_000, spendBudgetCcy: null, sitePowerKW: 60,
      co2eCapKg: 5e7, waterCapL: 1e9, maxProviderSharePct: 80, maxHhi: 9000, hhiTier: 'provider',
      countries: ['FRA', 'USA', 'SWE', 'DEU'], noUnmetDemand: true,
    },
  };
}
