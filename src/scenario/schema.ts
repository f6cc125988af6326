// The scenario format: the one zod schema that is the truth about a scenario.
// Environment-free. Saved, shared and migrated for years: change it only together with a
// migration in migrations.ts and a fixture in test/fixtures/scenarios/.
//
// Units are in field names. Money fields say `Ccy`: an amount in the scenario's own currency
// (`settings.currency`), so a price typed in MAD stays in MAD whatever exchange rate is set.
//
// Numeric fields are defined in the field table (fields.ts): their bounds, whole numbers and null
// are read from there, so a number is defined once for the schema, the ranges and the editor.
import * as z from 'zod';

// Zod would compile fast validators with `new Function`: the page's Content-Security-Policy forbids
// eval (and the worker's too), so validators are interpreted instead — no probe, no violation.
z.config({ jitless: true });
import { accelerator, country } from '../catalog/index.ts';
import { acceleratorFacts } from '../catalog/accelerators.ts';
import { gridYears, gridZone } from '../catalog/grid.ts';
import { GRID_METRICS } from '../catalog/grid-metric.ts';
import { idleFloor, knownItKWhOverHorizon } from './energy-floor.ts';
import { tokensIssues } from './tokens-check.ts';
import { failuresIssues, jobDemandOf } from './failures-check.ts';

import {
  CLOUD_PRICING_MODELS,
  CURRENCIES,
  DISTRIBUTION_SHAPES,
  GOAL_TIERS,
  OBJECTIVES,
  MAX_RANGES,
  RANGE_TARGETS,
  MAX_OPTIONS,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  SHARE_SUM_TOLERANCE,
  SPLIT_RULES,
  MAX_POOL_MEMBERS,
  isPayAsYouGo,
  isRangeable,
  isShareRange,
  isReserved,
} from './constants.ts';
import { FIELDS, fieldsOf, type FieldKind, type FieldName, type FieldSpec, type FieldsOf, type IsNullable } from './fields.ts';

export * from './constants.ts';

// ---------------------------------------------------------------- building blocks

type NumberSchema<N extends FieldName> = IsNullable<N> extends true ? z.ZodNullable<z.ZodNumber> : z.ZodNumber;

/**
 * The numeric fields of an object of `kind`: their bounds, whole numbers and null come from the
 * field table (fields.ts), where each is defined and documented.
 */
function numbers<K extends FieldKind>(kind: K): { [N in FieldsOf<K>]: NumberSchema<N> } {
  const entries = fieldsOf(kind).map((name) => {
    const f: FieldSpec = FIELDS[name];
    const n = f.integer ? z.number().int().min(f.min).max(f.max) : z.number().min(f.min).max(f.max);
    return [name, f.nullable ? n.nullable() : n] as const;
  });
  return Object.fromEntries(entries) as { [N in FieldsOf<K>]: NumberSchema<N> };
}
/**
 * Text is shown as text, never as markup; still, a tag or a control character in a name or a note
 * is refused: it has no business in a plan, and a scenario travels (links, files) to other people.
 */
const MARKUP = /<\/?[A-Za-z!?]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const plain = <T extends z.ZodString>(schema: T) =>
  schema.refine((v) => !MARKUP.test(v), { error: 'Text cannot hold HTML tags or control characters.', params: { key: 'markupInText' } });
const text = (min: number, max: number) => plain(z.string().trim().min(min).max(max));

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Use 1 to 64 letters, digits, "-" or "_".' });
const iso3 = z.string().regex(/^[A-Z]{3}$/, { error: 'Use an ISO 3166 alpha-3 country code, such as FRA or MAR.' });
const acceleratorId = z.string().min(1).max(64);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Use a month as YYYY-MM, such as 2027-01.' });
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'Use a date as YYYY-MM-DD.' });

// ---------------------------------------------------------------- settings

export const settingsSchema = z.strictObject({
  ...numbers('settings'),
  /** First month of the plan (YYYY-MM). */
  startMonth: yearMonth,
  currency: z.enum(CURRENCIES),
  /** The day the person's exchange rate was read. */
  exchangeRateDate: isoDate.nullable(),
  /** The planner's own country (ISO3), for export-control exposure. */
  plannerCountry: iso3,
});
export type Settings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------- workload

export const gpuHoursWorkloadSchema = z.strictObject({
  kind: z.literal('gpuHours'),
  /** The accelerator the demand is stated in; options on other accelerators are converted. */
  referenceAcceleratorId: acceleratorId,
  ...numbers('gpuHours'),
});

export const trainingWorkloadSchema = z.strictObject({
  kind: z.literal('training'),
  referenceAcceleratorId: acceleratorId,
  ...numbers('training'),
});

/**
 * tokens (issue 15, format 9), optional: the daily load profile (capacity sized for the peak, energy
 * following the average) and the per-token throughputs; absent: results exactly as format 8.
 */
export const workloadTokensSchema = z.strictObject({
  ...numbers('tokens'),
});
export type WorkloadTokens = z.infer<typeof workloadTokensSchema>;

