import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  audited,
  databaseUnavailableAs503,
  parseRequest,
  requirePermission,
  requireUserPermission,
} from '@paved/backend-router-utils';
import {
  doraQuerySchema,
  markerIdSchema,
  onboardingQuerySchema,
  platformMetricsEventCreatePermission,
  platformMetricsReadPermission,
  platformMetricsReleaseManagePermission,
  releaseImpactQuerySchema,
  releaseMarkerSchema,
  unmappedQuerySchema,
} from '@paved/plugin-platform-metrics-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { MetricsService } from './service/MetricsService';

/** What the platform-metrics router needs. */
export interface RouterOptions {
  service: MetricsService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** The REST API under /api/platform-metrics. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions, auditor } = options;
  const router = Router();
  // A batch of 5,000 deployments with their commits is a few megabytes.
  router.use(express.json({ limit: '25mb' }));

  const user = (req: Request, permission: BasicPermission) =>
    requireUserPermission({ httpAuth, permissions }, req, permission);

  // Events come from CI/CD and incident tools with external-access tokens
  // (service principals); the permission check applies a token's access
  // restrictions.
  const sender = async (req: Request) =>
    (
      await requirePermission(
        { httpAuth, permissions },
        req,
        platformMetricsEventCreatePermission,
        ['service'],
      )
    ).principal;

  router.post('/deployments', async (req, res) => {
    const principal = await sender(req);
    res.json(
      await audited(
        auditor,
        req,
        'deployments-ingest',
        { subject: principal.subject },
        () => service.ingestDeployments(req.body, principal),
      ),
    );
  });

  router.post('/incidents', async (req, res) => {
    const principal = await sender(req);
    res.json(
      await audited(
        auditor,
        req,
        'incidents-ingest',
        { subject: principal.subject },
        () => service.ingestIncidents(req.body, principal),
      ),
    );
  });

  router.post('/sign-ins', async (req, res) => {
    const credentials = await user(req, platformMetricsReadPermission);
    const userRef = credentials.principal.userEntityRef;
    await audited(auditor, req, 'sign-in-record', { userRef }, () =>
      service.recordSignIn(userRef),
    );
    res.status(204).end();
  });

  router.get('/dora', async (req, res) => {
    await user(req, platformMetricsReadPermission);
    res.json(
      await service.dora(parseRequest(doraQuerySchema, req.query, 'query')),
    );
  });

  router.get('/filters', async (req, res) => {
    await user(req, platformMetricsReadPermission);
    res.json(await service.filters());
  });

  router.get('/unmapped-services', async (req, res) => {
    await user(req, platformMetricsReadPermission);
    const { limit } = parseRequest(unmappedQuerySchema, req.query, 'query');
    res.json({ services: await service.unmapped(limit) });
  });

  router.get('/onboarding', async (req, res) => {
    await user(req, platformMetricsReadPermission);
    res.json(
      await service.onboarding(
        parseRequest(onboardingQuerySchema, req.query, 'query'),
      ),
    );
  });

  router.get('/releases', async (req, res) => {
    const credentials = await user(req, platformMetricsReadPermission);
    res.json({ releases: await service.releases(credentials) });
  });

  router.get('/release-impact', async (req, res) => {
    const credentials = await user(req, platformMetricsReadPermission);
    const { release, days } = parseRequest(
      releaseImpactQuerySchema,
      req.query,
      'query',
    );
    res.json(await service.releaseImpact(release, days, credentials));
  });

  router.post('/releases', async (req, res) => {
    const credentials = await user(req, platformMetricsReleaseManagePermission);
    const input = parseRequest(releaseMarkerSchema, req.body);
    const release = await audited(
      auditor,
      req,
      'release-marker-create',
      {},
      () => service.addMarker(input, credentials.principal.userEntityRef),
    );
    res.status(201).json(release);
  });

  router.delete('/markers/:id', async (req, res) => {
    await user(req, platformMetricsReleaseManagePermission);
    const id = parseRequest(markerIdSchema, req.params.id, 'marker id');
    await audited(
      auditor,
      req,
      'release-marker-delete',
      { markerId: String(id) },
      () => service.deleteMarker(id),
    );
    res.status(204).end();
  });

  // A database outage or a full connection pool is a 503 with Retry-After, not a 500.
  router.use(databaseUnavailableAs503());
  return router;
}
