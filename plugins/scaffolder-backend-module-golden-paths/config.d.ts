export interface Config {
  /** Golden paths: approved Scaffolder templates and what they publish. */
  goldenPaths?: {
    /** Where golden-path runs publish new repositories. */
    repositories?: {
      /**
       * The folder that holds one local git repository per component created by
       * a golden path. A relative path is resolved against the backend's working
       * directory (packages/backend when run with `yarn start`).
       * @default .data/repositories
       */
      directory?: string;
    };
  };
}