export const inferenceWorkloadSchema = z.strictObject({
  kind: z.literal('inference'),
  referenceAcceleratorId: acceleratorId,
  ...numbers('inference'),
  tokens: workloadTokensSchema.optional(),
});

export const workloadSchema = z.discriminatedUnion('kind', [
  gpuHoursWorkloadSchema,
  trainingWorkloadSchema,
  inferenceWorkloadSchema,
]);
export type Workload = z.infer<typeof workloadSchema>;

// ---------------------------------------------------------------- supply options

/** Fields every option has: what it is called and what hardware it runs on. */
// footprint (issue 12): what an option's energy is known to be, its hosts' parts and its electricity contract.
export const ENERGY_PERIODS = ['total', 'perMonth'] as const;
export const ENERGY_SCOPES = ['it', 'facility'] as const;
/**
 * Optional on every option (absent: energy derived and market-based = location-based, as before
 * version 5). Energy typed here replaces the derived energy; host parts replace the host power.
 */
export const optionFootprintSchema = z.strictObject({
  ...numbers('footprint'),
  /** Whether the energy figures are for the whole horizon or a month (in service, or used). */
  energyPeriod: z.enum(ENERGY_PERIODS),
  /** IT energy (before PUE) or facility energy (after). */
  energyScope: z.enum(ENERGY_SCOPES),
  /** Where the energy figure comes from (a meter, a provider's report), shown with the result. */
  energySource: plain(z.string().trim().max(200)),
  /**
   * footprint (issue 12, format 9, optional): the job runs on the hosts' CPUs only — its energy is the
   * host parts' power × hours, no accelerator power, and the embodied carbon is the server's only.
   * Each counted unit is then one server (accelerators per server = 1). Absent or false: as before.
   */
  cpuOnly: z.boolean().optional(),
});
export type OptionFootprint = z.infer<typeof optionFootprintSchema>;

/**
 * failures (issue 15, format 9): an option's failure rates, a training job's checkpoints and
 * restarts, spot interruptions, decentralised hosts' reliability. Optional (absent: results as in
 * version 8); a figure left null is not given and changes nothing (failures-check.ts says which go together).
 */
export const optionFailuresSchema = z.strictObject({
  ...numbers('failures'),
});
export type OptionFailures = z.infer<typeof optionFailuresSchema>;

const optionBase = {
  id,
  name: text(1, 80),
  acceleratorId,
  // catalog (issue 12, format version 5): the sub-national grid zone and the data year the compute
  // runs in (src/catalog/grid.ts); absent or null: the national grid's newest figure, as before.
  gridZone: z.string().trim().min(1).max(40).nullable().optional(),
  gridDataYear: z.number().int().min(1990).max(2100).nullable().optional(),
  // footprint (issue 12, format 9, optional): the grid factor's metric — life-cycle (absent or null, as
  // before) or direct (combustion only), where the reference data has a direct figure.
  gridMetric: z.enum(GRID_METRICS).nullable().optional(),
  footprint: optionFootprintSchema.optional(),
  failures: optionFailuresSchema.optional(),
};

export const onPremHostingSchema = z.strictObject({
  kind: z.literal('onPrem'),
  ...numbers('onPrem'),
});
export const colocationHostingSchema = z.strictObject({
  kind: z.literal('colocation'),
  ...numbers('colocation'),
});
export const hostingSchema = z.discriminatedUnion('kind', [onPremHostingSchema, colocationHostingSchema]);

export const cashFinancingSchema = z.strictObject({ kind: z.literal('cash') });
export const loanFinancingSchema = z.strictObject({
  kind: z.literal('loan'),
  ...numbers('loan'),
});
export const financingSchema = z.discriminatedUnion('kind', [cashFinancingSchema, loanFinancingSchema]);

export const buyOptionSchema = z.strictObject({
  kind: z.literal('buy'),
  ...optionBase,
  ...numbers('buy'),
  /** Whether the buyer recovers VAT (most businesses do): then VAT is not a cost. */
  vatRecoverable: z.boolean(),
  hosting: hostingSchema,
  /** Country of the grid that powers the hardware (ISO3). */
  gridCountry: iso3,
  financing: financingSchema,
});
export type BuyOption = z.infer<typeof buyOptionSchema>;

export const cloudOptionSchema = z.strictObject({
  kind: z.literal('cloud'),
  ...optionBase,
  ...numbers('cloud'),
  provider: text(1, 80),
  region: plain(z.string().trim().max(80)),
  /** Country of the region (ISO3); null when unknown (the world-average grid is then used). */
  regionCountry: iso3.nullable(),
  pricingModel: z.enum(CLOUD_PRICING_MODELS),
});
export type CloudOption = z.infer<typeof cloudOptionSchema>;

