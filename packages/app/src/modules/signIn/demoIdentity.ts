import { IdentityApi } from '@backstage/core-plugin-api';

/** Where the sign-in page remembers who was picked, so a reload stays signed in. */
export const DEMO_PERSON_STORAGE_KEY = 'paved.demoPerson';

export function rememberedDemoPerson(): string | undefined {
  try {
    return window.localStorage.getItem(DEMO_PERSON_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberDemoPerson(user: string | undefined) {
  try {
    if (user) {
      window.localStorage.setItem(DEMO_PERSON_STORAGE_KEY, user);
    } else {
      window.localStorage.removeItem(DEMO_PERSON_STORAGE_KEY);
    }
  } catch {
    // Private mode without storage: the choice lasts until the next reload.
  }
}

/**
 * The signed-in identity, except that signing out also forgets who was picked,
 * so the next visit offers the choice again instead of signing straight back in.
 */
export function forgetPersonOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      rememberDemoPerson(undefined);
      await identity.signOut();
    },
  };
}
