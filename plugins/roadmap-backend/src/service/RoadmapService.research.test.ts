import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { createItemSchema } from '@paved/plugin-roadmap-common';
import { RoadmapStore } from '../database/RoadmapStore';
import { RoadmapService } from './RoadmapService';
import { ResearchBackendSource, ResearchSource } from './ResearchSource';

const databases = pavedTestDatabases();
const PM = 'user:default/priya.raman';

const item = (title: string, status = 'building') =>
  createItemSchema.parse({
    title,
    summary: `${title}, in one sentence.`,
    category: 'ci-cd',
    owner: 'group:default/platform-team',
    horizon: 'now',
    status,
  });

describe.each(databases.eachSupportedId())(
  'RoadmapService with user research on %p',
  id => {
    let store: RoadmapStore;
    const now = new Date('2026-11-30T10:00:00Z');

    beforeEach(async () => {
      const knex = await databases.init(id);
      store = await RoadmapStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
    });

    it('shows interview participants per study beside the survey demand', async () => {
      const research: ResearchSource = {
        demand: jest.fn(async () => [
          {
            studyId: 's1',
            title: 'Deploying',
            quarter: '2026-Q3',
            participants: 4,
          },
        ]),
        summaries: async () => [],
      };
      const service = new RoadmapService(store, undefined, () => now, research);
      const created = await service.createItem(item('Faster CI'), PM);
      expect(await service.demand(created.id)).toEqual({
        themes: [],
        minGroupSize: null,
        campaigns: [],
        studies: [
          {
            studyId: 's1',
            title: 'Deploying',
            quarter: '2026-Q3',
            participants: 4,
          },
        ],
      });
      expect(research.demand).toHaveBeenCalledWith(created.id);
    });

    it('has no interview demand and no research section without the research plugin', async () => {
      const service = new RoadmapService(store, undefined, () => now);
      const created = await service.createItem(item('Faster CI'), PM);
      expect((await service.demand(created.id)).studies).toEqual([]);
      expect(await service.reviewMarkdown()).not.toContain('user research');
    });

    it('lists every item stage for other plugins', async () => {
      const service = new RoadmapService(store, undefined, () => now);
      const a = await service.createItem(item('Faster CI'), PM);
      const b = await service.createItem(item('Previews', 'alpha'), PM);
      expect(await service.itemStatuses()).toEqual([
        { id: a.id, title: 'Faster CI', status: 'building' },
        { id: b.id, title: 'Previews', status: 'alpha' },
      ]);
    });

    it("includes each study's public summary in the quarterly review, escaped", async () => {
      const summaries = jest.fn(async () => [
        {
          title: 'Deploying *today*',
          quarter: '2026-Q3',
          participants: 7,
          heard: 'CI is slow; staging is shared.',
          willDo: 'Remote build cache.',
          willNotDo: 'A second CI vendor [see ADR].',
        },
      ]);
      const service = new RoadmapService(store, undefined, () => now, {
        demand: async () => [],
        summaries,
      });
      const markdown = await service.reviewMarkdown();
      expect(summaries).toHaveBeenCalledWith(new Date('2026-07-01T00:00:00Z'));
      expect(markdown).toContain('## What we heard in user research');
      expect(markdown).toContain(
        '### Deploying \\*today\\* (Q3 2026, 7 developers)',
      );
      expect(markdown).toContain(
        '**What we will not do, and why:** A second CI vendor \\[see ADR\\]\\.',
      );
      expect(markdown.endsWith('\n')).toBe(true);
    });
  },
);

describe('ResearchBackendSource', () => {
  it('answers no demand and no summaries when the research plugin cannot be reached', async () => {
    const logger = mockServices.logger.mock();
    const source = new ResearchBackendSource(
      { getBaseUrl: async () => 'http://127.0.0.1:9/api/research' } as any,
      mockServices.auth(),
      logger,
    );
    expect(await source.demand('11111111-1111-4111-8111-111111111111')).toEqual(
      [],
    );
    expect(await source.summaries(new Date())).toEqual([]);
    expect(logger.warn).toHaveBeenCalled();
  });
});
