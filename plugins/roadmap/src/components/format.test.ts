import { entityName, isConflict, quarterLabel, safeLinkUri } from './format';

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

  it('names entities, quarters and conflicts', () => {
    expect(entityName('user:default/pat.pm')).toBe('pat.pm');
    expect(entityName('group:platform-team')).toBe('platform-team');
    expect(quarterLabel('2027-Q1')).toBe('Q1 2027');
    expect(quarterLabel(null)).toBe('No target quarter');
    expect(isConflict(Object.assign(new Error('x'), { statusCode: 409 }))).toBe(
      true,
    );
    expect(isConflict(Object.assign(new Error('x'), { statusCode: 400 }))).toBe(
      false,
    );
  });
});
