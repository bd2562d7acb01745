import type { AddressInfo } from 'net';
import request from 'supertest';
import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { startSecondInstance, type SecondInstance } from '../../helpers/second-instance';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticle } from '../../helpers/workflow';

/**
 * Two app instances on one PostgreSQL database (this process and a child):
 * ten If-Match saves of the same version, five sent to each, accept exactly
 * one (issue 13 saw {10,10,5,10,8} accepted per round).
 */
let a: TestApp;
let b: SecondInstance;
let editors: AdminUser[];
let urlA: string;
const CM = `/content-manager/collection-types/${ARTICLE}`;

beforeAll(async () => {
  a = await startApp(WORKFLOW_TEST_ENV);
  editors = [await createAdmin(a, ['Editor'], 'EditorA'), await createAdmin(a, ['Editor'], 'EditorB')];
  // Parallel requests need a listening server: supertest on a bare server listens and closes it per request.
  const server = a.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  urlA = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  b = await startSecondInstance({ ...a.db.env, ...WORKFLOW_TEST_ENV });
}, 180_000);
afterAll(async () => {
  await b?.stop();
  await a?.stop();
}, 60_000);

it.each([1, 2, 3, 4, 5])('round %i: ten If-Match saves across two instances accept exactly one, the others get 409', async () => {
  const { documentId } = await draftArticle(a.strapi);
  const loaded = await a.http().get(`${CM}/${documentId}`).set(bearer(editors[0]));
  const version = loaded.body.data.updatedAt as string;

  const saves = await Promise.all(
    Array.from({ length: 10 }, (_, n) => {
      const on = request(n % 2 ? b.url : urlA);
      return on.put(`${CM}/${documentId}`).set(bearer(editors[n % 2])).set('If-Match', `"${version}"`).send({ standfirst: `save ${n}` });
    }),
  );
  expect(saves.map((res) => res.status).sort()).toEqual([200, ...Array(9).fill(409)]);
  const winner = saves.find((res) => res.status === 200);
  const stored = await a.strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null } });
  expect(stored?.standfirst).toBe(winner?.body.data.standfirst);
});
