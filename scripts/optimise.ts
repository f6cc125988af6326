// Planning as code: `npm run optimise -- path/to/scenario.json`.
// Reads the file through the one load path (parse → version → migrate → validate), runs the same
// optimiser the worker runs, and prints as JSON: the proposed plan as a scenario in the format,
// its evaluation, the frontier and the binding constraints (each with its English sentence).
import { messages } from '../src/i18n/areas/optimise.ts';
import { en } from '../src/i18n/en.ts';
import { fill } from '../src/i18n/translate.ts';
import { api } from '../workers/api.ts';
import type { Sentence } from '../workers/models/types.ts';
import { runOnScenarioFile } from './cli-scenario.ts';

const { result: r } = runOnScenarioFile('optimise', (s) => api.optimise(s));
const dict: Record<string, string> = { ...en, ...messages.en };
/** A sentence in English: amounts (parameters ending in Ccy) with the scenario's currency after them. */
const english = (s: Sentence) => {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.params)) p[k] = k.endsWith('Ccy') && typeof v === 'number' ? `${v} ${String(s.params['currency'] ?? '')}`.trim() : (v as string | number);
  if (s.key === 'opt.binding') {
    const more = (n: unknown, what: string) => (typeof n !== 'number' || n === 0 ? '' : n > 0 ? `${n} more ${what}` : `${-n} fewer ${what}`);
    const parts = [more(s.params['moreBoughtGpus'], 'GPUs bought'), more(s.params['moreCommittedGpus'], 'committed GPUs')].filter(Boolean);
    p['change'] = parts.length > 0 ? parts.join(' and ') : dict['opt.change.split']!;
  }
  return fill(dict[s.key] ?? s.key, p);
};
const out = {
  status: r.status,
  objective: r.objective,
  exact: r.exact,
  evaluatedPlans: r.evaluatedPlans,
  sentences: r.sentences.map(english),
  plan: r.scenario,
  summary: r.plan,
  typedMix: r.typed,
  evaluation: r.scenario ? api.evaluate(r.scenario) : null,
  binding: r.binding.map((b) => {
    // The jurisdictions limit: the options it keeps out, each with its provider's headquarters.
    const outside = (b.outsideOptions ?? []).map((o) => `${o.name} (${o.headquarters ?? dict['opt.hqUnknown']!})`).join(', ');
    const text = english(b.sentence) + (outside ? ` ${fill(dict['opt.bindingOutside']!, { options: outside })}` : '');
    return { ...b, text };
  }),
  conflicts: r.conflicts,
  frontier: r.frontier,
  budget: r.budget,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (r.status !== 'ok') process.exit(1);
