import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** On a Template: "true" marks it as an approved golden path. */
export const GOLDEN_PATH_ANNOTATION = 'paved.dev/golden-path';

/**
 * On a Template: the golden path's version (semver, e.g. "1.3.0"). On a
 * Component created from it: the version it was created from.
 */
export const GOLDEN_PATH_VERSION_ANNOTATION = 'paved.dev/golden-path-version';

/** On a Template: the golden path's guide, in Markdown. */
export const GOLDEN_PATH_GUIDE_ANNOTATION = 'paved.dev/golden-path-guide';

/**
 * On a Component: when it was created (ISO 8601), for history imported from
 * before Paved was installed. Without it, a component counts from the moment
 * Paved first saw it in the catalog.
 */
export const CREATED_AT_ANNOTATION = 'paved.dev/created-at';

/** Backstage's own annotations Paved reads. */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
export const TIME_SAVED_ANNOTATION = 'backstage.io/time-saved';

/** Whether a catalog entity is an approved golden-path template. */
export function isGoldenPathTemplate(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'template' &&
    entity.metadata.annotations?.[GOLDEN_PATH_ANNOTATION] === 'true'
  );
}

/**
 * The normalised template reference a component's
 * `backstage.io/source-template` annotation names ("template:default/x"), or
 * undefined when it names none or something unparseable.
 */
export function sourceTemplateRef(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION];
  if (!value) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'template',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
