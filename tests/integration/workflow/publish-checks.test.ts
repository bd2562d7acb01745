import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, approvedArticle, historyRows, mustTransition, publicView, transition } from '../../helpers/workflow';
import { seedNewsroom } from '../../../src/importer/seed';

/**
 * Issue 9, "publishing checks": open import flags and a missing publication
 * date block the publish transition unless an Editor overrides them with a
 * reason (kept in history). The refusal lists what blocks, with counts and codes.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
});
afterAll(async () => {
  await app?.stop();
});

type Blocker = { code: string; count: number; message: string };
const statusOf = async (documentId: string) =>
  (await app.http().get(`/editorial-workflow/documents/${ARTICLE}/${documentId}`).set(bearer(editorA))).body.data as {
    publishBlockers: Blocker[];
    allowedActions: { action: string; requiresOverride: boolean }[];
  };

describe('Given the seeded story, approved, with open import flags and no publication date', () => {
  let documentId: string;
  let openFlags: number;

  beforeAll(async () => {
    const [seeded] = await seedNewsroom(app.strapi);
    if (seeded.status === 'refused') throw new Error(seeded.error);
    documentId = seeded.report.articleDocumentId as string;
    openFlags = await app.strapi.db
      .query('plugin::editorial-workflow.note')
      .count({ where: { targetDocumentId: documentId, authorKey: 'system:importer', resolved: false } });
    await mustTransition(app, editorA, documentId, { action: 'submit' });
    await mustTransition(app, editorB, documentId, { action: 'approve' });
  });

  it('Then the status lists both blockers and offers publish only with an override', async () => {
    expect(openFlags).toBeGreaterThan(0);
    const status = await statusOf(documentId);
    expect(status.publishBlockers).toEqual([
      expect.objectContaining({ code: 'open_import_flags', count: openFlags }),
      expect.objectContaining({ code: 'missing_date_published', count: 1 }),
    ]);
    expect(status.allowedActions.find((allowed) => allowed.action === 'publish')).toMatchObject({ requiresOverride: true });
  });

  it('When an Editor publishes without a reason, Then 409 listing the blockers, and nothing is public', async () => {
    const res = await transition(app, editorB, documentId, { action: 'publish' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('publish_checks');
    expect(res.body.error.details.blockers.map((blocker: Blocker) => blocker.code)).toEqual(['open_import_flags', 'missing_date_published']);
    expect(res.body.error.message).toContain(`${openFlags} open import flags`);
    expect((await publicView(app, documentId)).status).toBe(404);
  });

  it('When the content manager publishes it (the gate hands it to the workflow), Then it is refused the same way', async () => {
    const res = await app.http().post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`).set(bearer(editorB)).send({});
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('publish_checks');
  });

  it('When an Editor publishes with an override reason, Then it is public and history keeps the reason and what was overridden', async () => {
    await mustTransition(app, editorB, documentId, { action: 'publish', overrideReason: 'Flags checked by the desk; date set on publication.' });
    expect((await publicView(app, documentId)).status).toBe(200);
    const publish = (await historyRows(app.strapi, documentId)).find((row) => row.action === 'publish');
    expect(publish?.details).toMatchObject({
      override: { reason: 'Flags checked by the desk; date set on publication.', blockers: [{ code: 'open_import_flags' }, { code: 'missing_date_published' }] },
    });
  });
});

describe('Given an approved article without import flags', () => {
  it('When it has no publication date, Then only that blocks; when the date is set, Then it publishes without an override', async () => {
    const article = await approvedArticle(app, editorA, editorB, { datePublished: null });
    const refused = await transition(app, editorB, article.documentId, { action: 'publish' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.blockers).toEqual([expect.objectContaining({ code: 'missing_date_published' })]);

    await app.strapi.documents(ARTICLE as never).update({ documentId: article.documentId, data: { datePublished: '2026-11-30T08:00:00.000Z' } } as never);
    // Setting the date is a content change: back to review, approved again (not by its submitter).
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    expect((await transition(app, editorB, article.documentId, { action: 'publish' })).status).toBe(200);
  });

  it('When the flags are resolved, Then they no longer block', async () => {
    const article = await approvedArticle(app, editorA, editorB);
    await app.strapi
      .plugin('editorial-workflow')
      .service('notes')
      .addSystemNotes(ARTICLE, article.documentId, [{ code: 'relative_date', message: 'Check the date' }]);
    expect((await statusOf(article.documentId)).publishBlockers).toEqual([expect.objectContaining({ code: 'open_import_flags', count: 1 })]);
    const [note] = (await app.http().get(`/editorial-workflow/documents/${ARTICLE}/${article.documentId}/notes`).set(bearer(editorA))).body.data;
    expect((await app.http().patch(`/editorial-workflow/notes/${note.id}`).set(bearer(editorA)).send({ resolved: true })).status).toBe(200);
    expect((await statusOf(article.documentId)).publishBlockers).toEqual([]);
    expect((await transition(app, editorB, article.documentId, { action: 'publish' })).status).toBe(200);
  });
});
