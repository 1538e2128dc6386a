import {
  deploymentEventSchema,
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
