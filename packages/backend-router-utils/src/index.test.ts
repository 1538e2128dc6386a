import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { audited, parseRequest } from './index';

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
