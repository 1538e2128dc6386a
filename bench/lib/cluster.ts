/*
 * A throwaway Postgres 15 cluster for the benches that stop or restart Postgres,
 * or that must not share the machine's server: initdb into a temporary folder,
 * its own port, a Unix socket in that folder, trust auth. Never the shared server.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
    run(asPostgres, `${BIN}/initdb`, [
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
    cluster.ctl('start');
    return cluster;
  }

  private ctl(action: 'start' | 'stop' | 'restart', mode = 'fast') {
    const args = ['-D', path.join(this.dir, 'data'), '-w', '-t', '60'];
    if (action !== 'start') args.push('-m', mode);
    if (action !== 'stop') {
      args.push('-o', this.options, '-l', path.join(this.dir, 'server.log'));
    }
    run(process.getuid?.() === 0, `${BIN}/pg_ctl`, [...args, action]);
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

  start() {
    this.ctl('start');
  }

  /** Stops the server; `immediate` is a crash-like stop (no checkpoint). */
  stop(mode: 'fast' | 'immediate' = 'fast') {
    this.ctl('stop', mode);
  }

  restart(mode: 'fast' | 'immediate' = 'fast') {
    this.ctl('restart', mode);
  }

  /** Stops the server and removes the folder. */
  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function run(asPostgres: boolean, command: string, args: string[]) {
  const result = asPostgres
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed: ${result.stderr}${
        result.stdout
      }`,
    );
  }
}
