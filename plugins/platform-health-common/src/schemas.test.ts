import {
  checkInSchema,
  createObjectiveSchema,
  okrQuerySchema,
  updateObjectiveSchema,
} from './schemas';

const kr = {
  title: 'Adoption to 75%',
  metric: 'adoption',
  start: 60,
  target: 75,
  due: '2026-12-31',
};

describe('OKR schemas', () => {
  it('accepts an objective with key results, trimming text', () => {
    const parsed = createObjectiveSchema.parse({
      quarter: '2026-Q4',
      title: '  Golden paths  ',
      keyResults: [
        kr,
        { ...kr, metric: 'manual', unit: 'teams', start: 2, target: 2 },
      ],
    });
    expect(parsed.title).toBe('Golden paths');
    expect(parsed.description).toBe('');
  });

  it.each([
    [{ quarter: '2026-Q5' }, 'quarter'],
    [{ keyResults: [] }, 'keyResults'],
    [{ keyResults: [{ ...kr, metric: 'happiness' }] }, 'keyResults.0.metric'],
    [{ keyResults: [{ ...kr, target: 60 }] }, 'keyResults.0.target'],
    [{ keyResults: [{ ...kr, start: Infinity }] }, 'keyResults.0.start'],
    [{ keyResults: [{ ...kr, due: '31/12/2026' }] }, 'keyResults.0.due'],
    [{ extra: 1 }, ''],
  ])('refuses %j at %s', (patch, path) => {
    const result = createObjectiveSchema.safeParse({
      quarter: '2026-Q4',
      title: 'O',
      keyResults: [kr],
      ...patch,
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(i => i.path.join('.'))).toContain(path);
  });

  it('needs the version an edit is based on', () => {
    expect(
      updateObjectiveSchema.safeParse({ title: 'O', keyResults: [kr] }).success,
    ).toBe(false);
    expect(
      updateObjectiveSchema.safeParse({
        version: 2,
        title: 'O',
        keyResults: [kr],
      }).success,
    ).toBe(true);
  });

  it('checks in a finite value with an optional note', () => {
    expect(checkInSchema.parse({ value: 3 })).toEqual({ value: 3, note: '' });
    expect(checkInSchema.safeParse({ value: '3' }).success).toBe(false);
    expect(okrQuerySchema.safeParse({ quarter: 'now' }).success).toBe(false);
  });
});
