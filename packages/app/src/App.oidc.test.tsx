import { render, screen } from '@testing-library/react';
import App from './App';

// A file of its own: the app reads its configuration once.
describe('App in production', () => {
  it('offers the OIDC provider on the sign-in page, and no guest sign-in', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Paved' },
            backend: { baseUrl: 'http://localhost:7007' },
            auth: { environment: 'production' },
            paved: { signIn: { provider: 'oidc', title: 'Lumen SSO' } },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByText('Lumen SSO', undefined, { timeout: 15000 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Sign in with your company account'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign In' })).toBeInTheDocument();
    expect(screen.queryByText(/Guest/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  }, 30_000);
});
