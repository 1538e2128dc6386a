import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { useState } from 'react';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { fakeGoldenPathsApi } from '../../__testUtils__/fixtures';
import {
  ComponentNameField,
  OwnerField,
  componentNameValidation,
} from './index';

// The props the Scaffolder's form gives a field, for a string value.
function fieldProps(
  value: string | undefined,
  onChange: (v?: string) => void,
  title: string,
): any {
  return {
    formData: value,
    onChange,
    required: true,
    rawErrors: [],
    schema: { title, description: 'From the template' },
    uiSchema: {},
    idSchema: { $id: `root_${title.toLowerCase()}` },
  };
}

function Controlled(props: {
  Field: typeof ComponentNameField;
  title: string;
  initial?: string;
  onValue?: (v?: string) => void;
}) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  const { Field } = props;
  return (
    <Field
      {...fieldProps(
        value,
        v => {
          setValue(v);
          props.onValue?.(v);
        },
        props.title,
      )}
    />
  );
}

const taken = (name: string) =>
  name === 'checkout-api'
    ? {
        name,
        available: false,
        problem:
          'The catalog already has a component named "checkout-api" (component:default/checkout-api, owned by group:default/checkout); choose another name.',
      }
    : { name, available: true, problem: null };

describe('the component name field', () => {
  it('says the rule in words, and checks the name while typing', async () => {
    const api = fakeGoldenPathsApi([], {
      checkName: jest.fn().mockImplementation(async (n: string) => taken(n)),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <Controlled Field={ComponentNameField} title="Name" />
      </TestApiProvider>,
    );
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveAccessibleDescription(
      /^Lowercase letters and digits, words joined by single hyphens, 3 to 63 characters/,
    );
    expect(screen.queryByText(/\^\[a-z/)).toBeNull();

    await userEvent.type(field, 'Orders API');
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription(/is not a valid component name/);

    await userEvent.clear(field);
    await userEvent.type(field, 'checkout-api');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        /already has a component named "checkout-api"/,
      ),
    );
    expect(field).toBeInvalid();

    await userEvent.clear(field);
    await userEvent.type(field, 'parcel-quotes');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(/“parcel-quotes” is free/),
    );
    expect(field).toBeValid();
    // Only settled names reach the catalog, not every keystroke.
    expect(api.checkName).not.toHaveBeenCalledWith('parcel-q');
  });

  it('refuses a malformed or taken name before the form moves on', async () => {
    const api = fakeGoldenPathsApi([], {
      checkName: jest.fn().mockImplementation(async (n: string) => taken(n)),
    });
    const apiHolder = { get: () => api } as any;
    const errors = async (value: string) => {
      const found: string[] = [];
      await componentNameValidation(
        value,
        { addError: (e: string) => found.push(e) } as any,
        { apiHolder, formData: {}, schema: {} },
      );
      return found;
    };
    expect(await errors('ab')).toEqual([
      'The name "ab" is too short: use at least 3 characters.',
    ]);
    expect(await errors('checkout-api')).toEqual([
      expect.stringMatching(/already has a component named/),
    ]);
    expect(await errors('parcel-quotes')).toEqual([]);
  });
});

describe('the owner field', () => {
  it('is filled in with the signed-in user’s team, picked from the catalog', async () => {
    const onValue = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            identityApiRef,
            {
              getBackstageIdentity: async () => ({
                type: 'user',
                userEntityRef: 'user:default/jonas.weber',
                ownershipEntityRefs: [
                  'user:default/jonas.weber',
                  'group:default/checkout',
                ],
              }),
            } as any,
          ],
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: 'Group',
                  metadata: { name: 'checkout', namespace: 'default' },
                  spec: {
                    type: 'team',
                    profile: { displayName: 'Checkout & Payments' },
                    children: [],
                  },
                },
              ],
            }),
          ],
        ]}
      >
        <Controlled Field={OwnerField} title="Owner" onValue={onValue} />
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(onValue).toHaveBeenCalledWith('group:default/checkout'),
    );
    await act(async () => undefined);
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue(
      'Checkout & Payments (checkout)',
    );
    expect(screen.getByText(/Filled in with your team/)).toBeInTheDocument();
  });
});
