import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { SharedTheme } from '@paved/plugin-research-common';
import { getFromPlugin } from './pluginRequest';

/** Where the shared theme list (the themes of survey comments) comes from. */
export interface ThemeSource {
  /** Themes with their survey comment counts; undefined when the survey cannot be asked. */
  themes(): Promise<SharedTheme[] | undefined>;
}

/** Reads the comment themes from the NPS backend, service to service. */
export class NpsThemeSource implements ThemeSource {
  constructor(
    private readonly services: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async themes(): Promise<SharedTheme[] | undefined> {
    try {
      const { items } = await getFromPlugin<{
        items: Array<{ theme: string; comments: number }>;
      }>(this.services, 'nps', '/themes');
      return items.map(i => ({ theme: i.theme, surveyComments: i.comments }));
    } catch (error) {
      // Without the NPS plugin (or while it is down) research uses its own themes.
      this.services.logger.warn(
        `Could not read the NPS comment themes: ${error}`,
      );
      return undefined;
    }
  }
}
