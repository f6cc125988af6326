// The command lines' one way in: the file named on the command line, read through the app's load
// path (parse → version → migrate → validate), then one API call whose failure is printed as such.
// Exits 2 for a usage or read error, 1 for a scenario the load path or the call refuses.
import { readFileSync } from 'node:fs';
import type { Scenario } from '../src/scenario/schema.ts';
import { describeLoadError, loadScenarioText } from '../src/scenario/load.ts';

type Answer<T> = { ok: true; result: T } | { ok: false; error: { kind: string; message?: string; issues?: { message: string }[] } };

export function runOnScenarioFile<T>(command: string, call: (s: Scenario) => Answer<T>): { path: string; result: T } {
  const path = process.argv[2];
  if (!path) {
    console.error(`usage: npm run ${command} -- path/to/scenario.json`);
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
  const response = call(loaded.scenario);
  if (!response.ok) {
    const e = response.error;
    console.error(`${path}: ${e.kind === 'invalid' && e.issues ? e.issues.map((i) => i.message).join('\n') : (e.message ?? e.kind)}`);
    process.exit(1);
  }
  return { path, result: response.result };
}
