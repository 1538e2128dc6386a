/*
 * A throwaway Postgres 15 cluster for the benches that stop or restart Postgres,
 * or that must not share the machine's server: initdb into a temporary folder,
 * its own port, a Unix socket in that folder, trust auth. Never the shared server.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A Postgres cluster this process created and will remove. */
export class ThrowawayCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly options: string,
  ) {}

  /** initdb + start. `settings` become `-c name=value` server options. */
  static async create(
    port: number,
    settings: Record<string, string | number> = {},
  ): Promise<ThrowawayCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-bench-pg-'));
    const data = path.join(dir, 'data');
    // Postgres refuses to run as root: the cluster belongs to the postgres user then.
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) {
      execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    }
    await run(asPostgres, `${BIN}/initdb`, [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
    ]);
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=on',
      ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ');
    const cluster = new ThrowawayCluster(dir, port, options);
    await cluster.ctl('start');
    return cluster;
  }

  private async ctl(action: 'start' | 'stop' | 'restart', mode = 'fast') {
    const args = ['-D', path.join(this.dir, 'data'), '-w', '-t', '60'];
    if (action !== 'start') args.push('-m', mode);
    if (action !== 'stop') {
      args.push('-o', this.options, '-l', path.join(this.dir, 'server.log'));
    }
    await run(process.getuid?.() === 0, `${BIN}/pg_ctl`, [...args, action]);
  }

  /** The postmaster's process id (its backends are its children). */
  get postmasterPid(): number {
    const file = path.join(this.dir, 'data', 'postmaster.pid');
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  }

  /** Connection settings for knex or pg. */
  get connection() {
    return {
      host: '127.0.0.1',
      port: this.port,
      user: 'postgres',
      password: '',
    };
  }

  /**
   * The same through the server's Unix socket (its folder as the host): what
   * a client on the same machine would use, without the loopback TCP stack.
   */
  get socketConnection() {
    return { ...this.connection, host: this.dir };
  }

  /** Starts the server and waits until it accepts connections (without blocking the event loop). */
  start() {
    return this.ctl('start');
  }

  /** Stops the server; `immediate` is a crash-like stop (no checkpoint). */
  stop(mode: 'fast' | 'immediate' = 'fast') {
    return this.ctl('stop', mode);
  }

  restart(mode: 'fast' | 'immediate' = 'fast') {
    return this.ctl('restart', mode);
  }

  /** Stops the server and removes the folder. */
  async destroy() {
    await this.stop('immediate').catch(() => {});
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function run(asPostgres: boolean, command: string, args: string[]) {
  const [file, argv] = asPostgres
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  try {
    await promisify(execFile)(file, argv, { encoding: 'utf8' });
  } catch (error: any) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed: ${
        error.stderr ?? ''
      }${error.stdout ?? ''}`,
    );
  }
}
