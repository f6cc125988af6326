// Zod schemas of everything scripts/build-catalog.ts reads: the reference files in
// ../shared/reference (only the fields the build uses; other fields pass through) and the figures
// transcribed here from methods.md and the seed document (scripts/catalog-data/*.json, strict:
// a misspelt key is an error). A file that does not match fails the build with the path of the
// bad field, instead of a cast that lets a wrong shape through.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const confidenceSchema = z.enum(['high', 'medium', 'low', 'primary', 'secondary', 'single']);
const pair = z.tuple([z.number(), z.number()]);
const sources = z.array(z.string()).min(1);

const citedShape = { sources, date: z.string().min(1), confidence: confidenceSchema, note: z.string().optional() };
export const refCited = z.looseObject(citedShape);
export const refFigure = z.looseObject({ ...citedShape, value: z.union([z.number(), pair, z.null()]), unit: z.string() });
export const refTextFigure = z.looseObject({ ...citedShape, value: z.string() });
/** A 2026 figure: the value may also be a small object (tier ranges) or a text. */
export const refAnyFigure = z.looseObject({ ...citedShape, value: z.unknown(), unit: z.string().nullable().optional() });

export const refSource = z.looseObject({
  url: z.string().nullable().optional(),
  what: z.string().optional(),
  date: z.string().optional(),
  seen: z.string().optional(),
  title: z.string().optional(),
  repo: z.string().optional(),
  path: z.string().optional(),
  commit: z.string().optional(),
  via: z.string().optional(),
  storedFileId: z.union([z.string(), z.number()]).optional(),
});
export const refFile = z.looseObject({ meta: z.looseObject({ compiled: z.string() }), sources: z.record(z.string(), refSource) });

const purchase = z.looseObject({
  typical: z.number().nullable().optional(),
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
  unit: z.string().optional(),
  points: z.array(refFigure),
  ...citedShape,
  summaryBasis: z.string().optional(),
});

export const refAccelerator = z.looseObject({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  cloudOnly: z.boolean(),
  launchYear: refFigure.nullable().optional(),
  memoryGB: refFigure.nullable().optional(),
  bf16DenseTFLOPS: refFigure.nullable().optional(),
  fp8DenseTFLOPS: refFigure.nullable().optional(),
  tdpW: z.union([refFigure, z.record(z.string(), refFigure)]).nullable().optional(),
  dieAreaMm2: refFigure.nullable().optional(),
  foundry: refTextFigure.nullable().optional(),
  fabCountry: refTextFigure.nullable().optional(),
  hbmSuppliers: z.looseObject({ ...citedShape, value: z.array(z.string()) }).nullable().optional(),
  purchasePriceUSD: purchase.nullable().optional(),
});

export const refCloudPrice = z.looseObject({
  ...citedShape,
  provider: z.string(),
  gpu: z.string(),
  pricingModel: z.string(),
  region: z.string(),
  instanceType: z.string().nullable().optional(),
  gpusPerInstance: z.number().nullable(),
  instancePricePerHour: z.number().nullable(),
  perGpuPerHour: z.number().nullable(),
  perGpuPerHourRange: pair.optional(),
  currency: z.string(),
  priceScope: z.string().optional(),
  via: z.string().optional(),
  previousPerGpuPerHour: z.number().optional(),
});

export const refDecPrice = z.looseObject({
  ...citedShape,
  network: z.string(),
  gpu: z.string(),
  pricingModel: z.string(),
  instancePricePerHour: z.number().nullable(),
  gpusPerOffer: z.number().nullable(),
  perGpuPerHour: z.number().nullable(),
  perGpuPerHourRange: pair.optional(),
  currency: z.string(),
  location: z.string().optional(),
});

export const refNetwork = z.looseObject({
  network: z.string(),
  type: z.string(),
  payment: z.union([z.string(), refTextFigure, z.null()]),
  fees: z.array(z.union([refFigure, refTextFigure])).nullable().optional(),
  reliability: z.array(z.union([refTextFigure, refFigure])).optional(),
});

export const refCountry = z.looseObject({
  iso3: z.string(),
  name: z.string(),
  values: z.array(refFigure),
  range: pair,
  recommended: z.number(),
  recommendedBasis: z.string(),
});
export const refOperatorRow = refFigure.extend({ operator: z.string() });

