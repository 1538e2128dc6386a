#!/usr/bin/env node
/*
 * Writes examples/golden-path-history.yaml: two years (2025-Q1 to 2026-Q4) of
 * components the demo organisation created, each with its creation date
 * (paved.dev/created-at) and, when it came from a template, the template and
 * version. Golden-path adoption rises from about 30% to about 70%; the data
 * team stays mostly off the paths. Deterministic: run it again, get the same
 * file. Usage: node scripts/generate-demo-history.js
 */
const fs = require('node:fs');
const path = require('node:path');

let seed = 20261124;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
const pick = list => list[Math.floor(random() * list.length)];

const quarters = [];
for (let year = 2025; year <= 2026; year++) {
  for (let q = 1; q <= 4; q++) quarters.push({ year, q });
}
// The last quarter is the current one (2026-Q4): history stops before today.
const HISTORY_END = Date.UTC(2026, 10, 20);

const teams = {
  checkout: {
    system: 'shipping',
    words: [
      'quote',
      'invoice',
      'refund',
      'tax',
      'pricing',
      'coupon',
      'billing',
      'ledger',
      'payout',
      'fraud',
      'cart',
      'receipt',
      'dunning',
      'vat',
      'credit',
      'settlement',
    ],
  },
  'fleet-ops': {
    system: 'fleet',
    words: [
      'telematics',
      'fuel',
      'tyre',
      'driver-hours',
      'depot',
      'vehicle',
      'geofence',
      'odometer',
      'inspection',
      'charging',
      'tachograph',
      'trailer',
      'cold-chain',
    ],
  },
  routing: {
    system: 'dispatch',
    words: [
      'zone',
      'slot',
      'capacity',
      'traffic',
      'handover',
      'stop',
      'pickup',
      'consolidation',
      'linehaul',
      'cross-dock',
      'detour',
      'wave',
    ],
  },
  'customer-apps': {
    system: 'customer-experience',
    words: [
      'notify',
      'portal',
      'onboarding',
      'support',
      'feedback',
      'booking',
      'labels',
      'returns',
      'signup',
      'profile',
      'chat',
      'proof-of-delivery',
    ],
  },
  'data-insights': {
    system: 'data-platform',
    words: [
      'events',
      'lake',
      'metrics',
      'forecast',
      'churn',
      'report',
      'export',
      'etl',
      'quality',
      'lineage',
      'pipeline',
      'feature-store',
    ],
  },
  'platform-team': {
    system: 'developer-platform',
    words: [
      'secrets',
      'flags',
      'registry',
      'runner',
      'audit',
      'cost',
      'deploy',
      'status',
      'quota',
      'tenancy',
    ],
  },
};
// Share of each team's new components per quarter.
const teamWeights = [
  ['checkout', 3],
  ['fleet-ops', 2],
  ['routing', 3],
  ['customer-apps', 3],
  ['data-insights', 2],
  ['platform-team', 1],
];

// Golden paths and the version current in each quarter (index into quarters).
const paths = {
  'typescript-service': {
    type: 'service',
    suffixes: ['api', 'service', 'worker'],
    versions: [
      '1.2.0',
      '1.2.0',
      '1.4.0',
      '2.0.0',
      '2.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.0',
    ],
  },
  'react-web-app': {
    type: 'website',
    suffixes: ['web', 'ui', 'console'],
    versions: [
      '1.0.0',
      '1.0.0',
      '1.1.0',
      '1.1.0',
      '1.2.0',
      '1.2.0',
      '1.3.0',
      '1.3.0',
    ],
  },
  'shared-library': {
    type: 'library',
    suffixes: ['lib', 'sdk', 'client'],
    versions: [
      '0.9.0',
      '1.0.0',
      '1.0.0',
      '1.0.0',
      '1.1.0',
      '1.1.0',
      '1.1.0',
      '1.2.0',
    ],
  },
};
const pathFor = team =>
  team === 'customer-apps'
    ? pick(['react-web-app', 'react-web-app', 'typescript-service'])
    : team === 'data-insights'
    ? pick(['shared-library', 'typescript-service'])
    : pick([
        'typescript-service',
        'typescript-service',
        'typescript-service',
        'shared-library',
        'react-web-app',
      ]);

