import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import { LocalRepositoriesEntityProvider } from './LocalRepositoriesEntityProvider';

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: experimental
  owner: group:default/checkout
`;

describe('LocalRepositoriesEntityProvider', () => {
  const root = createMockDirectory();
  const outside = createMockDirectory();
  const repos = () => root.resolve('repositories');

  async function emitted() {
    const logger = mockServices.logger.mock();
    const provider = new LocalRepositoriesEntityProvider(repos(), logger);
    const mutations: EntityProviderMutation[] = [];
    await provider.connect({
      applyMutation: async mutation => {
        mutations.push(mutation);
      },
      refresh: async () => {},
    });
    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    return { entities: mutation.entities, warnings, provider, mutations };
  }

  beforeEach(() => {
    root.clear();
    outside.clear();
  });

  it('emits the catalog-info.yaml of each repository, annotated with its real path', async () => {
    root.setContent({
      'repositories/orders-api/catalog-info.yaml': component('orders-api'),
      'repositories/orders-api/README.md': '# orders-api\n',
      // Still being built by the publish action.
      'repositories/.web-shop-1234/catalog-info.yaml': component('web-shop'),
      'repositories/no-catalog-info/README.md': 'nothing\n',
    });
    const { entities, warnings } = await emitted();
    const file = `${fs.realpathSync(repos())}/orders-api/catalog-info.yaml`;
    expect(entities).toEqual([
      {
        locationKey: 'paved-local-repositories:orders-api',
        entity: expect.objectContaining({
          kind: 'Component',
          metadata: {
            name: 'orders-api',
            annotations: {
              'backstage.io/managed-by-location': `file:${file}`,
              'backstage.io/managed-by-origin-location': `file:${file}`,
            },
          },
        }),
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('refuses symlinks that leave the directory, and links to other files in it', async () => {
    outside.setContent({
      'secret.yaml': component('stolen'),
      'elsewhere/catalog-info.yaml': component('elsewhere'),
    });
    root.setContent({
      'repositories/orders-api/catalog-info.yaml': component('orders-api'),
      'repositories/orders-api/notes.yaml': component('notes'),
      'repositories/file-link/README.md': 'x\n',
      'repositories/inner-link/README.md': 'x\n',
    });
    // The file is a link to a file outside; the repository is a link outside;
    // the file is a link to a file inside that is not a catalog-info.yaml.
    fs.symlinkSync(
      outside.resolve('secret.yaml'),
      root.resolve('repositories/file-link/catalog-info.yaml'),
    );
    fs.symlinkSync(
      outside.resolve('elsewhere'),
      root.resolve('repositories/dir-link'),
    );
    fs.symlinkSync(
      '../orders-api/notes.yaml',
      root.resolve('repositories/inner-link/catalog-info.yaml'),
    );
    fs.symlinkSync('/etc/passwd', root.resolve('repositories/etc-passwd'));

    const { entities, warnings } = await emitted();
    expect(entities.map(e => e.entity.metadata.name)).toEqual(['orders-api']);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Refused .*dir-link\/catalog-info\.yaml: it resolves to .*elsewhere\/catalog-info\.yaml/,
      ),
      expect.stringMatching(
        /^Refused .*file-link\/catalog-info\.yaml: it resolves to .*secret\.yaml/,
      ),
      expect.stringMatching(
        /^Refused .*inner-link\/catalog-info\.yaml: it resolves to .*orders-api\/notes\.yaml/,
      ),
    ]);
  });

  it('accepts only what a service declares: a Location could point anywhere', async () => {
    root.setContent({
      'repositories/sneaky/catalog-info.yaml': [
        component('sneaky'),
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata:',
        '  name: everything',
        'spec:',
        '  type: file',
        '  target: /etc/passwd',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: User',
        'metadata:',
        '  name: admin',
        'spec: {}',
      ].join('\n'),
      'repositories/broken/catalog-info.yaml': 'not: [valid',
    });
    const { entities, warnings } = await emitted();
    expect(entities.map(e => e.entity.kind)).toEqual(['Component']);
    expect(warnings).toEqual([
      expect.stringMatching(/^Skipped an entity in .*broken/),
      expect.stringMatching(/^Refused a Location in .*sneaky/),
      expect.stringMatching(/^Refused a User in .*sneaky/),
    ]);
  });

  it('sees new repositories on refresh, and emits nothing without the directory', async () => {
    const { provider, mutations, entities } = await emitted();
    expect(entities).toEqual([]);
    root.setContent({
      'repositories/parcel-quotes/catalog-info.yaml':
        component('parcel-quotes'),
    });
    await provider.refresh();
    expect(mutations).toHaveLength(2);
    expect(
      mutations[1].type === 'full' &&
        mutations[1].entities.map(e => e.entity.metadata.name),
    ).toEqual(['parcel-quotes']);
  });
});
