// Writes the example scenarios in public/examples/ from the catalog's suggestions plus the few
// inputs each example states. Every figure not from the catalog is named in the example's notes.
// Run `npm run examples` after the catalog changes; the unit tests validate every example.
import { writeFileSync } from 'node:fs';
import { applySuggestions, newBuyOption, newCloudOption, newDecentralisedOption } from '../src/scenario/defaults.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario, type Settings, type SupplyOption, type Workload } from '../src/scenario/schema.ts';
import type { SuggestContext } from '../src/scenario/suggest.ts';

const CREATED = '2026-11-22T00:00:00.000Z';
const H100 = 'nvidia-h100-sxm';

/** 8 GPUs busy 80 % of the time: 8 × 730 h × 0.8. */
const TEAM_DEMAND: Workload = { kind: 'gpuHours', referenceAcceleratorId: H100, gpuHoursPerMonth: 4672, growthPctPerMonth: 0 };

function settings(over: Partial<Settings>): Settings {
  return {
    horizonMonths: 36,
    startMonth: '2027-01',
    currency: 'USD',
    usdPerCurrencyUnit: null,
    exchangeRateDate: null,
    discountRatePctPerYear: 8,
    plannerCountry: 'FRA',
    ...over,
  };
}

function scenario(id: string, name: string, notes: string, s: Settings, workload: Workload, options: SupplyOption[]): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id,
    name,
    notes,
    createdAt: CREATED,
    updatedAt: CREATED,
    settings: s,
    workload,
    options,
  };
}

function franceBuy(ctx: SuggestContext, count: number, id = 'buy-1'): SupplyOption {
  const o = newBuyOption(ctx, [], H100);
  return applySuggestions(
    {
      ...o,
      id,
      name: `${count}× H100 SXM, colocated in France`,
      gpuCount: count,
      vatPct: 20,
      vatRecoverable: true,
      leadTimeMonths: 2,
      gridCountry: 'FRA',
    },
    ctx,
    ['serverAndNetworkCcy', 'electricityCcyPerKWh'],
  );
}

function awsStockholm(ctx: SuggestContext, share: number, id = 'cloud-1'): SupplyOption {
  const o = newCloudOption(ctx, [], H100, 'onDemand');
  return applySuggestions(
    { ...o, id, name: 'H100 on demand, AWS Stockholm', provider: 'AWS', region: 'eu-north-1', regionCountry: 'SWE', demandSharePct: share },
    ctx,
    ['priceCcyPerGpuHour', 'pue', 'wueLPerKWh'],
  );
}

function vast(ctx: SuggestContext, share: number, id = 'decentralised-1'): SupplyOption {
  const o = newDecentralisedOption(ctx, [], H100);
  return applySuggestions(
    { ...o, id, name: 'H100 on Vast.ai', market: 'Vast.ai', hostCountry: 'USA', demandSharePct: share },
    ctx,
    ['priceCcyPerGpuHour', 'platformFeePct'],
  );
}

const OWN_INPUTS =
  'Not in the reference data, so set to 0 here — enter your own: maintenance and staff, import duty, host (CPU, memory) power.';

const fr = settings({ plannerCountry: 'FRA' });
const frCtx: SuggestContext = { settings: fr };