export const refGpusFile = refFile.extend({ accelerators: z.array(refAccelerator) });
export const refCloudFile = refFile.extend({ prices: z.array(refCloudPrice) });
export const refDecFile = refFile.extend({ prices: z.array(refDecPrice), networks: z.array(refNetwork) });
export const refEnergyFile = refFile.extend({
  gridCarbonIntensity: z.looseObject({
    countries: z.array(refCountry),
    subnational: z.array(z.looseObject({ code: z.string(), name: z.string(), values: z.array(refFigure) })),
  }),
  electricityPrices: z.array(refFigure.extend({ region: z.string(), sector: z.string() })),
  pue: z.looseObject({ operators: z.array(refOperatorRow), gcpRegions2020: z.array(refOperatorRow) }),
  wue: z.array(refOperatorRow),
  waterIntensityOfElectricityGeneration: z.array(refFigure),
  colocationPricing: z.array(refFigure.extend({ market: z.string() })),
});
export const refEmbodiedFile = refFile.extend({
  perGpu: z.array(z.looseObject({ item: z.string(), gpu: z.string().nullable(), value: refFigure })),
  perServer: z.array(z.looseObject({ item: z.string(), value: refFigure })),
  boaviztaModelDerived: z.looseObject({
    results: z.array(z.looseObject({ gpu: z.string(), model: z.string(), embodiedKgCO2e: refFigure })),
  }),
});

// ------------------------------------------------------------------------- 2026 files

/** A 2026 figure row whose value is a number (the rows the catalog uses). */
const fig2026 = z.looseObject({ ...citedShape, value: z.unknown(), unit: z.string().nullable().optional(), derived: z.boolean().optional() });

/** reservedAndCommitted[]: explicit 1- and 3-year prices beside the on-demand one. */
const refReserved = z.looseObject({
  provider: z.string(), gpu: z.string(), region: z.string(), instanceType: z.string().optional(),
  onDemandPerGpuPerHour: z.number().nullable().optional(), reserved1yPerGpuPerHour: z.number().nullable().optional(),
  reserved3yPerGpuPerHour: z.number().nullable().optional(), discount1y: z.number().nullable().optional(), discount3y: z.number().nullable().optional(),
  currency: z.string(), ...citedShape,
});
/** indices[]: a published price index and its dated levels (a level may be a tier range, not a number). */
const refIndex = z.looseObject({
  index: z.string(), publisher: z.string().optional(), gpu: z.string().nullable().optional(), basis: z.string().optional(),
  values: z.array(z.looseObject({ value: z.unknown(), date: z.string(), note: z.string().optional() })).optional(),
  unit: z.string().optional(), sources, confidence: confidenceSchema, note: z.string().optional(),
});
export const refCloud2026File = refCloudFile.extend({ reservedAndCommitted: z.array(refReserved), indices: z.array(refIndex) });
export const refDec2026File = refFile.extend({
  prices: z.array(refDecPrice),
  networks: z.array(z.looseObject({ network: z.string(), type: z.string().optional() })).optional(),
});
export const refHardware2026File = refFile.extend({
  purchasePrices: z.array(fig2026.extend({ item: z.string(), gpu: z.string().nullable(), perGpuUSD: z.number().nullable().optional(), condition: z.string().optional() })),
  serverAndClusterCostShares: z.array(fig2026.extend({ item: z.string() })),
  // The insurance row is null, not found: no source, date or confidence (left out, logged).
  maintenanceSupportInsurance: z.array(z.looseObject({ item: z.string(), value: z.unknown(), unit: z.string().nullable().optional(),
    sources: z.array(z.string()), date: z.string().nullable(), confidence: confidenceSchema.nullable(), note: z.string().optional() })),
  reliability: z.looseObject({
    llama3: z.looseObject({ date: z.string() }),
    derivedAnnualRates: z.array(z.looseObject({ item: z.string(), value: z.unknown(), unit: z.string(), sources: z.array(z.string()), confidence: confidenceSchema, date: z.string().optional(), note: z.string().optional() })),
    estimates: z.array(z.looseObject({ item: z.string(), value: z.unknown(), unit: z.string().nullable().optional(), sources: z.array(z.string()), confidence: confidenceSchema, date: z.string(), note: z.string().optional() })),
  }),
});
export const refGrid2026File = refFile.extend({
  countries: z.array(refCountry.extend({ zone: z.string().nullable().optional(), waterOffsite: fig2026.nullable().optional() })),
});
export const refEmbodied2026File = refFile.extend({
  perGpu: z.array(fig2026.extend({ item: z.string(), gpu: z.string().nullable().optional() })),
  perServer: z.array(fig2026.extend({ item: z.string() })),
});
export const refRatesFile = refFile.extend({
  latest: z.record(z.string(), z.looseObject({
    value: z.number(), date: z.string(), sources, confidence: confidenceSchema, period: z.string(),
    derived: z.boolean().optional(), note: z.string().optional(),
  })),
  rates: z.array(
    z.looseObject({
      ...citedShape,
      base: z.string(),
      quote: z.string(),
      value: z.number(),
      unit: z.string().optional(),
      period: z.string(),
      derived: z.boolean().optional(),
    }),
  ),
});

