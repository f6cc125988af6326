// Writes public/scenario.schema.json from the zod schema. Run after changing the format.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema.ts';

writeFileSync('public/scenario.schema.json', scenarioJsonSchemaText());
console.log('wrote public/scenario.schema.json');
