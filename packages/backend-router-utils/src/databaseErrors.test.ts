import { mockErrorHandler } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import knexFactory from 'knex';
import request from 'supertest';
import {
  databaseUnavailableAs503,
  isDatabaseUnavailable,
  isUpstreamUnavailable,
} from './databaseErrors';

// What a Backstage client (e.g. the permission client) throws for an HTTP answer.
async function responseError(status: number) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'An internal error occurred' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ) as any,
  );
}

// A Postgres client pointed at a port nobody listens on: a real outage.
function unreachable(pool = { min: 0, max: 1 }) {
  return knexFactory({
    client: 'pg',
    connection: { host: '127.0.0.1', port: 1, user: 'postgres', database: 'x' },
    pool,
    acquireConnectionTimeout: 2000,
  });
}

function appFor(handler: express.RequestHandler) {
  const router = Router();
  router.get('/things', handler);
  router.use(databaseUnavailableAs503());
  return express().use(router).use(mockErrorHandler());
}

describe('databaseUnavailableAs503', () => {
  it('answers a database outage with 503 and Retry-After, without a stack', async () => {
    const db = unreachable();
    try {
      const app = appFor(async (_req, res) => {
        res.json(await db('things').select());
      });
      const res = await request(app).get('/things');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.error.name).toBe('ServiceUnavailableError');
      expect(res.body.error.message).toBe(
        'The database is not reachable right now; retry in 5 seconds.',
      );
      expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|at .*\.js/);
    } finally {
      await db.destroy();
    }
  });

  it('answers an exhausted pool with 503', async () => {
    const pool = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
      acquireConnectionTimeout: 200,
    });
    try {
      // One connection held by an open transaction; the next request waits, then gives up.
      const held = await pool.transaction();
      const app = appFor(async (_req, res) => {
        res.json(await pool.raw('select 1 as one'));
      });
      const res = await request(app).get('/things');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      await held.rollback();
    } finally {
      await pool.destroy();
    }
  });

  it('answers a server error from a plugin the request depends on with 503', async () => {
    // The permission backend answers 500 while its database is away.
    const upstream = await responseError(500);
    const app = appFor(async () => {
      throw upstream;
    });
    const res = await request(app).get('/things');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error.message).toBe(
      'A service this request depends on is not available right now; retry in 5 seconds.',
    );
  });

  it('passes on what another plugin refused', async () => {
    const refused = await responseError(403);
    const app = appFor(async () => {
      throw refused;
    });
    const res = await request(app).get('/things');
    expect(res.status).toBe(403);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [400, false],
    [404, false],
    [409, false],
  ])('a ResponseError %p means unavailable: %p', async (status, expected) => {
    expect(isUpstreamUnavailable(await responseError(status))).toBe(expected);
    expect(isUpstreamUnavailable(new Error('not a response'))).toBe(false);
    expect(isUpstreamUnavailable(null)).toBe(false);
  });

  it('leaves every other error alone', async () => {
    const app = appFor(async () => {
      throw new Error('a bug');
    });
    const res = await request(app).get('/things');
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [
      {
        code: '57P01',
        message: 'terminating connection due to administrator command',
      },
      true,
    ],
    [{ name: 'KnexTimeoutError' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [
      new AggregateError([
        Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      ]),
      true,
    ],
    [Object.assign(new Error('wrapped'), { cause: { code: '08006' } }), true],
    [{ code: '23505', message: 'duplicate key' }, false],
    [{ code: '22P02' }, false],
    [new Error('syntax error at or near'), false],
    [null, false],
  ])('%p means unavailable: %p', (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
