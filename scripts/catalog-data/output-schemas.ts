// Zod schemas of the files the build writes (src/catalog/data/*.json), strict: a key the types do
// not know is an error. The build scripts parse what they produce with them before writing it, and
// test/unit/generated-data.test.ts parses the shipped files with them; the page imports the JSON
// typed by the declarations beside it (src/catalog/data/*.d.json.ts), without a cast and without
// parsing it at start-up. The type checks at the end of this file fail `npm run typecheck` when a
// schema and its TypeScript type (src/catalog/types.ts, rules-types.ts, grid-types.ts) drift apart.
// Build-time and test-time only: the page never imports this file.
import { z } from 'zod';
import { exportControlsWith, mineralControl, supplyChainRowWith } from './schemas.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import type { RulesData } from '../../src/catalog/rules-types.ts';
import type { GridZonesData } from '../../src/catalog/grid-types.ts';

const confidence = z.enum(['high', 'medium', 'low', 'primary', 'secondary', 'single']);
const pair = z.tuple([z.number(), z.number()]);
const iso3 = z.string().regex(/^[A-Z]{3}$/);

const citedShape = {
  sources: z.array(z.string()).min(1),
  date: z.string(),
  asOf: z.string().regex(/^\d{4}-\d{2}$/).nullable(),
  confidence,
  note: z.string().optional(),
  derived: z.literal(true).optional(),
};
const cited = z.strictObject(citedShape);
const citedNumberShape = { value: z.number().nullable(), unit: z.string(), range: pair.optional(), ...citedShape };
const citedNumber = z.strictObject(citedNumberShape);
const citedText = z.strictObject({ value: z.string(), ...citedShape });
const citedList = <T extends z.ZodType>(item: T) => z.strictObject({ value: z.array(item), ...citedShape });
/** A CitedNumber with more fields (a row of a table of figures). */
const citedNumberWith = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...citedNumberShape, ...shape });

const source = z.strictObject({
  key: z.string(),
  title: z.string(),
  url: z.string(),
  date: z.string(),
  seen: z.string().optional(),
  what: z.string().optional(),
  storedFileId: z.string().optional(),
  via: z.string().optional(),
});

const accelerator = z.strictObject({
  id: z.string(),
  name: z.string(),
  vendor: z.enum(['NVIDIA', 'AMD', 'Intel', 'Google', 'AWS', 'Huawei']),
  cloudOnly: z.boolean(),
  launchYear: z.number().nullable(),
  memoryGB: citedNumber.nullable(),
  bf16DenseTflops: citedNumber.nullable(),
  fp8DenseTflops: citedNumber.nullable(),
  tdpW: citedNumber.nullable(),
  dieAreaMm2: citedNumber.nullable(),
  foundry: citedList(z.enum(['TSMC', 'SMIC', 'Samsung', 'Intel'])).nullable(),
  fabCountries: citedList(z.string()).nullable(),
  hbmSuppliers: citedList(z.enum(['SK hynix', 'Samsung', 'Micron'])).nullable(),
  purchasePriceUsd: z
    .strictObject({
      typical: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      unit: z.string(),
      points: z.array(citedNumber),
      ...citedShape,
    })
    .nullable(),
  embodiedKgCO2ePerGpu: citedNumberWith({ alternatives: z.array(citedNumber) }).nullable(),
});

const cloudPrice = z.strictObject({
  id: z.string(),
  providerId: z.string(),
  acceleratorId: z.string(),
  pricingModel: z.enum(['onDemand', 'spot', 'reserved1y', 'reserved3y', 'capacityBlock', 'committed']),
  region: z.string(),
  regionCountry: iso3.nullable(),
  instanceType: z.string().nullable(),
  gpusPerInstance: z.number().nullable(),
  pricePerGpuHour: z.number().nullable(),
  range: pair.optional(),
  currency: z.enum(['USD', 'EUR']),
  excludesHost: z.boolean(),
  pricingModelText: z.string(),
  basis: z.enum(['list', 'average', 'managed', 'termNotStated']),
  file: z.string(),
  ...citedShape,
});

