import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import request from 'supertest';
import { npsFixture } from './__testUtils__/fixtures';
import { createRouter } from './router';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';

// The shared theme list is read by other plugins (user research) as a service.
describe('NPS router: the theme list for other plugins', () => {
  it('answers services and PMs, and refuses developers', async () => {
    const { services } = await npsFixture(await kit.knex());
    const router = await createRouter({
      services,
      ...kit.services(
        (_permission, { type, userEntityRef }) =>
          type === 'service' || userEntityRef === PM,
      ),
      userInfo: mockServices.userInfo(),
    });
    const app = kit.app(router);

    const service = await request(app)
      .get('/themes')
      .set('authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.body).toEqual({ items: [] });
    const pm = await request(app)
      .get('/themes')
      .set('authorization', asUser(PM));
    expect(pm.status).toBe(200);
    const dev = await request(app)
      .get('/themes')
      .set('authorization', asUser(DEV));
    expect(dev.status).toBe(403);
    expect((await request(app).get('/themes')).status).toBe(401);
  });
});
