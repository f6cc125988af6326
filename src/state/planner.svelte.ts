// The page's planner: the scenario being edited, opened on the example of the page's language,
// evaluated by the page's engine (the class is in evaluation.svelte.ts).
import defaultExampleEn from '../../public/examples/mix-buy-cloud-decentralised.json' with { type: 'json' };
import defaultExampleFr from '../../public/examples/fr/mix-buy-cloud-decentralised.json' with { type: 'json' };
import type { Scenario } from '../scenario/schema.ts';
import { engine } from '../engine/bridge.svelte.ts';
import { ScenarioDocument } from './document.svelte.ts';
import { Planner } from './evaluation.svelte.ts';
import { OptionCards } from './option-cards.svelte.ts';
import { prefs } from './prefs.svelte.ts';

export { failureOf, Planner, type Failure } from './evaluation.svelte.ts';

/** Where an example file is, in the page's language. */
export function exampleUrl(base: string, file: string, lang: string): string {
  return `${base}examples/${lang === 'fr' ? 'fr/' : ''}${file}`;
}

export const EXAMPLES = [
  { file: 'mix-buy-cloud-decentralised.json', key: 'example.mix' },
  { file: 'fr-buy-8xh100-colocation.json', key: 'example.frBuy' },
  { file: 'cloud-h100-on-demand.json', key: 'example.cloud' },
  { file: 'decentralised-h100-vast.json', key: 'example.decentralised' },
  { file: 'ma-startup-train-7b.json', key: 'example.morocco' },
  { file: 'ma-pool-casablanca.json', key: 'example.pool' },
] as const;

export const planner = new Planner(new ScenarioDocument((prefs.lang === 'fr' ? defaultExampleFr : defaultExampleEn) as unknown as Scenario), engine);
/** Which option cards are folded (kept in the tab's sessionStorage). */
export const optionCards = new OptionCards(planner.doc, typeof sessionStorage === 'undefined' ? null : sessionStorage);
