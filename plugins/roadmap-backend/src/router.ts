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
  requirePermission,
  requireUserPermission,
} from '@paved/backend-router-utils';
import {
  createItemSchema,
  itemIdSchema,
  moveItemSchema,
  pageQuerySchema,
  roadmapItemManagePermission,
  roadmapItemReadPermission,
  setItemThemesSchema,
  shippedSinceQuerySchema,
  topThemesQuerySchema,
  updateItemSchema,
} from '@paved/plugin-roadmap-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RoadmapService } from './service/RoadmapService';

/** What the roadmap router needs. */
export interface RouterOptions {
  service: RoadmapService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

const toggleSchema = z.strictObject({
  on: z.boolean({ error: 'on must be true or false' }),
});
const deleteSchema = z.strictObject({ version: z.number().int().min(1) });

/** The REST API under /api/roadmap. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, permissions, auditor } = options;
  const router = Router();
  router.use(jsonBody({ limit: '256kb' }));

  // The signed-in user's entity ref, after checking they hold `permission`.
  const userWith = async (req: Request, permission: BasicPermission) =>
    (await requireUserPermission({ httpAuth, permissions }, req, permission))
      .principal.userEntityRef;

  const audit = <T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => audited(auditor, req, eventId, meta, fn);

  const itemId = (req: Request) =>
    parseRequest(itemIdSchema, req.params.id, 'item id');

  const itemsPage = pageQuerySchema(100);
  const noticesPage = pageQuerySchema(50);

  router.get('/items', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    const page = parseRequest(itemsPage, req.query, 'query');
    res.json(await service.listItems(user, page));
  });

  // Stages only, for other plugins (user research: previews and general availability).
  router.get('/item-statuses', async (req, res) => {
    await requirePermission(
      { httpAuth, permissions },
      req,
      roadmapItemReadPermission,
      ['user', 'service'],
    );
    res.json({ items: await service.itemStatuses() });
  });

  // What shipped since a moment: the survey prompt's "since the last survey we shipped".
  router.get('/shipped', async (req, res) => {
    await userWith(req, roadmapItemReadPermission);
    const { since } = parseRequest(shippedSinceQuerySchema, req.query, 'query');
    res.json({ items: await service.shippedSince(new Date(since)) });
  });

  router.get('/items/:id', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    res.json(await service.getItem(itemId(req), user));
  });

  router.get('/items/:id/history', async (req, res) => {
    await userWith(req, roadmapItemReadPermission);
    res.json({ items: await service.history(itemId(req)) });
  });

  router.post('/items', async (req, res) => {
    const user = await userWith(req, roadmapItemManagePermission);
    const input = parseRequest(createItemSchema, req.body);
    const item = await audit(req, 'item-create', {}, () =>
      service.createItem(input, user),
    );
    res.status(201).json(item);
  });

  router.patch('/items/:id', async (req, res) => {
    const user = await userWith(req, roadmapItemManagePermission);
    const id = itemId(req);
    const patch = parseRequest(updateItemSchema, req.body);
    const { item } = await audit(req, 'item-update', { itemId: id }, () =>
      service.updateItem(id, patch, user),
    );
    res.json(item);
  });

  router.post('/items/:id/move', async (req, res) => {
    const user = await userWith(req, roadmapItemManagePermission);
    const id = itemId(req);
    const move = parseRequest(moveItemSchema, req.body);
    const { item } = await audit(req, 'item-move', { itemId: id }, () =>
      service.moveItem(id, move, user),
    );
    res.json(item);
  });

  router.delete('/items/:id', async (req, res) => {
    const user = await userWith(req, roadmapItemManagePermission);
    const id = itemId(req);
    const { version } = parseRequest(deleteSchema, req.body);
    await audit(req, 'item-delete', { itemId: id }, () =>
      service.deleteItem(id, version, user),
    );
    res.status(204).end();
  });

  router.put('/items/:id/vote', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    const { on } = parseRequest(toggleSchema, req.body);
    res.json(await service.vote(itemId(req), user, on));
  });

  router.put('/items/:id/subscription', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    const { on } = parseRequest(toggleSchema, req.body);
    res.json(await service.subscribe(itemId(req), user, on));
  });

  router.get('/items/:id/demand', async (req, res) => {
    await userWith(req, roadmapItemReadPermission);
    res.json(await service.demand(itemId(req)));
  });

  // The survey's top themes with the items that answer them, in one request.
  router.get('/top-themes', async (req, res) => {
    await userWith(req, roadmapItemReadPermission);
    const { limit } = parseRequest(topThemesQuerySchema, req.query, 'query');
    res.json(await service.topThemes(limit));
  });

  router.put('/items/:id/themes', async (req, res) => {
    await userWith(req, roadmapItemManagePermission);
    const id = itemId(req);
    const { themes } = parseRequest(setItemThemesSchema, req.body);
    res.json(
      await audit(req, 'item-themes', { itemId: id }, () =>
        service.setThemes(id, themes),
      ),
    );
  });

  router.get('/notifications', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    const page = parseRequest(noticesPage, req.query, 'query');
    res.json(await service.notifications(user, page));
  });

  router.post('/notifications/read', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    await service.markNotificationsRead(user);
    res.status(204).end();
  });

  router.post('/visit', async (req, res) => {
    const user = await userWith(req, roadmapItemReadPermission);
    await service.recordVisit(user);
    res.status(204).end();
  });

  const reviewQuery = z.strictObject({
    since: z.iso
      .date({ error: 'since must be a date like 2026-10-01' })
      .optional(),
  });
  router.get('/review.md', async (req, res) => {
    await userWith(req, roadmapItemReadPermission);
    const { since } = parseRequest(reviewQuery, req.query, 'query');
    const markdown = await audit(req, 'review-export', {}, () =>
      service.reviewMarkdown(
        since ? new Date(`${since}T00:00:00Z`) : undefined,
      ),
    );
    res
      .type('text/markdown')
      .attachment('platform-roadmap-review.md')
      .send(markdown);
  });

  // A database outage or a full connection pool is a 503 with Retry-After, not a 500.
  router.use(databaseUnavailableAs503());
  return router;
}
