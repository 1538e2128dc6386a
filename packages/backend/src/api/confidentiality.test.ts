import {
  LoggerService,
  RootLoggerService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { documentedAccess } from '../__testUtils__/accessPolicy';
import {
  Identity,
  authorization,
  concretePath,
  demoOrganisation,
  startPavedBackend,
} from '../__testUtils__/pavedTestBackend';

// Every line every plugin logs, audit events included (the auditor logs them).
const lines: string[] = [];
function recordingLogger(fields: Record<string, unknown>): RootLoggerService {
  const log = (level: string) => (message: string, meta?: Error | object) => {
    lines.push(JSON.stringify({ level, message, ...fields, meta }));
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: meta => recordingLogger({ ...fields, ...meta }),
  };
  return logger as RootLoggerService;
}
const rootLogger = createServiceFactory({
  service: coreServices.rootLogger,
  deps: {},
  async factory() {
    return recordingLogger({});
  },
});

// Twelve developers of the demo organisation answer, each with a sentence only
// they wrote and a score; the test then looks for any place that ties the two.
const respondents = demoOrganisation()
  .filter(e => e.kind === 'User')
  .map(user => `user:default/${user.metadata.name}`)
  .filter(ref => !ref.endsWith('priya.raman'))
  .slice(0, 12);
const sentence = (i: number) =>
  `Only respondent number ${i} wrote this (#${i}).`;

describe('no API response, log line or export ties an NPS answer to a person', () => {
  let server: Parameters<typeof request>[0];
  let campaignId: string;

  beforeAll(async () => {
    const started = await startPavedBackend({
      features: [rootLogger],
      // k = 3 so that results, teams and comments are all shown.
      config: { nps: { minGroupSize: 3, minCommentGroupSize: 3 } },
    });
    server = started.server;
    const now = Date.now();
    const created = await request(server)
      .post('/api/nps/campaigns')
      .set('authorization', authorization('pm')!)
      .send({
        title: 'Confidentiality check',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      });
    if (created.status !== 201) throw new Error(created.text);
    campaignId = created.body.id;
    for (const [i, userRef] of respondents.entries()) {
      const answered = await request(server)
        .post(`/api/nps/campaigns/${campaignId}/answers`)
        .set('authorization', mockCredentials.user.header(userRef))
        .send({ score: i % 11, comment: sentence(i) });
      if (answered.status !== 201) throw new Error(answered.text);
    }
    // Closing publishes every answer and comment.
    const closed = await request(server)
      .post(`/api/nps/campaigns/${campaignId}/close`)
      .set('authorization', authorization('pm')!);
    if (closed.status !== 200) throw new Error(closed.text);
  }, 60_000);

  // A user's identity as it could appear: entity ref or user name.
  const identities = respondents.flatMap(ref => [ref, ref.split('/')[1]]);

  it('publishes the answers (so the checks below look at real data)', async () => {
    const comments = await request(server)
      .get(`/api/nps/campaigns/${campaignId}/comments`)
      .set('authorization', authorization('pm')!);
    expect(comments.body.comments).toHaveLength(respondents.length);
  });

  it.each<Identity>(['developer', 'pm'])(
    'every GET route, as a %s, shows comments or people but never both',
    async identity => {
      const leaks: string[] = [];
      let withComments = 0;
      for (const route of documentedAccess()) {
        if (route.method !== 'GET' || !route.allowed[identity]) continue;
        const path = route.path.startsWith('/api/nps/campaigns/:id')
          ? route.path.replace(':id', campaignId)
          : concretePath(route.path);
        const res = await request(server)
          .get(path)
          .set('authorization', authorization(identity)!)
          .query({ theme: 'x' });
        const text = res.text;
        const comments = respondents.filter((_, i) =>
          text.includes(`respondent number ${i} `),
        );
        if (comments.length > 0) withComments += 1;
        const people = identities.filter(id => text.includes(id));
        if (comments.length > 0 && people.length > 0) {
          leaks.push(`${route.path}: ${people.join(', ')}`);
        }
      }
      expect(leaks).toEqual([]);
      // The PM read the comments (JSON and CSV); a developer cannot.
      expect(withComments).toBe(identity === 'pm' ? 2 : 0);
    },
    60_000,
  );

  it('logs no score or comment, and no answer next to who gave it', () => {
    const answerLines = lines.filter(line => line.includes('answer-submit'));
    expect(answerLines.length).toBeGreaterThanOrEqual(respondents.length);
    const leaking = lines.filter(
      line =>
        /respondent number \d+/.test(line) ||
        /"score"\s*:/.test(line) ||
        /"comment"\s*:/.test(line),
    );
    expect(leaking).toEqual([]);
  });
});
