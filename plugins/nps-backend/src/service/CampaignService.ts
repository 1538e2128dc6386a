import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Audience,
  Campaign,
  CampaignStatus,
  createCampaignSchema,
  updateCampaignSchema,
} from '@paved/plugin-nps-common';
import { z } from 'zod';
import { CampaignRow, NpsStore } from '../database/NpsStore';
import { audiencesOverlap } from './audience';
import { NpsSettings } from './settings';

/** Campaigns: their windows, audiences and life cycle (upcoming, open, closed). */
export class CampaignService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: NpsStore;
      settings: Pick<NpsSettings, 'minGroupSize'>;
      /** Publishes a campaign's waiting answers once it closes. */
      releaseCampaign: (campaignId: string) => Promise<unknown>;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Where a campaign is in its life at `now`. */
  status(row: CampaignRow, now = this.now()): CampaignStatus {
    if (now < row.opensAt) return 'upcoming';
    return now < row.closesAt ? 'open' : 'closed';
  }

  /** A stored campaign as the API shows it. */
  toCampaign(row: CampaignRow, now = this.now()): Campaign {
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      followUp: row.followUp,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      audience: row.audience,
      origin: row.origin,
      status: this.status(row, now),
      answers:
        row.answers >= this.options.settings.minGroupSize ? row.answers : null,
    };
  }

  /** A stored campaign; NotFoundError when unknown. */
  async require(id: string): Promise<CampaignRow> {
    const row = await this.options.store.getCampaign(id);
    if (!row) throw new NotFoundError(`No campaign with id ${id}`);
    return row;
  }

  /** Every campaign, oldest first. */
  async list(): Promise<Campaign[]> {
    const now = this.now();
    const rows = await this.options.store.listCampaigns();
    return rows.map(row => this.toCampaign(row, now));
  }

  /** One campaign; NotFoundError when unknown. */
  async get(id: string): Promise<Campaign> {
    return this.toCampaign(await this.require(id));
  }

  private async assertNoOverlap(
    opensAt: Date,
    closesAt: Date,
    audience: Audience,
    excludeId?: string,
  ) {
    const overlapping = await this.options.store.campaignsOverlapping(
      opensAt,
      closesAt,
      excludeId,
    );
    const clash = overlapping.find(other =>
      audiencesOverlap(other.audience, audience),
    );
    if (clash) {
      throw new ConflictError(
        `"${clash.title}" already asks an overlapping audience between ` +
          `${clash.opensAt.toISOString()} and ${clash.closesAt.toISOString()}`,
      );
    }
  }

  /** Creates a campaign; overlapping campaigns for the same audience are refused. */
  async create(
    input: z.output<typeof createCampaignSchema>,
    createdBy: string,
    origin: { origin: 'schedule' | 'manual'; scheduleKey?: string } = {
      origin: 'manual',
    },
  ): Promise<Campaign> {
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    await this.assertNoOverlap(opensAt, closesAt, input.audience);
    const id = await this.options.store.insertCampaign(
      {
        title: input.title,
        question: input.question,
        followUp: input.followUp,
        opensAt,
        closesAt,
        audience: input.audience,
        origin: origin.origin,
        scheduleKey: origin.scheduleKey ?? null,
        createdBy,
      },
      this.now(),
    );
    return this.get(id);
  }

  /** Edits a campaign that has not opened yet. */
  async update(
    id: string,
    patch: z.output<typeof updateCampaignSchema>,
  ): Promise<Campaign> {
    const row = await this.require(id);
    if (this.status(row) !== 'upcoming') {
      throw new ConflictError(
        'A campaign can only be edited before it opens; close it early instead',
      );
    }
    const opensAt = patch.opensAt ? new Date(patch.opensAt) : row.opensAt;
    const closesAt = patch.closesAt ? new Date(patch.closesAt) : row.closesAt;
    if (closesAt <= opensAt) {
      throw new InputError('closesAt must be after opensAt');
    }
    await this.assertNoOverlap(
      opensAt,
      closesAt,
      patch.audience ?? row.audience,
      id,
    );
    await this.options.store.updateCampaign(id, {
      title: patch.title,
      question: patch.question,
      followUp: patch.followUp,
      audience: patch.audience,
      opensAt,
      closesAt,
    });
    return this.get(id);
  }

  /** Closes an open campaign now, and publishes every answer still waiting. */
  async close(id: string): Promise<Campaign> {
    const row = await this.require(id);
    const status = this.status(row);
    if (status !== 'open') {
      throw new ConflictError(
        `Only an open campaign can be closed early; this one is ${status}`,
      );
    }
    await this.options.store.updateCampaign(id, { closesAt: this.now() });
    await this.options.releaseCampaign(id);
    return this.get(id);
  }

  /**
   * Deletes a campaign before it opens. Once open, a campaign may hold answers, and
   * whether it does is not for anyone to learn one answer at a time: close it instead.
   */
  async delete(id: string): Promise<void> {
    const row = await this.require(id);
    if (this.status(row) !== 'upcoming') {
      throw new ConflictError(
        'Only a campaign that has not opened yet can be deleted; close an open campaign instead',
      );
    }
    if (!(await this.options.store.deleteCampaignWithoutAnswers(id))) {
      throw new ConflictError(
        'A campaign with answers cannot be deleted; answers are kept',
      );
    }
  }
}
