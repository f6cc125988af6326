// The report's assumptions table: every input of a scenario, typed or taken from the catalog, with
// the catalog source and date of the figure where there is one, and the "possibly stale" flag.
// The catalog figures an empty field falls back to are those the editor shows (catalog-values.ts).
import { accelerator, catalog, isStale, type Cited } from '../../catalog/index.ts';
import { acceleratorFacts } from '../../catalog/accelerators.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import type { Scenario, SupplyOption } from '../../scenario/schema.ts';
import {
  embodiedGpuFromCatalog,
  embodiedServerFromCatalog,
  gridFromCatalog,
  powerFromCatalog,
  throughputFromCatalog,
  type CatalogValue,
} from '../editor/catalog-values.ts';
import { FIELD_LABELS, rangeLabel } from '../editor/field-labels.ts';

export interface Citation {
  /** Catalog source keys, in the catalog's order of preference. */
  sources: string[];
  date: string;
  stale: boolean;
  /** What the catalog says, when it is not the value used ("2.49 USD / GPU-hour"). */
  catalogFigure?: string;
}

export interface AssumptionRow {
  group: string;
  label: string;
  value: string;
  /** 'typed': the person's value; 'catalog': an empty field that takes the catalog figure; 'none': empty, no figure. */
  origin: 'typed' | 'catalog' | 'none';
  citation: Citation | null;
}

const EXTRA_LABELS: Record<string, string> = {
  horizonMonths: 'settings.horizon',
  startMonth: 'settings.startMonth',
  currency: 'settings.currency',
  usdPerCurrencyUnit: 'report.usdPerUnit',
  exchangeRateDate: 'settings.rateDate',
  plannerCountry: 'settings.plannerCountry',
  kind: 'report.kind',
  referenceAcceleratorId: 'workload.reference',
  acceleratorId: 'option.accelerator',
  vatRecoverable: 'buy.vatRecoverable',
  gridCountry: 'buy.gridCountry',
  depreciationYears: 'buy.depreciation',
  provider: 'rent.provider',
  region: 'rent.region',
  regionCountry: 'rent.regionCountry',
  pricingModel: 'rent.pricingModel',
  market: 'rent.market',
  hostCountry: 'rent.hostCountry',
  hosting: 'buy.hosting',
  financing: 'buy.financing',
  tokenPaymentPct: 'rent.tokenShare',
  wueLPerKWh: 'fp.wue',
  offsiteWaterLPerKWh: 'fp.offsiteWater',
  demandSharePct: 'report.demandShare',
  samples: 'report.samples',
  seed: 'report.seed',
};

/** The catalog figure an empty (null) option field takes, as the editor shows it. */
const CATALOG_FALLBACK: Record<string, (o: SupplyOption, s: Scenario, r?: EvaluationResult) => CatalogValue | null> = {
  throughputVsReference: throughputFromCatalog,
  powerWPerGpu: (o, s) => powerFromCatalog(o, s),
  gridGCO2ePerKWh: (o) => gridFromCatalog(o),
  embodiedKgCO2ePerGpu: (o, s, r) => embodiedGpuFromCatalog(o, s, r?.options.find((x) => x.id === o.id)),
  embodiedKgCO2ePerServer: () => embodiedServerFromCatalog(),
};

function cite(c: Cited, today: string, catalogFigure?: string): Citation {
  return { sources: c.sources, date: c.date, stale: isStale(c.asOf, today), ...(catalogFigure ? { catalogFigure } : {}) };
}

/** The catalog row this option's typed price would have come from (same item), if any. */
function priceCitation(o: SupplyOption, lang: Lang, today: string): Citation | null {
  if (o.kind === 'buy') {
    const p = accelerator(o.acceleratorId)?.purchasePriceUsd; // catalog prices only: an own accelerator has none
    return p ? cite(p, today, p.typical !== null ? `${formatNumber(lang, p.typical)} USD` : undefined) : null;
  }
  if (o.kind === 'cloud') {
    const provider = catalog.cloudProviders.find((p) => p.name === o.provider);
    const rows = catalog.cloudPrices.filter((r) => r.acceleratorId === o.acceleratorId && r.providerId === provider?.id && r.pricePerGpuHour !== null);
    const row = rows.find((r) => r.pricingModel === o.pricingModel && r.region === o.region) ?? rows.find((r) => r.pricingModel === o.pricingModel);
    return row ? cite(row, today, `${formatNumber(lang, row.pricePerGpuHour!)} ${row.currency}`) : null;
  }
  const market = catalog.decentralisedMarkets.find((m) => m.name === o.market);
  const row = catalog.decentralisedPrices.find((r) => r.acceleratorId === o.acceleratorId && r.marketId === market?.id && r.pricePerGpuHour !== null);
  return row ? cite(row, today, `${formatNumber(lang, row.pricePerGpuHour!)} ${row.currency}`) : null;
}

