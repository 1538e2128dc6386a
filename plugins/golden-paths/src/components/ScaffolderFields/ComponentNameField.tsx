import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useApi } from '@backstage/core-plugin-api';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  COMPONENT_NAME_RULE,
  componentNameProblem,
} from '@paved/plugin-golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';

/** How long typing pauses before the name is checked against the catalog. */
export const NAME_CHECK_DELAY_MS = 400;

/**
 * The new component's name, checked while the user types: first the golden
 * paths' rule (said in words), then whether the catalog already has it. The same
 * check runs again before the form moves on, and the Scaffolder's first step
 * checks it once more on the server.
 */
export function ComponentNameField(
  props: FieldExtensionComponentProps<string>,
) {
  const { onChange, formData, rawErrors, required, schema, idSchema } = props;
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const value = formData ?? '';
  const [settled, setSettled] = useState(value);
  useDebounce(() => setSettled(value), NAME_CHECK_DELAY_MS, [value]);

  const ruleProblem = value ? componentNameProblem(value) : undefined;
  const check = useAsync(
    async () =>
      settled && !componentNameProblem(settled)
        ? goldenPathsApi.checkName(settled)
        : undefined,
    [goldenPathsApi, settled],
  );

  let message: string = COMPONENT_NAME_RULE;
  let invalid = false;
  if (ruleProblem) {
    message = ruleProblem;
    invalid = true;
  } else if (value && (settled !== value || check.loading)) {
    message = `Checking whether “${value}” is free…`;
  } else if (value && check.value && !check.value.available) {
    message = check.value.problem ?? `“${value}” is taken.`;
    invalid = true;
  } else if (value && check.value?.available) {
    message = `“${value}” is free. ${COMPONENT_NAME_RULE}`;
  } else if (value && check.error) {
    message = `Could not check the name just now; it is checked again when you create. ${COMPONENT_NAME_RULE}`;
  } else if (rawErrors?.length) {
    message = rawErrors[0];
    invalid = true;
  }

  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      required={required}
      value={value}
      onChange={e => onChange(e.target.value || undefined)}
      error={invalid}
      helperText={message}
      margin="normal"
      fullWidth
      autoComplete="off"
      FormHelperTextProps={{ 'aria-live': 'polite' } as object}
    />
  );
}

/** The same check before the form moves on: the rule, then the catalog. */
export const componentNameValidation: CustomFieldValidator<string> = async (
  value,
  validation,
  { apiHolder },
) => {
  const problem = componentNameProblem(value ?? '');
  if (problem) {
    validation.addError(problem);
    return;
  }
  const api = apiHolder.get(goldenPathsApiRef);
  if (!api) return;
  try {
    const result = await api.checkName(value);
    if (!result.available) {
      validation.addError(result.problem ?? `“${value}” is taken.`);
    }
  } catch {
    // The Scaffolder's check-name step checks it on the server anyway.
  }
};
