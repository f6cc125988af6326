import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeLoadError, loadScenarioText, loadScenarioValue } from '../../src/scenario/load.ts';
import { checkMigrationChain, migrate, MIGRATIONS, type JsonObject, type Migration } from '../../src/scenario/migrations.ts';
import { SCENARIO_VERSION } from '../../src/scenario/schema.ts';
import * as ownacc from '../../src/scenario/migrations/ownacc.ts';

/** The version the own-accelerators step upgrades from (renumbered when the steps are chained). */
const ownaccFrom = MIGRATIONS.find((m) => m.name === ownacc.name)!.from;
import * as pool from '../../src/scenario/migrations/pool.ts';
import * as footprintStep from '../../src/scenario/migrations/footprint.ts';
import * as failuresTokensStep from '../../src/scenario/migrations/failures-tokens.ts';
import * as shareRangesStep from '../../src/scenario/migrations/share-ranges.ts';

const current = JSON.parse(readFileSync('public/examples/fr-buy-8xh100-colocation.json', 'utf8')) as JsonObject;

/**
 * A synthetic "version 0" of the format, as an older app could have written it: the horizon in
 * years and the discount rate as a fraction. Two steps upgrade it to the current version.
 */
function asVersionZero(doc: JsonObject): JsonObject {
  const settings = { ...(doc.settings as JsonObject) };
  const years = (settings.horizonMonths as number) / 12;
  const rate = (settings.discountRatePctPerYear as number) / 100;
  delete settings.horizonMonths;
  delete settings.discountRatePctPerYear;
  return { ...doc, version: 0, settings: { ...settings, horizonYears: years, discountRate: rate } };
}

const syntheticMigrations: Migration[] = [
  {
    name: 'horizon in months instead of years',
    from: 0,
    up(doc) {
      const { horizonYears, ...rest } = doc.settings as JsonObject;
      return { ...doc, settings: { ...rest, horizonMonths: Math.round((horizonYears as number) * 12) } };
    },
  },
  ...Array.from({ length: SCENARIO_VERSION - 1 }, (_, i): Migration => ({ name: `identity ${i + 1}`, from: i + 1, up: (d) => d })),
];

describe('the migration mechanism', () => {
  it('upgrades a synthetic older scenario step by step, then it validates', () => {
    const old = asVersionZero(current);
    // Version 0 also stored the discount rate as a fraction: a second step within the same chain.
    const chain: Migration[] = [
      {
        ...syntheticMigrations[0]!,
        up(doc) {
          const { horizonYears, discountRate, ...rest } = doc.settings as JsonObject;
          return {
            ...doc,
            settings: {
              ...rest,
              horizonMonths: Math.round((horizonYears as number) * 12),
              discountRatePctPerYear: (discountRate as number) * 100,
            },
          };
        },
      },
      ...syntheticMigrations.slice(1),
    ];
    // The real schema refuses version 0 (version must be ≥ 1 by the envelope check), so run the
    // mechanism directly, then the load path on its output.
    const r = migrate(old, 0, chain);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.version).toBe(SCENARIO_VERSION);
    expect(r.applied[0]).toBe('horizon in months instead of years');
    const loaded = loadScenarioValue(r.doc);
    if (!loaded.ok) throw new Error(describeLoadError(loaded.error));
    expect(loaded.scenario.settings.horizonMonths).toBe((current.settings as JsonObject).horizonMonths);
    expect(loaded.scenario.settings.discountRatePctPerYear).toBeCloseTo((current.settings as JsonObject).discountRatePctPerYear as number, 9);
  });

  it('reports a missing step instead of guessing', () => {
    const r = migrate(asVersionZero(current), 0, []);
    expect(r).toMatchObject({ ok: false, from: 0 });
  });

  it('reports a step that throws, with its name', () => {
    const broken: Migration[] = [{ name: 'explodes', from: 0, up: () => { throw new Error('boom'); } }];
    expect(migrate(asVersionZero(current), 0, broken)).toMatchObject({ ok: false, name: 'explodes', detail: 'boom' });
  });

  it('the load path runs the chain it is given and reports a missing step', () => {
    const v1 = readFileSync('test/fixtures/scenarios/v1.json', 'utf8');
    expect(loadScenarioText(v1).ok).toBe(true);
    const r = loadScenarioText(v1, []);
    expect(r.ok || r.error).toMatchObject({ kind: 'migrationFailed', from: 1 });
  });
});

