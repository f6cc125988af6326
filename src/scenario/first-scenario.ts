// The first scenario of a first visit, built from four answers (what to run, for how long, where
// the planner is, what matters most) with the catalog's suggestions: every price, PUE, grid and
// offer comes from newBuyOption / newCloudOption / newDecentralisedOption, the workload from the
// editor's example of scale. Nothing here is a figure of its own. Environment-free.
import { catalogRecord } from '../catalog/active.ts';
import { DEFAULT_UNCERTAINTY, SCENARIO_FORMAT, SCENARIO_VERSION, type Currency } from './constants.ts';
import {
  clone,
  DEFAULT_ACCELERATOR,
  DEFAULT_SETTINGS,
  exampleWorkload,
  newBuyOption,
  newCloudOption,
  newDecentralisedOption,
  newId,
} from './defaults.ts';
import type { Scenario, Settings, SupplyOption, Workload } from './schema.ts';
import { withShippedRate, type SuggestContext } from './suggest.ts';

export const PRIORITIES = ['cost', 'footprint', 'sovereignty'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface FirstAnswers {
  workload: Workload['kind'];
  horizonMonths: number;
  plannerCountry: string;
  currency: Currency;
  priority: Priority;
}

/** The names the page gives the scenario and its options, in its language. */
export interface FirstNames {
  scenario: string;
  buy: (gpuCount: number) => string;
  cloud: (provider: string) => string;
  decentralised: (market: string) => string;
}

/**
 * The euro area's members on 1 January 2026 (Bulgaria joined that day), ISO 3166 alpha-3.
 * Source: European Central Bank, "Our money — euro area countries", https://www.ecb.europa.eu/euro/intro/html/index.en.html (2026).
 */
const EURO_AREA = new Set(['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'PRT', 'SVK', 'SVN', 'ESP']);

/** The planner's currency a country suggests (the person may pick another): euro area → EUR, Morocco → MAD, else USD. */
export function currencyOfCountry(iso3: string): Currency {
  if (EURO_AREA.has(iso3)) return 'EUR';
  if (iso3 === 'MAR') return 'MAD';
  return 'USD';
}

/**
 * The options a priority proposes, each alone and in the mix:
 * - cost: the three ways to get compute side by side — buy, rent on demand, hire on a market;
 * - footprint and sovereignty: buy (hosted in the planner's country, on its grid) and rent on demand
 *   from the cloud offer nearest to the planner; a market's hosts are anywhere, so it is left out
 *   (the person can add one in the editor).
 * Pay-as-you-go options share the demand evenly (the shares must add up to 100 %).
 */
export function firstOptions(a: FirstAnswers, settings: Settings, names: FirstNames): SupplyOption[] {
  const ctx: SuggestContext = { settings };
  const bought = newBuyOption(ctx, [], DEFAULT_ACCELERATOR);
  const buy = { ...bought, name: names.buy(bought.gpuCount) };
  const cloud = newCloudOption(ctx, [buy.id], DEFAULT_ACCELERATOR, 'onDemand');
  cloud.name = names.cloud(cloud.provider);
  const options: SupplyOption[] = [buy, cloud];
  if (a.priority === 'cost') {
    const market = newDecentralisedOption(ctx, [buy.id, cloud.id], DEFAULT_ACCELERATOR);
    market.name = names.decentralised(market.market);
    options.push(market);
  }
  const payg = options.filter((o): o is Exclude<SupplyOption, { kind: 'buy' }> => o.kind !== 'buy');
  payg.forEach((o, i) => (o.demandSharePct = Math.floor(100 / payg.length) + (i < 100 % payg.length ? 1 : 0)));
  return options;
}

/** A valid first scenario from the answers (the exchange rate is the catalog's latest dated one). */
export function firstScenario(a: FirstAnswers, now: Date, names: FirstNames): Scenario {
  const settings = withShippedRate({
    ...clone(DEFAULT_SETTINGS),
    horizonMonths: a.horizonMonths,
    plannerCountry: a.plannerCountry,
    currency: a.currency,
    usdPerCurrencyUnit: null,
    exchangeRateDate: null,
  });
  const at = now.toISOString();
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id: newId(),
    name: names.scenario,
    notes: '',
    createdAt: at,
    updatedAt: at,
    settings,
    workload: exampleWorkload(a.workload, DEFAULT_ACCELERATOR, a.horizonMonths),
    options: firstOptions(a, settings, names),
    uncertainty: clone(DEFAULT_UNCERTAINTY),
    catalog: catalogRecord(),
  };
}
