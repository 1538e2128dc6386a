export interface Config {
  auth?: {
    providers?: {
      demo?: {
        /**
         * The people the demo sign-in page offers (development only; see
         * plugins/auth-backend-module-demo-provider). Anyone else in the
         * catalog can be typed in.
         * @visibility frontend
         */
        people?: Array<{
          /**
           * A User entity name, e.g. jonas.weber.
           * @visibility frontend
           */
          user: string;
          /**
           * Their name as shown, e.g. Jonas Weber.
           * @visibility frontend
           */
          displayName?: string;
          /**
           * Who they are, e.g. "developer, Checkout & Payments".
           * @visibility frontend
           */
          description?: string;
        }>;
      };
    };
  };
  paved?: {
    /** What the sign-in page offers. */
    signIn?: {
      /**
       * `oidc`: your identity provider through the backend's `oidc` auth
       * provider (production). Unset: demo or guest sign-in (development).
       * @visibility frontend
       */
      provider?: 'oidc';
      /**
       * The provider's name on the sign-in page.
       * @visibility frontend
       */
      title?: string;
    };
  };
}
