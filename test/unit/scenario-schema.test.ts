import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenario/json-schema.ts';
import { describeLoadError, formatPath, loadScenarioText, loadScenarioValue } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const EXAMPLES_DIR = 'public/examples';
const exampleFiles = [
  ...readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')),
  ...readdirSync(`${EXAMPLES_DIR}/fr`).map((f) => `fr/${f}`),
];

function example(name: string): Scenario {
  const r = loadScenarioText(readFileSync(`${EXAMPLES_DIR}/${name}`, 'utf8'));
  if (!r.ok) throw new Error(describeLoadError(r.error));
  return r.scenario;
}

/** The mix example has one option of each kind: buy (0), cloud (1), decentralised (2). */
const base = () => structuredClone(example('mix-buy-cloud-decentralised.json')) as unknown as Record<string, any>;

describe('examples', () => {
  it('there are at least the five required examples, in English and in French with the same figures', () => {
    const en = exampleFiles.filter((f) => !f.startsWith('fr/'));
    expect(en.length).toBeGreaterThanOrEqual(5);
    for (const f of en) {
      const a = example(f);
      const b = example(`fr/${f}`);
      // Only the texts differ.
      const strip = (s: Scenario) => ({ ...s, name: '', notes: '', options: s.options.map((o) => ({ ...o, name: '' })) });
      expect(strip(b)).toEqual(strip(a));
      expect(b.name).not.toBe(a.name);
    }
  });
  it.each(exampleFiles)('%s validates through the load path', (f) => {
    const r = loadScenarioText(readFileSync(`${EXAMPLES_DIR}/${f}`, 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${describeLoadError(r.error)}`);
    expect(r.scenario.name.length).toBeGreaterThan(0);
  });
});

type Mutation = [label: string, mutate: (s: Record<string, any>) => void, path: (string | number)[]];

const BAD_INPUTS: Mutation[] = [
  ['negative GPU count', (s) => (s.options[0].gpuCount = -8), ['options', 0, 'gpuCount']],
  ['fractional GPU count', (s) => (s.options[0].gpuCount = 2.5), ['options', 0, 'gpuCount']],
  ['PUE below 1', (s) => (s.options[0].pue = 0.9), ['options', 0, 'pue']],
  ['NaN price', (s) => (s.options[1].priceCcyPerGpuHour = Number.NaN), ['options', 1, 'priceCcyPerGpuHour']],
  ['Infinity GPU-hours', (s) => (s.workload.gpuHoursPerMonth = Number.POSITIVE_INFINITY), ['workload', 'gpuHoursPerMonth']],
  ['price as text', (s) => (s.options[1].priceCcyPerGpuHour = '6.88'), ['options', 1, 'priceCcyPerGpuHour']],
  ['shares not summing to 100 %', (s) => (s.options[1].demandSharePct = 30), ['options', 1, 'demandSharePct']],
  ['horizon of 0 months', (s) => (s.settings.horizonMonths = 0), ['settings', 'horizonMonths']],
  ['horizon over 120 months', (s) => (s.settings.horizonMonths = 121), ['settings', 'horizonMonths']],
  ['unknown currency', (s) => (s.settings.currency = 'GBP'), ['settings', 'currency']],
  ['EUR without an exchange rate', (s) => (s.settings.currency = 'EUR'), ['settings', 'usdPerCurrencyUnit']],
  ['negative discount rate', (s) => (s.settings.discountRatePctPerYear = -1), ['settings', 'discountRatePctPerYear']],
  ['start month 2027-13', (s) => (s.settings.startMonth = '2027-13'), ['settings', 'startMonth']],
  ['unknown planner country', (s) => (s.settings.plannerCountry = 'XYZ'), ['settings', 'plannerCountry']],
  ['unknown accelerator', (s) => (s.options[0].acceleratorId = 'nvidia-h900'), ['options', 0, 'acceleratorId']],
  ['buying a cloud-only TPU', (s) => {
    s.options[0].acceleratorId = 'google-tpu-v5p';
    s.options[0].throughputVsReference = 0.5;
    s.options[0].powerWPerGpu = 400;
  }, ['options', 0, 'acceleratorId']],
  ['VAT over 100 %', (s) => (s.options[0].vatPct = 150), ['options', 0, 'vatPct']],
  ['lead time after the horizon', (s) => (s.options[0].leadTimeMonths = s.settings.horizonMonths), ['options', 0, 'leadTimeMonths']],
  ['loan with a 0-month term', (s) => (s.options[0].financing = { kind: 'loan', annualRatePct: 5, termMonths: 0 }), ['options', 0, 'financing', 'termMonths']],
  ['unknown hosting kind', (s) => (s.options[0].hosting = { kind: 'garage', facilityCcyPerMonth: 0 }), ['options', 0, 'hosting', 'kind']],
  ['unknown option kind', (s) => (s.options[2].kind = 'barter'), ['options', 2, 'kind']],
  ['reservation without committed GPUs', (s) => {
    s.options[1].pricingModel = 'reserved1y';
    s.options[1].demandSharePct = 0;
    s.options[2].demandSharePct = 100;
  }, ['options', 1, 'committedGpus']],
  ['decentralised fee over 100 %', (s) => (s.options[2].platformFeePct = 101), ['options', 2, 'platformFeePct']],
  ['duplicate option ids', (s) => (s.options[2].id = s.options[1].id), ['options', 2, 'id']],
  ['no options', (s) => (s.options = []), ['options']],
  ['seven options', (s) => (s.options = Array.from({ length: 7 }, (_, i) => ({ ...s.options[0], id: `b${i}` }))), ['options']],
  ['empty name', (s) => (s.name = '   '), ['name']],
  ['unexpected field (typo)', (s) => (s.options[0].gpuCont = 8), ['options', 0]],
  ['MFU of 0 % in a training run', (s) => (s.workload = { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 0, deadlineMonths: 3 }), ['workload', 'mfuPct']],
  ['deadline after the horizon', (s) => (s.workload = { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 99 }), ['workload', 'deadlineMonths']],
  ['negative growth below −50 %', (s) => (s.workload.growthPctPerMonth = -60), ['workload', 'growthPctPerMonth']],
  ['unknown region country', (s) => (s.options[1].regionCountry = 'ATL'), ['options', 1, 'regionCountry']],
  ['bad updatedAt timestamp', (s) => (s.updatedAt = 'yesterday'), ['updatedAt']],
  ['price trend below −20 % a month', (s) => (s.options[1].priceTrendPctPerMonth = -25), ['options', 1, 'priceTrendPctPerMonth']],
  ['order month making delivery after the horizon', (s) => (s.options[0].orderMonth = s.settings.horizonMonths - 1), ['options', 0, 'leadTimeMonths']],
  ['fewer than 1,000 samples', (s) => (s.uncertainty.samples = 10), ['uncertainty', 'samples']],
  ['more than 100,000 samples', (s) => (s.uncertainty.samples = 1_000_000), ['uncertainty', 'samples']],
  ['range with low above high', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(1, 'priceCcyPerGpuHour', 9, 2)), ['uncertainty', 'ranges', 0, 'high']],
  ['range not around the input’s value', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(1, 'priceCcyPerGpuHour', 100, 200)), ['uncertainty', 'ranges', 0, 'low']],
  ['range below what the input accepts (PUE 0.5)', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(0, 'pue', 0.5, 2)), ['uncertainty', 'ranges', 0, 'low']],
  ['lognormal range from 0', (s) => (s.uncertainty.ranges = [] as unknown[]).push({ ...range(1, 'egressCcyPerMonth', 0, 1e6), shape: 'lognormal' }), ['uncertainty', 'ranges', 0, 'low']],
  ['range on an input that changes no result (a demand share)', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(1, 'demandSharePct', 0, 100)), ['uncertainty', 'ranges', 0, 'field']],
  ['range on a field that does not exist', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(1, 'pricePerHour', 0, 100)), ['uncertainty', 'ranges', 0, 'field']],
  ['range on an option that does not exist', (s) => (s.uncertainty.ranges = [] as unknown[]).push({ ...range(1, 'priceCcyPerGpuHour', 0, 100), optionId: 'gone' }), ['uncertainty', 'ranges', 0, 'field']],
  ['two ranges on one input', (s) => (s.uncertainty.ranges = [] as unknown[]).push(range(1, 'priceCcyPerGpuHour', 0, 100), range(1, 'priceCcyPerGpuHour', 0, 50)), ['uncertainty', 'ranges', 1, 'field']],
  ['range with an unknown shape', (s) => (s.uncertainty.ranges = [] as unknown[]).push({ ...range(1, 'priceCcyPerGpuHour', 0, 100), shape: 'cauchy' }), ['uncertainty', 'ranges', 0, 'shape']],
];

/** A range on option i's field (the mix example's options keep ids buy-1, cloud-1, decentralised-1). */
function range(i: number, field: string, low: number, high: number) {
  return { target: 'option', optionId: ['buy-1', 'cloud-1', 'decentralised-1'][i], field, low, high, shape: 'normal' };
}

describe('bad inputs are refused with a field path and a message', () => {
  it('the table has at least 20 rows', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(20);
  });
  it('the unmodified base is valid', () => {
    expect(loadScenarioValue(base()).ok).toBe(true);
  });
  it.each(BAD_INPUTS)('%s', (_label, mutate, path) => {
    const s = base();
    mutate(s);
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'invalid') throw new Error(`expected validation issues, got ${JSON.stringify(r)}`);
    const match = r.error.issues.find((i) => formatPath(i.path) === formatPath(path));
    expect(match, `issues: ${describeLoadError(r.error)}`).toBeDefined();
    expect(match!.message.length).toBeGreaterThan(5);
  });
});

describe('the load path refuses what is not a scenario', () => {
  it('not JSON', () => {
    const r = loadScenarioText('{"format": ');
    expect(r.ok || r.error.kind).toBe('notJson');
  });
  it('another format', () => {
    const r = loadScenarioText('{"format":"excalidraw","version":2}');
    expect(r.ok || r.error.kind).toBe('notScenario');
  });
  it('a newer version', () => {
    const s = base();
    s.version = 99;
    const r = loadScenarioValue(s);
    expect(r.ok || r.error).toMatchObject({ kind: 'futureVersion', version: 99 });
  });
  it('a version that is not a whole number', () => {
    const s = base();
    s.version = '1';
    expect(loadScenarioValue(s).ok || (loadScenarioValue(s) as { error: { kind: string } }).error.kind).toBe('badVersion');
  });
  it('a document over 1 MB', () => {
    const s = base();
    s.notes = 'x'.repeat(1_100_000);
    const r = loadScenarioText(JSON.stringify(s));
    expect(r.ok || r.error.kind).toBe('tooLarge');
  });
  it('deep nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const s = { ...base(), notes: deep };
    const r = loadScenarioValue(s);
    expect(r.ok || r.error.kind).toBe('tooDeep');
  });
});

describe('the published JSON Schema', () => {
  it('public/scenario.schema.json is up to date with the zod schema (run `npm run schema`)', () => {
    expect(readFileSync('public/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });
  it('describes the options as a discriminated union of three kinds', () => {
    const text = scenarioJsonSchemaText();
    for (const kind of ['"buy"', '"cloud"', '"decentralised"']) expect(text).toContain(kind);
  });
});