// ------------------------------------------------------------------------- transcriptions

const tCited = { sources, date: z.string().min(1), confidence: confidenceSchema, note: z.string().optional() };

export const methodsSourcesSchema = z.array(
  z.strictObject({ key: z.string(), title: z.string(), url: z.string(), date: z.string(), what: z.string() }),
);
// The parts the transcriptions and the catalog the build writes share, written once: each takes
// the citation's fields (the transcription's, or the written catalog's with its month and flags).
type CitedFields = typeof tCited | Record<string, z.ZodType>;
/** A row of the supply chain: a tier's shares by supplier. */
export const supplyChainRowWith = <C extends CitedFields>(cited: C) =>
  z.strictObject({
    id: z.string(),
    tier: z.enum(['acceleratorVendor', 'foundry', 'hbm', 'cloud', 'packaging']),
    title: z.string(),
    shares: z.array(z.strictObject({ name: z.string(), pct: z.number() })),
    ...cited,
  });
/** The export-control thresholds, regimes and caps of methods.md. */
export const exportControlsWith = <C extends CitedFields>(cited: C) =>
  z.strictObject({
    tppThreshold: z.number(),
    tppThresholdWithDensity: z.number(),
    densityThreshold: z.number(),
    tier1: z.array(z.string()),
    tier3Named: z.array(z.string()),
    regimes: z.array(z.strictObject({ id: z.string(), title: z.string(), citation: z.string().nullable(), status: z.enum(['inForce', 'rescinded']), ...cited })),
    caps: z.array(z.strictObject({ id: z.string(), h100Equivalents: z.number(), tpp: z.number(), what: z.string() })),
    h100Tpp: z.number(),
    cited: z.strictObject(cited),
  });
/** An export control on a mineral. */
export const mineralControl = z.strictObject({ by: z.string(), what: z.string(), date: z.string(), against: z.union([z.literal('all'), z.array(z.string())]) });

