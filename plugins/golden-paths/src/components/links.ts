import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** A link to a golden path's page: its guide and the services created from it. */
export function usePathLink(): (namespace: string, name: string) => string {
  const root = useRouteRef(rootRouteRef);
  return (namespace, name) =>
    `${root()}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
