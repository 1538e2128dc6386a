import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  audited,
  databaseUnavailableAs503,
  jsonBody,
  parseRequest,
  requireUserPermission,
} from '@paved/backend-router-utils';
import {
  HealthTargets,
  checkInSchema,
  createObjectiveSchema,
  deleteObjectiveQuerySchema,
  okrIdSchema,
  okrQuerySchema,
  platformHealthOkrManagePermission,
  platformHealthReadPermission,
  reviewExportSchema,
  updateObjectiveSchema,
} from '@paved/plugin-platform-health-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { OkrService } from './service/OkrService';

/** What the platform-health router needs. */
export interface RouterOptions {
  service: OkrService;
  targets: HealthTargets;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** The REST API under /api/platform-health. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, targets, httpAuth, permissions, auditor } = options;
  const router = Router();
  router.use(jsonBody({ limit: '64kb' }));

  const user = (req: Request, permission: BasicPermission) =>
    requireUserPermission({ httpAuth, permissions }, req, permission);

  router.get('/targets', async (req, res) => {
    await user(req, platformHealthReadPermission);
    res.json(targets);
  });

  router.get('/okrs', async (req, res) => {
    await user(req, platformHealthReadPermission);
    const { quarter } = parseRequest(okrQuerySchema, req.query, 'query');
    res.json(await service.list(quarter));
  });

  router.post('/objectives', async (req, res) => {
    const credentials = await user(req, platformHealthOkrManagePermission);
    const input = parseRequest(createObjectiveSchema, req.body);
    const objective = await audited(
      auditor,
      req,
      'objective-create',
      { quarter: input.quarter },
      () => service.create(input, credentials.principal.userEntityRef),
    );
    res.status(201).json(objective);
  });

  router.put('/objectives/:id', async (req, res) => {
    const credentials = await user(req, platformHealthOkrManagePermission);
    const id = parseRequest(okrIdSchema, req.params.id, 'objective id');
    const input = parseRequest(updateObjectiveSchema, req.body);
    res.json(
      await audited(auditor, req, 'objective-update', { objectiveId: id }, () =>
        service.update(id, input, credentials.principal.userEntityRef),
      ),
    );
  });

  router.get('/objectives/:id/history', async (req, res) => {
    await user(req, platformHealthReadPermission);
    const id = parseRequest(okrIdSchema, req.params.id, 'objective id');
    res.json(await service.history(id));
  });

  router.delete('/objectives/:id', async (req, res) => {
    await user(req, platformHealthOkrManagePermission);
    const id = parseRequest(okrIdSchema, req.params.id, 'objective id');
    const { version } = parseRequest(
      deleteObjectiveQuerySchema,
      req.query,
      'query',
    );
    await audited(auditor, req, 'objective-delete', { objectiveId: id }, () =>
      service.delete(id, version),
    );
    res.status(204).end();
  });

  router.post('/key-results/:id/check-ins', async (req, res) => {
    const credentials = await user(req, platformHealthOkrManagePermission);
    const id = parseRequest(okrIdSchema, req.params.id, 'key result id');
    const input = parseRequest(checkInSchema, req.body);
    const checkIn = await audited(
      auditor,
      req,
      'key-result-check-in',
      { keyResultId: id },
      () => service.checkIn(id, input, credentials.principal.userEntityRef),
    );
    res.status(201).json(checkIn);
  });

  // The review is assembled in the browser from the owners' APIs; the export
  // itself is recorded here, as every Paved export is.
  router.post('/review-exports', async (req, res) => {
    const credentials = await user(req, platformHealthReadPermission);
    const { quarter, format } = parseRequest(reviewExportSchema, req.body);
    await audited(
      auditor,
      req,
      'review-export',
      { quarter, format, userRef: credentials.principal.userEntityRef },
      async () => undefined,
    );
    res.status(204).end();
  });

  router.use(databaseUnavailableAs503());
  return router;
}
