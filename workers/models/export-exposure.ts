// Export-control exposure per option and per month of the horizon, from the dated events of
// src/catalog/data/rules.json in force that month, for the planner's country, the option's compute
// country and the accelerator's classification. Pure. Methods: docs/methodology.md §8.
import { acceleratorFacts, acceleratorName, type AcceleratorScope } from '../../src/catalog/accelerators.ts';
import {
  acceleratorTpp,
  changesInHorizon,
  importDutyForPurchase,
  memoryBandwidthGBps,
  monthAt,
  rules,
  statusInMonth,
  underCaseByCase,
  type DayStatus,
  type RuleEvent,
} from '../../src/catalog/rules.ts';
import type { Scenario, SupplyOption } from '../../src/scenario/schema.ts';
import type { ExportMonth, ExportSegment, ExposureLevel, RuleTimeline, Sentence } from './types.ts';

export function rank(l: ExposureLevel): number {
  return l === 'high' ? 3 : l === 'medium' ? 2 : l === 'unknown' ? 1 : 0;
}

const BASELINE_ID = 'us-bis-2023-10-17-advanced-computing';

function baseline(): RuleEvent {
  const e = rules.events.find((x) => x.id === BASELINE_ID);
  if (!e) throw new Error(`rules data has no event "${BASELINE_ID}"`);
  return e;
}

/** Whether an accelerator meets ECCN 3A090.a: TPP ≥ 4,800, or TPP ≥ 1,600 with performance density ≥ 5.92 (88 FR 73458); null: unknown. */
export function meets3A090a(acceleratorId: string, scope?: AcceleratorScope): boolean | null {
  const t = acceleratorTpp(acceleratorId, scope);
  if (t === null) return null;
  const { tppMin, orTppMin, densityMin } = baseline().thresholds;
  if (tppMin === null || orTppMin === null || densityMin === null) return null;
  if (t >= tppMin) return true;
  if (t >= orTppMin) {
    const area = acceleratorFacts(acceleratorId, scope)?.dieAreaMm2;
    if (area == null) return null;
    // Performance density = TPP ÷ die area in mm² (88 FR 73458).
    return t / area >= densityMin;
  }
  return false;
}

/** Country where the option's GPUs sit (ISO3), or null when unknown. */
export function computeCountry(o: SupplyOption): string | null {
  return o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
}

interface Ctx {
  planner: string;
  place: string | null;
  vendor: string | null;
  acceleratorId: string;
  tpp: number | null;
  bw: [number, number] | null;
  controlled: boolean | null;
}

interface Contribution {
  eventId: string;
  level: ExposureLevel;
  key: string;
}

/** PRC-made chips named by the foreign-chip guidance (Huawei): US licence rules are not read for them. */
const PRC_VENDORS: ReadonlySet<string> = new Set(rules.events.filter((e) => e.effect === 'foreignChipGuidance').flatMap((e) => e.vendors ?? []));

/** Events that can reach an option (the others are history, cost or minerals). */
const GRADING = rules.events.filter((e) => e.effect !== 'none' && e.effect !== 'tariff' && e.effect !== 'mineral');
const EVENTS_BY_ID = new Map(rules.events.map((e) => [e.id, e]));

function reaches(list: string[] | 'all' | null, iso3: string | null): boolean {
  if (!list || iso3 === null) return false;
  return list === 'all' || list.includes(iso3);
}

