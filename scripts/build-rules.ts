// Builds src/catalog/data/rules.json: export controls, tariffs and mineral export measures as dated
// events (../shared/reference/export-rules.json), how the planner reads each one
// (scripts/rules-data/event-effects.json), the accelerators' memory bandwidth (gpus.json) and the
// providers' headquarters countries (scripts/rules-data/provider-jurisdictions.json).
// Everything from outside goes through a zod schema; an event whose dates are out of order is
// refused with a message naming the row. Run: `npm run catalog` (or `tsx scripts/build-rules.ts`).
import { writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { checkOutput, rulesSchema } from './catalog-data/output-schemas.ts';
import { readJson } from './catalog-data/schemas.ts';
import type { EventDate, EventStatus, ProviderJurisdiction, RuleEvent, RulesData, RuleSource, TariffBand } from '../src/catalog/rules-types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '..');
export const DEFAULT_REFERENCE_DIR = resolve(REPO_ROOT, '../shared/reference');
export const RULES_PATH = resolve(REPO_ROOT, 'src/catalog/data/rules.json');
const EFFECTS_PATH = resolve(here, 'rules-data/event-effects.json');
const JURISDICTIONS_PATH = resolve(here, 'rules-data/provider-jurisdictions.json');

// ---------------------------------------------------------------- schemas of the inputs

const ISO3 = z.string().regex(/^[A-Z]{3}$/);
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const refSource = z.looseObject({
  url: z.string().nullable(),
  what: z.string(),
  date: z.string(),
  seen: z.string().optional(),
  via: z.string().optional(),
});

const refEvent = z.looseObject({
  id: z.string().min(1),
  jurisdiction: z.enum(['US', 'CN', 'US/CN']),
  authority: z.string(),
  type: z.string(),
  title: z.string(),
  published: z.string(),
  effective: z.string().nullable(),
  endDate: z.string().nullable().optional(),
  suspended: z.looseObject({ from: z.string(), to: z.string(), by: z.string().optional() }).optional(),
  statusAsOf20261201: z.string(),
  thresholds: z.record(z.string(), z.unknown()).nullable(),
  appliesTo: z.record(z.string(), z.unknown()),
  sources: z.array(z.string()).min(1),
  confidence: z.enum(['primary', 'secondary', 'single']),
  note: z.string().optional(),
  tariffRate: z.number().min(0).max(1).optional(),
});

export const exportRulesFile = z.looseObject({
  meta: z.looseObject({ compiled: DAY, newestDate: DAY, missing: z.array(z.string()) }),
  sources: z.record(z.string(), refSource),
  events: z.array(refEvent),
});

const effectEntry = z.strictObject({
  id: z.string(),
  effect: z.enum(['licence', 'caseByCase', 'licenceUnknownThresholds', 'foreignChipGuidance', 'importBlock', 'tariff', 'mineral', 'none']),
  destinations: z.union([z.array(ISO3), z.literal('all')]).optional(),
  headquarteredIn: z.array(ISO3).optional(),
  importInto: z.array(ISO3).optional(),
  vendors: z.array(z.string()).optional(),
  accelerators: z.array(z.string()).optional(),
  knownThrough: DAY.optional(),
  suspendedBy: z.string().optional(),
  why: z.string().min(1),
});
const effectsFile = z.looseObject({ effects: z.array(effectEntry) });

const jurisdictionsFile = z.looseObject({
  sources: z.record(z.string(), z.strictObject({ url: z.string(), what: z.string(), date: z.string(), seen: DAY, via: z.string().optional() })),
  providers: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['cloud', 'market']),
      headquarters: ISO3.nullable(),
      entity: z.string().optional(),
      sources: z.array(z.string()),
      confidence: z.enum(['primary', 'secondary', 'single']).optional(),
      qualifications: z.array(z.strictObject({ name: z.string(), scope: z.string(), sources: z.array(z.string()).min(1) })),
      note: z.string().optional(),
    }),
  ),
});

const bandwidthFigure = z.looseObject({ value: z.union([z.number(), z.tuple([z.number(), z.number()])]), sources: z.array(z.string()), date: z.string() });

type BandwidthFigure = z.infer<typeof bandwidthFigure>;
/** One figure, not one per form factor. */
function isBandwidthFigure(v: BandwidthFigure | Record<string, BandwidthFigure>): v is BandwidthFigure {
  return 'value' in v && 'sources' in v;
}

