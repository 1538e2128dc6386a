import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The User annotation saying when a person joined, as a date (`2026-11-02`) or a
 * moment (`2026-11-02T09:00:00Z`): new joiners for research recruiting, and the start
 * of time to first deployment.
 */
export const JOINED_AT_ANNOTATION = 'paved.dev/joined-at';

/** The UTC day of a joined-at value (`YYYY-MM-DD`), or null when it is not a date. */
export function joinedOn(value: string | undefined | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) return null;
  const at = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 10);
}

/**
 * An entity ref as people read it: the name, with the namespace only when it is not
 * "default" ("group:default/platform-team" → "platform-team"); "—" when absent, and the
 * text itself when it is not an entity ref.
 */
export function entityDisplayName(ref: string | null | undefined): string {
  if (!ref) return '—';
  try {
    const { namespace, name } = parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
