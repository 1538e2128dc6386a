import { mockCredentials } from '@backstage/backend-test-utils';
import { routerTestKit } from '@paved/backend-test-utils';
import request from 'supertest';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';

// Item stages are read by the research plugin, as a service, to run previews.
describe('roadmap router: item stages for other plugins', () => {
  it('answers services and users with roadmap.item.read, and 401 without credentials', async () => {
    const store = await RoadmapStore.create(await kit.database());
    const service = new RoadmapService(store);
    await service.createItem(
      {
        title: 'Preview environments',
        summary: 'One per pull request.',
        description: '',
        problem: '',
        category: 'ci-cd',
        owner: 'group:default/platform-team',
        horizon: 'now',
        targetQuarter: null,
        status: 'alpha',
        declineReason: null,
        links: [],
        breakingChange: null,
      },
      PM,
    );
    const app = kit.app(
      await createRouter({ service, ...kit.services(() => true) }),
    );
    const res = await request(app)
      .get('/item-statuses')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        title: 'Preview environments',
        status: 'alpha',
      },
    ]);
    expect((await request(app).get('/item-statuses')).status).toBe(401);
  });
});
