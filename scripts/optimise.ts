// Planning as code: `npm run optimise -- path/to/scenario.json`.
// Reads the file through the one load path (parse → version → migrate → validate), runs the same
// optimiser the worker runs, and prints as JSON: the proposed plan as a scenario in the format,
// its evaluation, the frontier and the binding constraints (each with its English sentence).
import { readFileSync } from 'node:fs';
import { en } from '../src/i18n/en.ts';
import { describeLoadError, loadScenarioText } from '../src/scenario/load.ts';
import { api } from '../workers/api.ts';
import type { Sentence } from '../workers/models/types.ts';

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run optimise -- path/to/scenario.json');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (e) {
  console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
const loaded = loadScenarioText(text);
if (!loaded.ok) {
  console.error(`${path}: ${describeLoadError(loaded.error)}`);
  process.exit(1);
}
const response = api.optimise(loaded.scenario);
if (!response.ok) {
  const e = response.error;
  console.error(`${path}: ${e.kind === 'invalid' ? e.issues.map((i) => i.message).join('\n') : e.message}`);
  process.exit(1);
}
const r = response.result;
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
