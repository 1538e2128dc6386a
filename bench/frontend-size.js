#!/usr/bin/env node
/* eslint-disable no-console */
// The frontend performance budget: how much JavaScript a user downloads before the
// portal's first page shows (the scripts index.html loads, gzipped), for Paved's app
// (packages/app) and for a plain Backstage app of the same version and plugins
// without Paved (bench/plain-app), and what Paved adds. Also checks that every
// Paved page and chart is loaded lazily: none of their code is in the initial
// scripts. Target: Paved adds at most 50 KB gzip.
//
//   ./paved yarn bench:frontend                  builds both apps, then measures
//   BENCH_SKIP_BUILD=1 ./paved yarn bench:frontend   measures the last builds
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const BUDGET_KB = 50;
const APPS = [
  {
    name: 'plain Backstage app',
    workspace: 'bench-plain-app',
    dir: 'bench/plain-app',
  },
  { name: 'Paved app', workspace: 'app', dir: 'packages/app' },
];

// Text that only a Paved page or chart contains: none may be in the initial scripts.
const LAZY = [
  ['NPS page', 'How likely are developers to recommend our platform'],
  ['survey prompt', 'Since the last survey we shipped'],
  ['roadmap page', 'What the platform team is working on now, next and later'],
  ['roadmap item page', 'Why we are not doing this'],
  ['golden-paths page', 'Approved templates that set up a service'],
  ['golden-path page', 'Services created from this path'],
  ['golden-path entity card', 'Created from the golden path'],
  ['Scaffolder name field', 'Checking whether'],
  ['health page', 'Is the platform working for developers?'],
  ['health cards', 'Platform health for this team'],
  ['charts (recharts)', 'recharts-wrapper'],
];

function build(app) {
  console.log(
    `building the ${app.name} (yarn workspace ${app.workspace} build)…`,
  );
  const started = Date.now();
  execFileSync('yarn', ['workspace', app.workspace, 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
  });
  console.log(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The scripts index.html loads before anything else, with their sizes. */
function initialScripts(app) {
  const dist = path.join(ROOT, app.dir, 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
    m => m[1],
  );
  return sources.map(src => {
    const file = path.join(dist, src.replace(/^\//, ''));
    const content = fs.readFileSync(file);
    return {
      src,
      content: content.toString('utf8'),
      raw: content.length,
      gzip: zlib.gzipSync(content, { level: 9 }).length,
    };
  });
}

const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;

if (!process.env.BENCH_SKIP_BUILD) {
  for (const app of APPS) build(app);
}

const results = APPS.map(app => {
  const scripts = initialScripts(app);
  return {
    ...app,
    scripts,
    raw: scripts.reduce((sum, s) => sum + s.raw, 0),
    gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
  };
});

console.log(
  '\nInitial JavaScript (the scripts index.html loads), gzip level 9:',
);
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(22)} ${String(r.scripts.length).padStart(2)} files  ${kb(
      r.raw,
    ).padStart(11)} raw  ${kb(r.gzip).padStart(10)} gzip`,
  );
}
const [plain, paved] = results;
const added = paved.gzip - plain.gzip;
console.log(
  `  Paved adds             ${kb(paved.raw - plain.raw).padStart(20)} raw  ${kb(
    added,
  ).padStart(10)} gzip  (budget ${BUDGET_KB} KB gzip: ${
    added <= BUDGET_KB * 1024 ? 'met' : 'EXCEEDED'
  })`,
);

const initial = paved.scripts.map(s => s.content).join('\n');
const eager = LAZY.filter(([, marker]) => initial.includes(marker));
console.log('\nLoaded lazily (not in the initial scripts):');
for (const [what, marker] of LAZY) {
  console.log(`  ${initial.includes(marker) ? 'NO ' : 'yes'}  ${what}`);
}
if (added > BUDGET_KB * 1024 || eager.length > 0) process.exit(1);