/** What each event in force (or of unknown status) in `month` does to one option. */
function contributions(c: Ctx, month: string): Contribution[] {
  const out: Contribution[] = [];
  const prc = c.vendor !== null && PRC_VENDORS.has(c.vendor);
  const domesticUS = c.place === 'USA' && c.planner === 'USA';
  let caseByCase: Contribution | null = null;
  for (const e of GRADING) {
    const st = statusInMonth(e, month);
    if (st !== 'inForce' && st !== 'unknown') continue;
    const unknown = st === 'unknown';
    switch (e.effect) {
      case 'licence': {
        if (prc || domesticUS) break;
        const byPlace = reaches(e.destinations, c.place);
        const byHq = reaches(e.headquarteredIn ?? e.destinations, c.planner);
        if (!byPlace && !byHq) break;
        if (c.controlled === false) break;
        const key = c.controlled === null ? 'export.ev.classUnknown' : byHq ? 'export.ev.licenceHq' : 'export.ev.licence';
        out.push({ eventId: e.id, level: unknown || c.controlled === null ? 'unknown' : 'high', key: unknown ? 'export.ev.statusUnknown' : key });
        break;
      }
      case 'caseByCase': {
        if (prc || c.controlled === false) break;
        if (!reaches(e.destinations, c.place) && !reaches(e.destinations, c.planner)) break;
        const under = underCaseByCase(c.tpp, c.bw, e);
        if (under === false) break;
        caseByCase = {
          eventId: e.id,
          level: unknown || under === null ? 'unknown' : 'medium',
          key: unknown ? 'export.ev.statusUnknown' : under === null ? 'export.ev.classUnknown' : 'export.ev.caseByCase',
        };
        break;
      }
      case 'licenceUnknownThresholds': {
        if (prc || domesticUS) break;
        if (!reaches(e.destinations, c.place) && !reaches(e.destinations, c.planner)) break;
        out.push({ eventId: e.id, level: 'unknown', key: unknown ? 'export.ev.statusUnknown' : 'export.ev.thresholdsUnknown' });
        break;
      }
      case 'foreignChipGuidance': {
        if (c.vendor === null || !e.vendors?.includes(c.vendor)) break;
        if (c.planner === 'CHN') {
          // A domestic supply for a planner in China: the US guidance is about use abroad.
          out.push({ eventId: e.id, level: 'low', key: 'export.ev.domesticChip' });
          break;
        }
        out.push({ eventId: e.id, level: unknown ? 'unknown' : 'high', key: unknown ? 'export.ev.statusUnknown' : 'export.ev.foreignChip' });
        break;
      }
      case 'importBlock': {
        if (!reaches(e.importInto, c.place) || !e.accelerators?.includes(c.acceleratorId)) break;
        out.push({ eventId: e.id, level: unknown ? 'unknown' : 'high', key: unknown ? 'export.ev.statusUnknown' : 'export.ev.importBlock' });
        break;
      }
      default:
        break;
    }
  }
  if (caseByCase) {
    // Case-by-case review replaces the presumption of the licence rules for chips under its
    // thresholds (exports from the United States only; the sentence says so).
    const cb: Contribution = caseByCase;
    if (cb.level === 'medium') {
      for (const x of out) {
        if (x.level === 'high' && (x.key === 'export.ev.licence' || x.key === 'export.ev.licenceHq')) {
          x.level = 'medium';
          x.key = 'export.ev.caseByCase';
        }
      }
    }
    out.push(cb);
  }
  return out;
}

/** The level and reason of one month when no event reaches the option. */
function fallback(c: Ctx): Contribution {
  const prc = c.vendor !== null && PRC_VENDORS.has(c.vendor);
  if (prc) return { eventId: '', level: 'low', key: 'export.ev.noneInForce' };
  if (c.controlled === false) return { eventId: '', level: 'low', key: 'export.ev.notControlled' };
  // GPUs that stay in the United States are not exported; the rules that follow the buyer's
  // headquarters were read above (contributions) and did not reach this planner.
  if (c.place === 'USA') return { eventId: '', level: 'low', key: 'export.ev.domestic' };
  if (c.controlled === null) return { eventId: '', level: 'unknown', key: 'export.ev.classUnknown' };
  if (c.place === null) return { eventId: '', level: 'unknown', key: 'export.ev.placeUnknown' };
  return { eventId: '', level: 'unknown', key: 'export.ev.notNamed' };
}

function monthOf(c: Ctx, month: string): ExportMonth {
  const cs = contributions(c, month);
  const reached = cs.filter((x) => x.level !== 'low' || x.key === 'export.ev.domesticChip');
  const list = reached.length ? reached : [fallback(c)];
  const worst = list.reduce((w, x) => (rank(x.level) > rank(w.level) ? x : w), list[0]!);
  return {
    month,
    level: worst.level,
    key: worst.key,
    eventIds: [...new Set(cs.map((x) => x.eventId).filter((id) => id !== ''))],
  };
}

function sameMonth(a: ExportMonth, b: ExportMonth): boolean {
  return a.level === b.level && a.key === b.key && a.eventIds.join('|') === b.eventIds.join('|');
}

/** Unknown-after date of the first event of unknown status among `ids` in `month`, if any. */
function unknownAfterOf(ids: readonly string[], month: string): string | null {
  for (const id of ids) {
    const e = EVENTS_BY_ID.get(id);
    if (e && statusInMonth(e, month) === 'unknown') return e.knownThrough;
  }
  return null;
}

export interface OptionExportMonths {
  tpp: number | null;
  memoryBandwidthGBps: [number, number] | null;
  controlled: boolean | null;
  months: ExportMonth[];
  segments: ExportSegment[];
  level: ExposureLevel;
}

