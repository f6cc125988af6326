// Writes test/bench/reference-model.json: the Monte Carlo reference model of issue #6, as a
// scenario. Each distribution of the issue is stated as its 5th and 95th percentiles:
// U(a, b) → a + 0.05(b − a), a + 0.95(b − a); N(μ, σ) → μ ∓ 1.6449 σ.
import { writeFileSync } from 'node:fs';
import { Z95 } from '../workers/models/uncertainty/distributions.ts';
import { buy, cloud, market, scenario } from '../test/unit/helpers.ts';

const uniform = (a: number, b: number) => ({ low: a + 0.05 * (b - a), high: a + 0.95 * (b - a), shape: 'uniform' as const });
const normal = (mu: number, sigma: number) => ({ low: mu - Z95 * sigma, high: mu + Z95 * sigma, shape: 'normal' as const });
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const r = <T extends { low: number; high: number }>(x: T): T => ({ ...x, low: round(x.low), high: round(x.high) });

const fullHours = 8 * 730;
const s = scenario(
  [
    // Buy: 8 GPUs at ~N(30,000, 3,000) + 50,000 server; energy (8 × 0.7 kW × u + 1.5 kW) × 730 h × PUE × tariff;
    // 2,000 a month of hosting; resale 20 % of the GPUs' price at the end.
    buy({
      id: 'buy',
      name: 'Buy 8 GPUs',
      gpuCount: 8,
      unitPriceCcyPerGpu: 30_000,
      serverAndNetworkCcy: 50_000,
      powerWPerGpu: 700,
      busyPowerFraction: 1,
      idlePowerWPerGpu: 0,
      hostPowerWPerServer: 1500,
      gpusPerServer: 8,
      pue: 1.35,
      electricityCcyPerKWh: 0.12,
      hosting: { kind: 'onPrem', facilityCcyPerMonth: 2000 },
      resalePctOfGpuPrice: 20,
      embodiedKgCO2ePerGpu: null,
      embodiedKgCO2ePerServer: null,
    }),
    // Cloud: 8 × 730 h × u × price ~N(2.5, 0.5), falling 1 % a month.
    cloud({ id: 'cloud', name: 'Cloud on demand', priceCcyPerGpuHour: 2.5, priceTrendPctPerMonth: -1, demandSharePct: 50, embodiedKgCO2ePerGpu: null, embodiedKgCO2ePerServer: null }),
    // Decentralised: 8 × 730 h × u × overhead ~U(1.05, 1.3) × price ~N(1.6, 0.4).
    market({ id: 'decentralised', name: 'Decentralised market', priceCcyPerGpuHour: 1.6, reliabilityOverheadPct: 17.5, demandSharePct: 50, embodiedKgCO2ePerGpu: null, embodiedKgCO2ePerServer: null }),
  ],
  {
    months: 60,
    discountPct: 8,
    // Shared utilisation u ~ U(0.4, 0.9) of 8 GPUs: demand 8 × 730 × u GPU-hours a month (median u = 0.65).
    workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: fullHours * 0.65, growthPctPerMonth: 0 },
  },
);
s.id = 'reference-model';
s.name = 'Monte Carlo reference model (issue #6)';
s.notes = 'Shared utilisation u ~ U(0.4, 0.9); GPU price ~ N(30,000, 3,000); PUE ~ U(1.1, 1.6); tariff ~ N(0.12, 0.03); cloud price ~ N(2.5, 0.5) falling 1 % a month; decentralised overhead ~ U(1.05, 1.3) and price ~ N(1.6, 0.4). Each range is the distribution’s 5th–95th percentiles.';
s.uncertainty = {
  samples: 10_000,
  seed: 20_261_122,
  ranges: [
    { target: 'workload', optionId: null, field: 'gpuHoursPerMonth', ...r(uniform(fullHours * 0.4, fullHours * 0.9)) },
    { target: 'option', optionId: 'buy', field: 'unitPriceCcyPerGpu', ...r(normal(30_000, 3_000)) },
    { target: 'option', optionId: 'buy', field: 'pue', ...r(uniform(1.1, 1.6)) },
    { target: 'option', optionId: 'buy', field: 'electricityCcyPerKWh', ...r(normal(0.12, 0.03)) },
    { target: 'option', optionId: 'cloud', field: 'priceCcyPerGpuHour', ...r(normal(2.5, 0.5)) },
    { target: 'option', optionId: 'decentralised', field: 'reliabilityOverheadPct', ...r(uniform(5, 30)) },
    { target: 'option', optionId: 'decentralised', field: 'priceCcyPerGpuHour', ...r(normal(1.6, 0.4)) },
  ],
};
writeFileSync('test/bench/reference-model.json', `${JSON.stringify(s, null, 2)}\n`);
console.log('wrote test/bench/reference-model.json');
