// Shared by the Node side of the benchmark: reading the data bench_native --write-data wrote, and
// comparing answers with the engine's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

// { manifest, workload: [queries], expected: { catalogue name: [signatures] } }
export function readBenchData(dir) {
  const manifest = readJson(join(dir, 'manifest.json'));
  return {
    manifest,
    workload: readJson(join(dir, manifest.workload)).queries,
    expected: readJson(join(dir, manifest.expected)),
  };
}

// One catalogue from its files: the first file's taxonomies, every file's practices in order.
export function loadCatalogue(dir, entry) {
  let catalogue = null;
  for (const file of entry.files) {
    const part = readJson(join(dir, file));
    if (!catalogue) catalogue = part;
    else catalogue.practices.push(...part.practices);
  }
  return catalogue;
}

// Differences between the engine's signature and another answer, as readable strings. `top` (ids of
// the first results) is compared only when the other side ranks as the engine does.
export function compareAnswer(label, expected, got, { top = true } = {}) {
  const problems = [];
  if (expected.count !== got.count) problems.push(`${label}: ${got.count} results, engine ${expected.count}`);
  if (JSON.stringify(expected.facets) !== JSON.stringify(got.facets)) {
    problems.push(`${label}: facet counts [${got.facets}], engine [${expected.facets}]`);
  }
  if (top && JSON.stringify(expected.top) !== JSON.stringify(got.top)) {
    problems.push(`${label}: first results [${got.top}], engine [${expected.top}]`);
  }
  return problems;
}
