import {
  adoptionSentence,
  catalogPath,
  formatRunTime,
  humaniseTimeSaved,
  parseIsoDuration,
  runsLabel,
  safeImageUri,
  safeLinkUri,
  scaffolderPath,
} from './format';

describe('parseIsoDuration', () => {
  it.each([
    ['PT6H', { hours: 6 }],
    ['PT1H30M', { hours: 1, minutes: 30 }],
    ['P1DT12H', { days: 1, hours: 12 }],
    ['P2W', { weeks: 2 }],
    [
      'P1Y2M3DT4H5M6S',
      {
        years: 1,
        months: 2,
        days: 3,
        hours: 4,
        minutes: 5,
        seconds: 6,
      },
    ],
    ['PT0.5H', { hours: 0.5 }],
    ['PT1,5H', { hours: 1.5 }],
    ['pt45m', { minutes: 45 }],
  ])('reads %s', (text, parts) => {
    expect(parseIsoDuration(text)).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      ...parts,
    });
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '6 hours',
    'P6H',
    'T6H',
    '-PT6H',
    'PT6H30',
    'PTH',
  ])('refuses %j', text => {
    expect(parseIsoDuration(text)).toBeUndefined();
  });
});

describe('humaniseTimeSaved', () => {
  it.each([
    ['PT6H', 'about 6 hours'],
    ['PT1H', 'about 1 hour'],
    ['PT90M', 'about 1.5 hours'],
    ['PT45M', 'about 45 minutes'],
    ['PT1M', 'about 1 minute'],
    ['PT30S', 'about 30 seconds'],
    ['P1D', 'about 1 day'],
    ['PT36H', 'about 1.5 days'],
    ['P2W', 'about 14 days'],
    ['P1M', 'about 30 days'],
    ['PT12H', 'about 12 hours'],
  ])('%s → %s', (iso, text) => {
    expect(humaniseTimeSaved(iso)).toBe(text);
  });

  it.each([null, undefined, '', 'six hours', 'PT0S', 'P0D'])(
    'omits %j',
    value => {
      expect(humaniseTimeSaved(value)).toBeUndefined();
    },
  );
});

describe('formatRunTime', () => {
  it.each([
    [80_000, '1 min 20 s'],
    [120_000, '2 min'],
    [45_400, '45 s'],
    [400, 'under 1 s'],
    [3_600_000, '1 h'],
    [3_900_000, '1 h 5 min'],
    [59_600, '1 min'],
    [-1, '—'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatRunTime(ms)).toBe(text);
  });
});

describe('runsLabel', () => {
  const runs = {
    total: 48,
    completed: 45,
    failed: 3,
    successRate: 45 / 48,
    medianDurationMs: 1,
  };

  it('gives the success rate of the finished runs', () => {
    expect(runsLabel(runs)).toBe('94% of 48 runs succeeded');
  });

  it('says cancelled runs do not count', () => {
    expect(runsLabel({ ...runs, total: 50 })).toBe(
      '94% of 48 runs succeeded (2 cancelled runs not counted)',
    );
  });

  it('says when there are no runs or none finished', () => {
    expect(
      runsLabel({
        total: 0,
        completed: 0,
        failed: 0,
        successRate: null,
        medianDurationMs: null,
      }),
    ).toBe('No runs yet');
    expect(
      runsLabel({
        total: 1,
        completed: 0,
        failed: 0,
        successRate: null,
        medianDurationMs: null,
      }),
    ).toBe('No finished runs yet (1 cancelled run)');
  });

  it('uses the singular for one run', () => {
    expect(
      runsLabel({ ...runs, total: 1, completed: 1, failed: 0, successRate: 1 }),
    ).toBe('100% of 1 run succeeded');
  });
});

describe('links and labels', () => {
  it('builds catalog pages from entity refs', () => {
    expect(catalogPath('group:default/platform-team', 'group')).toBe(
      '/catalog/default/group/platform-team',
    );
    expect(catalogPath('platform-team', 'group')).toBe(
      '/catalog/default/group/platform-team',
    );
    expect(catalogPath('User:ops/jo', 'group')).toBe('/catalog/ops/user/jo');
    expect(catalogPath('payments/api', 'component')).toBe(
      '/catalog/payments/component/api',
    );
  });

  it('links to the Scaffolder', () => {
    expect(scaffolderPath('default', 'typescript-service')).toBe(
      '/create/templates/default/typescript-service',
    );
  });

  it('states a rate with its n and interval', () => {
    expect(
      adoptionSentence({ rate: 8 / 13, low: 0.3547, high: 0.8286 }, 13),
    ).toBe('62% of 13 new components (95% interval 35–83%)');
    expect(adoptionSentence({ rate: 1, low: 0.2065, high: 1 }, 1)).toBe(
      '100% of 1 new component (95% interval 21–100%)',
    );
  });
});

describe('safe Markdown targets', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['/docs/x', '/docs/x'],
    ['#setup', '#setup'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
    // eslint-disable-next-line no-script-url -- what the guide must not link
    ['javascript:alert(1)', ''],
    [' JavaScript:alert(1)', ''],
    ['java\tscript:alert(1)', ''],
    ['data:text/html,<script>', ''],
    ['vbscript:x', ''],
  ])('%j → %j', (href, safe) => {
    expect(safeLinkUri(href)).toBe(safe);
  });

  it('allows no mailto images', () => {
    expect(safeImageUri('mailto:x@example.com')).toBe('');
    expect(safeImageUri('https://example.com/a.png')).toBe(
      'https://example.com/a.png',
    );
  });
});
