import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';

/**
 * The request log (src/middlewares/request-log.ts, in place of `strapi::logger`): the same line as Strapi's at
 * level `http`, and nothing built at all when the level drops it (winston would format it anyway).
 */
let app: TestApp;
let strapi: Core.Strapi;

beforeAll(async () => {
  app = await startApp();
  strapi = app.strapi;
});
afterAll(async () => {
  await app?.stop();
});

const linesDuring = async (level: string, work: () => Promise<unknown>) => {
  const before = strapi.log.level;
  strapi.log.level = level;
  // recorded, not printed
  const http = jest.spyOn(strapi.log, 'http').mockImplementation(() => strapi.log);
  try {
    await work();
    return http.mock.calls.map((call) => call[0]);
  } finally {
    http.mockRestore();
    strapi.log.level = before;
  }
};

describe('the request log', () => {
  it('when the level lets request lines through, then each request is logged as Strapi logs it', async () => {
    const lines = await linesDuring('http', async () => {
      expect((await app.http().get('/api/articles?pagination[pageSize]=1')).status).toBe(200);
      expect((await app.http().get('/api/no-such-route')).status).toBe(404);
    });
    expect(lines).toEqual([
      expect.stringMatching(/^GET \/api\/articles\?pagination%5BpageSize%5D=1\S* \(\d+ ms\) 200$/),
      expect.stringMatching(/^GET \/api\/no-such-route \(\d+ ms\) 404$/),
    ]);
  });

  it('when the level drops request lines, then no line is built', async () => {
    const lines = await linesDuring('warn', async () => {
      expect((await app.http().get('/api/articles?pagination[pageSize]=1')).status).toBe(200);
    });
    expect(lines).toEqual([]);
  });
});
