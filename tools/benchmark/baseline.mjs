#!/usr/bin/env node
// The JavaScript baselines on the benchmark data: the same catalogue files and the same workload as the
// engine, answered in Node by (a) plain JavaScript or (b) MiniSearch, each with the same plain facet
// code. Checks every answer against the engine's (expected.json), then times the workload.
//   node baseline.mjs --data DIR --catalogue NAME --impl plain|minisearch [--min-ms 2000]
// Prints one JSON object on stdout: build and per-query times, and any differences from the engine.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compareAnswer, loadCatalogue, readBenchData } from './bench_common.mjs';
import { Facets } from './baseline_facets.mjs';
import { MiniSearchSearch } from './baseline_minisearch.mjs';
import { PlainSearch } from './baseline_plain.mjs';
import { parseQuery } from './baseline_text.mjs';

const IMPLEMENTATIONS = { plain: PlainSearch, minisearch: MiniSearchSearch };
const TOP = 5;

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    catalogue: { type: 'string' },
    impl: { type: 'string', default: 'plain' },
    'min-ms': { type: 'string', default: '2000' },
  },
});
const Search = IMPLEMENTATIONS[args.impl];
if (!args.data || !args.catalogue || !Search) {
  console.error('usage: node baseline.mjs --data DIR --catalogue NAME --impl plain|minisearch [--min-ms 2000]');
  process.exit(2);
}

const { manifest, workload, expected } = readBenchData(args.data);
const entry = manifest.catalogues.find((c) => c.name === args.catalogue);
if (!entry) {
  console.error(`no catalogue "${args.catalogue}" in ${args.data}/manifest.json`);
  process.exit(2);
}
const catalogue = loadCatalogue(args.data, entry);

let start = performance.now();
const search = new Search(catalogue.practices);
const facets = new Facets(catalogue);
const buildMs = performance.now() - start;

// One keystroke: parse, search, filter, count, rank.
const answer = (q) => facets.answer(q, search.match(parseQuery(q.text)));

// The first pass checks the answers; with more passes it warms up for minMs / 2 (V8 optimises hot
// functions while they run), as the wasm benchmark does.
const minMs = Number(args['min-ms']);
const mismatches = [];
start = performance.now();
workload.forEach((q, i) => {
  const a = answer(q);
  const got = { count: a.count, facets: a.facets, top: a.results.slice(0, TOP).map((p) => catalogue.practices[p].id) };
  mismatches.push(...compareAnswer(q.label, expected[entry.name][i], got, { top: args.impl === 'plain' }));
});

let sink = 0;
while (performance.now() - start < minMs / 2) for (const q of workload) sink += answer(q).count;

// Each pass timed on its own: medians are what other programs on the machine disturb least.
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const h = sorted.length >> 1;
  return sorted.length % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
};
const passMs = [];
const queryMs = workload.map(() => []);
start = performance.now();
do {
  let pass = 0;
  workload.forEach((q, i) => {
    const t0 = performance.now();
    sink += answer(q).count;
    const ms = performance.now() - t0;
    queryMs[i].push(ms);
    pass += ms;
  });
  passMs.push(pass);
} while (performance.now() - start < minMs);

console.log(JSON.stringify({
  impl: args.impl,
  catalogue: entry.name,
  practices: catalogue.practices.length,
  buildMs,
  passes: passMs.length,
  queries: workload.length,
  medianMs: median(passMs) / workload.length,
  meanMs: passMs.reduce((a, b) => a + b, 0) / (passMs.length * workload.length),
  slowestMs: Math.max(...queryMs.map(median)),
  mismatches,
  sink,
}));
