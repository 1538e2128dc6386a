import { entityDisplayName } from './entities';

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
