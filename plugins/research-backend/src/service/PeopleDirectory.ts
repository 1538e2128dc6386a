import { joinedOn } from '@paved/common';
import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A person of the catalog, as research needs them. */
export interface Person {
  userRef: string;
  displayName: string;
  teamRef: string | null;
  teamName: string | null;
  /** YYYY-MM-DD from the joined-at annotation (date or moment), or null. */
  startDate: string | null;
  /** Member of the platform group, who runs the research: never a candidate. */
  platform: boolean;
}

/** Who works here. */
export interface PeopleDirectory {
  /** Everyone in the catalog, sorted by entity ref. */
  people(): Promise<Person[]>;
}

/** Reads people, their first team and their start date from the software catalog. */
export class CatalogPeopleDirectory implements PeopleDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly options: {
      platformGroup: string;
      startDateAnnotation: string;
    },
  ) {}

  async people(): Promise<Person[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const [users, groups] = await Promise.all([
      this.catalog.getEntities(
        {
          filter: { kind: 'User' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
            'spec.profile.displayName',
            'relations',
          ],
        },
        { credentials },
      ),
      this.catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile.displayName',
          ],
        },
        { credentials },
      ),
    ]);
    const teamNames = new Map(
      groups.items.map(g => [
        stringifyEntityRef(g),
        ((g.spec as any)?.profile?.displayName as string) ?? g.metadata.name,
      ]),
    );
    const platformGroup = this.options.platformGroup.toLocaleLowerCase('en-US');
    return users.items
      .map(user => {
        const teams = (user.relations ?? [])
          .filter(r => r.type === 'memberOf')
          .map(r => r.targetRef.toLocaleLowerCase('en-US'));
        const teamRef = teams[0] ?? null;
        const start =
          user.metadata.annotations?.[this.options.startDateAnnotation];
        return {
          userRef: stringifyEntityRef(user),
          displayName:
            ((user.spec as any)?.profile?.displayName as string) ??
            user.metadata.name,
          teamRef,
          teamName: teamRef ? teamNames.get(teamRef) ?? null : null,
          startDate: joinedOn(start),
          platform: teams.includes(platformGroup),
        };
      })
      .sort((a, b) => a.userRef.localeCompare(b.userRef));
  }
}