export const decentralisedOptionSchema = z.strictObject({
  kind: z.literal('decentralised'),
  ...optionBase,
  ...numbers('decentralised'),
  market: text(1, 80),
  /** Country of the hosts (ISO3); null when unknown (the world-average grid is then used). */
  hostCountry: iso3.nullable(),
});
export type DecentralisedOption = z.infer<typeof decentralisedOptionSchema>;

export const optionSchema = z.discriminatedUnion('kind', [buyOptionSchema, cloudOptionSchema, decentralisedOptionSchema]);
export type SupplyOption = z.infer<typeof optionSchema>;
export type OptionKind = SupplyOption['kind'];

// ---------------------------------------------------------------- uncertainty

/** A range on one numeric input: its 5th and 95th percentiles and the shape of its distribution. */
export const rangeSchema = z.strictObject({
  target: z.enum(RANGE_TARGETS),
  /** The option's id, for target "option" (ids stay stable when options are reordered). */
  optionId: id.nullable(),
  /** pool (issue 15; format 9, optional): the member, for target "member" — its index in `pool.members` (absent otherwise). */
  memberIndex: z.number().int().min(0).max(MAX_POOL_MEMBERS - 1).optional(),
  field: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/),
  /** 5th percentile. */
  low: z.number(),
  /** 95th percentile. */
  high: z.number(),
  shape: z.enum(DISTRIBUTION_SHAPES),
});
export type Range = z.infer<typeof rangeSchema>;

export const uncertaintySchema = z.strictObject({
  ...numbers('uncertainty'),
  ranges: z.array(rangeSchema).max(MAX_RANGES),
});
export type Uncertainty = z.infer<typeof uncertaintySchema>;

/** footprint (issue 12): accelerator inputs a CPU-only option does not use (its power and embodied carbon come from the host). */
const CPU_ONLY_UNUSED: ReadonlySet<string> = new Set(['powerWPerGpu', 'busyPowerFraction', 'idlePowerWPerGpu', 'embodiedKgCO2ePerGpu']);

// ---------------------------------------------------------------- goals (the optimiser)

/** What the optimiser looks for and the limits a plan must respect; every limit optional (null). */
export const goalsSchema = z.strictObject({
  objective: z.enum(OBJECTIVES),
  ...numbers('goals'),
  /** The tier `maxHhi` is about. */
  hhiTier: z.enum(GOAL_TIERS),
  /** Compute only in these countries (ISO3); null: anywhere. */
  countries: z.array(iso3).min(1).max(250).nullable(),
  /**
   * Providers only under these jurisdictions (headquarters countries, ISO3); absent or null: any (format 9,
   * optional, issue 13). An option whose provider's headquarters is unknown cannot meet it; owned hardware is
   * under the planner's own country.
   */
  jurisdictions: z.array(iso3).min(1).max(250).nullable().optional(),
  /** Every GPU-hour of demand served (for a training run: the run finishes by its deadline). */
  noUnmetDemand: z.boolean(),
});
export type Goals = z.infer<typeof goalsSchema>;

// ---------------------------------------------------------------- own accelerators (issue 12)

/** An accelerator the catalog lacks, defined by the person; every figure may be unknown (null). */
export const ownAcceleratorSchema = z.strictObject({
  /** Used as `acceleratorId` by the options; must not be a catalog id. */
  id,
  name: text(1, 80),
  vendor: text(1, 80).nullable(),
  /** Vendor's headquarters country (ISO3). */
  vendorCountry: iso3.nullable(),
  foundry: text(1, 80).nullable(),
  /** Country of the foundry's fab that makes the logic die (ISO3). */
  foundryCountry: iso3.nullable(),
  ...numbers('ownAccelerators'),
});
export type OwnAccelerator = z.infer<typeof ownAcceleratorSchema>;

/** Most own accelerators a scenario holds (one per option at most is useful). */
export const MAX_OWN_ACCELERATORS = 6;
// ---------------------------------------------------------------- pool (issue 15: several members share the options)

/** A member of the pool besides the first: its name, its own workload, when it starts and how long it lasts. */
export const poolMemberSchema = z.strictObject({
  name: text(1, 80),
  workload: workloadSchema,
  ...numbers('poolMember'),
});
export type PoolMember = z.infer<typeof poolMemberSchema>;

/**
 * Optional: the scenario's workload is the first member's (named `firstMemberName`, from month 0);
 * `members` are the others. The options serve the sum of the demands; the shared options' cost is
 * split by `splitRule` (absent: a scenario of one member, exactly as before).
 */
export const poolSchema = z.strictObject({
  firstMemberName: text(1, 80),
  ...numbers('pool'),
  splitRule: z.enum(SPLIT_RULES),
  members: z.array(poolMemberSchema).max(MAX_POOL_MEMBERS),
});
export type Pool = z.infer<typeof poolSchema>;

// ---------------------------------------------------------------- the scenario

