import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  campaignIdSchema,
  createCampaignSchema,
  npsCampaignManagePermission,
  npsCommentsReadPermission,
  npsResultsReadPermission,
  responseIdSchema,
  setThemesSchema,
  themeDemandQuerySchema,
  latestThemeDemandSchema,
  submitAnswerSchema,
  updateCampaignSchema,
} from '@paved/plugin-nps-common';
import {
  audited,
  databaseUnavailableAs503,
  jsonBody,
  parseRequest,
  requirePermission,
  requireUserPermission,
} from '@paved/backend-router-utils';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, NpsServices } from './service';

/** What the NPS router needs. */
export interface RouterOptions {
  services: NpsServices;
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** The REST API under /api/nps. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { services, httpAuth, userInfo, permissions, auditor } = options;
  const { campaigns, answers, results, comments } = services;
  const router = Router();
  router.use(jsonBody({ limit: '64kb' }));

  async function caller(req: Request): Promise<Caller> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const info = await userInfo.getUserInfo(credentials);
    return {
      userRef: info.userEntityRef,
      ownershipRefs: info.ownershipEntityRefs,
    };
  }

  const authorize = (req: Request, permission: BasicPermission) =>
    requireUserPermission({ httpAuth, permissions }, req, permission);
  const userOrService = (req: Request, permission: BasicPermission) =>
    requirePermission({ httpAuth, permissions }, req, permission, [
      'user',
      'service',
    ]);

  const audit = <T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => audited(auditor, req, eventId, meta, fn);

  const campaignId = (req: Request) =>
    parseRequest(campaignIdSchema, req.params.id, 'campaign id');

  const promptQuery = z.strictObject({
    includePutOff: z.enum(['true', 'false']).optional(),
  });
  router.get('/prompt', async (req, res) => {
    const who = await caller(req);
    const query = parseRequest(promptQuery, req.query, 'query');
    res.json(await answers.prompt(who, query.includePutOff === 'true'));
  });

  router.get('/campaigns', async (req, res) => {
    await authorize(req, npsResultsReadPermission);
    res.json({ items: await campaigns.list() });
  });

  router.post('/campaigns', async (req, res) => {
    await authorize(req, npsCampaignManagePermission);
    const input = parseRequest(createCampaignSchema, req.body);
    const { userRef } = await caller(req);
    const campaign = await audit(req, 'campaign-create', {}, () =>
      campaigns.create(input, userRef),
    );
    res.status(201).json(campaign);
  });

  router.get('/campaigns/:id', async (req, res) => {
    await authorize(req, npsResultsReadPermission);
    res.json(await campaigns.get(campaignId(req)));
  });

  router.patch('/campaigns/:id', async (req, res) => {
    await authorize(req, npsCampaignManagePermission);
    const id = campaignId(req);
    const patch = parseRequest(updateCampaignSchema, req.body);
    res.json(
      await audit(req, 'campaign-update', { campaignId: id }, () =>
        campaigns.update(id, patch),
      ),
    );
  });

  router.post('/campaigns/:id/close', async (req, res) => {
    await authorize(req, npsCampaignManagePermission);
    const id = campaignId(req);
    res.json(
      await audit(req, 'campaign-close', { campaignId: id }, () =>
        campaigns.close(id),
      ),
    );
  });

  router.delete('/campaigns/:id', async (req, res) => {
    await authorize(req, npsCampaignManagePermission);
    const id = campaignId(req);
    await audit(req, 'campaign-delete', { campaignId: id }, () =>
      campaigns.delete(id),
    );
    res.status(204).end();
  });

  router.post('/campaigns/:id/answers', async (req, res) => {
    const who = await caller(req);
    const id = campaignId(req);
    const answer = parseRequest(submitAnswerSchema, req.body);
    // The audit event names the campaign only: never the score next to the user.
    await audit(req, 'answer-submit', { campaignId: id }, () =>
      answers.answer(id, who, answer),
    );
    res.status(201).json({ answered: true });
  });

  router.post('/campaigns/:id/remind-later', async (req, res) => {
    const who = await caller(req);
    const id = campaignId(req);
    parseRequest(z.strictObject({}), req.body ?? {});
    res.json(await answers.remindLater(id, who));
  });

  router.post('/campaigns/:id/not-this-quarter', async (req, res) => {
    const who = await caller(req);
    const id = campaignId(req);
    parseRequest(z.strictObject({}), req.body ?? {});
    await answers.notThisQuarter(id, who);
    res.json({ dismissed: true });
  });

  router.get('/campaigns/:id/results', async (req, res) => {
    await authorize(req, npsResultsReadPermission);
    res.json(await results.results(campaignId(req)));
  });

  router.get('/campaigns/:id/results.csv', async (req, res) => {
    await authorize(req, npsResultsReadPermission);
    const id = campaignId(req);
    const csv = await audit(req, 'results-export', { campaignId: id }, () =>
      results.resultsCsv(id),
    );
    res.type('text/csv').attachment(`nps-results-${id}.csv`).send(csv);
  });

  router.get('/campaigns/:id/comments', async (req, res) => {
    await authorize(req, npsCommentsReadPermission);
    res.json(await comments.comments(campaignId(req)));
  });

  router.get('/campaigns/:id/comments.csv', async (req, res) => {
    await authorize(req, npsCommentsReadPermission);
    const id = campaignId(req);
    const csv = await audit(req, 'comments-export', { campaignId: id }, () =>
      comments.commentsCsv(id),
    );
    res.type('text/csv').attachment(`nps-comments-${id}.csv`).send(csv);
  });

  router.get('/campaigns/:id/themes', async (req, res) => {
    await authorize(req, npsCommentsReadPermission);
    res.json({ items: await comments.themeCounts(campaignId(req)) });
  });

  // Counts per theme: for PMs, and for other plugins (user research tags its findings
  // with the same themes), which call as a service.
  router.get('/themes', async (req, res) => {
    await userOrService(req, npsCommentsReadPermission);
    res.json({ items: await comments.themeCounts() });
  });

  router.put('/responses/:id/themes', async (req, res) => {
    await authorize(req, npsCommentsReadPermission);
    const id = parseRequest(responseIdSchema, req.params.id, 'response id');
    const { themes } = parseRequest(setThemesSchema, req.body);
    await audit(req, 'comment-tag', { responseId: id }, () =>
      comments.setThemes(id, themes),
    );
    res.json({ themes });
  });

  // Aggregate counts only: open to users and to other plugins (the roadmap).
  router.get('/theme-demand', async (req, res) => {
    await userOrService(req, npsResultsReadPermission);
    const { theme } = parseRequest(themeDemandQuerySchema, req.query, 'query');
    res.json(await comments.themeDemand(theme));
  });

  // The top themes in one request (for the roadmap's top-themes aggregate):
  // aggregate counts of at least k only, so open like /theme-demand. A POST
  // because the theme list can be long; it reads and stores nothing.
  router.post('/theme-demand/latest', async (req, res) => {
    await userOrService(req, npsResultsReadPermission);
    const { themes, limit } = parseRequest(latestThemeDemandSchema, req.body);
    res.json(await comments.latestThemeDemand(themes, limit));
  });

  router.get('/trend', async (req, res) => {
    await authorize(req, npsResultsReadPermission);
    res.json(await results.trend());
  });

  // A database outage or a full connection pool is a 503 with Retry-After, not a 500.
  router.use(databaseUnavailableAs503());
  return router;
}
