import { waitFor } from '@testing-library/react';
import { fakeApi, renderMetrics } from '../../__testUtils__/fixtures';
import { SignInRecorder } from './SignInRecorder';

describe('SignInRecorder', () => {
  it('records the sign-in once per browser session', async () => {
    window.sessionStorage.clear();
    const api = fakeApi();
    const first = await renderMetrics(<SignInRecorder />, { api });
    await waitFor(() => expect(api.recordSignIn).toHaveBeenCalledTimes(1));
    first.unmount();
    await renderMetrics(<SignInRecorder />, { api });
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(api.recordSignIn).toHaveBeenCalledTimes(1);
  });
});
