// The generated files the page imports typed but unparsed (src/catalog/data/*.json, typed by the
// *.d.json.ts beside them) match the zod schemas of their types (scripts/catalog-data/output-schemas.ts),
// and a file that drifts from its type is refused with its name and the path of the bad field. The
// reference inputs and the transcribed figures are read through zod schemas with the same kind of message.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { catalogSchema, checkOutput, gridZonesSchema, pageSourcesSchema, rulesSchema } from '../../scripts/catalog-data/output-schemas.ts';
import { fillRowIds, type PageCatalog } from '../../src/catalog/row-ids.ts';
import { parseWith, readJson, refGpusFile, transcribedFiguresSchema } from '../../scripts/catalog-data/schemas.ts';

const DATA = resolve(import.meta.dirname, '../../src/catalog/data');
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(DATA, file), 'utf8'));
// catalog.page.json leaves out the price rows' ids their fields give back: the page rebuilds them (src/catalog/row-ids.ts).
const shipped = (file: string): unknown => (file === 'catalog.page.json' ? fillRowIds(read(file) as PageCatalog) : read(file));

describe('the shipped generated files match the schemas of their types', () => {
  it.each([
    ['catalog.json', catalogSchema],
    ['catalog.page.json', catalogSchema],
    ['catalog.sources.json', pageSourcesSchema],
    ['rules.json', rulesSchema],
    ['grid-zones.json', gridZonesSchema],
  ] as const)('%s', (file, schema) => {
    expect(() => checkOutput(schema, shipped(file), file)).not.toThrow();
  });

  it('the page catalog file carries a price row’s id only where its fields do not give it back', () => {
    const file = read('catalog.page.json') as PageCatalog;
    const kept = file.cloudPrices.filter((r) => r.id !== undefined).length;
    expect(kept).toBeLessThan(file.cloudPrices.length / 10);
    const page = catalogSchema.parse(shipped('catalog.page.json'));
    expect(new Set(page.cloudPrices.map((r) => r.id)).size).toBe(page.cloudPrices.length);
    expect(new Set(page.decentralisedPrices.map((r) => r.id)).size).toBe(page.decentralisedPrices.length);
    expect(new Set(page.purchasePrices.map((r) => r.id)).size).toBe(page.purchasePrices.length);
  });

  it('the page catalog has figures and no sources; the sources chunk has them', () => {
    const page = catalogSchema.parse(shipped('catalog.page.json'));
    expect(page.accelerators.length).toBeGreaterThan(10);
    expect(Object.keys(page.sources)).toHaveLength(0);
    expect(Object.keys(pageSourcesSchema.parse(shipped('catalog.sources.json'))).length).toBeGreaterThan(50);
  });
});

describe('a file that drifts from its type is refused, naming the file and the field', () => {
  const catalog = () => structuredClone(shipped('catalog.page.json')) as { accelerators: Record<string, unknown>[]; countries: Record<string, unknown>[] };

  it('a key the type does not have', () => {
    const c = catalog();
    c.accelerators[0]!.memoryGb = 80;
    expect(() => checkOutput(catalogSchema, c, 'catalog.page.json')).toThrow(/catalog\.page\.json does not match[\s\S]*accelerators\.0: Unrecognized key: "memoryGb"/);
  });

  it('a confidence outside the type', () => {
    const c = catalog();
    (c.countries[0]!.gridGCO2ePerKWh as Record<string, unknown>).confidence = 'very high';
    expect(() => checkOutput(catalogSchema, c, 'catalog.page.json')).toThrow(/countries\.0\.gridGCO2ePerKWh\.confidence/);
  });

  it('a missing field', () => {
    const r = structuredClone(shipped('rules.json')) as { events: Record<string, unknown>[] };
    delete r.events[2]!.status;
    expect(() => checkOutput(rulesSchema, r, 'rules.json')).toThrow(/rules\.json does not match[\s\S]*events\.2\.status/);
  });

  it('a grid year without a number', () => {
    const g = structuredClone(shipped('grid-zones.json')) as { zones: { years: { g: { value: unknown } }[] }[] };
    g.zones[0]!.years[0]!.g.value = null;
    expect(() => checkOutput(gridZonesSchema, g, 'grid-zones.json')).toThrow(/zones\.0\.years\.0\.g\.value/);
  });
});

describe('inputs are read through zod schemas', () => {
  it('a file that is not JSON is refused with its name', () => {
    const path = resolve(mkdtempSync(resolve(tmpdir(), 'cp-data-')), 'gpus.json');
    writeFileSync(path, '{ "meta": ');
    expect(() => readJson(path, 'gpus.json')).toThrow(/^gpus\.json is not JSON: /);
  });

  it('a reference file with a bad field is refused with its name and the path', () => {
    const gpus = { meta: { compiled: '2026-01-01' }, sources: {}, accelerators: [{ id: 'x', name: 'X', vendor: 'NVIDIA', cloudOnly: 'no' }] };
    expect(() => parseWith(refGpusFile, gpus, 'gpus.json')).toThrow(/gpus\.json does not match its schema:\n {2}accelerators\.0\.cloudOnly:/);
  });

  it('a transcribed figure without a source is refused', () => {
    const t = { electricityWater: [{ id: 'a', operator: 'b', value: 1, unit: 'L/kWh', sources: [], date: '2020', confidence: 'low' }], embodiedPerGpu: [] };
    expect(() => parseWith(transcribedFiguresSchema, t, 'scripts/catalog-data/transcribed-figures.json')).toThrow(
      /transcribed-figures\.json does not match its schema:\n {2}electricityWater\.0\.sources:/,
    );
  });
});