describe('migration 1 → 2: price trends, order month and uncertainty ranges', () => {
  it('adds a zero trend to every option, order month 0 to purchases, and an empty uncertainty block', () => {
    const v1 = JSON.parse(readFileSync('test/fixtures/scenarios/v1.json', 'utf8')) as JsonObject;
    const r = loadScenarioText(JSON.stringify(v1));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.migrated.slice(0, 1)).toEqual(['price trends, order month and uncertainty ranges']);
    for (const o of r.scenario.options) {
      expect(o.priceTrendPctPerMonth).toBe(0);
      if (o.kind === 'buy') expect(o.orderMonth).toBe(0);
    }
    expect(r.scenario.uncertainty).toEqual({ samples: 10_000, seed: 1, ranges: [] });
    // Nothing else changed: the version-1 fields are all still there with their values.
    const options = v1.options as JsonObject[];
    expect(r.scenario.options[0]!.name).toBe(options[0]!.name);
    expect(r.scenario.settings).toEqual(v1.settings);
  });
});

describe('migration 2 → 3: the catalog that produced the figures', () => {
  it('records "not recorded" (null) and changes nothing else', () => {
    const v2 = JSON.parse(readFileSync('test/fixtures/scenarios/v2.json', 'utf8')) as JsonObject;
    const r = loadScenarioText(JSON.stringify(v2));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.migrated.slice(0, 1)).toEqual(['the catalog that produced the figures']);
    expect(r.scenario.catalog).toBeNull();
    expect(r.scenario.version).toBe(SCENARIO_VERSION);
    const { catalog: _c, version: _v, ...rest } = r.scenario;
    const { version: _v2, ...before } = v2;
    expect(rest).toEqual(before);
  });

  it('a version-3 scenario keeps the catalog version and hash it records', () => {
    const v3 = JSON.parse(readFileSync('test/fixtures/scenarios/v3.json', 'utf8')) as JsonObject;
    const r = loadScenarioText(JSON.stringify(v3));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.catalog).toEqual(v3.catalog);
    const bad = loadScenarioValue({ ...v3, catalog: { version: '2026-12-01', contentHash: 'not a hash' } });
    expect(bad.ok).toBe(false);
  });
});

describe('migration 3 → 4: optional goals for the optimiser', () => {
  it('leaves a version-3 scenario without goals, and it gives identical results', async () => {
    const v3 = JSON.parse(readFileSync('test/fixtures/scenarios/v3.json', 'utf8')) as JsonObject;
    const r = loadScenarioValue(v3);
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.goals).toBeUndefined();
    const { evaluateScenario } = await import('../../workers/models/evaluate.ts');
    const again = loadScenarioValue({ ...v3, version: 4 });
    if (!again.ok) throw new Error(describeLoadError(again.error));
    expect(evaluateScenario(r.scenario).mix.totals).toEqual(evaluateScenario(again.scenario).mix.totals);
  });
  it('a version-4 scenario keeps its goals through the load path', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v4.json', 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.goals?.sitePowerKW).toBe(40);
    expect(r.scenario.goals?.objective).toBe('lowestNpv');
  });
  it('refuses a goal outside the bounds of the field table', () => {
    const v4 = JSON.parse(readFileSync('test/fixtures/scenarios/v4.json', 'utf8')) as JsonObject;
    const bad = { ...v4, goals: { ...(v4.goals as JsonObject), maxProviderSharePct: 140 } };
    const r = loadScenarioValue(bad);
    expect(r.ok).toBe(false);
  });
});

