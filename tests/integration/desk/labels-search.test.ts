import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, EXPERT, QUOTE, WORKFLOW_TEST_ENV } from '../../helpers/workflow';
import { seedNewsroom } from '../../../src/importer/seed';

/**
 * Every document has a human label in the admin (issue 9, item 4) and the
 * Article list search covers the body (item 10), on the seeded story.
 */
const SANCTION = 'api::sanction-record.sanction-record';
let app: TestApp;
let editor: AdminUser;
let articleId: string;

type Row = { id: number; documentId: string; label?: string | null; text?: string; name?: string };
const rows = (uid: string, params: Record<string, unknown>) => app.strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editor = await createAdmin(app, ['Editor'], 'Desk');
  const [result] = await seedNewsroom(app.strapi);
  if (result.status === 'refused') throw new Error(result.error);
  articleId = result.report.articleDocumentId as string;
});
afterAll(async () => {
  await app?.stop();
});

describe('labels of the seeded story', () => {
  it('every quote’s label starts with the start of its text and names its speaker', async () => {
    const quotes = await rows(QUOTE, { select: ['id', 'text', 'label'], populate: { speaker: { select: ['name'] } } });
    expect(quotes.length).toBeGreaterThanOrEqual(12);
    for (const quote of quotes) expect(quote.label).toContain((quote.text as string).replace(/\s+/g, ' ').trim().slice(0, 25));
    const allen = quotes.find((quote) => (quote as { speaker?: { name: string } }).speaker?.name === 'Bethany Allen');
    expect(allen?.label).toMatch(/— Bethany Allen$/);
  });

  it('sanction records read organization · program · year, experts name (affiliation)', async () => {
    const records = await rows(SANCTION, { select: ['label'] });
    expect(records.length).toBeGreaterThanOrEqual(3);
    expect(records.map((record) => record.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^Huawei.* · \d{4}$/)]));
    expect(records.every((record) => record.label && record.label !== 'US')).toBe(true);
    const experts = await rows(EXPERT, { where: { name: 'Bethany Allen' }, select: ['label'] });
    expect(experts[0]?.label).toBe('Bethany Allen (Australian Strategic Policy Institute)');
  });

  it('renaming a speaker renames the labels of their quotes', async () => {
    const [expert] = await rows(EXPERT, { where: { name: 'Bethany Allen', publishedAt: null }, select: ['documentId'] });
    await app.strapi.documents(EXPERT as never).update({ documentId: expert.documentId, data: { name: 'Bethany Allen-Ebrahimian' } } as never);
    const quotes = await rows(QUOTE, { where: { speaker: { documentId: expert.documentId } }, select: ['label'] });
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote.label).toMatch(/— Bethany Allen-Ebrahimian$/);
  });
});

describe('the content manager', () => {
  it('uses the label as the main field and in the article’s quote list', async () => {
    const config = await app.http().get(`/content-manager/content-types/${QUOTE}/configuration`).set(bearer(editor));
    expect(config.status).toBe(200);
    expect(config.body.data.contentType.settings.mainField).toBe('label');
    // Pages of 10, as the edit view loads them (the content manager reads main fields for one page at a time).
    const quotes = await app.http().get(`/content-manager/relations/${ARTICLE}/${articleId}/quotes?page=1&pageSize=10`).set(bearer(editor));
    expect(quotes.status).toBe(200);
    expect(quotes.body.results).toHaveLength(10);
    for (const quote of quotes.body.results) expect(quote.label).toMatch(/^“.+” — .+/);
  });

  it('gives every field a human label and a hint, and keeps generated and bookkeeping fields out of the edit view', async () => {
    for (const uid of [ARTICLE, QUOTE, EXPERT, SANCTION, 'api::organization.organization']) {
      const res = await app.http().get(`/content-manager/content-types/${uid}/configuration`).set(bearer(editor));
      expect(res.status).toBe(200);
      const { metadatas, layouts } = res.body.data.contentType as {
        metadatas: Record<string, { edit: { label?: string; description?: string } }>;
        layouts: { edit: { name: string }[][] };
      };
      const shown = layouts.edit.flat().map((field) => field.name);
      expect(shown).not.toEqual(expect.arrayContaining(['label']));
      expect(shown).not.toContain('importFingerprint');
      expect(shown).not.toContain('bodyText');
      for (const name of shown) {
        expect({ name, label: metadatas[name].edit.label }).not.toEqual({ name, label: name });
        expect({ name, hint: Boolean(metadatas[name].edit.description) }).toEqual({ name, hint: true });
      }
    }
  });

  it('finds the seeded story by a word of its body ("Huawei") in the Article list search', async () => {
    const res = await app.http().get(`/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&_q=Huawei`).set(bearer(editor));
    expect(res.status).toBe(200);
    expect(res.body.results.map((article: { documentId: string }) => article.documentId)).toEqual([articleId]);
  });
});