const scenarioObject = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  id,
  name: text(1, 120),
  notes: plain(z.string().max(10000)),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  settings: settingsSchema,
  workload: workloadSchema,
  options: z.array(optionSchema).min(1).max(MAX_OPTIONS),
  uncertainty: uncertaintySchema,
  /**
   * Format version 3: the reference catalog (version and content hash) that produced the
   * scenario's catalog figures; null or absent when not recorded (a scenario from version 2).
   */
  catalog: z
    .strictObject({
      version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      contentHash: z.string().regex(/^[0-9a-f]{16}$/),
    })
    .nullable()
    .optional(),
  /** Optional: what the optimiser looks for (absent: the scenario has no goals). */
  goals: goalsSchema.optional(),
  // own accelerators (issue 12; format version 5): absent or empty in older scenarios.
  ownAccelerators: z.array(ownAcceleratorSchema).max(MAX_OWN_ACCELERATORS).optional(),
  /** Format version 5, optional: members of a pool sharing the options (absent: one member). */
  pool: poolSchema.optional(),
});

/** Where a range's input lives: its schema (for bounds), its current value, and how to reach it. */
export interface RangeField {
  schema: z.ZodType;
  value: unknown;
  /** Index of the option, for target "option". */
  optionIndex: number | null;
  /** pool (issue 15): index of the member in `pool.members`, for target "member". */
  memberIndex?: number;
  /** For a purchase: the field sits in its hosting or financing object. */
  nested: 'hosting' | 'financing' | 'footprint' | 'tokens' | 'failures' | null;
}

/** Finds the numeric input a range is about, in the scenario's current shape, or null. */
export function rangeField(s: Pick<Scenario, 'settings' | 'workload' | 'options'> & { pool?: Scenario['pool'] }, r: Range): RangeField | null {
  const pick = (shape: Record<string, z.ZodType>, obj: object, optionIndex: number | null, nested: RangeField['nested']): RangeField | null =>
    Object.hasOwn(shape, r.field) && r.field !== 'kind'
      ? { schema: shape[r.field]!, value: (obj as Record<string, unknown>)[r.field], optionIndex, nested }
      : null;
  if (r.target === 'settings') return pick(settingsSchema.shape, s.settings, null, null);
  if (r.target === 'workload') {
    const w = { gpuHours: gpuHoursWorkloadSchema, training: trainingWorkloadSchema, inference: inferenceWorkloadSchema }[s.workload.kind];
    // tokens (issue 15): the inference workload's load profile, when it has one.
    const tokens = s.workload.kind === 'inference' ? s.workload.tokens : undefined;
    return pick(w.shape, s.workload, null, null) ?? (tokens ? pick(workloadTokensSchema.shape, tokens, null, 'tokens') : null);
  }
  // pool (issue 15): the pool's own input (the first member's committed share).
  if (r.target === 'pool') return s.pool && r.field === 'firstMemberCommittedSharePct' ? pick(poolSchema.shape, s.pool, null, null) : null;
  if (r.target === 'member') {
    // pool (issue 15): a member's own workload, by its index among the members beyond the first, or its committed share.
    const m = r.memberIndex === undefined ? undefined : s.pool?.members[r.memberIndex];
    if (!m) return null;
    const w = { gpuHours: gpuHoursWorkloadSchema, training: trainingWorkloadSchema, inference: inferenceWorkloadSchema }[m.workload.kind];
    const f = pick(w.shape, m.workload, null, null) ?? (r.field === 'committedSharePct' ? pick(poolMemberSchema.shape, m, null, null) : null);
    return f && { ...f, memberIndex: r.memberIndex };
  }
  const i = s.options.findIndex((x) => x.id === r.optionId);
  const o = s.options[i];
  if (!o) return null;
  const schema = { buy: buyOptionSchema, cloud: cloudOptionSchema, decentralised: decentralisedOptionSchema }[o.kind];
  const direct = pick(schema.shape as Record<string, z.ZodType>, o, i, null);
  // footprint (issue 12): the option's footprint sub-object, when it has one.
  const known =
    direct ??
    (o.footprint ? pick(optionFootprintSchema.shape, o.footprint, i, 'footprint') : null) ??
    (o.failures ? pick(optionFailuresSchema.shape, o.failures, i, 'failures') : null);
  if (known || o.kind !== 'buy') return known;
  const hosting = o.hosting.kind === 'onPrem' ? onPremHostingSchema : colocationHostingSchema;
  const financing = o.financing.kind === 'cash' ? cashFinancingSchema : loanFinancingSchema;
  return pick(hosting.shape, o.hosting, i, 'hosting') ?? pick(financing.shape, o.financing, i, 'financing');
}

