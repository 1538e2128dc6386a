import { NpsStore } from '../database/NpsStore';
import { AnswerRelease } from './AnswerRelease';
import { AnswerService } from './AnswerService';
import { AudienceDirectory } from './audience';
import { CampaignService } from './CampaignService';
import { CommentsService } from './CommentsService';
import { ResultsService } from './ResultsService';
import { NpsSettings } from './settings';

/** Every service of the NPS plugin, built on one store. */
export interface NpsServices {
  release: AnswerRelease;
  campaigns: CampaignService;
  answers: AnswerService;
  results: ResultsService;
  comments: CommentsService;
}

/** Builds the NPS services; `now` is for tests. */
export function createNpsServices(options: {
  store: NpsStore;
  directory: AudienceDirectory;
  settings: NpsSettings;
  now?: () => Date;
}): NpsServices {
  const { store, directory, settings, now } = options;
  const release = new AnswerRelease({ store, settings, now });
  const campaigns = new CampaignService({
    store,
    settings,
    now,
    releaseCampaign: id => release.release(id),
  });
  return {
    release,
    campaigns,
    answers: new AnswerService({ store, campaigns, settings, now }),
    results: new ResultsService({
      store,
      campaigns,
      directory,
      settings,
      now,
    }),
    comments: new CommentsService({ store, campaigns, settings }),
  };
}

export type { Caller, AudienceDirectory } from './audience';
export { readNpsSettings } from './settings';
export type { NpsSettings } from './settings';
