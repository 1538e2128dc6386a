import {
  createStudySchema,
  inviteSchema,
  observationSchema,
  summarySchema,
  updateStudySchema,
  volunteerSchema,
} from './schemas';
import { DEFAULT_GUIDE } from './guide';

const problems = (schema: { safeParse(v: unknown): any }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i: any) => `${i.path.join('.')}: ${i.message}`);
};

describe('research schemas', () => {
  it('gives a new study the default guide and a goal of 8', () => {
    expect(
      createStudySchema.parse({ title: 'Deploying', quarter: '2026-Q4' }),
    ).toEqual({
      title: 'Deploying',
      quarter: '2026-Q4',
      goal: 8,
      guide: [...DEFAULT_GUIDE],
    });
  });

  it.each([
    [{ goal: 5 }, 'goal: goal must be between 6 and 10 participants'],
    [{ goal: 11 }, 'goal: goal must be between 6 and 10 participants'],
    [{ goal: 7.5 }, 'goal: goal must be a whole number'],
    [
      { quarter: '2026Q4' },
      'quarter: quarter must be a quarter such as 2027-Q1',
    ],
    [{ guide: [] }, 'guide: guide needs at least one question'],
    [{ guide: ['  '] }, 'guide.0: a question is required'],
    [{ title: '' }, 'title: title is required'],
  ])('refuses %p', (patch, message) => {
    expect(
      problems(createStudySchema, {
        title: 'Deploying',
        quarter: '2026-Q4',
        ...patch,
      }),
    ).toContain(message);
  });

  it('refuses an empty study edit', () => {
    expect(problems(updateStudySchema, {})).toEqual([': nothing to change']);
  });

  it('needs a root cause on observations, not on quotes', () => {
    const base = { text: 'Waits 40 minutes for CI', theme: 'ci speed' };
    expect(problems(observationSchema, base)).toEqual([
      'rootCause: an observation needs a rootCause (quotes may leave it empty)',
    ]);
    expect(
      problems(observationSchema, { ...base, rootCause: 'No build cache' }),
    ).toEqual([]);
    expect(problems(observationSchema, { ...base, quote: true })).toEqual([]);
    expect(
      problems(observationSchema, {
        ...base,
        rootCause: 'x',
        roadmapItemId: 'faster-ci',
      }),
    ).toEqual(['roadmapItemId: roadmapItemId must be a roadmap item id']);
  });

  it('normalises invitation slots to UTC and removes duplicates', () => {
    expect(
      inviteSchema.parse({
        people: ['user:default/jonas.weber', 'user:default/jonas.weber'],
        slots: ['2026-12-08T11:00:00+01:00', '2026-12-08T10:00:00Z'],
      }),
    ).toEqual({
      people: ['user:default/jonas.weber'],
      slots: ['2026-12-08T10:00:00.000Z'],
      message: '',
    });
    expect(
      problems(inviteSchema, { people: ['jonas'], slots: [] }).sort(),
    ).toEqual([
      'people.0: people must be user entity refs like user:default/jonas.weber',
      'slots: propose at least one slot',
    ]);
  });

  it('takes nothing with a volunteer, so no survey answer can be attached', () => {
    expect(problems(volunteerSchema, {})).toEqual([]);
    expect(
      problems(volunteerSchema, { campaignId: 'c', responseId: 'r' }),
    ).toHaveLength(1);
  });

  it('publishes a summary only with all three parts', () => {
    expect(
      problems(summarySchema, { heard: 'x', willDo: 'y', publish: true }),
    ).toEqual(['willNotDo: willNotDo must be text']);
  });
});
