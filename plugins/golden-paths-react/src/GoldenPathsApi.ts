import { createApiRef } from '@backstage/core-plugin-api';
import {
  AdoptionByTeam,
  AdoptionTrend,
  GoldenPath,
  GoldenPathDetail,
  MonthKey,
  MonthlyAdoptionTrend,
  NameAvailability,
  OffPathService,
} from '@paved/plugin-golden-paths-common';
import { QuarterKey } from '@paved/common';

/** A window of quarters, both ends included; the backend picks what is left out. */
export type AdoptionWindow = {
  from?: QuarterKey;
  to?: QuarterKey;
};

/** The golden-paths backend, as the portal uses it. */
export interface GoldenPathsApi {
  /** Every approved golden path, with its Scaffolder runs and services created. */
  listPaths(): Promise<GoldenPath[]>;
  /** One golden path with its guide and services; a 404 when it is not an approved path. */
  getPath(namespace: string, name: string): Promise<GoldenPathDetail>;
  /** Adoption per quarter (default: the last 8 quarters up to the current one). */
  getAdoption(window?: AdoptionWindow): Promise<AdoptionTrend>;
  /** Adoption per team, lowest rate first (default: the last 4 quarters). */
  getTeamAdoption(window?: AdoptionWindow): Promise<AdoptionByTeam>;
  /** Adoption per month, "YYYY-MM" both ends included (default: the last 6 months). */
  getMonthlyAdoption(window?: {
    from?: MonthKey;
    to?: MonthKey;
  }): Promise<MonthlyAdoptionTrend>;
  /** Whether a new component may take `name`: the name rule, then the catalog. */
  checkName(name: string): Promise<NameAvailability>;
  /** The newest components that did not come from an approved golden path. */
  listOffPathServices(options?: { limit?: number }): Promise<OffPathService[]>;
}

/** Reference to the {@link GoldenPathsApi}. */
export const goldenPathsApiRef = createApiRef<GoldenPathsApi>({
  id: 'plugin.golden-paths.service',
});
