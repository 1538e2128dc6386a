import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  databaseUnavailableAs503,
  parseRequest,
  requireUserPermission,
} from '@paved/backend-router-utils';
import {
  adoptionQuerySchema,
  monthlyAdoptionQuerySchema,
  goldenPathsReadPermission,
  nameParamsSchema,
  offPathQuerySchema,
  pathParamsSchema,
} from '@paved/plugin-golden-paths-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { GoldenPathsService } from './service/GoldenPathsService';

/** What the golden-paths router needs. */
export interface RouterOptions {
  service: GoldenPathsService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** The REST API under /api/golden-paths: read-only, for signed-in users. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions } = options;
  const router = Router();

  const reader = (req: Request) =>
    requireUserPermission(
      { httpAuth, permissions },
      req,
      goldenPathsReadPermission,
    );

  router.get('/paths', async (req, res) => {
    const credentials = await reader(req);
    res.json({ paths: await service.listPaths(credentials) });
  });

  router.get('/paths/:namespace/:name', async (req, res) => {
    const credentials = await reader(req);
    const { namespace, name } = parseRequest(
      pathParamsSchema,
      req.params,
      'golden path',
    );
    res.json(await service.getPath(namespace, name, credentials));
  });

  // The Scaffolder form checks a new component's name while the user types.
  router.get('/names/:name', async (req, res) => {
    const credentials = await reader(req);
    const { name } = parseRequest(nameParamsSchema, req.params, 'name');
    res.json(await service.nameAvailability(name, credentials));
  });

  router.get('/adoption', async (req, res) => {
    await reader(req);
    const { from, to } = parseRequest(adoptionQuerySchema, req.query, 'query');
    res.json(await service.adoptionTrend(from, to));
  });

  router.get('/adoption/monthly', async (req, res) => {
    await reader(req);
    const { from, to } = parseRequest(
      monthlyAdoptionQuerySchema,
      req.query,
      'query',
    );
    res.json(await service.adoptionByMonth(from, to));
  });

  router.get('/adoption/teams', async (req, res) => {
    await reader(req);
    const { from, to } = parseRequest(adoptionQuerySchema, req.query, 'query');
    res.json(await service.adoptionByTeam(from, to));
  });

  router.get('/adoption/off-path', async (req, res) => {
    await reader(req);
    const { limit } = parseRequest(offPathQuerySchema, req.query, 'query');
    res.json({ services: await service.offPath(limit) });
  });

  // A database outage or a full connection pool is a 503 with Retry-After, not a 500.
  router.use(databaseUnavailableAs503());
  return router;
}
