import { createMockDirectory } from '@backstage/backend-test-utils';
import { UserEntity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { actionContext, INITIATOR } from '../__testUtils__/actionContext';
import { LocalRepositories } from '../repositories/LocalRepositories';
import {
  createPublishLocalAction,
  REPOSITORY_PUBLISHED_TOPIC,
} from './publishLocal';

const catalogInfo = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Takes orders
spec:
  type: service
  lifecycle: experimental
  owner: group:default/checkout
`;

const priya: UserEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'priya.raman' },
  spec: {
    profile: { displayName: 'Priya Raman', email: 'priya@lumen.example' },
    memberOf: ['platform-team'],
  },
};

const existingComponent = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:checkout' },
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('paved:publish:local', () => {
  const workspace = createMockDirectory();
  const root = createMockDirectory();
  const reposDir = () => root.resolve('repositories');

  function setup(
    catalogWait: { timeoutMs: number; intervalMs: number } = {
      timeoutMs: 0,
      intervalMs: 0,
    },
  ) {
    const catalog = catalogServiceMock({ entities: [existingComponent] });
    const addLocation = jest.spyOn(catalog, 'addLocation');
    const events = {
      publish: jest.fn(async () => {}),
      subscribe: jest.fn(async () => {}),
    };
    const repositories = new LocalRepositories(reposDir());
    const action = createPublishLocalAction({
      catalog,
      repositories,
      events,
      catalogWait,
    });
    return { catalog, addLocation, publish: events.publish, action };
  }

  /** Everything in the repositories folder, hidden entries included. */
  function leftovers(): string[] {
    return fs.existsSync(reposDir()) ? fs.readdirSync(reposDir()) : [];
  }

  beforeEach(() => {
    root.clear();
    workspace.setContent({
      'catalog-info.yaml': catalogInfo('orders-api'),
      'README.md': '# orders-api\n',
      'src/index.ts': 'export const answer = 42;\n',
      // A repository the workspace happened to contain is not published.
      '.git/HEAD': 'ref: refs/heads/elsewhere\n',
    });
  });

  it('publishes the workspace as a repository with one commit by the user and tells the catalog', async () => {
    const { action, addLocation, publish } = setup();
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api', description: 'Takes orders' },
      user: { entity: priya, ref: INITIATOR },
      templateInfo: {
        entityRef: 'template:default/typescript-service',
        entity: {
          metadata: { name: 'typescript-service', title: 'TypeScript service' },
        },
      },
    });

    await action.handler(ctx);

    const repoPath = path.join(reposDir(), 'orders-api');
    expect(leftovers()).toEqual(['orders-api']);
    expect(git(repoPath, 'log', '--format=%an <%ae>|%cn <%ce>|%s')).toBe(
      'Priya Raman <priya@lumen.example>|Priya Raman <priya@lumen.example>|' +
        'Create orders-api from the TypeScript service golden path',
    );
    expect(git(repoPath, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect(git(repoPath, 'ls-files').split('\n')).toEqual([
      'README.md',
      'catalog-info.yaml',
      'src/index.ts',
    ]);
    expect(git(repoPath, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git(repoPath, 'status', '--porcelain')).toBe('');
    expect(fs.readFileSync(path.join(repoPath, 'src/index.ts'), 'utf8')).toBe(
      'export const answer = 42;\n',
    );
    expect(
      fs.readFileSync(path.join(repoPath, '.git/description'), 'utf8'),
    ).toBe('Takes orders\n');

    const catalogInfoPath = path.join(repoPath, 'catalog-info.yaml');
    // The catalog hears of it through the events service; no location is registered.
    expect(addLocation).not.toHaveBeenCalled();
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({
      topic: REPOSITORY_PUBLISHED_TOPIC,
      eventPayload: {
        name: 'orders-api',
        entityRef: 'component:default/orders-api',
      },
    });
    expect(outputs).toEqual({
      repoPath,
      remoteUrl: pathToFileURL(repoPath).href,
      catalogInfoPath,
      entityRef: 'component:default/orders-api',
    });
    expect(outputs.remoteUrl).toMatch(/^file:\/\/\//);
  });

  it('can be cloned from its remote URL', async () => {
    const { action } = setup();
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await action.handler(ctx);

    git(root.path, 'clone', '--quiet', String(outputs.remoteUrl), 'clone');
    expect(fs.existsSync(root.resolve('clone/catalog-info.yaml'))).toBe(true);
  });

  it('publishes only sourcePath, on the requested branch, as the scaffolder when the user has no email', async () => {
    workspace.addContent({
      'app/catalog-info.yaml': catalogInfo('web-shop'),
      'app/index.html': '<!doctype html>\n',
    });
    const { action } = setup();
    const noEmail: UserEntity = {
      ...priya,
      spec: { profile: { displayName: 'Priya Raman' } },
    };
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'web-shop', sourcePath: 'app', defaultBranch: 'trunk' },
      user: { entity: noEmail, ref: INITIATOR },
    });

    await action.handler(ctx);

    const repoPath = path.join(reposDir(), 'web-shop');
    expect(git(repoPath, 'log', '--format=%an <%ae>|%s')).toBe(
      'Paved Scaffolder <scaffolder@paved.local>|Create web-shop',
    );
    expect(git(repoPath, 'symbolic-ref', '--short', 'HEAD')).toBe('trunk');
    expect(git(repoPath, 'ls-files').split('\n')).toEqual([
      'catalog-info.yaml',
      'index.html',
    ]);
    expect(outputs.entityRef).toBe('component:default/web-shop');
  });

  it('finishes once the catalog lists the new component, so that "Open in catalog" finds it', async () => {
    const { action, catalog } = setup({ timeoutMs: 5_000, intervalMs: 10 });
    const lookUp = catalog.getEntityByRef.bind(catalog);
    let asked = 0;
    // Not there before the publish (the name check), then missing twice while
    // the catalog ingests it, then listed.
    jest
      .spyOn(catalog, 'getEntityByRef')
      .mockImplementation(async (_ref, options) => {
        asked += 1;
        if (asked <= 3) return undefined;
        return lookUp('component:default/payments-api', options!);
      });
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await action.handler(ctx);
    expect(asked).toBe(4);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'The catalog lists component:default/orders-api',
    );
    expect(outputs.entityRef).toBe('component:default/orders-api');
  });

  it('does not fail when the catalog is slower than the wait: the component appears at its next scan', async () => {
    const { action } = setup({ timeoutMs: 50, intervalMs: 10 });
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await action.handler(ctx);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'The catalog does not list component:default/orders-api yet',
      ),
    );
    expect(outputs.entityRef).toBe('component:default/orders-api');
    expect(leftovers()).toEqual(['orders-api']);
  });

  it('takes the entity ref from catalog-info.yaml, namespace included', async () => {
    workspace.addContent({
      'catalog-info.yaml': catalogInfo('orders-api').replace(
        '  name: orders-api',
        '  name: orders-api\n  namespace: shop',
      ),
    });
    const { action } = setup();
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await action.handler(ctx);
    expect(outputs.entityRef).toBe('component:shop/orders-api');
  });

  it.each([
    ['../../etc', /not a valid component name/],
    ['Foo', /not a valid component name/],
    ['ab', /too short/],
    ['orders api', /not a valid component name/],
    ['orders--api', /not a valid component name/],
    ['x'.repeat(64), /too long/],
  ])('refuses the name %j and writes nothing', async (name, message) => {
    const { action, publish } = setup();
    const { ctx } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(leftovers()).toEqual([]);
    expect(fs.existsSync(root.resolve('etc'))).toBe(false);
    expect(publish).not.toHaveBeenCalled();
  });

  it('refuses a name whose folder already exists and leaves that folder alone', async () => {
    root.setContent({ 'repositories/orders-api/keep.txt': 'mine' });
    const { action, publish } = setup();
    const { ctx } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('already exists'),
    });
    expect(root.content({ path: 'repositories' })).toEqual({
      'orders-api': { 'keep.txt': 'mine' },
    });
    expect(publish).not.toHaveBeenCalled();
  });

  it('refuses a component the catalog already has', async () => {
    workspace.addContent({ 'catalog-info.yaml': catalogInfo('payments-api') });
    const { action, publish } = setup();
    const { ctx } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'payments-api' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('component:default/payments-api'),
    });
    expect(leftovers()).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });

  it('keeps the repository when the event cannot be sent: the periodic scan finds it', async () => {
    const { action, publish } = setup();
    publish.mockRejectedValue(new Error('event bus down'));
    const { ctx, outputs } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await action.handler(ctx);
    expect(leftovers()).toEqual(['orders-api']);
    expect(outputs.entityRef).toBe('component:default/orders-api');
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('next periodic scan'),
    );
  });

  it('leaves no half-built folder behind when git fails', async () => {
    const { action, publish } = setup();
    const { ctx } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api', defaultBranch: 'no..such..branch' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(/git init failed/);
    expect(leftovers()).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });

  it.each(['../outside', '/etc', 'src/../../outside'])(
    'refuses the sourcePath %j, which leaves the workspace',
    async sourcePath => {
      const { action, publish } = setup();
      const { ctx } = actionContext(action, {
        workspacePath: workspace.path,
        input: { name: 'orders-api', sourcePath },
      });
      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
      expect(leftovers()).toEqual([]);
      expect(publish).not.toHaveBeenCalled();
    },
  );

  it('refuses a workspace without a catalog-info.yaml', async () => {
    workspace.setContent({ 'README.md': '# nothing to register\n' });
    const { action, publish } = setup();
    const { ctx } = actionContext(action, {
      workspacePath: workspace.path,
      input: { name: 'orders-api' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('no catalog-info.yaml'),
    });
    expect(leftovers()).toEqual([]);
    expect(publish).not.toHaveBeenCalled();
  });
});