/** Bounds a number schema accepts (unwrapping nullable), and whether it takes whole numbers only. */
export function numberBounds(schema: z.ZodType): { min: number; max: number; integer: boolean } | null {
  let inner: z.ZodType = schema;
  if (inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (!(inner instanceof z.ZodNumber)) return null;
  return { min: inner.minValue ?? -Infinity, max: inner.maxValue ?? Infinity, integer: inner.isInt };
}

export const scenarioSchema = scenarioObject.superRefine((s, ctx) => {
  const issue = (path: (string | number)[], key: string, message: string, params: Record<string, unknown> = {}) =>
    ctx.addIssue({ code: 'custom', path, message, params: { key, ...params } });

  // Currency: a rate is needed to show catalog prices (in USD) in another currency.
  const { currency, usdPerCurrencyUnit } = s.settings;
  if (currency === 'USD' && usdPerCurrencyUnit !== null && usdPerCurrencyUnit !== 1) {
    issue(['settings', 'usdPerCurrencyUnit'], 'usdRateMustBeOne', 'The scenario is in USD: leave the exchange rate empty.');
  }
  // A missing rate is an error even where the catalog ships one: the shipped rate is prefilled
  // (with its date and source) when the currency is chosen, never read silently.
  if (currency !== 'USD' && usdPerCurrencyUnit === null) {
    issue(
      ['settings', 'usdPerCurrencyUnit'],
      'rateRequired',
      `Enter how many US dollars one ${currency} is worth: the reference data has no dated rate for it.`,
      { currency },
    );
  }
  if (!country(s.settings.plannerCountry) || s.settings.plannerCountry === 'WLD') {
    issue(['settings', 'plannerCountry'], 'unknownCountry', `Unknown country code "${s.settings.plannerCountry}".`, {
      value: s.settings.plannerCountry,
    });
  }

  // Workload: the reference accelerator must exist, and a training run needs its BF16 peak.
  // Own accelerators: ids unique and never a catalog id (the catalog's would be shadowed).
  const ownIds = new Set<string>();
  (s.ownAccelerators ?? []).forEach((a, i) => {
    if (accelerator(a.id)) issue(['ownAccelerators', i, 'id'], 'ownIdIsCatalog', `"${a.id}" is an accelerator of the catalog: give your own accelerator another id.`, { value: a.id });
    else if (ownIds.has(a.id)) issue(['ownAccelerators', i, 'id'], 'duplicateId', `Two own accelerators have the id "${a.id}".`, { value: a.id });
    ownIds.add(a.id);
    for (const c of ['vendorCountry', 'foundryCountry'] as const) {
      const v = a[c];
      if (v !== null && (!country(v) || v === 'WLD')) issue(['ownAccelerators', i, c], 'unknownCountry', `Unknown country code "${v}".`, { value: v });
    }
  });

  const w = s.workload;
  const ref = acceleratorFacts(w.referenceAcceleratorId, s);
  if (!ref) {
    issue(['workload', 'referenceAcceleratorId'], 'unknownAccelerator', `Unknown accelerator "${w.referenceAcceleratorId}".`, {
      value: w.referenceAcceleratorId,
    });
  } else if (w.kind === 'training' && ref.bf16DenseTflops == null) {
    issue(
      ['workload', 'referenceAcceleratorId'],
      'noPeakFlops',
      `The catalog has no dense BF16 peak for ${ref.name}: choose another reference accelerator for a training run.`,
      { name: ref.name },
    );
  }
  if (w.kind === 'training' && w.deadlineMonths > s.settings.horizonMonths) {
    issue(['workload', 'deadlineMonths'], 'deadlineAfterHorizon', 'The deadline is after the end of the horizon.', {
      horizonMonths: s.settings.horizonMonths,
    });
  }
  // tokens (issue 15): a peak below the average, more hours at the peak than the average allows.
  if (w.kind === 'inference' && w.tokens) for (const t of tokensIssues(w.tokensPerSecond, w.tokens)) issue(['workload', 'tokens', t.field], t.key, t.message, t.params);

  // Options.
  const seen = new Set<string>();
  let shareSum = 0;
  let payAsYouGo = 0;
  // A share outside 0–100 has its own message; the sum is only checked when every share is sound.
  let sharesSound = true;
  s.options.forEach((o, i) => {
    const at = (field: string) => ['options', i, field];
    if (seen.has(o.id)) issue(['options', i, 'id'], 'duplicateId', `Two options have the id "${o.id}".`, { value: o.id });
    seen.add(o.id);

    const acc = acceleratorFacts(o.acceleratorId, s);
    if (!acc) {
      issue(at('acceleratorId'), 'unknownAccelerator', `Unknown accelerator "${o.acceleratorId}".`, { value: o.acceleratorId });
    } else {
      if (o.kind === 'buy' && acc.cloudOnly) {
        issue(at('acceleratorId'), 'cloudOnly', `${acc.name} is sold only as a cloud service: it cannot be bought.`, {
          name: acc.name,
        });
      }
      if (o.throughputVsReference === null && ref && (acc.bf16DenseTflops == null || ref.bf16DenseTflops == null)) {
        issue(
          at('throughputVsReference'),
          'throughputRequired',
          `The catalog cannot compare ${acc.name} with ${ref.name}: enter its throughput relative to the reference.`,
          { name: acc.name, reference: ref.name },
        );
      }
      if (o.powerWPerGpu === null && acc.tdpW == null) {
        issue(at('powerWPerGpu'), 'powerRequired', `The catalog has no power figure for ${acc.name}: enter the watts per GPU.`, {
          name: acc.name,
        });
      }
    }

    // catalog (issue 12): a zone of the option's own country, and a data year its grid has.
    {
      const place = o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
      const zone = o.gridZone ?? null;
      const z = zone === null ? undefined : gridZone(zone);
      if (zone !== null && (!z || z.country !== place)) {
        issue(at('gridZone'), 'unknownGridZone', `The reference data has no grid zone "${zone}" in ${place ?? 'an unknown country'}.`, { value: zone });
      } else if (o.gridDataYear != null && !gridYears(place, zone).includes(o.gridDataYear)) {
        const years = gridYears(place, zone);
        issue(at('gridDataYear'), 'noGridYear', `The reference data has no grid figure for ${o.gridDataYear} here${years.length ? ` (it has ${years.join(', ')})` : ''}.`, {
          value: o.gridDataYear,
          years: years.join(', '),
        });
      } else if (o.gridMetric === 'direct' && o.gridGCO2ePerKWh === null && !gridYears(place, zone, 'direct').includes(o.gridDataYear ?? gridYears(place, zone, 'direct')[0] ?? Number.NaN)) {
        // footprint (issue 12): a direct factor only where the reference has one (Electricity Maps 2024 via Green Algorithms); never invented.
        const years = gridYears(place, zone, 'direct');
        issue(at('gridMetric'), 'noDirectFactor', `The reference data has no direct (combustion-only) factor for this grid${o.gridDataYear != null ? ` in ${o.gridDataYear}` : ''}${years.length ? ` (it has ${years.join(', ')})` : ''}.`, {
          years: years.join(', '),
        });
      }
    }

    // footprint (issue 12): a CPU-only job is described by its host parts, one server per counted unit.
    if (o.footprint?.cpuOnly) {
      if (o.footprint.hostCpuCores === null) {
        issue([...at('footprint'), 'hostCpuCores'], 'cpuOnlyNeedsCores', 'A job on CPUs only needs its CPU cores per server: its power comes from them.', {});
      }
      if (o.gpusPerServer !== 1) {
        issue(at('gpusPerServer'), 'cpuOnlyOneServer', 'A job on CPUs only counts servers: set this to 1, so each counted unit (and hour) is one server.', {});
      }
    }
    // footprint (issue 12): a measured energy below what the GPU-hours draw at idle is refused (no GPUs idle in a CPU-only job).
    if (o.footprint && o.footprint.measuredEnergyKWh !== null && !o.footprint.cpuOnly) {
      const floor = idleFloor(o, s);
      if (floor && floor.floorKWh > 0) {
        const it = knownItKWhOverHorizon(o.footprint.measuredEnergyKWh, o.footprint, o.pue, floor.months);
        if (it < floor.floorKWh * (1 - 1e-9)) {
          const shown = o.footprint.energyPeriod === 'perMonth' ? floor.floorKWh / Math.max(1, floor.months) : floor.floorKWh;
          const minKWh = Math.ceil(o.footprint.energyScope === 'facility' ? shown * o.pue : shown);
          issue([...at('footprint'), 'measuredEnergyKWh'], 'energyBelowIdle', `Below what these GPU-hours draw at idle: at least ${minKWh} kWh.`, { minKWh });
        }
      }
    }

    // failures (issue 15): figures that go together, that apply to this kind of option, that leave capacity.
    // The job's figures need every demand the options serve to be training (pool members' too).
    if (o.failures) failuresIssues(o, jobDemandOf([s.workload.kind, ...(s.pool?.members ?? []).map((m) => m.workload.kind)]), (field, key, message, params) => issue([...at('failures'), field], key, message, params));

    if (o.kind === 'buy') {
      if (!country(o.gridCountry) || o.gridCountry === 'WLD') {
        issue(at('gridCountry'), 'unknownCountry', `Unknown country code "${o.gridCountry}".`, { value: o.gridCountry });
      }
      if (o.orderMonth + o.leadTimeMonths >= s.settings.horizonMonths) {
        issue(at('leadTimeMonths'), 'leadTimeAfterHorizon', 'The hardware arrives after the end of the horizon.', {
          horizonMonths: s.settings.horizonMonths,
        });
      }
      return;
    }

    const place = o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
    if (place !== null && (!country(place) || place === 'WLD')) {
      issue(at(o.kind === 'cloud' ? 'regionCountry' : 'hostCountry'), 'unknownCountry', `Unknown country code "${place}".`, {
        value: place,
      });
    }
    if (o.kind === 'cloud' && isReserved(o)) {
      if (o.committedGpus < 1) {
        issue(at('committedGpus'), 'commitmentRequired', 'A reservation needs at least one committed GPU.');
      }
      if (o.demandSharePct !== 0) {
        issue(
          at('demandSharePct'),
          'reservedHasNoShare',
          'A reservation serves demand up to its committed GPUs before any share is applied: set its share to 0.',
        );
      }
    } else {
      payAsYouGo += 1;
      shareSum += o.demandSharePct;
      if (typeof o.demandSharePct !== 'number' || !(o.demandSharePct >= 0 && o.demandSharePct <= 100)) sharesSound = false;
      if (o.kind === 'cloud' && o.committedGpus !== 0) {
        issue(at('committedGpus'), 'commitmentOnlyReserved', 'Only 1- and 3-year reservations have committed GPUs: set it to 0.');
      }
    }
    if (o.kind === 'cloud' && o.pricingModel !== 'spot' && o.spotInterruptionOverheadPct !== 0) {
      issue(at('spotInterruptionOverheadPct'), 'overheadOnlySpot', 'Only spot capacity has an interruption overhead: set it to 0.');
    }
  });

  // Ranges: each on a numeric input that exists, with bounds the input itself accepts.
  const rangeKeys = new Set<string>();
  s.uncertainty.ranges.forEach((r, i) => {
    const at = ['uncertainty', 'ranges', i];
    const key = `${r.target}/${r.optionId ?? ''}/${r.memberIndex ?? ''}/${r.field}`;
    if (rangeKeys.has(key)) issue([...at, 'field'], 'rangeDuplicate', 'This input already has a range.', { field: r.field });
    rangeKeys.add(key);
    if ((r.target === 'option') !== (r.optionId !== null)) {
      issue([...at, 'optionId'], 'rangeOption', 'A range on an option names the option; other ranges name none.');
      return;
    }
    if ((r.target === 'member') !== (r.memberIndex !== undefined)) {
      issue([...at, 'memberIndex'], 'rangeMember', 'A range on a pool member names the member; other ranges name none.');
      return;
    }
    const f = rangeField(s, r);
    if (!f) {
      issue([...at, 'field'], 'rangeField', `"${r.field}" is not an input of this ${r.target}.`, { field: r.field });
      return;
    }
    const holder =
      r.target === 'settings' ? 'settings'
      : r.target === 'workload' ? s.workload.kind
      : r.target === 'pool' ? 'pool'
      : r.target === 'member' ? (r.field === 'committedSharePct' ? 'poolMember' : s.pool!.members[r.memberIndex!]!.workload.kind)
      : s.options[f.optionIndex!]!.kind;
    if (!isRangeable(holder, r.field)) {
      issue([...at, 'field'], 'rangeNoEffect', `A range on "${r.field}" would change none of the Monte Carlo's results.`, { field: r.field });
      return;
    }
    // footprint (issue 12): a CPU-only job draws no accelerator power and carries no per-card embodied carbon.
    if (r.target === 'option' && s.options[f.optionIndex!]!.footprint?.cpuOnly && CPU_ONLY_UNUSED.has(r.field)) {
      issue([...at, 'field'], 'rangeCpuOnly', `"${r.field}" is not used by a job on CPU cores only: a range on it would change nothing.`, { field: r.field });
      return;
    }
    if (typeof f.value !== 'number' || !numberBounds(f.schema)) {
      issue([...at, 'field'], 'rangeNotNumber', `"${r.field}" needs a value of its own before it can have a range.`, { field: r.field });
      return;
    }
    for (const end of ['low', 'high'] as const) {
      const checked = f.schema.safeParse(r[end]);
      if (!checked.success) {
        issue([...at, end], 'rangeBound', `${end === 'low' ? 'Low' : 'High'}: ${checked.error.issues[0]?.message ?? 'out of bounds'}`, {
          end,
          field: r.field,
        });
      }
    }
    if (r.low > r.high) issue([...at, 'high'], 'rangeOrder', 'High must be at least low.');
    else if (f.value < r.low || f.value > r.high) {
      issue([...at, 'low'], 'rangeAroundValue', 'The input’s own value must lie between low and high.', { value: f.value });
    }
    if (r.shape === 'lognormal' && r.low <= 0) issue([...at, 'low'], 'rangeLognormal', 'A lognormal range needs a low above 0.');
  });

  // pool (issue 15): each member's workload is sound, and the committed shares add up to 100 %, with their ranges too.
  if (s.pool) poolIssues(s.pool, s.settings.horizonMonths, s.workload.referenceAcceleratorId, issue);
  if (s.pool) shareRangeIssues(s.pool, s.uncertainty.ranges, issue);

  if (payAsYouGo > 0 && sharesSound && Math.abs(shareSum - 100) > SHARE_SUM_TOLERANCE) {
    const sumPct = Math.round(shareSum * 100) / 100;
    s.options.forEach((o, i) => {
      if (isPayAsYouGo(o)) {
        issue(
          ['options', i, 'demandSharePct'],
          'sharesSum',
          `The shares of the pay-as-you-go options add up to ${sumPct} %: they must add up to 100 %.`,
          { sumPct },
        );
      }
    });
  }
});

export type Scenario = z.infer<typeof scenarioSchema>;

// pool (issue 15)
/**
 * Ranges on committed shares (pool.ts, sampledShares): they apply only to the committed-share rule; the
 * members whose share has no range take the rest, so at least one must have none, and the ranged
 * shares at their high ends cannot add up to more than 100 % (the others would take less than nothing):
 * the check of the stated shares (poolIssues), applied to the ranges' high ends.
 */
function shareRangeIssues(pool: Pool, ranges: readonly Range[], issue: IssueFn): void {
  const on = ranges.map((r, i) => ({ r, i })).filter(({ r }) => isShareRange(r));
  if (on.length === 0) return;
  const at = (i: number, end: string) => ['uncertainty', 'ranges', i, end];
  if (pool.splitRule !== 'committedShare') {
    for (const { i } of on) issue(at(i, 'field'), 'rangeShareRule', 'The pool is not split by committed share: a range on a share would change nothing.');
    return;
  }
  if (on.length === pool.members.length + 1) {
    for (const { i } of on) issue(at(i, 'field'), 'rangeSharesAll', 'Every member’s share has a range: leave one without; the members without one take the rest.');
    return;
  }
  // One range alone: its high end is within 0–100 % as every range's bound (rangeBound says so).
  const highPct = Math.round(on.reduce((a, { r }) => a + r.high, 0) * 100) / 100;
  if (on.length > 1 && highPct > 100 + SHARE_SUM_TOLERANCE) {
    for (const { i } of on) {
      issue(at(i, 'high'), 'rangeSharesOver', `At their high ends the shares with a range add up to ${highPct} %: they cannot exceed 100 %.`, { sumPct: highPct });
    }
  }
}

type IssueFn = (path: (string | number)[], key: string, message: string, params?: Record<string, unknown>) => void;

/** A pool's bad inputs, each on its field: members' workloads, their months, and shares of the committed options. */
function poolIssues(pool: Pool, horizonMonths: number, referenceAcceleratorId: string, issue: IssueFn): void {
  pool.members.forEach((m, i) => {
    const at = (...rest: string[]) => ['pool', 'members', i, ...rest];
    const ref = accelerator(m.workload.referenceAcceleratorId);
    if (m.workload.referenceAcceleratorId !== referenceAcceleratorId) {
      // The options' throughput is stated against one reference accelerator: the pool's demands add up only in it.
      issue(at('workload', 'referenceAcceleratorId'), 'memberReference', 'A member’s demand is stated in the first member’s reference accelerator.', {
        value: referenceAcceleratorId,
      });
    } else if (!ref) {
      issue(at('workload', 'referenceAcceleratorId'), 'unknownAccelerator', `Unknown accelerator "${m.workload.referenceAcceleratorId}".`, {
        value: m.workload.referenceAcceleratorId,
      });
    } else if (m.workload.kind === 'training' && ref.bf16DenseTflops?.value == null) {
      issue(at('workload', 'referenceAcceleratorId'), 'noPeakFlops', `The catalog has no dense BF16 peak for ${ref.name}: choose another reference accelerator for a training run.`, {
        name: ref.name,
      });
    }
    if (m.memberStartMonth >= horizonMonths) {
      issue(at('memberStartMonth'), 'memberStartAfterHorizon', 'The member starts after the end of the horizon.', { horizonMonths });
    }
    if (m.workload.kind === 'training' && m.memberStartMonth + m.workload.deadlineMonths > horizonMonths) {
      issue(at('workload', 'deadlineMonths'), 'deadlineAfterHorizon', 'The deadline is after the end of the horizon.', { horizonMonths });
    }
    // tokens (issue 15): a member's load profile, checked as the first member's.
    if (m.workload.kind === 'inference' && m.workload.tokens) for (const t of tokensIssues(m.workload.tokensPerSecond, m.workload.tokens)) issue(at('workload', 'tokens', t.field), t.key, t.message, t.params);
  });
  if (pool.splitRule !== 'committedShare') return;
  const shares = [pool.firstMemberCommittedSharePct, ...pool.members.map((m) => m.committedSharePct)];
  const path = (i: number) => (i === 0 ? ['pool', 'firstMemberCommittedSharePct'] : ['pool', 'members', i - 1, 'committedSharePct']);
  shares.forEach((v, i) => {
    if (v === null) issue(path(i), 'committedShareRequired', 'Split by committed share: enter this member’s share of the shared options.');
  });
  if (shares.some((v) => v === null)) return;
  const sumPct = Math.round(shares.reduce<number>((a, v) => a + v!, 0) * 100) / 100;
  if (Math.abs(sumPct - 100) > SHARE_SUM_TOLERANCE) {
    const key = sumPct > 100 ? 'committedSharesOver' : 'committedSharesUnder';
    const message =
      sumPct > 100
        ? `The members’ shares of the committed options add up to ${sumPct} %: they cannot exceed 100 %.`
        : `The members’ shares of the committed options add up to ${sumPct} %: they must add up to 100 %.`;
    shares.forEach((_, i) => issue(path(i), key, message, { sumPct }));
  }
}
