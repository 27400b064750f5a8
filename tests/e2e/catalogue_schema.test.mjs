// The JSON Schema (assets/catalogue.schema.json) against the real files: it accepts the bundled
// catalogue and the fictional addendum, and rejects the broken corpus wherever a schema can tell
// (referential faults need the loader; tests/engine covers those).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p) => readFileSync(join(ROOT, p), 'utf8');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(read('assets/catalogue.schema.json')));

test('the schema accepts the bundled catalogue', () => {
  assert.ok(validate(JSON.parse(read('assets/catalogues/enisa-hospitals-2020.json'))), ajv.errorsText(validate.errors));
});

test('the schema accepts the fictional national addendum', () => {
  assert.ok(validate(JSON.parse(read('tests/data/addendum/nordland-addendum.json'))), ajv.errorsText(validate.errors));
});

// Faults only the loader can see: ids that must exist elsewhere, duplicates across objects, byte-level
// faults, and limits that JSON Schema cannot express (nesting depth).
const LOADER_ONLY = new Set([
  'unknown-phase', 'unknown-asset', 'unknown-threat', 'unknown-reference', 'scenario-unknown-asset',
  'duplicate-practice-id', 'duplicate-practice-number', 'duplicate-asset-link', 'duplicate-key', 'deep-nesting',
]);

test('the schema rejects every broken catalogue that a schema can judge', () => {
  const dir = join(ROOT, 'tests/data/broken');
  let judged = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '');
    if (LOADER_ONLY.has(name)) continue;
    const bytes = readFileSync(join(dir, file));
    let doc;
    try {
      doc = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch {
      continue; // not JSON at all (syntax, empty, BOM, bad UTF-8): nothing for a schema to judge
    }
    judged++;
    assert.equal(validate(doc), false, `${file} should be rejected by the schema`);
  }
  assert.ok(judged >= 15, `judged ${judged} files`);
});