const decentralisedMarket = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  payment: citedText.nullable(),
  tokenPayment: z.enum(['none', 'optional', 'required', 'unknown']),
  feePct: citedNumber.nullable(),
  reliability: z.array(citedText),
});

const decentralisedPrice = z.strictObject({
  id: z.string(),
  marketId: z.string(),
  acceleratorId: z.string(),
  pricingModel: z.string(),
  pricePerGpuHour: z.number().nullable(),
  range: pair.optional(),
  currency: z.literal('USD'),
  location: z.string().nullable(),
  hostCountry: iso3.nullable(),
  basis: z.enum(['list', 'average']),
  file: z.string(),
  ...citedShape,
});

const country = z.strictObject({
  iso3: iso3,
  iso2: z.string(),
  name: z.string(),
  gridGCO2ePerKWh: citedNumber.nullable(),
  gridValues: z.array(citedNumber),
  gridDataYear: z.number().optional(),
  offsiteWaterLPerKWh: citedNumber.optional(),
});

const operatorFigure = citedNumberWith({ id: z.string(), operator: z.string() });

export const catalogSchema = z.strictObject({
  compiled: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  version: z.string(),
  contentHash: z.string(),
  referenceFiles: z.record(z.string(), z.string()),
  sources: z.record(z.string(), source),
  accelerators: z.array(accelerator),
  cloudProviders: z.array(
    z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(['hyperscaler', 'gpuCloud']), pue: citedNumber.nullable(), wueLPerKWh: citedNumber.nullable() }),
  ),
  cloudPrices: z.array(cloudPrice),
  decentralisedMarkets: z.array(decentralisedMarket),
  decentralisedPrices: z.array(decentralisedPrice),
  countries: z.array(country),
  subnational: z.array(z.strictObject({ code: z.string(), name: z.string(), gridGCO2ePerKWh: citedNumber })),
  electricityPrices: z.array(citedNumberWith({ id: z.string(), region: z.string(), sector: z.string(), currency: z.enum(['USD', 'EUR', 'CNY']) })),
  pue: z.array(operatorFigure),
  wue: z.array(operatorFigure),
  electricityWater: z.array(operatorFigure),
  colocationPrices: z.array(citedNumberWith({ id: z.string(), market: z.string() })),
  embodiedServers: z.array(citedNumberWith({ id: z.string(), item: z.string() })),
  supplyChain: z.array(supplyChainRowWith(citedShape)),
  criticalMinerals: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      use: z.string().nullable(),
      worldTotal: z.strictObject({ value: z.number(), unit: z.string() }).nullable(),
      producers: z.array(z.strictObject({ iso3, pct: z.number() })),
      producersComplete: z.boolean(),
      exportControls: z.array(mineralControl),
      ...citedShape,
    }),
  ),
  exportControls: exportControlsWith(citedShape),
  exchangeRates: z.array(z.strictObject({ currency: z.string(), usdPerUnit: z.number(), period: z.string(), ...citedShape })),
  purchasePrices: z.array(
    citedNumberWith({
      id: z.string(),
      item: z.string(),
      acceleratorId: z.string().nullable(),
      scope: z.enum(['gpu', 'server', 'rack']),
      perGpuUsd: z.number().nullable(),
      condition: z.enum(['new', 'used', 'cost']),
    }),
  ),
  hardwareFigures: z.array(citedNumberWith({ id: z.string(), section: z.enum(['costShare', 'support', 'reliability']), item: z.string() })),
  marketIndices: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      publisher: z.string(),
      acceleratorId: z.string().nullable(),
      basis: z.string(),
      unit: z.string(),
      values: z.array(z.strictObject({ value: z.number(), date: z.string(), asOf: z.string().nullable(), note: z.string().optional() })),
      ...citedShape,
    }),
  ),
  constants: z.array(citedNumberWith({ id: z.string(), label: z.string() })),
});

/** The bundled sources chunk (catalog.sources.json): the page catalog's sources, by key. */
export const pageSourcesSchema = catalogSchema.shape.sources;

// ------------------------------------------------------------------------- rules.json