export const supplyChainSchema = z.array(supplyChainRowWith(tCited));
export const criticalMineralsSchema = z.strictObject({
  date: z.string(),
  confidence: confidenceSchema,
  sources,
  leadNote: z.string(),
  exportControls: z.record(z.string(), mineralControl),
  minerals: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      use: z.string().nullable(),
      worldTotal: z.strictObject({ value: z.number(), unit: z.string() }).nullable(),
      producers: z.array(z.strictObject({ iso3: z.string(), tonnage: z.number().nullable(), pct: z.number().nullable() })),
      /** "all": the source lists every producing country (exact HHI); "top": it stops at the largest (a range). */
      producersListed: z.enum(['all', 'top']),
      exportControls: z.array(z.string()),
      notes: z.array(z.string()),
      extraSources: z.array(z.string()),
    }),
  ),
});
export const exportControlsSchema = exportControlsWith(tCited);
export const constantsSchema = z.array(
  z.strictObject({ id: z.string(), label: z.string(), value: z.number(), unit: z.string(), ...tCited }),
);
export const transcribedFiguresSchema = z.strictObject({
  electricityWater: z.array(z.strictObject({ id: z.string(), operator: z.string(), value: z.number(), unit: z.string(), ...tCited })),
  embodiedPerGpu: z.array(z.strictObject({ acceleratorId: z.string(), value: z.number(), unit: z.string(), ...tCited })),
});
export const mappingsSchema = z.strictObject({
  iso2: z.record(z.string(), z.string()),
  extraCountryNames: z.record(z.string(), z.string()),
  vendors: z.record(z.string(), z.enum(['NVIDIA', 'AMD', 'Intel', 'Google', 'AWS', 'Huawei'])),
  foundryNames: z.array(z.enum(['TSMC', 'SMIC', 'Samsung', 'Intel'])),
  hbmNames: z.array(z.enum(['SK hynix', 'Samsung', 'Micron'])),
  fabCountryNames: z.record(z.string(), z.string()),
  hbmNotAttributed: z.record(z.string(), z.array(z.enum(['SK hynix', 'Samsung', 'Micron']))),
  cloudProviders: z.record(z.string(), z.strictObject({ id: z.string(), kind: z.enum(['hyperscaler', 'gpuCloud']) })),
  marketRangeProvider: z.string(),
  eurProviders: z.array(z.string()),
  pricingModels: z.record(z.string(), z.enum(['onDemand', 'spot', 'reserved1y', 'reserved3y', 'capacityBlock', 'committed'])),
  regionCountry: z.record(z.string(), z.string().nullable()),
  markets: z.record(z.string(), z.string()),
  tokenPayment: z.record(z.string(), z.enum(['none', 'optional', 'required', 'unknown'])),
  locationCountry: z.record(z.string(), z.string().nullable()),
  /** Pricing-model texts that are not a provider's own list price (default: list). */
  pricingBasis: z.record(z.string(), z.enum(['average', 'managed', 'termNotStated'])),
  /** Free-text gpu labels of the 2026 files that name a catalog accelerator. */
  gpuAliases: z.record(z.string(), z.string()),
});

const rowRef = z.strictObject({ operator: z.string(), date: z.string() });
const embodiedChoice = z.union([
  z.strictObject({ transcribed: z.literal(true) }),
  z.strictObject({ boaviztaModel: z.string() }),
  z.strictObject({ perGpuItem: z.string(), note: z.string().optional() }),
]);
const serverChoice = z.strictObject({ id: z.string(), item: z.string() });
/** row-choices.json: which reference row becomes which catalog figure (_what and _why are comments). */
export const rowChoicesSchema = z.strictObject({
  _what: z.string(),
  _why: z.record(z.string(), z.string()),
  providerPue: z.record(z.string(), rowRef),
  providerWue: z.record(z.string(), rowRef),
  electricityWater: z.strictObject({ source: z.string(), id: z.string(), operator: z.string() }),
  embodiedPerGpu: z.record(z.string(), z.array(embodiedChoice).min(1)),
  embodiedServers: z.strictObject({ 'embodied.json': z.array(serverChoice), 'embodied-2026.json': z.tuple([serverChoice]) }),
  plainStringPayment: z.record(z.string(), z.strictObject({ source: z.string(), confidence: confidenceSchema, note: z.string() })),
  /** Date texts that name no date, and the month (YYYY-MM) their sources give. */
  dateAliases: z.record(z.string(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
});

export type RefFigure = z.infer<typeof refFigure>;
export type RefSource = z.infer<typeof refSource>;
export type RefAccelerator = z.infer<typeof refAccelerator>;
export type RefCloudPrice = z.infer<typeof refCloudPrice>;
export type RefDecPrice = z.infer<typeof refDecPrice>;
export type RefNetwork = z.infer<typeof refNetwork>;
export type RefCountry = z.infer<typeof refCountry>;
export type RefOperatorRow = z.infer<typeof refOperatorRow>;
export type RefEmbodiedFile = z.infer<typeof refEmbodiedFile>;

/** Parses `data` with `schema`, or throws naming the file and the path of each bad field. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`${file} does not match its schema:\n${issues.join('\n')}`);
}

/** The JSON in the file at `path`, or throws naming the file (`name`) when it is not JSON. */
export function readJson(path: string, name: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not JSON: ${(e as Error).message}`);
  }
}
