import { ConfigError, loadConfig } from '@ogp/core';

describe('database limits and the request deadline', () => {
  it('have sensible defaults', () => {
    expect(loadConfig({})).toMatchObject({
      dbPoolSize: 10,
      dbPoolMaxWaiting: 10,
      dbAcquireTimeoutMs: 3000,
      dbStatementTimeoutMs: 10_000,
      requestTimeoutMs: 15_000,
    });
  });

  it('let the queue follow the pool size unless set', () => {
    expect(loadConfig({ DB_POOL_SIZE: '25' }).dbPoolMaxWaiting).toBe(25);
    expect(loadConfig({ DB_POOL_SIZE: '25', DB_POOL_MAX_WAITING: '0' }).dbPoolMaxWaiting).toBe(0);
  });

  it.each([
    ['DB_POOL_SIZE', '0', 'between 1 and 500'],
    ['DB_POOL_MAX_WAITING', '-1', 'whole number'],
    ['DB_ACQUIRE_TIMEOUT_MS', '3s', 'whole number'],
    ['DB_STATEMENT_TIMEOUT_MS', '10', 'between 100 and'],
    ['REQUEST_TIMEOUT_MS', '99', 'between 100 and'],
  ])('refuse %s=%s, naming the variable', (variable, value, problem) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
    expect(() => loadConfig({ [variable]: value })).toThrow(problem);
  });
});
