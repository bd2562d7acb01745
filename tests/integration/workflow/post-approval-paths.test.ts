import fs from 'fs';
import path from 'path';
import { bearer, createAdmin, createApiToken, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  QUOTE,
  WORKFLOW_TEST_ENV,
  approvedArticle,
  documentsOf,
  draftArticle,
  draftArticleBy,
  draftQuoteGraph,
  historyRows,
  mustTransition,
  publicView,
  workflowStatus,
} from '../../helpers/workflow';
import { importBundle } from '../../../src/importer/import/import-bundle';
import { seedNewsroom } from '../../../src/importer/seed';

/**
 * Issue 9, "four-eyes covers content": the five paths an outside write-side
 * test found that published unreviewed content after approval. Each one must
 * leave the story in review, with a history row saying why.
 */
const CM = `/content-manager/collection-types/${ARTICLE}`;
const BUNDLE_FILE = path.resolve(__dirname, '../../../database/seed/bundles/china-surveillance-export.json');
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

let app: TestApp;
let author: AdminUser;
let editorA: AdminUser;
let editorB: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  author = await createAdmin(app, ['Author'], 'Author');
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
});
afterAll(async () => {
  await app?.stop();
});

/** The story is back in review, not public, and its history says the content changed after approval. */
const expectBackInReview = async (documentId: string, by: string) => {
  const status = await workflowStatus(app, editorA, documentId);
  expect(status.state).toBe('in_review');
  expect(status.allowedActions.map((allowed) => allowed.action)).not.toContain('publish');
  expect((await publicView(app, documentId)).status).toBe(404);
  const rows = await historyRows(app.strapi, documentId);
  const returned = rows.find((row) => row.fromState === 'approved' && row.toState === 'in_review');
  expect(returned).toMatchObject({ action: 'edit', comment: 'content changed after approval', actorKey: by });
};

/** An Author's story, submitted by her and approved by editorA. */
const approvedAuthorStory = async (over: Record<string, unknown> = {}) => {
  const article = await draftArticleBy(app, author, over);
  await mustTransition(app, author, article.documentId, { action: 'submit' });
  await mustTransition(app, editorA, article.documentId, { action: 'approve' });
  return article;
};

describe('Given an approved story, a content change by any path returns it to review', () => {
  it('When its Author saves a change in the content manager, Then it is in review again', async () => {
    const article = await approvedAuthorStory();
    const res = await app.http().put(`${CM}/${article.documentId}`).set(bearer(author)).send({ standfirst: 'Added after approval' });
    expect(res.status).toBe(200);
    await expectBackInReview(article.documentId, `admin:${author.id}`);
  });

  it('When the approver uses "save and publish" with a changed body, Then nothing is published and it is in review', async () => {
    const article = await approvedArticle(app, editorB, editorA);
    await app.http().post(`${CM}/${article.documentId}/actions/publish`).set(bearer(editorA)).send({ body: paragraph('Rewritten by the approver.') });
    await expectBackInReview(article.documentId, `admin:${editorA.id}`);
    // The approver's own edit now bars her from approving it again (four-eyes covers content).
    const again = await app.http().post(`/editorial-workflow/documents/${ARTICLE}/${article.documentId}/transitions`).set(bearer(editorA)).send({ action: 'approve' });
    expect(again.status).toBe(403);
    expect(again.body.error.details.code).toBe('four_eyes');
  });

  it('When its Author removes the embargo, Then it is in review again', async () => {
    const article = await approvedAuthorStory({ embargoedUntil: new Date(Date.now() + 86_400_000).toISOString() });
    const res = await app.http().put(`${CM}/${article.documentId}`).set(bearer(author)).send({ embargoedUntil: null });
    expect(res.status).toBe(200);
    await expectBackInReview(article.documentId, `admin:${author.id}`);
  });

  it('When a full-access API token PUTs a change as a draft, Then it is in review again (the token counts as its creator)', async () => {
    const article = await approvedArticle(app, editorB, editorA);
    const token = await createApiToken(app.strapi, 'full-access');
    const res = await app.http().put(`/api/articles/${article.documentId}?status=draft`).set(bearer(token)).send({ data: { headline: 'Changed through the API' } });
    expect(res.status).toBe(200);
    const rows = await historyRows(app.strapi, article.documentId);
    const returned = rows.find((row) => row.fromState === 'approved' && row.toState === 'in_review');
    expect(returned).toMatchObject({ action: 'edit', comment: 'content changed after approval' });
    expect((await workflowStatus(app, editorA, article.documentId)).state).toBe('in_review');
    expect((await publicView(app, article.documentId)).status).toBe(404);
  });

  it('When a changed bundle is re-imported into the approved story, Then it is in review again', async () => {
    const [seeded] = await seedNewsroom(app.strapi);
    if (seeded.status === 'refused') throw new Error(seeded.error);
    const documentId = seeded.report.articleDocumentId as string;
    await mustTransition(app, editorB, documentId, { action: 'submit' });
    await mustTransition(app, editorA, documentId, { action: 'approve' });

    const bundle = JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8'));
    bundle.article.headline = `${bundle.article.headline} (updated by the wire)`;
    await importBundle(app.strapi, bundle);

    const status = await workflowStatus(app, editorA, documentId);
    expect(status.state).toBe('in_review');
    const returned = (await historyRows(app.strapi, documentId)).find((row) => row.fromState === 'approved' && row.toState === 'in_review');
    expect(returned).toMatchObject({ action: 'edit', comment: 'content changed after approval' });
    expect((returned?.details as { fields: string[] }).fields).toContain('headline');
  });

  it('When one of its quotes is changed, Then the story is in review again (quotes are published with it)', async () => {
    const article = await draftArticle(app.strapi);
    const { quote } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorB, article.documentId, { action: 'submit' });
    await mustTransition(app, editorA, article.documentId, { action: 'approve' });
    await documentsOf(app.strapi, QUOTE).update({ documentId: quote.documentId, data: { text: 'Words nobody said' } });
    expect((await workflowStatus(app, editorA, article.documentId)).state).toBe('in_review');
    const returned = (await historyRows(app.strapi, article.documentId)).find((row) => row.fromState === 'approved' && row.toState === 'in_review');
    expect(returned).toMatchObject({ action: 'edit', comment: 'content changed after approval', details: { via: { uid: QUOTE, documentId: quote.documentId } } });
  });

  it('When a save changes nothing, Then the story stays approved and no history row is written', async () => {
    const article = await approvedAuthorStory();
    const before = (await historyRows(app.strapi, article.documentId)).length;
    const draft = await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: article.documentId, publishedAt: null } });
    const res = await app.http().put(`${CM}/${article.documentId}`).set(bearer(author)).send({ standfirst: draft.standfirst ?? null });
    expect(res.status).toBe(200);
    expect((await workflowStatus(app, editorA, article.documentId)).state).toBe('approved');
    expect(await historyRows(app.strapi, article.documentId)).toHaveLength(before);
  });
});
