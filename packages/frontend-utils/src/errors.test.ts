import {
  fieldErrorsFromIssues,
  isNotFound,
  serverFieldErrors,
  serverMessage,
} from './errors';
import { formatNumber, formatRange } from './format';

// A ResponseError as @backstage/errors builds it from a Paved router's 400.
const responseError = (status: number, message: string) =>
  Object.assign(new Error(`Request failed with ${status} Bad Request`), {
    name: 'ResponseError',
    statusCode: status,
    body: { error: { name: 'InputError', message } },
    cause: { message },
  });

describe('server reasons per field', () => {
  it('splits a Paved 400 into its fields', () => {
    expect(
      serverFieldErrors(
        responseError(
          400,
          'Invalid request body: closesAt: closesAt must be after opensAt; audience.groups.0: audience groups must be group entity refs like group:default/checkout',
        ),
      ),
    ).toEqual({
      fields: {
        closesAt: 'closesAt must be after opensAt',
        'audience.groups.0':
          'audience groups must be group entity refs like group:default/checkout',
      },
    });
  });

  it('keeps what names no field as the message, never the status line', () => {
    const conflict = responseError(
      409,
      'A campaign for the same audience overlaps this window',
    );
    expect(serverFieldErrors(conflict)).toEqual({
      fields: {},
      message: 'A campaign for the same audience overlaps this window',
    });
    expect(serverMessage(conflict)).not.toMatch(/Request failed/);
    expect(serverFieldErrors(new Error('offline'))).toEqual({
      fields: {},
      message: 'offline',
    });
  });

  it('gives the first browser-side problem of each field', () => {
    expect(
      fieldErrorsFromIssues([
        { path: ['title'], message: 'title is required' },
        { path: ['title'], message: 'second' },
        { path: ['links', 0, 'url'], message: 'links must be http(s) URLs' },
      ]),
    ).toEqual({
      title: 'title is required',
      'links.0.url': 'links must be http(s) URLs',
    });
  });

  it('knows a 404', () => {
    expect(isNotFound(responseError(404, 'No roadmap item'))).toBe(true);
    expect(isNotFound(responseError(400, 'x'))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});

describe('numbers', () => {
  it('uses one minus sign, U+2212, everywhere', () => {
    expect(formatNumber(-67)).toBe('\u221267');
    expect(formatNumber(12, { signed: true })).toBe('+12');
    expect(formatNumber(0, { signed: true })).toBe('0');
    expect(formatRange(-100, -7)).toBe('\u2212100 to \u22127');
    expect(formatRange(-3, 12)).not.toMatch(/-/);
  });
});
