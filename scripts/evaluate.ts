// Command-line evaluator: `npm run evaluate -- path/to/scenario.json`.
// Reads the file through the same load path as the app (parse → version → migrate → validate),
// runs the same function the worker runs, and prints the result as JSON (fields and units: README).
import { api } from '../workers/api.ts';
import { runOnScenarioFile } from './cli-scenario.ts';

const { result } = runOnScenarioFile('evaluate', (s) => api.evaluate(s));
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
