import { createCampaignSchema, updateCampaignSchema } from './schemas';

const problems = (result: { success: boolean; error?: any }) =>
  result.success
    ? []
    : result.error.issues.map(
        (i: { path: string[]; message: string }) =>
          `${i.path.join('.')}: ${i.message}`,
      );

describe('campaign schemas', () => {
  it('names every problem at once, so a form can show each at its field', () => {
    expect(
      problems(
        createCampaignSchema.safeParse({
          title: '',
          opensAt: '2027-02-15T09:00:00Z',
          closesAt: '2027-02-01T09:00:00Z',
          audience: { type: 'groups', groups: [] },
        }),
      ),
    ).toEqual([
      'title: title is required',
      'audience.groups: a group audience needs at least one group',
      'closesAt: closesAt must be after opensAt',
    ]);
  });

  it('does not compare dates that are not dates', () => {
    expect(
      problems(
        updateCampaignSchema.safeParse({ opensAt: 'soon', closesAt: 'later' }),
      ),
    ).toEqual([
      'opensAt: opensAt must be an ISO 8601 date-time, e.g. 2026-01-05T09:00:00Z',
      'closesAt: closesAt must be an ISO 8601 date-time, e.g. 2026-01-05T09:00:00Z',
    ]);
  });
});