describe('migration 4 → 5: optional own accelerators', () => {
  const olds = [
    'test/fixtures/scenarios/v4.json',
    ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
  ];
  it.each(olds)('%s: migrated, it has no own accelerator and gives identical results', async (path) => {
    const { evaluateScenario } = await import('../../workers/models/evaluate.ts');
    // The examples as the step's older version wrote them (regenerated in the new version, the rest is the same).
    const doc = { ...(JSON.parse(readFileSync(path, 'utf8')) as JsonObject), version: ownaccFrom };
    const before = loadScenarioValue(doc);
    if (!before.ok) throw new Error(describeLoadError(before.error));
    expect(before.migrated).toContain(ownacc.name);
    expect(before.scenario.ownAccelerators).toBeUndefined();
    // The same document as the new version already (no migration applied): the same totals, option by option.
    const after = loadScenarioValue({ ...doc, version: SCENARIO_VERSION });
    if (!after.ok) throw new Error(describeLoadError(after.error));
    const a = evaluateScenario(before.scenario);
    const b = evaluateScenario(after.scenario);
    expect(a.mix.totals).toEqual(b.mix.totals);
    expect(a.options.map((o) => o.alone.totals)).toEqual(b.options.map((o) => o.alone.totals));
    expect(a.dependency).toEqual(b.dependency);
  });
  it('the fixture after it uses an own accelerator, and it loads', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v5.json', 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.version).toBe(SCENARIO_VERSION);
    expect(r.scenario.ownAccelerators?.[0]?.name).toBe('Lab chip 1');
    expect(r.scenario.options[0]!.acceleratorId).toBe('own-lab-chip-1');
  });
});

describe('migration 6 → 7: optional pool of members sharing the options', () => {
  const step = MIGRATIONS.find((m) => m.name === pool.name)!;
  const files = [
    ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
    ...readdirSync('public/examples/fr').filter((f) => f.endsWith('.json')).map((f) => `public/examples/fr/${f}`),
    'test/fixtures/scenarios/v4.json',
  ];
  // The examples are shipped at the current version (regenerated: only their version number changed);
  // their version-4 form is the same document at version 4 (version 4 had no pool). Those with a pool are new.
  const older = files.flatMap((f) => {
    const doc = JSON.parse(readFileSync(f, 'utf8')) as JsonObject;
    return doc.pool === undefined ? [[f, { ...doc, version: step.from }] as const] : [];
  });
  it('has version-4 documents to check: every example but the pool’s, and the v4 fixture', () => {
    expect(older.length).toBeGreaterThanOrEqual(11);
  });
  it.each(older)('%s gives identical results after it (no pool: one member, today’s evaluation)', async (_file, doc) => {
    const { evaluateScenario } = await import('../../workers/models/evaluate.ts');
    const { evaluatePlanning } = await import('../../workers/models/pool.ts');
    expect(pool.up(doc)).toEqual(doc);
    const migrated = loadScenarioValue(doc);
    if (!migrated.ok) throw new Error(describeLoadError(migrated.error));
    expect(migrated.scenario.pool).toBeUndefined();
    // Before: the document as it was, evaluated by today's function (only its version number changed).
    const before = loadScenarioValue({ ...doc, version: SCENARIO_VERSION });
    if (!before.ok) throw new Error(describeLoadError(before.error));
    expect(evaluatePlanning(migrated.scenario)).toEqual(evaluateScenario(before.scenario));
  });
  it('the after-pool fixture loads with its three members', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v7.json', 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.pool?.members.map((m) => m.name)).toEqual(['Sahel Agritech', 'Medina Health']);
    expect(r.scenario.pool?.firstMemberName).toBe('Atlas NLP');
  });
});

