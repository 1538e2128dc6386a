import {
  AuditorService,
  DatabaseService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ServiceMock,
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { Knex } from 'knex';

/** The caller of a request, as a router test's permission rule sees it. */
export type TestPrincipal = {
  type: string;
  userEntityRef?: string;
  subject?: string;
};

/** What {@link routerTestKit} gives a router test file. */
export interface RouterTestKit {
  /** A fresh SQLite database, for a test that also seeds or reads it directly. */
  knex(): Promise<Knex>;
  /** A fresh SQLite database service; the store migrates it when it is created. */
  database(): Promise<DatabaseService>;
  /**
   * The services every Paved router takes, to spread into `createRouter`'s
   * options: HTTP auth that reads the mock credentials' headers (no
   * credentials without one), permissions that `allows` decides per permission
   * name and caller (the operator's policy in short), and an auditor mock
   * whose events resolve.
   */
  services(
    allows: (permissionName: string, principal: TestPrincipal) => boolean,
  ): {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: ServiceMock<AuditorService>;
  };
  /** The router as a test app, behind the error handler a backend puts after it. */
  app(router: express.Router): express.Express;
}

/**
 * The kit of a router test file: call once, at the file's top level (its
 * databases are cleaned up after the file).
 */
export function routerTestKit(): RouterTestKit {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3'],
    disableDocker: true,
  });
  const knex = () => databases.init('SQLITE_3');
  return {
    knex,
    async database() {
      return mockServices.database({
        knex: await knex(),
        migrations: { skip: false },
      });
    },
    services(allows) {
      const auditor = mockServices.auditor.mock();
      auditor.createEvent.mockResolvedValue({
        success: jest.fn(),
        fail: jest.fn(),
      });
      const permissions: PermissionsService = mockServices.permissions.mock({
        async authorize(requests, options) {
          const principal = (
            options as { credentials: { principal: TestPrincipal } }
          ).credentials.principal;
          return requests.map(r => ({
            result: allows(r.permission.name, principal)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          }));
        },
      });
      return {
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        permissions,
        auditor,
      };
    },
    app(router) {
      return express().use(router).use(mockErrorHandler());
    },
  };
}

/** The authorization header of a signed-in user's mock token. */
export function asUser(userEntityRef: string): string {
  return mockCredentials.user.header(userEntityRef);
}
