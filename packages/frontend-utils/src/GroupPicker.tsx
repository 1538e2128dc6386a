import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { entityDisplayName } from '@paved/common';

/** A catalog group as a picker offers it. */
interface GroupOption {
  ref: string;
  label: string;
}

/** Props of {@link GroupPicker}. */
export interface GroupPickerProps {
  label: string;
  /** The chosen groups' entity refs (one at most unless `multiple`). */
  value: string[];
  onChange: (refs: string[]) => void;
  multiple?: boolean;
  required?: boolean;
  /** A problem with the choice, shown under the field (and marking it invalid). */
  error?: string;
  helperText?: string;
  id?: string;
}

/**
 * Picks teams from the catalog's groups by name, never by typing entity refs:
 * one team, or several with `multiple`.
 */
export function GroupPicker(props: GroupPickerProps) {
  const catalogApi = useApi(catalogApiRef);
  const groups = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const ref = stringifyEntityRef(entity);
        const profile = (entity.spec as { profile?: { displayName?: string } })
          ?.profile;
        const title =
          profile?.displayName ?? entity.metadata.title ?? undefined;
        const name = entityDisplayName(ref);
        return { ref, label: title ? `${title} (${name})` : name };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi]);

  const options: GroupOption[] = groups.value ?? [];
  const known = new Map(options.map(o => [o.ref, o]));
  // Chosen groups the catalog does not list (yet) still show, by name.
  const chosen = props.value.map(
    ref => known.get(ref) ?? { ref, label: entityDisplayName(ref) },
  );
  const field = {
    label: props.label,
    required: props.required,
    error: Boolean(props.error),
    helperText:
      props.error ??
      (groups.error
        ? `Could not load the catalog's teams: ${groups.error.message}`
        : props.helperText),
  };

  if (props.multiple) {
    return (
      <Autocomplete
        multiple
        id={props.id}
        options={options}
        loading={groups.loading}
        value={chosen}
        isOptionEqualToValue={(a, b) => a.ref === b.ref}
        getOptionLabel={o => o.label}
        onChange={(_, value) => props.onChange(value.map(v => v.ref))}
        renderInput={params => <TextField {...params} {...field} />}
      />
    );
  }
  return (
    <Autocomplete
      id={props.id}
      options={options}
      loading={groups.loading}
      value={chosen[0] ?? null}
      isOptionEqualToValue={(a, b) => a.ref === b.ref}
      getOptionLabel={o => o.label}
      onChange={(_, value) => props.onChange(value ? [value.ref] : [])}
      renderInput={params => <TextField {...params} {...field} />}
    />
  );
}
