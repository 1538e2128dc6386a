export interface Config {
  paved?: {
    auth?: {
      /**
       * How long (seconds) each backend plugin trusts a signed-in user's
       * Backstage token again without verifying its signature; never past the
       * token's own expiry. 0 turns it off. A signing key withdrawn from the
       * auth backend stops being accepted within this time. At most 300.
       * @default 60
       */
      userTokenCacheSeconds?: number;
    };
  };
}
