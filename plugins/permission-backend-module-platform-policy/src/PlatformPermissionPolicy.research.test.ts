import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  researchNotesReadPermission,
  researchPreviewManagePermission,
  researchReadPermission,
  researchStudyManagePermission,
} from '@paved/plugin-research-common';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { DEV, PM, policyUser } from './__testUtils__/fixtures';

const pm = policyUser(PM);
const developer = policyUser(DEV);

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
