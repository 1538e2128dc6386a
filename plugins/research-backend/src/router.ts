import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  audited,
  databaseUnavailableAs503,
  parseRequest,
  requirePermission,
  requireUserPermission,
} from '@paved/backend-router-utils';
import {
  acceptSchema,
  createStudySchema,
  feedbackSchema,
  feedbackThemesSchema,
  idSchema,
  inviteSchema,
  itemDemandQuerySchema,
  observationSchema,
  openPreviewSchema,
  previewNoticeSchema,
  previewsQuerySchema,
  rawNotesSchema,
  researchNotesReadPermission,
  researchPreviewManagePermission,
  researchReadPermission,
  researchStudyManagePermission,
  summariesQuerySchema,
  summarySchema,
  updateStudySchema,
  volunteerSchema,
} from '@paved/plugin-research-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PreviewService } from './service/PreviewService';
import { StudyService, Viewer } from './service/StudyService';

/** What the research router needs. */
export interface RouterOptions {
  studies: StudyService;
  previews: PreviewService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  /** The portal's address, for links in calendar files. */
  portalUrl: string;
}

const emptyBody = z.strictObject({});

/** The REST API under /api/research. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { studies, previews, httpAuth, permissions, auditor } = options;
  const router = Router();
  router.use(express.json({ limit: '256kb' }));

  // The signed-in user's entity ref, after checking they hold `permission`.
  const userWith = async (req: Request, permission: BasicPermission) =>
    (await requireUserPermission({ httpAuth, permissions }, req, permission))
      .principal.userEntityRef;

  // A study viewer: who they are and whether they may see findings and names.
  const viewer = async (req: Request): Promise<Viewer> => {
    const credentials = await requireUserPermission(
      { httpAuth, permissions },
      req,
      researchReadPermission,
    );
    const [manage, names] = await permissions.authorize(
      [
        { permission: researchStudyManagePermission },
        { permission: researchNotesReadPermission },
      ],
      { credentials },
    );
    return {
      userRef: credentials.principal.userEntityRef,
      manage: manage.result === AuthorizeResult.ALLOW,
      names:
        manage.result === AuthorizeResult.ALLOW &&
        names.result === AuthorizeResult.ALLOW,
    };
  };

  // Aggregates without names, open to users and to other plugins (the roadmap).
  const readerOrService = (req: Request) =>
    requirePermission({ httpAuth, permissions }, req, researchReadPermission, [
      'user',
      'service',
    ]);

  const audit = <T>(
    req: Request,
    eventId: string,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => audited(auditor, req, eventId, meta, fn);

  const id = (req: Request, what = 'id') =>
    parseRequest(idSchema, req.params.id, what);

  // --- public: summaries, demand, volunteering ------------------------------------------

  router.get('/summaries', async (req, res) => {
    await readerOrService(req);
    const { since } = parseRequest(summariesQuerySchema, req.query, 'query');
    res.json({
      items: await studies.publicSummaries(
        since ? new Date(`${since}T00:00:00Z`) : undefined,
      ),
    });
  });

  router.get('/item-demand', async (req, res) => {
    await readerOrService(req);
    const { item } = parseRequest(itemDemandQuerySchema, req.query, 'query');
    res.json({ items: await studies.itemDemand(item) });
  });

  router.get('/volunteer', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    res.json(await studies.isVolunteer(user));
  });

  router.put('/volunteer', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    parseRequest(volunteerSchema, req.body ?? {});
    res.json(
      await audit(req, 'volunteer', {}, () => studies.volunteer(user, true)),
    );
  });

  router.delete('/volunteer', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    res.json(
      await audit(req, 'volunteer-stop', {}, () =>
        studies.volunteer(user, false),
      ),
    );
  });

  // --- studies --------------------------------------------------------------------------

  router.get('/studies', async (req, res) => {
    await userWith(req, researchReadPermission);
    res.json({ items: await studies.listStudies() });
  });

  router.post('/studies', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    const input = parseRequest(createStudySchema, req.body);
    const created = await audit(req, 'study-create', {}, () =>
      studies.createStudy(input, user),
    );
    res.status(201).json(await studies.getStudy(created, await viewer(req)));
  });

  router.get('/studies/:id', async (req, res) => {
    res.json(await studies.getStudy(id(req, 'study id'), await viewer(req)));
  });

  router.patch('/studies/:id', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    const studyId = id(req, 'study id');
    const patch = parseRequest(updateStudySchema, req.body);
    await audit(req, 'study-update', { studyId }, () =>
      studies.updateStudy(studyId, patch, user),
    );
    res.json(await studies.getStudy(studyId, await viewer(req)));
  });

  router.put('/studies/:id/summary', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    const studyId = id(req, 'study id');
    const input = parseRequest(summarySchema, req.body);
    await audit(req, 'study-summary', { studyId }, () =>
      studies.saveSummary(studyId, input, user),
    );
    res.json(await studies.getStudy(studyId, await viewer(req)));
  });

  router.get('/studies/:id/recruiting', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    res.json(await studies.recruiting(id(req, 'study id')));
  });

  router.post('/studies/:id/invitations', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    const studyId = id(req, 'study id');
    const input = parseRequest(inviteSchema, req.body);
    res
      .status(201)
      .json(
        await audit(req, 'study-invite', { studyId }, () =>
          studies.invite(studyId, input, user),
        ),
      );
  });

  router.get('/studies/:id/synthesis', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    res.json(await studies.synthesis(id(req, 'study id')));
  });

  router.get('/people', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    res.json({ items: await studies.people() });
  });

  // Survey comment counts per theme are for platform PMs, as in the NPS plugin.
  router.get('/themes', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    res.json({ items: await studies.sharedThemes() });
  });

  router.get('/roadmap-items', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    res.json({ items: await studies.roadmapItems() });
  });

  // --- invitations, as the invited developer answers them -------------------------------

  router.get('/invitations', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    res.json({ items: await studies.myInvitations(user) });
  });

  router.post('/invitations/:id/accept', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const invitationId = id(req, 'invitation id');
    const { slot } = parseRequest(acceptSchema, req.body);
    await audit(req, 'invitation-accept', { invitationId }, () =>
      studies.accept(invitationId, user, slot),
    );
    res.json({ items: await studies.myInvitations(user) });
  });

  router.post('/invitations/:id/decline', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const invitationId = id(req, 'invitation id');
    parseRequest(emptyBody, req.body ?? {});
    await audit(req, 'invitation-decline', { invitationId }, () =>
      studies.decline(invitationId, user),
    );
    res.json({ items: await studies.myInvitations(user) });
  });

  router.post('/invitations/:id/withdraw', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const invitationId = id(req, 'invitation id');
    parseRequest(emptyBody, req.body ?? {});
    await audit(req, 'invitation-withdraw', { invitationId }, () =>
      studies.withdraw(invitationId, user),
    );
    res.json({ items: await studies.myInvitations(user) });
  });

  router.get('/invitations/:id/interview.ics', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const ics = await studies.calendar(
      id(req, 'invitation id'),
      user,
      options.portalUrl,
    );
    res
      .type('text/calendar; charset=utf-8')
      .attachment('platform-interview.ics')
      .send(ics);
  });

  // --- interviews: notes and findings (platform PMs) ------------------------------------

  router.get('/interviews/:id', async (req, res) => {
    const who = await viewer(req);
    if (!who.manage) {
      throw new NotAllowedError(
        `You need the ${researchStudyManagePermission.name} permission`,
      );
    }
    res.json(await studies.interview(id(req, 'interview id'), who));
  });

  router.put('/interviews/:id/notes', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    await userWith(req, researchNotesReadPermission);
    const invitationId = id(req, 'interview id');
    const { rawNotes } = parseRequest(rawNotesSchema, req.body);
    await audit(req, 'interview-notes', { invitationId }, () =>
      studies.setRawNotes(invitationId, rawNotes, user),
    );
    res.json(await studies.interview(invitationId, await viewer(req)));
  });

  router.post('/interviews/:id/observations', async (req, res) => {
    const user = await userWith(req, researchStudyManagePermission);
    const invitationId = id(req, 'interview id');
    const input = parseRequest(observationSchema, req.body);
    await audit(req, 'observation-create', { invitationId }, () =>
      studies.addObservation(invitationId, input, user),
    );
    res
      .status(201)
      .json(await studies.interview(invitationId, await viewer(req)));
  });

  router.put('/observations/:id', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    const observationId = id(req, 'observation id');
    const input = parseRequest(observationSchema, req.body);
    const invitationId = await audit(
      req,
      'observation-update',
      { observationId },
      () => studies.updateObservation(observationId, input),
    );
    res.json(await studies.interview(invitationId, await viewer(req)));
  });

  router.delete('/observations/:id', async (req, res) => {
    await userWith(req, researchStudyManagePermission);
    const observationId = id(req, 'observation id');
    await audit(req, 'observation-delete', { observationId }, () =>
      studies.deleteObservation(observationId),
    );
    res.status(204).end();
  });

  // --- developer previews ---------------------------------------------------------------

  router.get('/previews', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const { item } = parseRequest(previewsQuerySchema, req.query, 'query');
    res.json({ items: await previews.list(user, item) });
  });

  router.post('/previews', async (req, res) => {
    const user = await userWith(req, researchPreviewManagePermission);
    const input = parseRequest(openPreviewSchema, req.body);
    res
      .status(201)
      .json(
        await audit(req, 'preview-open', { itemId: input.itemId }, () =>
          previews.open(input, user),
        ),
      );
  });

  router.get('/previews/:id', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    res.json(await previews.get(id(req, 'preview id'), user));
  });

  router.put('/previews/:id/participation', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const previewId = id(req, 'preview id');
    const { on } = parseRequest(
      z.strictObject({ on: z.boolean({ error: 'on must be true or false' }) }),
      req.body,
    );
    res.json(
      await audit(
        req,
        on ? 'preview-join' : 'preview-leave',
        { previewId },
        () => previews.join(previewId, user, on),
      ),
    );
  });

  router.post('/previews/:id/feedback', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    const previewId = id(req, 'preview id');
    const { text } = parseRequest(feedbackSchema, req.body);
    res
      .status(201)
      .json(
        await audit(req, 'preview-feedback', { previewId }, () =>
          previews.feedback(previewId, user, text),
        ),
      );
  });

  router.get('/previews/:id/participants', async (req, res) => {
    const user = await userWith(req, researchPreviewManagePermission);
    res.json(await previews.detail(id(req, 'preview id'), user));
  });

  router.post('/previews/:id/notices', async (req, res) => {
    const user = await userWith(req, researchPreviewManagePermission);
    const previewId = id(req, 'preview id');
    const { message } = parseRequest(previewNoticeSchema, req.body);
    res.json(
      await audit(req, 'preview-notice', { previewId }, () =>
        previews.notice(previewId, message, user),
      ),
    );
  });

  router.post('/previews/:id/close', async (req, res) => {
    const user = await userWith(req, researchPreviewManagePermission);
    const previewId = id(req, 'preview id');
    parseRequest(emptyBody, req.body ?? {});
    res.json(
      await audit(req, 'preview-close', { previewId }, () =>
        previews.close(previewId, user),
      ),
    );
  });

  router.put('/feedback/:id/themes', async (req, res) => {
    const user = await userWith(req, researchPreviewManagePermission);
    const feedbackId = id(req, 'feedback id');
    const { themes } = parseRequest(feedbackThemesSchema, req.body);
    const previewId = await audit(req, 'feedback-tag', { feedbackId }, () =>
      previews.tagFeedback(feedbackId, themes),
    );
    res.json(await previews.detail(previewId, user));
  });

  // --- the research inbox ---------------------------------------------------------------

  router.get('/notices', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    res.json({ items: await studies.notices(user) });
  });

  router.post('/notices/read', async (req, res) => {
    const user = await userWith(req, researchReadPermission);
    await studies.markNoticesRead(user);
    res.status(204).end();
  });

  // A database outage or a full connection pool is a 503 with Retry-After, not a 500.
  router.use(databaseUnavailableAs503());
  return router;
}