const gpuFile = z.looseObject({
  sources: z.record(
    z.string(),
    z.looseObject({ url: z.string().optional(), title: z.string().optional(), what: z.string().optional(), date: z.string().optional(), seen: z.string().optional() }),
  ),
  accelerators: z.array(
    z.looseObject({
      id: z.string(),
      // One figure, or one per form factor ({ SXM4: {…}, PCIe: {…} }).
      memoryBandwidthTBs: z
        .union([bandwidthFigure, z.record(z.string(), bandwidthFigure)])
        .nullable()
        .optional(),
    }),
  ),
});

// ---------------------------------------------------------------- dates and statuses

/**
 * The date an event's text starts with: "2026-01-15T00:01 ET" → 2026-01-15, "by 2025-08-08 (…)" →
 * 2025-08-08, "2026-05 (mid)" → 2026-05 (month precision). Null when the text has no date.
 */
export function leadingDate(text: string): EventDate | null {
  const m = /^(?:by\s+)?(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text.trim());
  if (!m) return null;
  const y = m[1]!;
  const mo = m[2]!;
  const d = m[3];
  if (Number(mo) < 1 || Number(mo) > 12 || (d !== undefined && (Number(d) < 1 || Number(d) > 31))) return null;
  return { day: `${y}-${mo}-${d ?? '01'}`, precision: d ? 'day' : 'month', text };
}

const STATUS_WORDS: [RegExp, EventStatus][] = [
  [/^in force/, 'inForce'],
  [/^rescinded/, 'rescinded'],
  [/^suspended/, 'suspended'],
  [/^expired/, 'expired'],
  [/^proposed/, 'proposed'],
  [/^uncertain/, 'uncertain'],
  [/^informational/, 'informational'],
  [/^implemented/, 'implemented'],
];

