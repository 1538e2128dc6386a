import fc from 'fast-check';
import {
  deploymentEventSchema,
  fastDeploymentEvent,
  doraQuerySchema,
  incidentEventSchema,
  parseEventBatch,
  releaseMarkerSchema,
} from './schemas';

const good = {
  source: 'github-actions',
  externalId: 'run-1',
  service: 'checkout-api',
  environment: 'Production',
  status: 'success',
  startedAt: '2026-11-24T09:00:00Z',
  finishedAt: '2026-11-24T10:10:00+01:00',
  commits: [{ sha: 'ABCDEF1', committedAt: '2026-11-23T09:00:00Z' }],
  deployer: 'jonas.weber',
};

describe('event schemas', () => {
  it('normalises refs, names and times', () => {
    const result = parseEventBatch(deploymentEventSchema, good);
    expect(result).toEqual({
      ok: true,
      events: [
        {
          ...good,
          service: 'component:default/checkout-api',
          environment: 'production',
          startedAt: Date.UTC(2026, 10, 24, 9),
          finishedAt: Date.UTC(2026, 10, 24, 9, 10),
          commits: [{ sha: 'abcdef1', committedAt: Date.UTC(2026, 10, 23, 9) }],
          rework: false,
          deployer: 'user:default/jonas.weber',
        },
      ],
    });
  });

  it('refuses a whole batch, naming the index and field of every problem', () => {
    const result = parseEventBatch(deploymentEventSchema, [
      good,
      {
        ...good,
        externalId: 'run-2',
        status: 'done',
        service: 'group:default/x',
      },
      { ...good, externalId: 'run-3', finishedAt: '2026-11-24T08:00:00Z' },
      {
        ...good,
        externalId: 'run-4',
        commits: [{ sha: 'zz', committedAt: 'yesterday' }],
      },
      { ...good, externalId: 'run-5', colour: 'blue' },
    ]);
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems;
    expect(problems).toEqual([
      expect.stringMatching(
        /^events\[1\]\.service: service must be a component entity ref/,
      ),
      'events[1].status: status must be one of success, failed, rolled_back',
      'events[2].finishedAt: finishedAt must not be before startedAt',
      'events[3].commits[0].sha: sha must be 7 to 64 hexadecimal characters',
      expect.stringMatching(
        /^events\[3\]\.commits\[0\]\.committedAt: committedAt must be an ISO 8601 time/,
      ),
      expect.stringMatching(/^events\[4\]: .*colour/),
    ]);
  });

  it.each([
    [null, 'the body must be one event'],
    ['text', 'the body must be one event'],
    [[], 'the batch is empty'],
    [
      Array.from({ length: 5001 }, () => good),
      'a batch holds at most 5000 events; this one has 5001',
    ],
  ])('refuses the body %#', (body, message) => {
    const result = parseEventBatch(deploymentEventSchema, body);
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringContaining(message)],
    });
  });

  it('collapses identical repeats, refuses the same id with different content', () => {
    expect(parseEventBatch(deploymentEventSchema, [good, good])).toMatchObject({
      ok: true,
      events: [expect.anything()],
    });
    const result = parseEventBatch(deploymentEventSchema, [
      good,
      { ...good, status: 'failed' },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        'events[1].externalId: "run-1" from github-actions is also events[0], with different content',
      ],
    });
  });

  it('refuses a commit listed twice and an incident resolved before it opened', () => {
    expect(
      deploymentEventSchema.safeParse({
        ...good,
        commits: [good.commits[0], good.commits[0]],
      }).error?.issues[0],
    ).toMatchObject({ path: ['commits', 1, 'sha'] });
    expect(
      incidentEventSchema.safeParse({
        source: 'pagerduty',
        externalId: 'P1',
        service: 'checkout-api',
        openedAt: '2026-11-24T10:00:00Z',
        resolvedAt: '2026-11-24T09:00:00Z',
      }).error?.issues[0],
    ).toMatchObject({ path: ['resolvedAt'] });
  });

  it('queries and markers', () => {
    expect(
      doraQuerySchema.safeParse({ team: 'checkout', service: 'a' }).success,
    ).toBe(false);
    expect(
      doraQuerySchema.parse({ windowDays: '30', team: 'checkout' }),
    ).toEqual({
      windowDays: 30,
      team: 'group:default/checkout',
    });
    expect(doraQuerySchema.safeParse({ windowDays: '3' }).success).toBe(false);
    expect(
      releaseMarkerSchema.parse({ title: ' Mesh ', releasedAt: '2026-10-01' }),
    ).toEqual({
      title: 'Mesh',
      releasedAt: Date.UTC(2026, 9, 1),
    });
    expect(
      releaseMarkerSchema.safeParse({ title: 'x', releasedAt: '1 Oct' })
        .success,
    ).toBe(false);
  });
});

