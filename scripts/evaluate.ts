// Command-line evaluator: `npm run evaluate -- path/to/scenario.json`.
// Reads the file through the same load path as the app (parse → version → migrate → validate),
// runs the same function the worker runs, and prints the result as JSON (fields and units: README).
import { readFileSync } from 'node:fs';
import { describeLoadError, loadScenarioText } from '../src/scenario/load.ts';
import { api } from '../workers/api.ts';

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run evaluate -- path/to/scenario.json');
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
const response = api.evaluate(loaded.scenario);
if (!response.ok) {
  const e = response.error;
  console.error(`${path}: ${e.kind === 'invalid' ? e.issues.map((i) => i.message).join('\n') : e.message}`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify(response.result, null, 2)}\n`);
