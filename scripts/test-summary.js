#!/usr/bin/env node
// Adds up the jest and Playwright JSON reports into the suite's closing line,
// "tests: N passed, N failed, N skipped". Exits 1 when no test ran or any failed.
/* eslint-disable no-console */
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const read = name => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

// Jest reports: the unit and database tests, and the golden-path skeleton builds.
for (const [file, name] of [
  ['unit-results.json', 'unit and database'],
  ['skeleton-results.json', 'golden-path skeletons built'],
]) {
  const unit = read(file);
  if (!unit) continue;
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  // The skeleton file is skipped inside the unit run; it runs in its own step.
  skipped += unit.numPendingTests + unit.numTodoTests;
  lines.push(
    `${name}: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed (${unit.numTotalTestSuites} files)`,
  );
  if (unit.numRuntimeErrorTestSuites > 0) {
    failed += unit.numRuntimeErrorTestSuites;
    lines.push(`  ${unit.numRuntimeErrorTestSuites} test files failed to run`);
  }
}

for (const [file, what] of [
  ['e2e-results.json', 'browser and API'],
  ['e2e-production-results.json', 'production profile'],
]) {
  const e2e = read(file);
  if (!e2e) continue;
  const s = e2e.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  lines.push(`${what}: ${s.expected + s.flaky} passed, ${s.unexpected} failed`);
}

console.log('');
for (const line of lines) console.log(line);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
