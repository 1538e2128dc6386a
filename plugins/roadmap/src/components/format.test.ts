import {
  isConflict,
  safeImageUri,
  safeLinkUri,
  targetQuarterLabel,
} from './format';

describe('format', () => {
  it('keeps http(s), mailto and relative links and drops the rest', () => {
    expect(safeLinkUri('https://example.com/a')).toBe('https://example.com/a');
    expect(safeLinkUri('mailto:pm@example.com')).toBe('mailto:pm@example.com');
    expect(safeLinkUri('/docs/default')).toBe('/docs/default');
    expect(safeLinkUri(['javascript', 'alert(1)'].join(':'))).toBe('');
    expect(safeLinkUri(' JavaScript:alert(1)')).toBe('');
    expect(safeLinkUri('data:text/html,<b>x</b>')).toBe('');
    expect(safeLinkUri('java\tscript:alert(1)')).toBe('');
  });

  it('names target quarters and conflicts', () => {
    expect(targetQuarterLabel('2027-Q1')).toBe('Q1 2027');
    expect(targetQuarterLabel(null)).toBe('No target quarter');
    expect(isConflict(Object.assign(new Error('x'), { statusCode: 409 }))).toBe(
      true,
    );
    expect(isConflict(Object.assign(new Error('x'), { statusCode: 400 }))).toBe(
      false,
    );
  });
});

describe('safeImageUri', () => {
  const origin = 'https://portal.example';
  it('keeps same-origin and relative images, drops every other host', () => {
    expect(safeImageUri('/img/a.png', origin)).toBe(
      'https://portal.example/img/a.png',
    );
    expect(safeImageUri('img/a.png', origin)).toBe(
      'https://portal.example/img/a.png',
    );
    expect(safeImageUri('https://portal.example/a.png', origin)).toBe(
      'https://portal.example/a.png',
    );
    for (const foreign of [
      'https://any.host/pixel.png',
      '//any.host/pixel.png',
      'http://portal.example/a.png',
      'https://portal.example.evil/a.png',
      'data:image/png;base64,AAAA',
      'java\tscript:alert(1)',
      '',
    ]) {
      expect(safeImageUri(foreign, origin)).toBe('');
    }
  });
});
