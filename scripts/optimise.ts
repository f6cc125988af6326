// Planning as code: `npm run optimise -- path/to/scenario.json`.
// Reads the file through the one load path (parse → version → migrate → validate), runs the same
// optimiser the worker runs, and prints as JSON: the proposed plan as a scenario in the format,
// its evaluation, the frontier and the binding constraints (each with its English sentence).
import { en } from '../src/i18n/en.ts';
import { api } from '../workers/api.ts';
import type { Sentence } from '../workers/models/types.ts';
import { runOnScenarioFile } from './cli-scenario.ts';

const { result: r } = runOnScenarioFile('optimise', (s) => api.optimise(s));
const english = (s: Sentence) => (en[s.key as keyof typeof en] ?? s.key).replace(/\{(\w+)\}/g, (_, k: string) => String(s.params[k] ?? ''));
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
  binding: r.binding.map((b) => ({ ...b, text: english(b.sentence) })),
  conflicts: r.conflicts,
  frontier: r.frontier,
  budget: r.budget,
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
if (r.status !== 'ok') process.exit(1);
