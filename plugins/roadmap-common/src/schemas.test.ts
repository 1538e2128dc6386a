import { createItemSchema, moveItemSchema, updateItemSchema } from './schemas';
import { upcomingQuarters } from '@paved/common';

const item = {
  title: 'Preview environments for every pull request',
  summary: 'A running copy of your service for each pull request.',
  category: 'ci-cd',
  owner: 'group:default/platform-team',
  horizon: 'next',
  status: 'in-design',
};

const problems = (value: unknown) => {
  const result = createItemSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`);
};

describe('roadmap item schemas', () => {
  it('accepts a minimal item and fills the defaults', () => {
    expect(createItemSchema.parse(item)).toMatchObject({
      description: '',
      links: [],
      breakingChange: null,
      targetQuarter: null,
      declineReason: null,
    });
  });

  it('requires a public reason for a declined item', () => {
    expect(problems({ ...item, status: 'declined' })).toEqual([
      'declineReason: a declined item needs a public declineReason',
    ]);
    expect(
      problems({
        ...item,
        status: 'declined',
        declineReason: 'We buy this instead.',
      }),
    ).toEqual([]);
  });

  it('names every problem at once, the missing reason too', () => {
    expect(problems({ ...item, title: '', status: 'declined' })).toEqual([
      'title: title is required',
      'declineReason: a declined item needs a public declineReason',
    ]);
  });

  it('carries no reason for an item that is not declined', () => {
    expect(
      createItemSchema.parse({ ...item, declineReason: 'Left over' })
        .declineReason,
    ).toBeNull();
  });

  it.each([
    // eslint-disable-next-line no-script-url -- the point of the test
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/x',
    'not a url',
  ])('refuses the link %p', url => {
    expect(problems({ ...item, links: [{ title: 'x', url }] })).toEqual([
      'links.0.url: links must be http(s) URLs',
    ]);
  });

  it.each([
    [{ horizon: 'soon' }, /horizon: horizon must be one of now, next, later/],
    [{ status: 'done' }, /status: status must be one of/],
    [
      { targetQuarter: '2027Q1' },
      /targetQuarter: targetQuarter must be a quarter such as 2027-Q1/,
    ],
    [{ owner: 'platform-team' }, /owner: owner must be a group entity ref/],
    [{ title: '' }, /title: title is required/],
    [{ extra: 1 }, /extra/],
    [
      { breakingChange: { notice: 'x', effectiveDate: '31/03/2027' } },
      /breakingChange.effectiveDate: effectiveDate must be a date/,
    ],
  ])('refuses %p', (patch, message) => {
    expect(problems({ ...item, ...patch }).join('\n')).toMatch(message);
  });

  it('requires the version an edit or a move is based on', () => {
    expect(updateItemSchema.safeParse({ title: 'x' }).success).toBe(false);
    expect(updateItemSchema.safeParse({ version: 3, title: 'x' }).success).toBe(
      true,
    );
    expect(
      moveItemSchema.safeParse({ version: 1, horizon: 'now', position: -1 })
        .success,
    ).toBe(false);
  });

  it('lists the quarters of the next six months', () => {
    expect(upcomingQuarters(new Date('2026-11-24T00:00:00Z'))).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    expect(upcomingQuarters(new Date('2027-01-01T00:00:00Z'))).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
    ]);
  });
});
