import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Audience } from '@paved/plugin-nps-common';
import { AudienceDirectory } from './audience';

/** Counts eligible developers in the software catalog: its User entities. */
export class CatalogAudienceDirectory implements AudienceDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async eligibleCount(audience: Audience): Promise<number> {
    const filter: Record<string, string | string[]> = { kind: 'User' };
    if (audience.type === 'groups') {
      filter['relations.memberOf'] = audience.groups.map(g =>
        g.toLocaleLowerCase('en-US'),
      );
    }
    const { totalItems } = await this.catalog.queryEntities(
      { filter, limit: 1, fields: ['metadata.name'] },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return totalItems;
  }
}
