import { InputError } from '@backstage/errors';
import { SharedTheme } from '@paved/plugin-research-common';
import { StudyStore } from '../database/StudyStore';
import { ThemeSource } from './NpsThemeSource';

/**
 * The shared theme list: the themes platform PMs tag survey comments with (read from
 * the NPS backend), the themes research has used, and any configured extra themes.
 */
export class ThemeCatalog {
  constructor(
    private readonly store: StudyStore,
    private readonly source: ThemeSource,
    private readonly extraThemes: readonly string[] = [],
  ) {}

  /** The shared themes, most survey comments first. */
  async list(): Promise<SharedTheme[]> {
    const [survey, used] = await Promise.all([
      this.source.themes(),
      this.store.themesInUse(),
    ]);
    const themes = new Map<string, number>();
    for (const t of survey ?? []) themes.set(t.theme, t.surveyComments);
    for (const theme of [...used, ...this.extraThemes]) {
      if (!themes.has(theme)) themes.set(theme, 0);
    }
    return [...themes.entries()]
      .map(([theme, surveyComments]) => ({ theme, surveyComments }))
      .sort(
        (a, b) =>
          b.surveyComments - a.surveyComments || a.theme.localeCompare(b.theme),
      );
  }

  /** Survey comments per theme, or undefined when the survey cannot be asked. */
  async surveyCounts(): Promise<Map<string, number> | undefined> {
    const survey = await this.source.themes();
    return survey
      ? new Map(survey.map(t => [t.theme, t.surveyComments]))
      : undefined;
  }

  /** Throws a 400 naming every theme that is not in the shared list. */
  async assertShared(themes: string[]): Promise<void> {
    if (themes.length === 0) return;
    const known = new Set((await this.list()).map(t => t.theme));
    const unknown = themes.filter(t => !known.has(t));
    if (unknown.length > 0) {
      throw new InputError(
        `theme: ${unknown
          .map(t => `"${t}"`)
          .join(
            ', ',
          )} is not in the shared theme list (the themes of survey comments; see GET /themes)`,
      );
    }
  }
}