describe('migration 7 → 8: optional measured energy, host parts and electricity contract per option', () => {
  // Totals of every example and fixture computed by the code before this step (the tree before the step, `git archive`
  // of main, evaluated with the same script): the migrated scenarios must give exactly the same numbers.
  const before = JSON.parse(readFileSync('test/fixtures/footprint-before.json', 'utf8')) as Record<string, { mix: Record<string, unknown>; alone: Record<string, unknown>[]; inMix: Record<string, unknown>[] }>;
  const oldKeys = (t: Record<string, unknown>) => Object.fromEntries(Object.keys(before['test/fixtures/scenarios/v4.json']!.mix).map((k) => [k, t[k]]));
  it.each(Object.keys(before))('%s gives identical results after the step', async (path) => {
    const r = loadScenarioText(readFileSync(path, 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.options.every((o) => o.footprint === undefined)).toBe(true);
    const { evaluateScenario } = await import('../../workers/models/evaluate.ts');
    const e = evaluateScenario(r.scenario);
    const b = before[path]!;
    expect(oldKeys(e.mix.totals as unknown as Record<string, unknown>)).toEqual(b.mix);
    expect(e.options.map((o) => oldKeys(o.alone.totals as unknown as Record<string, unknown>))).toEqual(b.alone.map(oldKeys));
    expect(e.options.map((o) => oldKeys(o.inMix.totals as unknown as Record<string, unknown>))).toEqual(b.inMix.map(oldKeys));
    // With no contract, market-based equals location-based, to the last digit.
    expect(e.mix.totals.marketKgCO2e).toBe(e.mix.totals.operationalKgCO2e);
  });
  it('the migration module names the step and leaves the document as it is', () => {
    const v4 = JSON.parse(readFileSync('test/fixtures/scenarios/v4.json', 'utf8')) as JsonObject;
    expect(footprintStep.up(v4)).toEqual(v4);
    expect(MIGRATIONS.some((m) => m.name === footprintStep.name && m.up === footprintStep.up)).toBe(true);
  });
  it('a scenario of this version keeps its footprint sub-object through the load path', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v8.json', 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.options[0]!.footprint?.measuredEnergyKWh).toBe(9500);
    expect(r.scenario.options[0]!.footprint?.marketCoveredPct).toBe(60);
  });
});

describe('migration 8 → 9: optional failures per option and token load per inference workload', () => {
  // Every example and fixture of version 8 is the same document at version 9 (the step adds only optional
  // sub-objects): read at either version it gives exactly the same results.
  const files = [
    ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
    ...readdirSync('public/examples/fr').filter((f) => f.endsWith('.json')).map((f) => `public/examples/fr/${f}`),
    'test/fixtures/scenarios/v8.json',
  ];
  it.each(files)('%s gives identical results after the step', async (path) => {
    const { evaluatePlanning } = await import('../../workers/models/pool.ts');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
    if ((doc.options as JsonObject[]).some((o) => o.failures !== undefined) || (doc.workload as JsonObject | undefined)?.tokens !== undefined) return;
    const asV8 = { ...doc, version: 8 };
    expect(failuresTokensStep.up(asV8)).toEqual(asV8);
    const migrated = loadScenarioValue(asV8);
    if (!migrated.ok) throw new Error(describeLoadError(migrated.error));
    expect(migrated.migrated[0]).toBe(failuresTokensStep.name);
    const asNew = loadScenarioValue({ ...doc, version: 9 });
    if (!asNew.ok) throw new Error(describeLoadError(asNew.error));
    expect(evaluatePlanning(migrated.scenario)).toEqual(evaluatePlanning(asNew.scenario));
  });
  it('the migration module names the step and is chained', () => {
    expect(MIGRATIONS.some((m) => m.from === 8 && m.name === failuresTokensStep.name && m.up === failuresTokensStep.up)).toBe(true);
  });
});

describe('migration 9 → 10: a range on a committed share', () => {
  // A version-9 document has no range on a committed share (version 9 could not hold one): every example
  // and the version-9 fixture is the same document at version 10, and gives exactly the same results.
  const files = [
    ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
    ...readdirSync('public/examples/fr').filter((f) => f.endsWith('.json')).map((f) => `public/examples/fr/${f}`),
    'test/fixtures/scenarios/v9.json',
  ];
  it.each(files)('%s gives identical results after the step', async (path) => {
    const { evaluatePlanning } = await import('../../workers/models/pool.ts');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
    const asV9 = { ...doc, version: 9 };
    expect(shareRangesStep.up(asV9)).toEqual(asV9);
    const migrated = loadScenarioValue(asV9);
    if (!migrated.ok) throw new Error(describeLoadError(migrated.error));
    expect(migrated.migrated).toEqual([shareRangesStep.name]);
    const asNew = loadScenarioValue({ ...doc, version: 10 });
    if (!asNew.ok) throw new Error(describeLoadError(asNew.error));
    expect(evaluatePlanning(migrated.scenario)).toEqual(evaluatePlanning(asNew.scenario));
  });
  it('the migration module names the step and is chained', () => {
    expect(MIGRATIONS.some((m) => m.from === 9 && m.name === shareRangesStep.name && m.up === shareRangesStep.up)).toBe(true);
  });
  it('the version-10 fixture keeps its range on a committed share through the load path', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v10.json', 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.migrated).toEqual([]);
    expect(r.scenario.pool?.splitRule).toBe('committedShare');
    expect(r.scenario.uncertainty.ranges).toContainEqual({ target: 'member', optionId: null, memberIndex: 0, field: 'committedSharePct', low: 30, high: 50, shape: 'uniform' });
  });
});

