// A local OpenID Connect provider for the production sign-in test: the
// `oidc-provider` package with its development login and consent pages. Any
// person of the demo organisation signs in with their user name (any
// password); their email is what the catalog knows them by (examples/org.yaml).
/* eslint-disable no-console */
import Provider from 'oidc-provider';

const port = Number(process.env.PAVED_OIDC_PORT ?? 7151);
const redirectUri = process.env.PAVED_OIDC_REDIRECT_URI;
if (!redirectUri) throw new Error('Set PAVED_OIDC_REDIRECT_URI');

const email = name => `${name}@lumenfreight.example`;

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'paved',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'paved-e2e-secret',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(_ctx, id) {
    if (!/^[a-z]+\.[a-z]+$/.test(id)) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: email(id), email_verified: true, name: id };
      },
    };
  },
  cookies: { keys: ['paved-e2e-only-cookie-key'] },
  pkce: { required: () => false },
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;

provider.listen(port, () => {
  console.log(`OIDC provider on http://localhost:${port}`);
});