const examples: Record<string, Scenario> = {
  'fr-buy-8xh100-colocation': scenario(
    'example-fr-buy-8xh100',
    'Buy 8× H100, colocated in France',
    [
      'A French team needs 8 H100 GPUs busy 80 % of the time (4,672 GPU-hours a month) for 3 years.',
      'It buys them at the typical street price, with servers and networking at Epoch AI’s cluster factor, and hosts them in a colocation centre priced at CBRE’s global average.',
      'French VAT (20 %) is recovered. Lead time of 2 months is an assumption of this example.',
      OWN_INPUTS,
    ].join(' '),
    fr,
    TEAM_DEMAND,
    [franceBuy(frCtx, 8)],
  ),
  'cloud-h100-on-demand': scenario(
    'example-cloud-h100-on-demand',
    'Same demand on H100 on demand (AWS)',
    [
      'The same 4,672 GPU-hours a month, rented on demand from a hyperscaler: AWS p5.48xlarge in eu-north-1 (Stockholm), the nearest EU region in the reference prices.',
      'No reservation: every hour is paid at the on-demand rate.',
      'Egress and storage are not in the reference data: set to 0 — enter your own.',
    ].join(' '),
    fr,
    TEAM_DEMAND,
    [awsStockholm(frCtx, 100)],
  ),
  'decentralised-h100-vast': scenario(
    'example-decentralised-h100-vast',
    'Same demand on a decentralised market (Vast.ai)',
    [
      'The same 4,672 GPU-hours a month hired on Vast.ai at a single H100 SXM offer in Texas from the reference snapshot (a listing, not a market average).',
      'Vast.ai publishes no platform fee and no measured interruption rate, so both are 0 here: enter your own re-run and checkpoint overhead.',
    ].join(' '),
    fr,
    TEAM_DEMAND,
    [vast(frCtx, 100)],
  ),
  'mix-buy-cloud-decentralised': scenario(
    'example-mix',
    'Mix: own 4 H100, rent the rest',
    [
      'Demand starts at 4,672 GPU-hours a month and grows 2 % a month.',
      'Four owned H100s in a French colocation centre serve first; what they cannot serve is split evenly between AWS on demand (Stockholm) and Vast.ai.',
      'Compare each option alone with the mix, and see how the mix spreads the supplier dependency.',
      OWN_INPUTS,
    ].join(' '),
    fr,
    { ...TEAM_DEMAND, growthPctPerMonth: 2 },
    [franceBuy(frCtx, 4), awsStockholm(frCtx, 50), vast(frCtx, 50)],
  ),
};

// A Moroccan start-up training a 7B model (Llama 2 7B scale: 2 trillion tokens).
{
  const ma = settings({ plannerCountry: 'MAR', horizonMonths: 24 });
  const ctx: SuggestContext = { settings: ma };
  const buy = newBuyOption(ctx, [], H100);
  const owned = applySuggestions(
    { ...buy, id: 'buy-1', name: '16× H100, on premises in Casablanca', gpuCount: 16, vatPct: 20, vatRecoverable: true, leadTimeMonths: 3, gridCountry: 'MAR', hosting: { kind: 'onPrem' as const, facilityCcyPerMonth: 0 } },
    ctx,
    ['serverAndNetworkCcy', 'electricityCcyPerKWh'],
  );
  const cloud = newCloudOption(ctx, [], H100, 'onDemand');
  const oracle = applySuggestions(
    { ...cloud, id: 'cloud-1', name: 'H100 on demand, Oracle Casablanca', provider: 'Oracle (OCI)', region: 'af-casablanca-1', regionCountry: 'MAR', demandSharePct: 60 },
    ctx,
    ['priceCcyPerGpuHour', 'pue', 'wueLPerKWh'],
  );
  examples['ma-startup-train-7b'] = scenario(
    'example-ma-train-7b',
    'Moroccan start-up: train a 7B model',
    [
      'A start-up in Casablanca pre-trains a 7-billion-parameter model on 2 trillion tokens (the Llama 2 7B recipe) at 40 % model-FLOPs utilisation, and must finish in 6 months.',
      '16 H100s bought for premises it already has (facility cost 0 — enter yours) arrive after 3 months; until then, and for what they cannot serve, it rents: 60 % on Oracle Cloud’s Casablanca region, 40 % on Vast.ai.',
      'Kept in USD: the reference data has no dated USD/MAD rate. To plan in dirhams, switch the currency to MAD and enter the day’s Bank Al-Maghrib rate.',
      OWN_INPUTS,
    ].join(' '),
    ma,
    { kind: 'training', referenceAcceleratorId: H100, parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 6 },
    [owned, oracle, vast(ctx, 40)],
  );
}

for (const [file, s] of Object.entries(examples)) {
  writeFileSync(`public/examples/${file}.json`, `${JSON.stringify(s, null, 2)}\n`);
  console.log(`wrote public/examples/${file}.json`);
}