function show(v: unknown, lang: Lang, t: Translator): string {
  if (typeof v === 'number') return formatNumber(lang, v, 6);
  if (typeof v === 'boolean') return v ? t('report.yes') : t('report.no');
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

function label(field: string, t: Translator): string {
  const key = FIELD_LABELS[field] ?? EXTRA_LABELS[field];
  return key ? t(key) : field;
}

/** Every leaf of an object, nested objects (hosting, financing) flattened; their "kind" named after them. */
function leaves(o: object, skip: ReadonlySet<string>, parent = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(o)) {
    if (skip.has(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...leaves(v, skip, k));
    else out.push([k === 'kind' && parent ? parent : k, v]);
  }
  return out;
}

/** The words for a choice among named values (a kind, a pricing model), as the editor shows them. */
const CHOICE_WORDS: Record<string, string> = { hosting: 'buy.hosting.', financing: 'buy.financing.', pricingModel: 'pricing.' };

const SKIP = new Set(['id', 'name']);

export function assumptionRows(s: Scenario, t: Translator, lang: Lang, today: string, result?: EvaluationResult): AssumptionRow[] {
  const rows: AssumptionRow[] = [];
  const typed = (group: string, field: string, v: unknown, citation: Citation | null = null): AssumptionRow => ({
    group,
    label: label(field, t),
    value: CHOICE_WORDS[field] && typeof v === 'string' ? t(`${CHOICE_WORDS[field]}${v}`) : show(v, lang, t),
    origin: 'typed',
    citation,
  });
  for (const [k, v] of leaves(s.settings, SKIP)) rows.push(typed(t('settings.title'), k, v));
  for (const [k, v] of leaves(s.workload, SKIP)) {
    const refFacts = k === 'referenceAcceleratorId' ? acceleratorFacts(String(v), s) : undefined;
    const ref = refFacts?.catalogEntry;
    rows.push(typed(t('workload.title'), k, refFacts ? refFacts.name : k === 'kind' ? t(`workload.kind.${String(v)}`) : v, ref?.bf16DenseTflops ? cite(ref.bf16DenseTflops, today, `${ref.bf16DenseTflops.value} TFLOPS BF16`) : null));
  }
  for (const o of s.options) {
    for (const [k, v] of leaves(o, SKIP)) {
      const fallback = CATALOG_FALLBACK[k];
      if (v === null && fallback) {
        const c = fallback(o, s, result);
        rows.push(
          c
            ? { group: o.name, label: label(k, t), value: `${formatNumber(lang, c.value, 6)}${c.lead ? ` (${c.lead})` : ''}`, origin: 'catalog', citation: cite(c.cited, today) }
            : { group: o.name, label: label(k, t), value: t('field.noCatalogFigure'), origin: 'none', citation: null },
        );
        continue;
      }
      if (k === 'kind') {
        rows.push(typed(o.name, k, t(`kind.${o.kind}`)));
        continue;
      }
      if (k === 'acceleratorId') {
        const facts = acceleratorFacts(String(v), s);
        const a = facts?.catalogEntry;
        rows.push(typed(o.name, k, facts?.name ?? v, a?.tdpW ? cite(a.tdpW, today) : null));
        continue;
      }
      const price = k === 'unitPriceCcyPerGpu' || k === 'priceCcyPerGpuHour' ? priceCitation(o, lang, today) : null;
      rows.push(typed(o.name, k, v, price));
    }
  }
  const u = s.uncertainty;
  rows.push(typed(t('report.uncertainty'), 'samples', u.samples), typed(t('report.uncertainty'), 'seed', u.seed));
  for (const r of u.ranges) {
    rows.push({
      group: t('report.uncertainty'),
      label: rangeLabel(r, s, t),
      value: t('report.range', { low: formatNumber(lang, r.low, 6), high: formatNumber(lang, r.high, 6), shape: t(`range.shape.${r.shape}`) }),
      origin: 'typed',
      citation: null,
    });
  }
  return rows;
}

/** Every catalog source the rows cite, once, in the order first cited. */
export function citedSources(rows: readonly AssumptionRow[]): { key: string; title: string; url: string; date: string; seen?: string }[] {
  const keys = [...new Set(rows.flatMap((r) => r.citation?.sources ?? []))];
  return keys.map((k) => catalog.sources[k]).filter((x): x is NonNullable<typeof x> => x !== undefined);
}
