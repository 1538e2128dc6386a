import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { actionContext, INITIATOR } from '../__testUtils__/actionContext';
import { LocalRepositories } from '../repositories/LocalRepositories';
import { createCheckNameAction } from './checkName';

describe('paved:component:check-name', () => {
  const root = createMockDirectory();
  const workspace = createMockDirectory();

  function setup() {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'payments-api', namespace: 'default' },
          spec: { type: 'service', owner: 'group:default/checkout' },
        },
      ],
    });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const action = createCheckNameAction({
      catalog,
      repositories: new LocalRepositories(root.resolve('repositories')),
    });
    const check = (input: { name: string; namespace?: string }) => {
      const { ctx, outputs } = actionContext(action, {
        workspacePath: workspace.path,
        input,
      });
      return action.handler(ctx).then(() => outputs);
    };
    return { check, getEntityByRef };
  }

  beforeEach(() => {
    root.setContent({ 'repositories/orders-api/README.md': '# orders-api' });
    workspace.clear();
  });

  it('accepts a free name, asking the catalog as the person running the template, and writes nothing', async () => {
    const { check, getEntityByRef } = setup();
    await expect(check({ name: 'shipping-api' })).resolves.toEqual({});
    expect(getEntityByRef).toHaveBeenCalledWith(
      'component:default/shipping-api',
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ userEntityRef: INITIATOR }),
        }),
      },
    );
    expect(root.content()).toEqual({
      repositories: { 'orders-api': { 'README.md': '# orders-api' } },
    });
    expect(workspace.content()).toEqual({});
  });

  it.each([
    ['../../etc', /"\.\.\/\.\.\/etc" is not a valid component name/],
    ['Foo', /"Foo" is not a valid component name/],
    ['a', /"a" is too short: use at least 3 characters/],
    ['my service', /"my service" is not a valid component name/],
    ['-leading', /not a valid component name/],
    ['x'.repeat(64), /too long: use at most 63 characters/],
  ])('refuses the name %j, saying why', async (name, message) => {
    const { check, getEntityByRef } = setup();
    await expect(check({ name })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('refuses a name the catalog already has, naming the component and its owner', async () => {
    const { check } = setup();
    await expect(check({ name: 'payments-api' })).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'component:default/payments-api, owned by group:default/checkout',
      ),
    });
  });

  it('looks in the namespace it is given', async () => {
    const { check, getEntityByRef } = setup();
    await expect(
      check({ name: 'payments-api', namespace: 'shop' }),
    ).resolves.toEqual({});
    expect(getEntityByRef).toHaveBeenCalledWith(
      'component:shop/payments-api',
      expect.anything(),
    );
    await expect(
      check({ name: 'shipping-api', namespace: 'Not A Namespace' }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refuses a name whose repository folder already exists', async () => {
    const { check } = setup();
    await expect(check({ name: 'orders-api' })).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /A repository named "orders-api" already exists at .*repositories\/orders-api/,
      ),
    });
  });
});