/** Exposure of one option in each month of the horizon, and the runs of months that read alike. */
export function optionExportMonths(o: SupplyOption, s: Scenario): OptionExportMonths {
  const acc = acceleratorFacts(o.acceleratorId, s);
  const c: Ctx = {
    planner: s.settings.plannerCountry,
    place: computeCountry(o),
    vendor: acc?.vendor ?? null,
    acceleratorId: o.acceleratorId,
    tpp: acceleratorTpp(o.acceleratorId, s),
    bw: memoryBandwidthGBps(o.acceleratorId, s),
    controlled: meets3A090a(o.acceleratorId, s),
  };
  const months: ExportMonth[] = [];
  for (let m = 0; m < s.settings.horizonMonths; m++) months.push(monthOf(c, monthAt(s.settings.startMonth, m)));
  const segments: ExportSegment[] = [];
  months.forEach((mo, i) => {
    const last = segments[segments.length - 1];
    if (last && sameMonth(months[i - 1]!, mo)) {
      last.to = mo.month;
      last.toIndex = i;
      return;
    }
    const unknownAfter = unknownAfterOf(mo.eventIds, mo.month);
    segments.push({
      from: mo.month,
      to: mo.month,
      fromIndex: i,
      toIndex: i,
      level: mo.level,
      eventIds: mo.eventIds,
      sentence: segmentSentence(o, c, mo, unknownAfter, s),
    });
  });
  const level = months.reduce<ExposureLevel>((w, x) => (rank(x.level) > rank(w) ? x.level : w), 'low');
  return { tpp: c.tpp, memoryBandwidthGBps: c.bw, controlled: c.controlled, months, segments, level };
}

function segmentSentence(o: SupplyOption, c: Ctx, mo: ExportMonth, unknownAfter: string | null, s: Scenario): Sentence {
  return {
    key: mo.key,
    params: {
      option: o.name,
      accelerator: acceleratorName(o.acceleratorId, s),
      tpp: c.tpp === null ? null : Math.round(c.tpp),
      country: c.place,
      planner: c.planner,
      events: mo.eventIds.length,
      unknownAfter,
    },
  };
}

/** Whether an event touches the scenario in a month: the planner (minerals) or which options. */
function touches(e: RuleEvent, s: Scenario, exposures: readonly OptionExportMonths[], m: number, duties: readonly (string | null)[]): string[] {
  const out: string[] = [];
  if (e.effect === 'mineral') {
    // A country's own export measures do not reach a planner inside it.
    const by = e.jurisdiction === 'CN' ? 'CHN' : e.jurisdiction === 'US' ? 'USA' : null;
    if (s.settings.plannerCountry !== by && reaches(e.destinations, s.settings.plannerCountry)) out.push('planner');
    return out;
  }
  if (e.effect === 'tariff') {
    s.options.forEach((o, i) => {
      if (o.kind === 'buy' && o.orderMonth === m && duties[i] === e.id) out.push(o.id);
    });
    return out;
  }
  s.options.forEach((o, i) => {
    if (exposures[i]!.months[m]?.eventIds.includes(e.id)) out.push(o.id);
  });
  return out;
}

const LISTED: ReadonlySet<DayStatus> = new Set(['inForce', 'suspended', 'unknown']);

/** Every event's status in each month of the horizon, and the changes of status inside it. */
export function ruleTimeline(s: Scenario, exposures: readonly OptionExportMonths[]): RuleTimeline {
  const H = s.settings.horizonMonths;
  const duties = s.options.map((o) => (o.kind === 'buy' ? (importDutyForPurchase(o, s.settings, s)?.eventId ?? null) : null));
  const perMonth: RuleTimeline['perMonth'] = [];
  for (let m = 0; m < H; m++) {
    const month = monthAt(s.settings.startMonth, m);
    const events = rules.events
      .map((e) => ({ e, status: statusInMonth(e, month) }))
      .filter((x) => LISTED.has(x.status))
      .map(({ e, status }) => ({ eventId: e.id, status, touches: touches(e, s, exposures, m, duties) }));
    perMonth.push({ month, events });
  }
  const changes = rules.events
    .flatMap((e) => changesInHorizon(e, s.settings.startMonth, H))
    .map((c) => ({ ...c, touches: perMonth[c.monthIndex]?.events.find((x) => x.eventId === c.eventId)?.touches ?? [] }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.eventId.localeCompare(b.eventId));
  const events = rules.events.map((e) => ({
    id: e.id,
    title: e.title,
    jurisdiction: e.jurisdiction,
    authority: e.authority,
    effective: e.effective?.day ?? null,
    status: e.status,
    statusText: e.statusText,
    knownThrough: e.knownThrough,
    effect: e.effect,
    confidence: e.confidence,
    sources: e.sources.map((k) => rules.sources[k]).filter((x): x is NonNullable<typeof x> => x !== undefined),
  }));
  return { statusAsOf: rules.statusAsOf, dataThrough: rules.dataThrough, changes, perMonth, events };
}
