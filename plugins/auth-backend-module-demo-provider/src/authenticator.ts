import { AuthenticationError, InputError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';

/** The request header naming the catalog user to sign in as. */
export const DEMO_PERSON_HEADER = 'x-paved-demo-person';

/** What the demo authenticator hands to the sign-in resolver. */
export type DemoSignInResult = {
  /** The catalog User entity's name, e.g. "jonas.weber". */
  userName: string;
};

/** A User entity name: what the catalog itself allows. */
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/**
 * Reads who to sign in as from the {@link DEMO_PERSON_HEADER} header, which the
 * Paved sign-in page sets from the person picked on it.
 */
export const demoAuthenticator = createProxyAuthenticator<
  void,
  DemoSignInResult,
  undefined
>({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize() {},
  async authenticate({ req }) {
    const userName = req.header(DEMO_PERSON_HEADER);
    if (!userName) {
      throw new AuthenticationError(
        `Demo sign-in needs the ${DEMO_PERSON_HEADER} header naming a catalog user`,
      );
    }
    if (!USER_NAME.test(userName)) {
      throw new InputError(
        `Demo sign-in: "${userName.slice(0, 80)}" is not a catalog user name`,
      );
    }
    return { result: { userName } };
  },
});
