import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticle, historyRows, mustTransition, transition } from '../../helpers/workflow';

/**
 * Issue 9 (four-eyes): an API token counts as the admin user who created it.
 * One person holding two full-access tokens is one person; a token and its
 * creator's admin login are one person too.
 */
let app: TestApp;
let chief: AdminUser;
let deputy: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  chief = await createAdmin(app, ['strapi-super-admin'], 'Chief');
  deputy = await createAdmin(app, ['strapi-super-admin'], 'Deputy');
});
afterAll(async () => {
  await app?.stop();
});

let tokens = 0;
/** A full-access token created by `owner` in the admin panel (Settings → API Tokens → Create). */
const tokenOf = async (owner: AdminUser): Promise<{ id: number; accessKey: string }> => {
  tokens += 1;
  const res = await app
    .http()
    .post('/admin/api-tokens')
    .set(bearer(owner))
    .send({ name: `integration-${process.pid}-${tokens}`, description: 'desk tool', type: 'full-access', lifespan: null });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.data.id, accessKey: res.body.data.accessKey };
};

const api = (documentId: string) => `/api/editorial-workflow/documents/${ARTICLE}/${documentId}/transitions`;

describe('API tokens count as the admin user who created them', () => {
  it('Given two full-access tokens created by one admin, When one submits and the other approves, Then four-eyes refuses it; a token of another admin approves', async () => {
    const first = await tokenOf(chief);
    const second = await tokenOf(chief);
    const other = await tokenOf(deputy);
    const article = await draftArticle(app.strapi);

    expect((await app.http().post(api(article.documentId)).set(bearer(first)).send({ action: 'submit' })).status).toBe(200);
    const same = await app.http().post(api(article.documentId)).set(bearer(second)).send({ action: 'approve' });
    expect(same.status).toBe(403);
    expect(same.body.error.message).toContain('Four-eyes');
    expect((await app.http().post(api(article.documentId)).set(bearer(other)).send({ action: 'approve' })).status).toBe(200);

    const rows = await historyRows(app.strapi, article.documentId);
    expect(rows.map((row) => `${row.action}:${String(row.actorKey)}:${String(row.actorKind)}`)).toEqual([
      `submit:admin:${chief.id}:api-token`,
      `approve:admin:${deputy.id}:api-token`,
    ]);
  });

  it('Given an admin submitted in the admin panel, When their own token approves, Then four-eyes refuses it', async () => {
    const token = await tokenOf(chief);
    const article = await draftArticle(app.strapi);
    await mustTransition(app, chief, article.documentId, { action: 'submit' });
    const res = await app.http().post(api(article.documentId)).set(bearer(token)).send({ action: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Four-eyes');
    expect((await transition(app, deputy, article.documentId, { action: 'approve' })).status).toBe(200);
  });

  it('Given a token, When it is deleted, Then its owner record goes with it', async () => {
    const token = await tokenOf(chief);
    const owners = () => app.strapi.db.query('plugin::editorial-workflow.token-owner' as never).count({ where: { tokenId: token.id } });
    expect(await owners()).toBe(1);
    expect((await app.http().delete(`/admin/api-tokens/${token.id}`).set(bearer(chief))).status).toBe(200);
    expect(await owners()).toBe(0);
  });
});
