import { useEffect, useRef } from 'react';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { GroupPicker } from '@paved/frontend-utils';

/**
 * The team that will own the new component, picked from the catalog's groups;
 * pre-filled with the signed-in user's team.
 */
export function OwnerField(props: FieldExtensionComponentProps<string>) {
  const { onChange, formData, rawErrors, required, schema, idSchema } = props;
  const identityApi = useApi(identityApiRef);
  const prefilled = useRef(false);

  useEffect(() => {
    if (formData || prefilled.current) return;
    prefilled.current = true;
    identityApi
      .getBackstageIdentity()
      .then(identity => {
        const team = identity.ownershipEntityRefs.find(ref =>
          ref.startsWith('group:'),
        );
        if (team) onChange(team);
      })
      .catch(() => undefined);
  }, [formData, identityApi, onChange]);

  return (
    <GroupPicker
      id={idSchema?.$id}
      label={schema.title ?? 'Owner'}
      required={required}
      value={formData ? [formData] : []}
      onChange={refs => onChange(refs[0])}
      error={rawErrors?.[0]}
      helperText={
        formData
          ? 'Filled in with your team; choose another if another team will run it.'
          : schema.description
      }
    />
  );
}
