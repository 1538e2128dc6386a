import { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { ProfileTransform, SignInResolver } from '@backstage/plugin-auth-node';
import { DemoSignInResult } from './authenticator';

/**
 * Signs in as the named catalog user. Only in development (the backend started
 * by `backstage-cli package start`, NODE_ENV=development), unless the provider
 * config says `dangerouslyAllowOutsideDevelopment: true`: anyone who can reach
 * the backend can be anyone, which is what a demo is and what production must
 * never be.
 */
export function signInAsDemoPerson(
  providerConfig: Config,
): SignInResolver<DemoSignInResult> {
  return async ({ result }, ctx) => {
    if (
      process.env.NODE_ENV !== 'development' &&
      providerConfig.getOptionalBoolean(
        'dangerouslyAllowOutsideDevelopment',
      ) !== true
    ) {
      throw new NotAllowedError(
        'Demo sign-in is for development only; configure a real sign-in provider',
      );
    }
    // Only people of the catalog: an unknown name is a NotFoundError.
    return ctx.signInWithCatalogUser({
      entityRef: { kind: 'user', name: result.userName },
    });
  };
}

/** The profile shown in the portal: the catalog user's name, email and picture. */
export const demoPersonProfile: ProfileTransform<DemoSignInResult> = async (
  { userName },
  ctx,
) => {
  const { entity } = await ctx.findCatalogUser({
    entityRef: { kind: 'user', name: userName },
  });
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  return {
    profile: {
      displayName: profile.displayName ?? userName,
      email: profile.email,
      picture: profile.picture,
    },
  };
};
