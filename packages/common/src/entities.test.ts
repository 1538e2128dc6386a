import { entityDisplayName, joinedOn } from './entities';

describe('entityDisplayName', () => {
  it.each([
    ['group:default/platform-team', 'platform-team'],
    ['component:default/payments-gateway', 'payments-gateway'],
    ['user:default/priya.raman', 'priya.raman'],
    ['group:lumen/platform-team', 'lumen/platform-team'],
    ['platform-team', 'platform-team'],
    ['default/orders-api', 'orders-api'],
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    ['not a ref:/', 'not a ref:/'],
  ])('%p reads as %p', (ref, name) => {
    expect(entityDisplayName(ref)).toBe(name);
  });
});

describe('joinedOn', () => {
  it.each([
    ['2026-11-02', '2026-11-02'],
    ['2026-11-02T09:00:00Z', '2026-11-02'],
    ['2026-11-02T23:30:00-02:00', '2026-11-03'],
    ['2026-13-02', null],
    ['last monday', null],
    ['', null],
    [undefined, null],
  ])('%p joined on %p (UTC)', (value, day) => {
    expect(joinedOn(value)).toBe(day);
  });
});
