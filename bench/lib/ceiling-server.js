// The ceilings the load bench compares Paved with, in a process of their own
// like a replica: plain Express answering "hello", or plain Express inserting
// one row per request with `pg` (a pool of 10, as a Backstage plugin's knex pool).
/* eslint-disable no-console */
const express = require('express');
const { Pool } = require('pg');

const mode = process.env.CEILING_MODE;
const port = Number(process.env.CEILING_PORT);
const app = express();
app.use(express.json());

if (mode === 'hello') {
  app.get('/hello', (_req, res) => res.json({ hello: 'world' }));
} else {
  const pool = new Pool({
    host: process.env.CEILING_PG_HOST,
    port: Number(process.env.CEILING_PG_PORT),
    user: 'postgres',
    database: process.env.CEILING_PG_DATABASE,
    max: 10,
  });
  app.post('/answers', async (req, res) => {
    try {
      await pool.query(
        'INSERT INTO ceiling_answers (id, user_ref, score) VALUES (gen_random_uuid(), $1, $2)',
        [req.body.user, req.body.score],
      );
      res.status(201).json({ answered: true });
    } catch (error) {
      res
        .status(error.code === '23505' ? 409 : 500)
        .json({ error: String(error) });
    }
  });
}
app.listen(port, '127.0.0.1', () => console.log(`ceiling ${mode} on ${port}`));
