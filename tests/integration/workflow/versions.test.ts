import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticleBy, historyRows, mustTransition } from '../../helpers/workflow';

/**
 * Issue 9, "history shows content": every content save is a history row (who,
 * when, which fields); any two versions compare field by field; the draft
 * diffs against the live version, with a text diff of the body.
 */
const CM = `/content-manager/collection-types/${ARTICLE}`;
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

type FieldDiff = { field: string; changed: boolean; before: unknown; after: unknown; text?: { value: string; added?: boolean; removed?: boolean }[] };
type Compare = { from: string; to: string; changedFields: string[]; fields: FieldDiff[]; live?: boolean };

const route = (documentId: string, tail: string) => `/editorial-workflow/documents/${ARTICLE}/${documentId}/${tail}`;
const get = (user: AdminUser, url: string) => app.http().get(url).set(bearer(user));
const save = async (user: AdminUser, documentId: string, data: Record<string, unknown>) => {
  const res = await app.http().put(`${CM}/${documentId}`).set(bearer(user)).send(data);
  if (res.status !== 200) throw new Error(`save: ${res.status} ${JSON.stringify(res.body)}`);
};
const field = (result: Compare, name: string) => result.fields.find((item) => item.field === name) as FieldDiff;
const added = (diff: FieldDiff) => (diff.text ?? []).filter((part) => part.added).map((part) => part.value.trim()).join(' ');
const removed = (diff: FieldDiff) => (diff.text ?? []).filter((part) => part.removed).map((part) => part.value.trim()).join(' ');

describe('Given a story saved three times by two people', () => {
  let documentId: string;
  let firstId: string;
  let secondId: string;

  beforeAll(async () => {
    documentId = (await draftArticleBy(app, author, { standfirst: 'First standfirst', body: paragraph('The minister said nothing.') })).documentId;
    await save(author, documentId, { standfirst: 'Second standfirst' });
    await mustTransition(app, author, documentId, { action: 'submit' });
    await save(editorA, documentId, { body: paragraph('The minister said little.'), section: 'World' });
  });

  it('Then each save is a history row naming who saved and which fields changed', async () => {
    const edits = (await historyRows(app.strapi, documentId)).filter((row) => row.action === 'edit');
    expect(edits.map((row) => [row.actorKey, (row.details as { fields: string[] }).fields])).toEqual([
      [`admin:${author.id}`, ['standfirst']],
      [`admin:${editorA.id}`, ['body', 'section']],
    ]);
    expect(edits.every((row) => typeof row.occurredAt !== 'undefined' && row.occurredAt !== null)).toBe(true);
  });

  it('When the versions are listed, Then they run from the initial version through each save to the draft', async () => {
    const res = await get(editorB, route(documentId, 'versions'));
    expect(res.status).toBe(200);
    const versions = res.body.data as { id: string; user: { key: string } | null; fields: string[] }[];
    expect(versions.map((version) => version.id)).toEqual(['initial', expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), 'draft']);
    expect(versions[2]).toMatchObject({ user: { key: `admin:${editorA.id}` }, fields: ['body', 'section'] });
    [, { id: firstId }, { id: secondId }] = versions;
  });

  it('When two saved versions are compared, Then only what the later save changed differs, with a word diff of the body', async () => {
    const res = await get(editorB, `${route(documentId, 'compare')}?from=${firstId}&to=${secondId}`);
    expect(res.status).toBe(200);
    const result = res.body.data as Compare;
    expect(result.changedFields).toEqual(['body', 'section']);
    const body = field(result, 'body');
    expect(removed(body)).toBe('nothing');
    expect(added(body)).toBe('little');
    expect(field(result, 'standfirst')).toMatchObject({ changed: false, before: 'Second standfirst', after: 'Second standfirst' });
  });

  it('When the initial version is compared with the draft, Then every change since creation shows, with the old values', async () => {
    const result = (await get(editorB, `${route(documentId, 'compare')}?from=initial&to=draft`)).body.data as Compare;
    expect(result.changedFields).toEqual(['standfirst', 'body', 'section']);
    expect(field(result, 'standfirst')).toMatchObject({ before: 'First standfirst', after: 'Second standfirst' });
    expect(field(result, 'section')).toMatchObject({ before: null, after: 'World' });
  });

  it('When a version id is unknown or malformed, or the query has unknown fields, Then 400', async () => {
    expect((await get(editorB, `${route(documentId, 'compare')}?from=initial&to=999999`)).status).toBe(400);
    expect((await get(editorB, `${route(documentId, 'compare')}?from=yesterday&to=draft`)).status).toBe(400);
    expect((await get(editorB, `${route(documentId, 'compare')}?from=initial&to=draft&extra=1`)).status).toBe(400);
    expect((await get(editorB, `${route(documentId, 'compare')}?from=published&to=draft`)).status).toBe(404);
  });

  it('When the draft is diffed before publication, Then live is false and every filled field shows as new', async () => {
    const result = (await get(editorB, route(documentId, 'diff'))).body.data as Compare;
    expect(result.live).toBe(false);
    expect(result.changedFields).toEqual(expect.arrayContaining(['headline', 'body', 'standfirst']));
  });
});

describe('Given a published story in correction', () => {
  it('When the draft is diffed against the live version, Then only the corrected field differs, with a text diff', async () => {
    const { documentId } = await draftArticleBy(app, author, { body: paragraph('Sales rose 5 percent.') });
    await mustTransition(app, author, documentId, { action: 'submit' });
    await mustTransition(app, editorA, documentId, { action: 'approve' });
    await mustTransition(app, editorA, documentId, { action: 'publish' });
    await mustTransition(app, editorA, documentId, { action: 'start_correction' });
    await save(editorA, documentId, { body: paragraph('Sales rose 15 percent.') });

    const res = await get(editorB, route(documentId, 'diff'));
    expect(res.status).toBe(200);
    const result = res.body.data as Compare;
    expect(result).toMatchObject({ from: 'published', to: 'draft', live: true, changedFields: ['body'] });
    expect(removed(field(result, 'body'))).toBe('5');
    expect(added(field(result, 'body'))).toBe('15');
  });
});
