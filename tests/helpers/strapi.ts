import path from 'path';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

export type TestApp = {
  strapi: Core.Strapi;
  db: TestDatabase;
  /** supertest bound to the app's HTTP server (no port is opened). */
  http: () => ReturnType<typeof request>;
  stop: () => Promise<void>;
};

const appDir = path.resolve(__dirname, '../..');
const distDir = path.join(appDir, 'dist');

/**
 * Boot the compiled app (see tests/setup/global-setup.js) on a fresh database.
 * One instance per test file: call in beforeAll, `stop()` in afterAll.
 */
export const startApp = async (extraEnv: Record<string, string> = {}): Promise<TestApp> => {
  const db = await createTestDatabase();
  Object.assign(process.env, db.env, { NODE_ENV: 'test', STRAPI_STARTUP_LOG: 'false' }, extraEnv);

  const instance = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  // Keep test output readable: migrations and request lines only at TEST_LOG_LEVEL=info/http.
  instance.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  const strapi = await instance.load();
  await strapi.server.mount();

  return {
    strapi,
    db,
    http: () => request(strapi.server.httpServer),
    stop: async () => {
      await strapi.destroy();
      await db.drop();
    },
  };
};
