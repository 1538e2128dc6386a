import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/**
 * What must not be configured in production, each with why: the key to
 * remove and what it would switch on.
 */
export function productionConfigProblems(config: Config): string[] {
  const problems: string[] = [];
  const refuse = (key: string, why: string) => {
    if (config.has(key)) problems.push(`remove ${key} (${why})`);
  };
  refuse('auth.providers.demo', 'demo sign-in: anyone can be anyone');
  refuse('auth.providers.guest', 'guest sign-in: anyone gets a token');
  for (const plugin of config.keys()) {
    refuse(
      `${plugin}.demoData.enabled`,
      'demo data: the demo organisation history',
    );
  }
  refuse(
    'goldenPaths.repositories.directory',
    'local repositories: publish golden paths to your git host instead',
  );
  return problems;
}

/**
 * Refuses to start a production backend (NODE_ENV=production) whose
 * configuration still carries development conveniences, naming each key to
 * remove. Installed on the auth plugin, so no sign-in provider ever serves.
 */
export const productionGuardModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'paved-production-guard',
  register(reg) {
    reg.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        if (process.env.NODE_ENV !== 'production') return;
        const problems = productionConfigProblems(config);
        if (problems.length > 0) {
          throw new Error(
            `Paved refuses to start with NODE_ENV=production and development settings in the configuration: ${problems.join(
              '; ',
            )}. See README "Running in production".`,
          );
        }
      },
    });
  },
});