describe('the real migrations', () => {
  it('form one unbroken chain from version 1 to the current version', () => {
    expect(checkMigrationChain()).toEqual([]);
  });
  it.each(MIGRATIONS.map((m) => [m.from, m.name] as const))('migration from v%i (%s) has a fixture that loads', (from) => {
    const path = `test/fixtures/scenarios/v${from}.json`;
    expect(existsSync(path), `missing fixture ${path}`).toBe(true);
    const r = loadScenarioText(readFileSync(path, 'utf8'));
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.migrated.length).toBe(SCENARIO_VERSION - from);
  });
  it('each migration has its own tests in this file (a describe block named after it)', () => {
    const source = readFileSync('test/unit/migrations.test.ts', 'utf8');
    const untested = MIGRATIONS.filter((m) => !source.includes(`describe('migration ${m.from} → ${m.from + 1}: ${m.name}'`));
    expect(untested.map((m) => m.name)).toEqual([]);
  });
  it(`a fixture exists for the current version ${SCENARIO_VERSION}`, () => {
    const path = `test/fixtures/scenarios/v${SCENARIO_VERSION}.json`;
    expect(existsSync(path)).toBe(true);
    expect(loadScenarioText(readFileSync(path, 'utf8')).ok).toBe(true);
  });
});

describe('migration 5 → 6: sub-national grid zone and data year per option', () => {
  const step = MIGRATIONS.find((m) => m.name === 'sub-national grid zone and data year per option')!;
  it('leaves a version-4 scenario without a zone or year, and it gives identical results', async () => {
    const { evaluateScenario } = await import('../../workers/models/evaluate.ts');
    const v4 = JSON.parse(readFileSync('test/fixtures/scenarios/v4.json', 'utf8')) as JsonObject;
    const r = loadScenarioValue(v4);
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.migrated.slice(0, 1 + step.from - 4)).toContain(step.name);
    expect(r.scenario.options.every((o) => o.gridZone === undefined && o.gridDataYear === undefined)).toBe(true);
    // The same scenario read as if it were already of this version: the same totals.
    const asNew = loadScenarioValue({ ...v4, version: step.from + 1 });
    if (!asNew.ok) throw new Error(describeLoadError(asNew.error));
    expect(evaluateScenario(r.scenario).options.map((o) => o.alone.totals)).toEqual(evaluateScenario(asNew.scenario).options.map((o) => o.alone.totals));
  });
  it('a scenario with a zone and a year keeps them, and a zone of another country or an absent year is refused on its field', () => {
    const after = JSON.parse(readFileSync('test/fixtures/scenarios/v6.json', 'utf8')) as JsonObject;
    const r = loadScenarioValue(after);
    if (!r.ok) throw new Error(describeLoadError(r.error));
    expect(r.scenario.options[0]).toMatchObject({ gridZone: 'US-TEX-ERCO', gridDataYear: 2024 });
    const opt = (after.options as JsonObject[])[0]!;
    const other = loadScenarioValue({ ...after, options: [{ ...opt, gridZone: 'CA-QC' }] });
    expect(!other.ok && describeLoadError(other.error)).toMatch(/options\[0\]\.gridZone/);
    const year = loadScenarioValue({ ...after, options: [{ ...opt, gridDataYear: 2019 }] });
    expect(!year.ok && describeLoadError(year.error)).toMatch(/options\[0\]\.gridDataYear.*2025, 2024/);
  });
});
