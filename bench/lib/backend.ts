/*
 * Production backend replicas for the benches: the built bundle that
 * `./paved build:production` leaves in .data/production/bundle, started with
 * NODE_ENV=production and app-config.production.yaml, plus one bench layer:
 *
 *  - `auth.keyStore.provider: static` with a key pair this run generates. It is a
 *    standard Backstage production setting (the auth plugin signs with keys the
 *    operator supplies); holding the private key, the bench signs user tokens
 *    itself, exactly as the auth plugin would after an OpenID Connect sign-in, so
 *    10,000 distinct users need 10,000 signatures, not 10,000 browser sign-ins.
 *    Nothing in the production configuration or code is loosened: tokens are
 *    verified by the same JWKS path, the policy sees the same claims, and the
 *    key pair dies with the run.
 *  - one static token for CI events (external access restricted to
 *    `platform-metrics.event.create`), as the README tells operators to configure.
 *
 * The local OpenID Connect provider of the production test runs beside them, so
 * the OIDC sign-in module starts as it would in production.
 */
import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Knex } from 'knex';
import { GeneralSign, SignJWT, importPKCS8 } from 'jose';

export const ROOT = path.resolve(__dirname, '../..');
export const BUNDLE = path.join(ROOT, '.data/production/bundle');

/** Builds the production bundle unless it is there (BENCH_BUILD=1 forces it). */
export function ensureBundle() {
  const entry = path.join(BUNDLE, 'packages/backend/dist/index.cjs.js');
  if (fs.existsSync(entry) && !process.env.BENCH_BUILD) return;
  console.log('Building the production bundle (scripts/production.sh build)…');
  const result = require('node:child_process').spawnSync(
    'bash',
    [path.join(ROOT, 'scripts/production.sh'), 'build'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('production build failed');
}

/** The bench's signing keys, its CI token and its config layer, in `dir`. */
export class BenchAuth {
  readonly ciToken = crypto.randomBytes(24).toString('hex');
  private readonly privatePem: string;
  readonly configFile: string;
  static readonly KEY_ID = 'paved-bench';

  constructor(dir: string, extraConfig = '') {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', {
      namedCurve: 'P-256',
    });
    this.privatePem = privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
    fs.writeFileSync(path.join(dir, 'private.pem'), this.privatePem, {
      mode: 0o600,
    });
    fs.writeFileSync(
      path.join(dir, 'public.pem'),
      publicKey.export({ type: 'spki', format: 'pem' }),
    );
    this.configFile = path.join(dir, 'app-config.bench.yaml');
    fs.writeFileSync(
      this.configFile,
      `# Written by the bench for this run only.
auth:
  keyStore:
    provider: static
    static:
      keys:
        - publicKeyFile: ${path.join(dir, 'public.pem')}
          privateKeyFile: ${path.join(dir, 'private.pem')}
          keyId: ${BenchAuth.KEY_ID}
backend:
  auth:
    externalAccess:
      - type: static
        options:
          token: ${this.ciToken}
          subject: bench-ci
        accessRestrictions:
          - plugin: platform-metrics
            permission: platform-metrics.event.create
${extraConfig}`,
    );
  }

  private key?: Promise<CryptoKey>;

  /**
   * What the auth plugin stores at each sign-in (its `user_info` table), which
   * other plugins read the caller's groups from when a request reaches them on
   * the user's behalf: one row per bench user, in the auth plugin's database.
   */
  static async recordSignIns(
    authDb: Knex,
    users: Array<{ userRef: string; groups: string[] }>,
  ) {
    for (let i = 0; i < users.length; i += 1000) {
      await authDb('user_info')
        .insert(
          users.slice(i, i + 1000).map(u => ({
            user_entity_ref: u.userRef,
            user_info: JSON.stringify({
              claims: { sub: u.userRef, ent: [u.userRef, ...u.groups] },
            }),
            updated_at: new Date(),
          })),
        )
        .onConflict('user_entity_ref')
        .merge();
    }
  }

  /** A Backstage user token, as the auth plugin issues after sign-in. */
  async userToken(userRef: string, groups: string[]): Promise<string> {
    this.key ??= importPKCS8(this.privatePem, 'ES256') as Promise<CryptoKey>;
    const now = Math.floor(Date.now() / 1000);
    const exp = now + 3 * 3600;
    const key = await this.key;
    // The user identity proof: the signature of the matching limited token, as
    // the auth plugin's issueUserToken computes it (cookie auth needs it).
    const proof = await new GeneralSign(
      new TextEncoder().encode(JSON.stringify({ sub: userRef, iat: now, exp })),
    )
      .addSignature(key)
      .setProtectedHeader({
        typ: 'vnd.backstage.limited-user',
        alg: 'ES256',
        kid: BenchAuth.KEY_ID,
      })
      .done()
      .sign();
    return new SignJWT({
      ent: [userRef, ...groups],
      uip: proof.signatures[0].signature,
    })
      .setProtectedHeader({
        alg: 'ES256',
        kid: BenchAuth.KEY_ID,
        typ: 'vnd.backstage.user',
      })
      .setIssuer('http://localhost/api/auth')
      .setAudience('backstage')
      .setSubject(userRef)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(key);
  }
}

