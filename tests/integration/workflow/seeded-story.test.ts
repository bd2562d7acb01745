import { createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { WORKFLOW_TEST_ENV, historyRows, mustTransition, transition } from '../../helpers/workflow';
import { seedNewsroom } from '../../../src/importer/seed';

/**
 * The seeded wire story through the whole editorial path, as the newsroom
 * would run it: imported as drafts with review notes, submitted, approved by a
 * second editor, published (with its quotes and the people, organizations and
 * sanction records it references), then withdrawn.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;
let chief: AdminUser;
let articleId: string;
let slug: string;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  chief = await createAdmin(app, ['strapi-super-admin'], 'Chief');
  const [result] = await seedNewsroom(app.strapi);
  if (result.status === 'refused') throw new Error(result.error);
  articleId = result.report.articleDocumentId as string;
  const article = await app.strapi.db.query('api::article.article').findOne({ where: { documentId: articleId } });
  slug = article.slug;
});
afterAll(async () => {
  await app?.stop();
});

describe('Given the seeded story', () => {
  it('then it waits as a draft with the import flags as review notes, and Public cannot read it', async () => {
    const notes = await app.http().get(`/editorial-workflow/documents/api::article.article/${articleId}/notes`).set('Authorization', `Bearer ${editorA.token}`);
    expect(notes.status).toBe(200);
    const list = (notes.body.data ?? notes.body) as { code?: string; body?: string }[];
    const codes = new Set(list.map((note) => note.code));
    for (const code of ['relative_date', 'conflicting_bylines', 'garbled_translation', 'removed_block']) expect(codes).toContain(code);
    expect(JSON.stringify(list)).not.toMatch(/Deposit Bonus|Spread the love|nizhtimes/);
    expect((await app.http().get(`/api/articles/slug/${slug}`)).status).toBe(404);
  });

  it('when the editor who submitted it tries to approve it, then four-eyes refuses', async () => {
    await mustTransition(app, editorA, articleId, { action: 'submit' });
    const res = await transition(app, editorA, articleId, { action: 'approve' });
    expect(res.status).toBe(403);
  });

  it('when a second editor approves and publishes, then Public reads the article with its quotes, speakers and sanctions', async () => {
    await mustTransition(app, editorB, articleId, { action: 'approve' });
    // The import flags are still open and the wire gave no date: publishing needs an Editor's override reason.
    await mustTransition(app, editorB, articleId, { action: 'publish', overrideReason: 'Flags reviewed on the desk; dated on publication.' });

    const res = await app.http().get(`/api/articles/slug/${slug}`);
    expect(res.status).toBe(200);
    const article = res.body.data;
    expect(article.headline).toBe('China ready to export controversial surveillance techniques');
    expect(article.edNote).toBeUndefined();
    const quotes = article.quotes as { position: number; speaker?: { name: string; affiliation?: { name: string } } | null; speakerOrganization?: { name: string } | null }[];
    expect(quotes.length).toBeGreaterThanOrEqual(12);
    expect(quotes.map((quote) => quote.position)).toEqual([...quotes.map((quote) => quote.position)].sort((a, b) => a - b));
    const allen = quotes.find((quote) => quote.speaker?.name === 'Bethany Allen');
    expect(allen?.speaker?.affiliation?.name).toBe('Australian Strategic Policy Institute');
    expect(quotes.some((quote) => quote.speakerOrganization?.name === 'Caltta Technologies')).toBe(true);
    expect((article.sanctionRecords as unknown[]).length).toBeGreaterThanOrEqual(3);

    const publicQuotes = await app.http().get('/api/quotes?pagination[pageSize]=100');
    expect(publicQuotes.body.data).toHaveLength(quotes.length);
    expect((await historyRows(app.strapi, articleId)).map((row) => row.action)).toEqual(
      expect.arrayContaining(['submit', 'approve', 'publish']),
    );
  });

  it('when the editor-in-chief withdraws it, then the slug answers 410 with the notice', async () => {
    await mustTransition(app, chief, articleId, { action: 'withdraw', comment: 'Counsel asked us to pull it.', notice: 'Withdrawn pending a legal review.' });
    const res = await app.http().get(`/api/articles/slug/${slug}`);
    expect(res.status).toBe(410);
    expect(JSON.stringify(res.body)).toContain('Withdrawn pending a legal review.');
    expect((await app.http().get('/api/quotes')).body.data).toHaveLength(0);
  });
});
