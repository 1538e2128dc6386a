export interface Config {
  auth?: {
    providers?: {
      /**
       * Development-only sign-in as any person of the catalog (the Paved
       * sign-in page offers a picker; its list is in packages/app/config.d.ts). Present = enabled.
       */
      demo?: {
        /**
         * Allow demo sign-in when NODE_ENV is not "development". Never in a
         * real deployment: anyone who reaches the backend can be anyone.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
