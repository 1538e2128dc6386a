import { useEffect } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';

const KEY = 'paved.platform-metrics.sign-in-recorded';

/**
 * Tells the backend once per browser session that the user is signed in; the
 * backend keeps only the first time (time to first deployment starts there
 * for developers without a `paved.dev/joined-at` annotation). Renders nothing.
 */
export function SignInRecorder() {
  const api = useApi(platformMetricsApiRef);
  useEffect(() => {
    if (window.sessionStorage.getItem(KEY)) return;
    api.recordSignIn().then(
      () => window.sessionStorage.setItem(KEY, 'yes'),
      // Not worth bothering the user: the next session tries again.
      () => undefined,
    );
  }, [api]);
  return null;
}
