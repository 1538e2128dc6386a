import { parseEntityRef } from '@backstage/catalog-model';

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