const eventDate = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), precision: z.enum(['day', 'month']), text: z.string() });
const ruleConfidence = z.enum(['primary', 'secondary', 'single']);
const iso3List = z.array(iso3).nullable();

export const rulesSchema = z.strictObject({
  compiled: z.string(),
  statusAsOf: z.string(),
  dataThrough: z.string(),
  missing: z.array(z.string()),
  sources: z.record(
    z.string(),
    z.strictObject({ key: z.string(), url: z.string().nullable(), what: z.string(), date: z.string(), seen: z.string().optional(), via: z.string().optional() }),
  ),
  events: z.array(
    z.strictObject({
      id: z.string(),
      jurisdiction: z.enum(['US', 'CN', 'US/CN']),
      authority: z.string(),
      type: z.string(),
      title: z.string(),
      published: eventDate,
      effective: eventDate.nullable(),
      end: eventDate.nullable(),
      suspended: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
      status: z.enum(['inForce', 'rescinded', 'suspended', 'expired', 'proposed', 'uncertain', 'informational', 'implemented']),
      statusText: z.string(),
      effect: z.enum(['licence', 'caseByCase', 'licenceUnknownThresholds', 'foreignChipGuidance', 'importBlock', 'tariff', 'mineral', 'none']),
      destinations: z.union([z.array(iso3), z.literal('all')]).nullable(),
      headquarteredIn: iso3List,
      importInto: iso3List,
      vendors: z.array(z.string()).nullable(),
      accelerators: z.array(z.string()).nullable(),
      knownThrough: z.string().nullable(),
      suspendedBy: z.string().nullable(),
      why: z.string(),
      thresholds: z.strictObject({
        tppMin: z.number().nullable(),
        orTppMin: z.number().nullable(),
        densityMin: z.number().nullable(),
        tppMax: z.number().nullable(),
        bandwidthMaxGBps: z.number().nullable(),
        bands: z.array(
          z.strictObject({ tppGreaterThan: z.number(), tppLessThan: z.number(), bandwidthGreaterThanGBps: z.number(), bandwidthLessThanGBps: z.number() }),
        ),
      }),
      tariffRate: z.number().nullable(),
      exemptions: z.array(z.string()),
      appliesTo: z.record(z.string(), z.unknown()),
      sources: z.array(z.string()),
      confidence: ruleConfidence,
      note: z.string().optional(),
    }),
  ),
  accelerators: z.array(
    z.strictObject({
      id: z.string(),
      memoryBandwidthGBps: z
        .strictObject({ value: z.number().nullable(), range: pair.nullable(), sources: z.array(z.string()), date: z.string() })
        .nullable(),
    }),
  ),
  providers: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['cloud', 'market']),
      headquarters: iso3.nullable(),
      entity: z.string().nullable(),
      sources: z.array(z.string()),
      confidence: ruleConfidence.nullable(),
      qualifications: z.array(z.strictObject({ name: z.string(), scope: z.string(), sources: z.array(z.string()) })),
      note: z.string().optional(),
    }),
  ),
});

// ------------------------------------------------------------------------- grid-zones.json

const gridFigure = z.strictObject({ ...citedNumberShape, value: z.number() });
const gridYear = z.strictObject({ year: z.number().int(), g: gridFigure, direct: gridFigure.optional() });

export const gridZonesSchema = z.strictObject({
  zones: z.array(z.strictObject({ code: z.string(), name: z.string(), country: iso3, source: z.string(), years: z.array(gridYear) })),
  countries: z.record(iso3, z.array(gridYear)),
});

// ------------------------------------------------------------------------- the schemas are the types

/** true only when A and B are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCatalog: Same<z.output<typeof catalogSchema>, Catalog> = true;
const sameRules: Same<z.output<typeof rulesSchema>, RulesData> = true;
const sameGridZones: Same<z.output<typeof gridZonesSchema>, GridZonesData> = true;
void [sameCatalog, sameRules, sameGridZones];

/** Parses a file the build writes, or throws naming the file and the path of each bad field. */
export function checkOutput<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${file} does not match its schema (scripts/catalog-data/output-schemas.ts):\n${issues.join('\n')}`);
}
