import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { NpsStore } from '../database/NpsStore';
import { NpsServices, createNpsServices, readNpsSettings } from '../service';

/** What an NPS test sets up: the store, the services, campaigns and comments. */
export type NpsFixture = {
  store: NpsStore;
  services: NpsServices;
  /** A manual campaign for everyone, open for three weeks from `opensAt`. */
  campaign(id: string, title: string, opensAt: string): Promise<void>;
  /**
   * `n` answers with comments in a campaign, each tagged with every theme
   * given; `visible` false: the comments' batch is not published yet.
   */
  comments(
    campaignId: string,
    n: number,
    themes: string[],
    visible?: boolean,
  ): Promise<void>;
};

/**
 * The NPS services over a store on `knex` (migrated unless `migrate` is false),
 * with 40 eligible people and the given `nps` settings (default k: 5).
 */
export async function npsFixture(
  knex: Knex,
  options: { migrate?: boolean; nps?: { minGroupSize?: number } } = {},
): Promise<NpsFixture> {
  const store = await NpsStore.create(
    mockServices.database({
      knex,
      migrations: { skip: options.migrate === false },
    }),
  );
  const services = createNpsServices({
    store,
    directory: { eligibleCount: async () => 40 },
    settings: readNpsSettings(
      new ConfigReader(options.nps ? { nps: options.nps } : {}),
    ),
  });
  return {
    store,
    services,
    async campaign(id, title, opensAt) {
      await knex('nps_campaigns').insert({
        id,
        title,
        question: 'Q',
        follow_up: 'F',
        opens_at: new Date(opensAt),
        closes_at: new Date(Date.parse(opensAt) + 21 * 86_400_000),
        audience: JSON.stringify({ type: 'all' }),
        origin: 'manual',
        created_by: 'user:default/priya.raman',
        created_at: new Date(opensAt),
      });
    },
    async comments(campaignId, n, themes, visible = true) {
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        await knex('nps_responses').insert({
          id,
          campaign_id: campaignId,
          score: i % 11,
          comment: `comment ${i}`,
          team_ref: null,
          comment_visible: visible,
        });
        await knex('nps_response_themes').insert(
          themes.map(theme => ({ response_id: id, theme })),
        );
      }
    },
  };
}
