// The JSON Schema of the scenario format, generated from the zod schema (the truth).
// Published at public/scenario.schema.json by `npm run schema`; a unit test fails when the
// published file is out of date. Rules that need the catalog (known accelerators and countries,
// shares adding up to 100 %) are checked by the app, not by JSON Schema.
import * as z from 'zod';
import { SCENARIO_VERSION, scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `https://compute-planner.local/scenario.v${SCENARIO_VERSION}.schema.json`,
    title: `Compute Planner scenario, format version ${SCENARIO_VERSION}`,
    description:
      'A GPU procurement scenario: settings, a workload and 1 to 6 supply options (buy, cloud, decentralised). ' +
      'Money fields named "...Ccy..." are in the scenario currency (settings.currency). ' +
      'Further rules (known accelerator and country codes, demand shares adding up to 100 %) are enforced by the app.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
