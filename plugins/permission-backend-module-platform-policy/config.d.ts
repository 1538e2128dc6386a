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
       * How long (seconds) a backend reuses a user's decision on a permission
       * without a resource before asking the permission backend again; 0 turns
       * it off. A change of someone's groups or of the policy reaches the routes
       * within this time. At most 300.
       * @default 5
       */
      decisionCacheSeconds?: number;
    };
  };
}
