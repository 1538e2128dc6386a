import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { LocalRepositories } from './LocalRepositories';

describe('LocalRepositories.fromConfig', () => {
  it('resolves a relative directory against the working directory', () => {
    const repositories = LocalRepositories.fromConfig(
      new ConfigReader({
        goldenPaths: {
          repositories: { directory: '../../.data/repositories' },
        },
      }),
      { cwd: '/srv/paved/packages/backend' },
    );
    expect(repositories.directory).toBe('/srv/paved/.data/repositories');
  });

  it('keeps an absolute directory', () => {
    const repositories = LocalRepositories.fromConfig(
      new ConfigReader({
        goldenPaths: { repositories: { directory: '/var/lib/paved/repos' } },
      }),
      { cwd: '/srv/paved/packages/backend' },
    );
    expect(repositories.directory).toBe('/var/lib/paved/repos');
  });

  it('defaults to .data/repositories under the working directory', () => {
    const repositories = LocalRepositories.fromConfig(new ConfigReader({}));
    expect(repositories.directory).toBe(
      path.resolve(process.cwd(), '.data/repositories'),
    );
  });

  it('refuses to give a path for an invalid name', () => {
    const repositories = new LocalRepositories('/srv/repos');
    expect(() => repositories.pathFor('../../etc')).toThrow(
      /not a valid component name/,
    );
    expect(repositories.pathFor('orders-api')).toBe('/srv/repos/orders-api');
  });
});
