export interface Config {
  /** Paved settings shared by the Paved plugins. */
  paved?: {
    /**
     * The catalog group whose members hold the platform-PM permissions (running surveys,
     * reading comments, editing the roadmap, curating golden paths).
     * An entity ref; the kind defaults to Group and the namespace to "default".
     * @default group:default/platform-team
     */
    platformGroup?: string;
    permissions?: {
      /**
       * Further permission names that only the platform group holds, on top of the
       * ones Paved declares.
       */
      platformOnly?: string[];
      /**
       * Whether each backend plugin decides a user's permission questions that
       * name no single resource ("may they do X", "which catalog entities may
       * they read") in its own process, with Paved's policy, instead of asking
       * the permission backend over HTTP. The answers are the same;
       * turn it off only when the permission backend runs a policy other
       * than Paved's.
       * @default true
       */
      evaluateInProcess?: boolean;
    };
  };
}