export function statusOf(text: string): EventStatus | null {
  for (const [re, s] of STATUS_WORDS) if (re.test(text.trim())) return s;
  return null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A Section 232 band as export-rules.json gives it under `thresholds` (bandA, bandB). */
const refBand = z.looseObject({
  tppGreaterThan: z.number(),
  tppLessThan: z.number(),
  dramBandwidthGreaterThanGBps: z.number(),
  dramBandwidthLessThanGBps: z.number(),
});

/** The band, or null when the thresholds have none (or not all four bounds). */
function band(v: unknown): TariffBand | null {
  const r = refBand.safeParse(v);
  if (!r.success) return null;
  const b = r.data;
  return { tppGreaterThan: b.tppGreaterThan, tppLessThan: b.tppLessThan, bandwidthGreaterThanGBps: b.dramBandwidthGreaterThanGBps, bandwidthLessThanGBps: b.dramBandwidthLessThanGBps };
}

// ---------------------------------------------------------------- the build

/** Checks one event's dates are in order; returns the faults, each naming the row. */
function dateFaults(row: string, e: z.infer<typeof refEvent>, effect: z.infer<typeof effectEntry> | undefined): string[] {
  const faults: string[] = [];
  const need = (field: string, text: string | null | undefined): EventDate | null => {
    if (text == null) return null;
    const d = leadingDate(text);
    if (!d) faults.push(`${row}: ${field} "${text}" does not start with a date (YYYY-MM or YYYY-MM-DD)`);
    return d;
  };
  const published = need('published', e.published);
  const effective = need('effective', e.effective);
  const end = need('endDate', e.endDate);
  const from = need('suspended.from', e.suspended?.from);
  const to = need('suspended.to', e.suspended?.to);
  const order = (a: EventDate | null, an: string, b: EventDate | null, bn: string) => {
    // Month-precision dates compare by month only.
    if (!a || !b) return;
    const ka = a.precision === 'month' || b.precision === 'month' ? a.day.slice(0, 7) : a.day;
    const kb = a.precision === 'month' || b.precision === 'month' ? b.day.slice(0, 7) : b.day;
    if (ka > kb) faults.push(`${row}: ${an} ${a.day} is after ${bn} ${b.day}`);
  };
  // A rule may take effect before it is published (Federal Register public inspection), so
  // published and effective are not ordered against each other.
  order(effective, 'effective', end, 'endDate');
  order(published, 'published', end, 'endDate');
  order(effective, 'effective', from, 'suspended.from');
  order(from, 'suspended.from', to, 'suspended.to');
  order(to, 'suspended.to', end, 'endDate');
  if (effect?.knownThrough) order(effective, 'effective', { day: effect.knownThrough, precision: 'day', text: effect.knownThrough }, 'knownThrough');
  return faults;
}

export interface RulesInputs {
  exportRules: unknown;
  effects: unknown;
  jurisdictions: unknown;
  gpus: unknown;
}

export function readInputs(referenceDir: string = DEFAULT_REFERENCE_DIR): RulesInputs {
  const json = (p: string) => readJson(p, basename(p));
  return {
    exportRules: json(resolve(referenceDir, 'export-rules.json')),
    effects: json(EFFECTS_PATH),
    jurisdictions: json(JURISDICTIONS_PATH),
    gpus: json(resolve(referenceDir, 'gpus.json')),
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${file} ${i.path.join('.')}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  return r.data;
}

/** The rules data from its inputs; throws with every fault, each naming its file and row. */
export function buildRulesFrom(inputs: RulesInputs): RulesData {
  const ref = parse(exportRulesFile, inputs.exportRules, 'export-rules.json');
  const eff = parse(effectsFile, inputs.effects, 'event-effects.json');
  const jur = parse(jurisdictionsFile, inputs.jurisdictions, 'provider-jurisdictions.json');
  const gpus = parse(gpuFile, inputs.gpus, 'gpus.json');

  const faults: string[] = [];
  const effectById = new Map(eff.effects.map((x) => [x.id, x]));
  const ids = new Set<string>();
  const events: RuleEvent[] = [];
  ref.events.forEach((e, i) => {
    const row = `export-rules.json events[${i}] "${e.id}"`;
    if (ids.has(e.id)) faults.push(`${row}: duplicate id`);
    ids.add(e.id);
    const effect = effectById.get(e.id);
    if (!effect) faults.push(`${row}: no entry in scripts/rules-data/event-effects.json`);
    const f = dateFaults(row, e, effect);
    faults.push(...f);
    const status = statusOf(e.statusAsOf20261201);
    if (!status) faults.push(`${row}: status "${e.statusAsOf20261201}" is not one of in force, rescinded, suspended, expired, proposed, uncertain`);
    for (const k of e.sources) if (!ref.sources[k]) faults.push(`${row}: source "${k}" is not defined`);
    if (f.length || !status || !effect) return;
    const th = e.thresholds ?? {};
    const bands = [band(th.bandA), band(th.bandB)].filter((b): b is TariffBand => b !== null);
    const exemptions = Array.isArray(e.appliesTo.exemptEndUses) ? e.appliesTo.exemptEndUses.map(String) : [];
    const ev: RuleEvent = {
      id: e.id,
      jurisdiction: e.jurisdiction,
      authority: e.authority,
      type: e.type,
      title: e.title,
      published: leadingDate(e.published)!,
      effective: e.effective ? leadingDate(e.effective) : null,
      end: e.endDate ? leadingDate(e.endDate) : null,
      suspended: e.suspended ? { from: leadingDate(e.suspended.from)!.day, to: leadingDate(e.suspended.to)!.day } : null,
      status,
      statusText: e.statusAsOf20261201,
      effect: effect.effect,
      destinations: effect.destinations ?? null,
      headquarteredIn: effect.headquarteredIn ?? null,
      importInto: effect.importInto ?? null,
      vendors: effect.vendors ?? null,
      accelerators: effect.accelerators ?? null,
      knownThrough: effect.knownThrough ?? null,
      suspendedBy: effect.suspendedBy ?? null,
      why: effect.why,
      thresholds: {
        tppMin: num(th.tppMin),
        orTppMin: num(th.orTppMin),
        densityMin: num(th.andPerformanceDensityMin),
        tppMax: num(th.tppMax),
        bandwidthMaxGBps: num(th.totalDramBandwidthMaxGBps),
        bands,
      },
      tariffRate: e.tariffRate ?? null,
      exemptions,
      appliesTo: e.appliesTo,
      sources: e.sources,
      confidence: e.confidence,
      ...(e.note ? { note: e.note } : {}),
    };
    events.push(ev);
  });
  for (const x of eff.effects) {
    if (!ids.has(x.id)) faults.push(`event-effects.json "${x.id}": no such event in export-rules.json`);
    if (x.suspendedBy && !ids.has(x.suspendedBy)) faults.push(`event-effects.json "${x.id}": suspendedBy "${x.suspendedBy}" is not an event`);
  }

  // Sources: the rules file's, the providers', and the gpus.json ones the bandwidth figures cite.
  const sources: Record<string, RuleSource> = {};
  const add = (key: string, s: { url: string | null; what: string; date: string; seen?: string | undefined; via?: string | undefined }, file: string) => {
    const src: RuleSource = { key, url: s.url, what: s.what, date: s.date, ...(s.seen ? { seen: s.seen } : {}), ...(s.via ? { via: s.via } : {}) };
    const prev = sources[key];
    if (prev && JSON.stringify(prev) !== JSON.stringify(src)) faults.push(`${file}: source key "${key}" is defined differently in two files`);
    sources[key] = src;
  };
  for (const [k, s] of Object.entries(ref.sources)) add(k, s, 'export-rules.json');
  for (const [k, s] of Object.entries(jur.sources)) add(k, s, 'provider-jurisdictions.json');

  const providers: ProviderJurisdiction[] = jur.providers.map((p, i) => {
    for (const k of [...p.sources, ...p.qualifications.flatMap((q) => q.sources)]) {
      if (!jur.sources[k]) faults.push(`provider-jurisdictions.json providers[${i}] "${p.id}": source "${k}" is not defined`);
    }
    if (p.headquarters && p.sources.length === 0) faults.push(`provider-jurisdictions.json providers[${i}] "${p.id}": a headquarters country needs a source`);
    return {
      id: p.id,
      kind: p.kind,
      headquarters: p.headquarters,
      entity: p.entity ?? null,
      sources: p.sources,
      confidence: p.confidence ?? null,
      qualifications: p.qualifications,
      ...(p.note ? { note: p.note } : {}),
    };
  });

  const gpuSources = gpus.sources;
  const accelerators = gpus.accelerators
    .map((a) => {
      const raw = a.memoryBandwidthTBs ?? null;
      if (!raw) return { id: a.id, memoryBandwidthGBps: null };
      // Several form factors: their span is the accelerator's range.
      const span = (forms: BandwidthFigure[]): BandwidthFigure => ({
        value: [Math.min(...forms.flatMap((f) => f.value)), Math.max(...forms.flatMap((f) => f.value))],
        sources: [...new Set(forms.flatMap((f) => f.sources))],
        date: forms[0]!.date,
      });
      const bw = isBandwidthFigure(raw) ? raw : span(Object.values(raw));
      for (const k of bw.sources) {
        const s = gpuSources[k];
        if (!s) {
          faults.push(`gpus.json accelerator "${a.id}": source "${k}" is not defined`);
          continue;
        }
        add(k, { url: s.url ?? null, what: s.what ?? s.title ?? '', date: s.date ?? bw.date, seen: s.seen }, 'gpus.json');
      }
      // Unit conversion: 1 TB/s = 1,000 GB/s (decimal units, as vendors publish them).
      const value = Array.isArray(bw.value) ? null : Math.round(bw.value * 1000);
      const range = Array.isArray(bw.value) ? ([Math.round(bw.value[0] * 1000), Math.round(bw.value[1] * 1000)] as [number, number]) : null;
      return { id: a.id, memoryBandwidthGBps: { value, range, sources: bw.sources, date: bw.date } };
    })
    .sort((a, b) => a.id.localeCompare(b.id));

  if (faults.length) throw new Error(`rules data refused:\n  ${faults.join('\n  ')}`);
  return {
    compiled: ref.meta.compiled,
    statusAsOf: ref.meta.compiled,
    dataThrough: ref.meta.newestDate,
    missing: ref.meta.missing,
    sources: Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))),
    events,
    accelerators,
    providers,
  };
}

export function buildRules(referenceDir: string = DEFAULT_REFERENCE_DIR): RulesData {
  return buildRulesFrom(readInputs(referenceDir));
}

export function serialiseRules(r: RulesData): string {
  return `${JSON.stringify(r, null, 1)}\n`;
}

function main(): void {
  const refDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_REFERENCE_DIR;
  const rules = buildRules(refDir);
  checkOutput(rulesSchema, rules, 'rules.json'); // the page reads it without parsing it
  mkdirSync(dirname(RULES_PATH), { recursive: true });
  writeFileSync(RULES_PATH, serialiseRules(rules));
  console.log(`wrote ${RULES_PATH}`);
  console.log(`  events: ${rules.events.length}, providers: ${rules.providers.length} (${rules.providers.filter((p) => p.headquarters).length} with a headquarters country), accelerators: ${rules.accelerators.length}, sources: ${Object.keys(rules.sources).length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