describe('the hand-written deployment check', () => {
  const iso = fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .chain(d =>
      fc.constantFrom(
        d.toISOString(),
        d.toISOString().replace('.000Z', 'Z'),
        `${d.toISOString().slice(0, 16)}Z`,
        d.toISOString().replace('Z', '+01:00'),
        d.toISOString().replace(/\.\d+Z$/, '.123456789-05:30'),
      ),
    );
  const time = fc.oneof(
    { weight: 8, arbitrary: iso },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'yesterday',
        '2026-02-30T00:00:00Z',
        '2026-13-01T00:00:00Z',
        '2026-11-24T09:00:00',
        '2026-11-24 09:00:00Z',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null)) },
  );
  const sha = fc.oneof(
    fc.constantFrom('abcdef1', 'ABCDEF1', '1234567', 'zz', 'a'.repeat(64)),
    fc.stringMatching(/^[0-9a-fA-F]{6,65}$/),
    fc.integer(),
  );
  const commit = fc.oneof(
    { weight: 8, arbitrary: fc.record({ sha, committedAt: time }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.record({ sha, committedAt: time }, { requiredKeys: [] }),
        fc.record({ sha, committedAt: time, author: fc.string() }),
        fc.constant(null),
        fc.string(),
      ),
    },
  );
  const field = <T>(valid: fc.Arbitrary<T>) =>
    fc.oneof(
      { weight: 9, arbitrary: valid },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.constant([]),
          fc.constant({}),
        ),
      },
    );
  const event = fc.record(
    {
      source: field(
        fc.constantFrom(
          'github-actions',
          'GitLab.CI',
          'a',
          'x:y_z',
          '-x',
          'a'.repeat(100),
          'a'.repeat(101),
        ),
      ),
      externalId: field(
        fc.oneof(
          fc.string({ maxLength: 8 }),
          fc.constantFrom('x'.repeat(255), 'x'.repeat(256)),
        ),
      ),
      service: field(
        fc.constantFrom(
          'checkout-api',
          'component:default/a',
          'Component:Default/B',
          'group:default/x',
          'bad name',
          'a'.repeat(255),
          'a'.repeat(256),
        ),
      ),
      environment: field(
        fc.constantFrom(
          'production',
          'Staging',
          'prod-eu.1',
          '-x',
          '',
          'a'.repeat(40),
          'a'.repeat(41),
        ),
      ),
      status: field(
        fc.constantFrom('success', 'failed', 'rolled_back', 'done', 'SUCCESS'),
      ),
      startedAt: time,
      finishedAt: time,
      commits: field(
        fc.oneof(
          { weight: 20, arbitrary: fc.array(commit, { maxLength: 4 }) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(1000, 1001).map(n =>
              Array.from({ length: n }, (_, i) => ({
                sha: i.toString(16).padStart(7, '0'),
                committedAt: '2026-11-24T09:00:00Z',
              })),
            ),
          },
        ),
      ),
      rework: field(fc.boolean()),
      deployer: field(
        fc.constantFrom(
          'jonas.weber',
          'user:default/x',
          'group:default/y',
          'bad name',
          'u'.repeat(256),
        ),
      ),
      colour: fc.string(),
    },
    {
      requiredKeys: [
        'source',
        'externalId',
        'service',
        'environment',
        'status',
        'startedAt',
        'finishedAt',
      ],
    },
  );
  // Events the schema accepts (a few commits, ordered times), so that the
  // property also exercises the accepting side.
  const stamp = (t: number, form: number) => {
    const text = new Date(t).toISOString();
    return form === 0
      ? text
      : text.replace('.000Z', 'Z').replace(/\.\d+Z/, 'Z');
  };
  const validEvent = fc
    .record({
      source: fc.constantFrom('github-actions', 'GitLab.CI', 'x:y_z'),
      externalId: fc.string({ minLength: 1, maxLength: 8 }),
      service: fc.constantFrom('checkout-api', 'Component:Default/B'),
      environment: fc.constantFrom('production', 'Staging'),
      status: fc.constantFrom('success', 'failed', 'rolled_back'),
      started: fc.integer({ min: 631152000000, max: 4070908800000 }),
      duration: fc.integer({ min: 0, max: 86_400_000 }),
      form: fc.nat(1),
      commits: fc.uniqueArray(
        fc.record({
          sha: fc.stringMatching(/^[0-9a-f]{7,12}$/),
          committedAt: iso,
        }),
        { maxLength: 3, selector: c => c.sha },
      ),
      rework: fc.option(fc.boolean(), { nil: undefined }),
      deployer: fc.option(fc.constantFrom('jonas.weber', 'user:default/x'), {
        nil: undefined,
      }),
    })
    .map(({ started, duration, form, rework, deployer, ...e }) => ({
      ...e,
      startedAt: stamp(started, form),
      finishedAt: stamp(started + duration, form),
      ...(rework === undefined ? {} : { rework }),
      ...(deployer === undefined ? {} : { deployer }),
    }));
  const generated = fc.oneof(
    { weight: 3, arbitrary: validEvent },
    { weight: 2, arbitrary: event.map(({ colour, ...e }) => e) },
    { weight: 1, arbitrary: event },
    { weight: 1, arbitrary: fc.anything() },
  );

  it('accepts exactly what the schema accepts, with the same event (keys in the same order)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(generated, item => {
        const fast = fastDeploymentEvent(item);
        const slow = deploymentEventSchema.safeParse(item);
        if (fast !== undefined) accepted++;
        const expected = slow.success ? slow.data : undefined;
        expect(fast).toEqual(expected);
        // The same keys in the same order: the same content hash.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(1500);
  });

  it('gives parseEventBatch the same outcome and messages with it or without it', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 6 }), items => {
        expect(
          parseEventBatch(deploymentEventSchema, items, fastDeploymentEvent),
        ).toEqual(parseEventBatch(deploymentEventSchema, items));
      }),
      { numRuns: 1000 },
    );
  });

  it('falls back to the schema for its messages', () => {
    const result = parseEventBatch(
      deploymentEventSchema,
      [good, { ...good, externalId: 'run-2', status: 'done' }],
      fastDeploymentEvent,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'events[1].status: status must be one of success, failed, rolled_back',
      ],
    });
  });
});
