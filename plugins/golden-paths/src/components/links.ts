import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../routes';

/** A link to a golden path's page: its guide and the services created from it. */
export function usePathLink(): (namespace: string, name: string) => string {
  const root = useRouteRef(rootRouteRef);
  return (namespace, name) =>
    `${root()}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** True for a 404 from the backend, as the client throws it. */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; statusCode?: number };
  return e.statusCode === 404 || e.name === 'NotFoundError';
}
