import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  researchNotesReadPermission,
  researchPreviewManagePermission,
  researchReadPermission,
  researchStudyManagePermission,
} from '@paved/plugin-research-common';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';

const user = (ref: string, groups: string[]) =>
  ({
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
  } as unknown as PolicyQueryUser);

const pm = user('user:default/priya.raman', ['group:default/platform-team']);
const developer = user('user:default/jonas.weber', ['group:default/checkout']);

describe('PlatformPermissionPolicy and user research', () => {
  const policy = PlatformPermissionPolicy.fromConfig(new ConfigReader({}));

  it.each([
    researchStudyManagePermission,
    researchNotesReadPermission,
    researchPreviewManagePermission,
  ])(
    'gives $name (names, raw notes, running studies and previews) to the platform group only',
    async permission => {
      expect(await policy.handle({ permission }, pm)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await policy.handle({ permission }, developer)).toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );

  it('lets every developer read summaries, volunteer and join previews', async () => {
    expect(
      await policy.handle({ permission: researchReadPermission }, developer),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });
});
