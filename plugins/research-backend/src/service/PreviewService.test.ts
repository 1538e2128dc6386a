import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { DEV, ITEMS, PM, makeResearch } from '../__testUtils__/fixtures';
import { Notifier } from './Notifier';

const databases = pavedTestDatabases();
const MEI = 'user:default/mei.chen';

describe.each(databases.eachSupportedId())('PreviewService on %p', id => {
  let r: Awaited<ReturnType<typeof makeResearch>>;

  beforeEach(async () => {
    r = await makeResearch(databases, id);
  });

  const open = (itemId = ITEMS.previews.id) =>
    r.previews.open({ itemId, description: 'Try it on your next PR' }, PM);

  it('opens a preview only for an item in alpha or beta, once', async () => {
    await expect(open(ITEMS.fasterCi.id)).rejects.toThrow(
      'Only items in alpha or beta can open a preview; "Faster CI for monorepos" is Building',
    );
    await expect(
      open('99999999-9999-4999-8999-999999999999'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    const preview = await open();
    expect(preview).toMatchObject({
      itemId: ITEMS.previews.id,
      itemTitle: 'Preview environments for pull requests',
      status: 'open',
      participants: 0,
      feedback: 0,
    });
    await expect(open()).rejects.toMatchObject({ name: 'ConflictError' });
    expect((await open(ITEMS.databases.id)).status).toBe('open');
  });

  it('answers 503 when the roadmap cannot be asked, and opens nothing', async () => {
    r.roadmap.items.mockResolvedValue(undefined);
    await expect(open()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(await r.previews.list(PM)).toEqual([]);
  });

  it('lets developers join and leave; only participants leave feedback; everyone sees the sizes', async () => {
    const { id: previewId } = await open();
    await expect(
      r.previews.feedback(previewId, DEV, 'Works!'),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    expect(await r.previews.join(previewId, DEV, true)).toMatchObject({
      participants: 1,
      joinedByMe: true,
    });
    await r.previews.join(previewId, DEV, true);
    await r.previews.join(previewId, MEI, true);
    await r.previews.feedback(previewId, DEV, 'Spins up in 4 minutes.');
    const mine = await r.previews.feedback(
      previewId,
      DEV,
      'Logs are hard to find.',
    );
    expect(mine).toMatchObject({ participants: 2, feedback: 2, myFeedback: 2 });

    const [seenByOther] = await r.previews.list(
      'user:default/zoe.nguyen',
      ITEMS.previews.id,
    );
    expect(seenByOther).toMatchObject({
      participants: 2,
      feedback: 2,
      joinedByMe: false,
      myFeedback: 0,
    });
    expect(JSON.stringify(seenByOther)).not.toMatch(/jonas|mei|Spins/);

    await r.previews.join(previewId, MEI, false);
    expect((await r.previews.get(previewId, DEV)).participants).toBe(1);
  });

  it('shows the PM the participants and feedback, tagged into the shared themes', async () => {
    const { id: previewId } = await open();
    await r.previews.join(previewId, DEV, true);
    await r.previews.feedback(previewId, DEV, 'Logs are hard to find.');
    const detail = await r.previews.detail(previewId, PM);
    expect(detail.participants).toEqual([
      {
        userRef: DEV,
        displayName: 'Jonas Weber',
        joinedAt: expect.any(String),
      },
    ]);
    const [note] = detail.feedback;
    await expect(r.previews.tagFeedback(note.id, ['vibes'])).rejects.toThrow(
      /"vibes" is not in the shared theme list/,
    );
    await r.previews.tagFeedback(note.id, ['docs', 'test environments']);
    expect((await r.previews.detail(previewId, PM)).feedback[0].themes).toEqual(
      ['docs', 'test environments'],
    );
    expect((await r.previews.get(previewId, DEV)).feedbackByTheme).toEqual([
      { theme: 'docs', feedback: 1 },
      { theme: 'test environments', feedback: 1 },
    ]);
  });

  it('sends participants notices and closes the preview', async () => {
    const { id: previewId } = await open();
    await r.previews.join(previewId, DEV, true);
    await r.previews.join(previewId, MEI, true);
    expect(
      await r.previews.notice(previewId, 'New build: try the log viewer', PM),
    ).toEqual({ sent: 2 });
    expect((await r.stores.notices.list(MEI))[0]).toMatchObject({
      kind: 'preview',
      title: 'Preview of Preview environments for pull requests',
      message: 'New build: try the log viewer',
      link: `/roadmap/items/${ITEMS.previews.id}`,
    });
    expect((await r.previews.close(previewId, PM)).status).toBe('closed');
    await expect(r.previews.close(previewId, PM)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await expect(
      r.previews.join(previewId, 'user:default/zoe.nguyen', true),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      r.previews.feedback(previewId, DEV, 'Late feedback'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await r.stores.notices.list(DEV)).toHaveLength(2);
  });

  it('tells participants once when the item reaches general availability', async () => {
    const { id: previewId } = await open();
    await r.previews.join(previewId, DEV, true);
    expect(await r.previews.announceGeneralAvailability()).toEqual([]);

    r.roadmap.items.mockResolvedValue([
      { ...ITEMS.previews, status: 'generally-available' },
    ]);
    expect(await r.previews.announceGeneralAvailability()).toEqual([previewId]);
    expect(await r.previews.announceGeneralAvailability()).toEqual([]);
    const notices = (await r.stores.notices.list(DEV)).filter(n =>
      n.title.endsWith('is generally available'),
    );
    expect(notices).toEqual([
      expect.objectContaining({
        title: 'Preview environments for pull requests is generally available',
        link: `/roadmap/items/${ITEMS.previews.id}`,
      }),
    ]);
    expect(await r.previews.get(previewId, DEV)).toMatchObject({
      status: 'closed',
      gaNotifiedAt: expect.any(String),
    });
    // The roadmap being unreachable announces nothing and breaks nothing.
    r.roadmap.items.mockResolvedValue(undefined);
    expect(await r.previews.announceGeneralAvailability()).toEqual([]);
  });
});

describe('Notifier', () => {
  it('keeps the inbox notice when Backstage notifications fail', async () => {
    const add = jest.fn();
    const logger = mockServices.logger.mock();
    const notifier = new Notifier({ add } as any, {
      logger,
      notifications: {
        send: async () => {
          throw new Error('404');
        },
      },
    });
    await notifier.notify([DEV, DEV], {
      kind: 'preview',
      title: 't',
      message: 'm',
      link: null,
    });
    expect(add).toHaveBeenCalledWith(
      [DEV],
      expect.anything(),
      expect.any(Date),
    );
    expect(logger.warn).toHaveBeenCalled();
  });
});
