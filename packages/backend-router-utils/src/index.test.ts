import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { audited, jsonBody, parseRequest } from './index';

describe('parseRequest', () => {
  it('returns the parsed value, or a 400 naming each failing field', () => {
    const schema = z.strictObject({
      score: z.number().int(),
      comment: z.string(),
    });
    expect(parseRequest(schema, { score: 3, comment: 'ok' })).toEqual({
      score: 3,
      comment: 'ok',
    });
    expect(() => parseRequest(schema, { score: 1.5 }, 'answer')).toThrow(
      /^Invalid answer: score: .*; comment: /,
    );
    expect(() => parseRequest(schema, null)).toThrow(InputError);
  });
});

describe('audited', () => {
  it('records success, and failure with the error, rethrowing it', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const req = {} as any;
    await expect(
      audited(auditor, req, 'thing-save', { id: '1' }, async () => 42),
    ).resolves.toBe(42);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'thing-save',
      request: req,
      meta: { id: '1' },
    });
    expect(event.success).toHaveBeenCalled();
    const boom = new Error('boom');
    await expect(
      audited(auditor, req, 'thing-save', {}, async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(event.fail).toHaveBeenCalledWith({ error: boom });
  });
});

describe('jsonBody', () => {
  const received: unknown[] = [];
  const app = express()
    .use(jsonBody({ limit: '1kb' }))
    .post('/', (req, res) => {
      received.push(req.body);
      res.json({ got: req.body });
    })
    .use(mockErrorHandler());
  const post = (body: string | Buffer) =>
    request(app)
      .post('/')
      .set('content-type', 'application/json')
      // The bytes as they are, not serialised again.
      .serialize((raw: unknown) => raw as string)
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));

  beforeEach(() => {
    received.length = 0;
  });

  it('parses JSON, including every valid character and surrogate pair', async () => {
    const res = await post(
      '{"title":"Ünïcode ✓ 🚀 \\ud83d\\ude80","list":["a"]}',
    );
    expect(res.status).toBe(200);
    expect(res.body.got).toEqual({ title: 'Ünïcode ✓ 🚀 🚀', list: ['a'] });
  });

  it('refuses bytes that are not UTF-8 with a 400 that says so', async () => {
    // 0xff never occurs in UTF-8; 0xc3 0x28 is a broken two-byte sequence.
    for (const bytes of [
      Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
      Buffer.concat([
        Buffer.from('{"t":"'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
    ]) {
      const res = await post(bytes);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/not valid UTF-8/);
    }
    expect(received).toEqual([]);
  });

  it('refuses lone surrogates in values and keys, naming where', async () => {
    const high = await post('{"item":{"title":"x\\ud800y"}}');
    expect(high.status).toBe(400);
    expect(high.body.error.message).toMatch(
      /item\.title holds a lone surrogate/,
    );
    const low = await post('{"tags":["ok","\\udc00"]}');
    expect(low.status).toBe(400);
    expect(low.body.error.message).toMatch(/tags\[1\] holds a lone surrogate/);
    const reversed = await post('{"t":"\\udc00\\ud800"}');
    expect(reversed.status).toBe(400);
    const key = await post('{"\\ud800":1}');
    expect(key.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('keeps express.json behaviour for malformed and oversized bodies', async () => {
    expect((await post('{"t":')).status).toBe(400);
    expect((await post(JSON.stringify({ t: 'x'.repeat(2000) }))).status).toBe(
      413,
    );
    expect(received).toEqual([]);
  });
});