/** One running production backend. */
export class Replica {
  private exited = false;
  readonly log: string;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
    log: string,
  ) {
    this.log = log;
    child.on('exit', () => {
      this.exited = true;
    });
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid() {
    return this.child.pid!;
  }

  get running() {
    return !this.exited;
  }

  static start(options: {
    name: string;
    port: number;
    dir: string;
    auth: BenchAuth;
    postgres: { host: string; port: number; user: string };
    databasePrefix: string;
    oidcPort: number;
  }): Replica {
    const log = path.join(options.dir, `${options.name}.log`);
    const out = fs.openSync(log, 'a');
    const base = `http://127.0.0.1:${options.port}`;
    const child = spawn(
      process.execPath,
      [
        path.join(BUNDLE, 'packages/backend'),
        '--config',
        path.join(ROOT, 'app-config.production.yaml'),
        '--config',
        options.auth.configFile,
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PAVED_BASE_URL: base,
          PAVED_PORT: String(options.port),
          PAVED_ORGANIZATION_NAME: 'Bench',
          PAVED_CATALOG_LOCATION: path.join(ROOT, 'examples/org.yaml'),
          POSTGRES_HOST: options.postgres.host,
          POSTGRES_PORT: String(options.postgres.port),
          POSTGRES_USER: options.postgres.user,
          POSTGRES_PASSWORD: '',
          PAVED_DATABASE_PREFIX: options.databasePrefix,
          AUTH_SESSION_SECRET: crypto.randomBytes(16).toString('hex'),
          OIDC_METADATA_URL: `http://localhost:${options.oidcPort}/.well-known/openid-configuration`,
          OIDC_CLIENT_ID: 'paved',
          OIDC_CLIENT_SECRET: 'paved-e2e-secret',
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
          // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a profile per replica, written when it stops.
          NODE_OPTIONS: process.env.BENCH_REPLICA_NODE_OPTIONS ?? '',
        },
      },
    );
    return new Replica(options.name, options.port, child, log);
  }

  /** Waits until the load balancer's health check says ready. */
  async ready(timeoutMs = 240_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(
          `${this.name} exited while starting:\n${tail(this.log, 40)}`,
        );
      }
      try {
        const res = await fetch(`${this.url}/.backstage/health/v1/readiness`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    throw new Error(
      `${this.name} not ready in ${timeoutMs} ms:\n${tail(this.log, 40)}`,
    );
  }

  /** SIGTERM and wait (SIGKILL after 20 s). */
  async stop() {
    if (this.exited) return;
    const exited = new Promise(r => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    // A profiling replica writes its profile as it exits: give it time.
    const profiling = /--cpu-prof/.test(
      process.env.BENCH_REPLICA_NODE_OPTIONS ?? '',
    );
    const timer = setTimeout(
      () => this.child.kill('SIGKILL'),
      profiling ? 120_000 : 20_000,
    );
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL: the replica dies mid-work, as on an OOM kill or a lost node. */
  async kill() {
    if (this.exited) return;
    const exited = new Promise(r => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** The production test's local OpenID Connect provider. */
export async function startOidcProvider(port: number, redirectBase: string) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'e2e-tests/production/oidc-provider.mjs')],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        PAVED_OIDC_PORT: String(port),
        PAVED_OIDC_REDIRECT_URI: `${redirectBase}/api/auth/oidc/handler/frame`,
      },
    },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(
        `http://127.0.0.1:${port}/.well-known/openid-configuration`,
      );
      if (res.ok) return child;
    } catch {
      // starting
    }
    await sleep(200);
  }
  child.kill();
  throw new Error('the OpenID Connect provider did not start');
}

export function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

export function tail(file: string, lines: number) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