const weighted = () => {
  const total = teamWeights.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [team, w] of teamWeights) if ((r -= w) < 0) return team;
  return teamWeights[0][0];
};

const used = new Set();
const nameFor = (team, suffixes) => {
  for (;;) {
    const name = `${pick(teams[team].words)}-${pick(suffixes)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
};

const docs = [];
quarters.forEach(({ year, q }, i) => {
  const target = 0.3 + (0.4 * i) / (quarters.length - 1);
  const start = Date.UTC(year, (q - 1) * 3, 1);
  const end = Math.min(Date.UTC(year, q * 3, 1), HISTORY_END);
  const count = 12 + Math.floor(random() * 5);
  const members = Array.from({ length: count }, weighted);
  // Exactly the target share from golden paths, the data team last in line
  // (it gets one golden path in the final quarters: "mostly" off the paths).
  let quota = Math.round(target * count);
  const golden = members.map(() => false);
  const order = members
    .map((team, index) => ({ team, index, key: random() }))
    .sort(
      (a, b) =>
        (a.team === 'data-insights') - (b.team === 'data-insights') ||
        a.key - b.key,
    );
  for (const { team, index } of order) {
    if (quota === 0) break;
    if (team === 'data-insights' && i < quarters.length - 2) continue;
    golden[index] = true;
    quota--;
  }
  for (let n = 0; n < count; n++) {
    const team = members[n];
    const createdAt = new Date(start + Math.floor(random() * (end - start)));
    createdAt.setUTCSeconds(0, 0);
    const annotations = { 'paved.dev/created-at': createdAt.toISOString() };
    let type;
    let suffixes;
    if (golden[n]) {
      const template = pathFor(team);
      ({ type, suffixes } = paths[template]);
      annotations[
        'backstage.io/source-template'
      ] = `template:default/${template}`;
      annotations['paved.dev/golden-path-version'] =
        paths[template].versions[i];
    } else {
      type = pick(['service', 'service', 'website', 'library']);
      suffixes = {
        service: ['svc', 'job', 'handler'],
        website: ['site', 'dashboard'],
        library: ['utils', 'helpers'],
      }[type];
      // Some came from the old, unapproved template; the rest by hand.
      if (random() < 0.35)
        annotations['backstage.io/source-template'] =
          'template:default/legacy-node-service';
    }
    const name = nameFor(team, suffixes);
    docs.push({ name, team, type, annotations, createdAt });
  }
});
docs.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));

const quote = v => `'${String(v).replace(/'/g, "''")}'`;
const yaml = [
  '# Generated by scripts/generate-demo-history.js: do not edit by hand.',
  '# Two years of components the demo organisation created, with their creation',
  '# dates and templates, for golden-path adoption (rising from ~30% to ~70%).',
  ...docs.map(d =>
    [
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${d.name}`,
      `  description: ${quote(
        `${d.name.replace(/-/g, ' ')} (${teams[d.team].system})`,
      )}`,
      '  annotations:',
      ...Object.entries(d.annotations).map(([k, v]) => `    ${k}: ${quote(v)}`),
      'spec:',
      `  type: ${d.type}`,
      '  lifecycle: production',
      `  owner: ${d.team}`,
      `  system: ${teams[d.team].system}`,
    ].join('\n'),
  ),
].join('\n');
const out = path.join(__dirname, '..', 'examples', 'golden-path-history.yaml');
fs.writeFileSync(out, `${yaml}\n`);

// A summary, to check the story the file tells.
const byQuarter = new Map();
for (const d of docs) {
  const key = `${d.createdAt.getUTCFullYear()}-Q${
    Math.floor(d.createdAt.getUTCMonth() / 3) + 1
  }`;
  const row = byQuarter.get(key) ?? { total: 0, golden: 0 };
  row.total++;
  if (
    (d.annotations['backstage.io/source-template'] ?? '').includes('legacy') ===
      false &&
    d.annotations['backstage.io/source-template']
  )
    row.golden++;
  byQuarter.set(key, row);
}
for (const [key, { total, golden }] of byQuarter) {
  console.log(
    `${key}: ${golden}/${total} = ${Math.round((100 * golden) / total)}%`,
  );
}
console.log(
  `wrote ${docs.length} components to ${path.relative(process.cwd(), out)}`,
);
