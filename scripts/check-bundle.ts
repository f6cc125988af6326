// Budget of the initial JavaScript: what the first screen needs — what index.html loads (entry
// and preloaded chunks) plus the messages of one language (the larger, French), gzipped.
// Chart.js and the worker must be separate chunks, and Chart.js's chunk carries its compile hint.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** 120 KB (issues #3 and #11), in kilobytes of 1,000 bytes as Vite reports sizes: the stricter reading. */
export const INITIAL_JS_BUDGET_BYTES = 120_000;

const html = readFileSync('dist/index.html', 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gz = (f: string) => gzipSync(readFileSync(`dist/${f}`), { level: 9 }).length;
const all = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
const dictionaries = all.filter((f) => /^(en|fr)-[\w-]+\.js$/.test(f)).map((f) => `assets/${f}`);
const largestDictionary = dictionaries.sort((a, b) => gz(b) - gz(a))[0];
const sizes = [...initial, ...(largestDictionary ? [largestDictionary] : [])].map((f) => ({ file: f, gzipBytes: gz(f) }));
const total = sizes.reduce((a, s) => a + s.gzipBytes, 0);
const chartChunk = all.find((f) => f.startsWith('chartjs-'));
const workerChunk = all.find((f) => f.startsWith('evaluator.worker-'));

const problems: string[] = [];
if (total > INITIAL_JS_BUDGET_BYTES) problems.push(`initial JS is ${total} B gzip, over the ${INITIAL_JS_BUDGET_BYTES} B budget`);
if (!chartChunk) problems.push('no separate Chart.js chunk');
else if (initial.includes(`assets/${chartChunk}`)) problems.push('Chart.js is loaded initially');
if (!workerChunk) problems.push('no separate worker chunk');
// Chart.js compiled as it loads, not at the first chart (vite.config.ts, compileHints).
if (chartChunk && !readFileSync(`dist/assets/${chartChunk}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) problems.push('the Chart.js chunk lost its compile hint');
if (dictionaries.length !== 2) problems.push(`expected one chunk per language, found ${dictionaries.length}`);
for (const f of initial) if (readFileSync(`dist/${f}`, 'utf8').includes('ZodError')) problems.push(`${f} contains the validator (zod)`);

console.log(
  JSON.stringify({
    initial: sizes,
    initialGzipBytes: total,
    budgetBytes: INITIAL_JS_BUDGET_BYTES,
    chartJsChunk: chartChunk && { file: chartChunk, gzipBytes: gz(`assets/${chartChunk}`) },
    workerChunk: workerChunk && { file: workerChunk, gzipBytes: gz(`assets/${workerChunk}`) },
  }),
);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
