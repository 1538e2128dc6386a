import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';

/** GETs JSON from another backend plugin as this plugin (a service-to-service call). */
export async function getFromPlugin<T>(
  services: { discovery: DiscoveryService; auth: AuthService },
  pluginId: string,
  path: string,
): Promise<T> {
  const { token } = await services.auth.getPluginRequestToken({
    onBehalfOf: await services.auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const base = await services.discovery.getBaseUrl(pluginId);
  const response = await fetch(`${base}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new Error(
      `${pluginId} answered ${response.status} ${response.statusText}`,
    );
  }
  return (await response.json()) as T;
}
