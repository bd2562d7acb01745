import type { AddressInfo } from 'net';
import request from 'supertest';
import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticle } from '../../helpers/workflow';

/**
 * If-Match is a compare-and-set inside the save's transaction: of ten editors
 * saving at once over the same loaded version, exactly one wins and nine get
 * 409 (issue 13: PostgreSQL accepted all ten). Two instances:
 * if-match.postgres.test.ts.
 */
let app: TestApp;
let editors: AdminUser[];
let url: string;
const CM = `/content-manager/collection-types/${ARTICLE}`;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editors = [await createAdmin(app, ['Editor'], 'EditorA'), await createAdmin(app, ['Editor'], 'EditorB')];
  // Parallel requests need a listening server: supertest on a bare server listens and closes it per request.
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('Given ten editors who loaded the same version of a draft', () => {
  it.each([1, 2, 3])('When all ten save at once with that If-Match (round %i), Then exactly one is accepted and nine get 409', async () => {
    const { documentId } = await draftArticle(app.strapi);
    const loaded = await app.http().get(`${CM}/${documentId}`).set(bearer(editors[0]));
    const version = loaded.body.data.updatedAt as string;

    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        request(url).put(`${CM}/${documentId}`).set(bearer(editors[n % 2])).set('If-Match', `"${version}"`).send({ standfirst: `save ${n}` }),
      ),
    );
    const statuses = saves.map((res) => res.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    const winner = saves.find((res) => res.status === 200);
    const stored = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: null } });
    expect(stored?.standfirst).toBe(winner?.body.data.standfirst);
    expect(saves.find((res) => res.status === 409)?.body.error.message).toContain('saved by someone else');
  });
});
