import { bearer, createAdmin, createApiToken, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, documentsOf, historyRows, mustTransition, publishedArticle, transition } from '../../helpers/workflow';

/**
 * Issue 9, "corrections done right": a correction (public, append-only note)
 * and an update (no public note, recorded in history), both approved by a
 * second editor; published correction notes can no longer be edited or
 * deleted by any path.
 */
const CM = `/content-manager/collection-types/${ARTICLE}`;
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;
let editorC: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  editorC = await createAdmin(app, ['Editor'], 'EditorC');
});
afterAll(async () => {
  await app?.stop();
});

const save = (user: AdminUser, documentId: string, data: Record<string, unknown>) => app.http().put(`${CM}/${documentId}`).set(bearer(user)).send(data);
const live = async (documentId: string) => (await app.http().get(`/api/articles/${documentId}?populate=corrections`)).body.data as {
  body: { children: { text: string }[] }[];
  corrections: { text: string; date: string }[];
};
const liveText = async (documentId: string) => (await live(documentId)).body[0].children[0].text;

/** A published story (submitted by C, approved and published by B), in correction started by A, who fixes the body. */
const correcting = async () => {
  const article = await publishedArticle(app, editorC, editorB, { body: paragraph('Turnout was 40 percent.') });
  await mustTransition(app, editorA, article.documentId, { action: 'start_correction' });
  expect((await save(editorA, article.documentId, { body: paragraph('Turnout was 46 percent.') })).status).toBe(200);
  return article.documentId;
};

describe('A correction (public note)', () => {
  it('Given a correction started and edited by A, When A or anyone who edited publishes it, Then four-eyes refuses; When B publishes with a note, Then the fix and the note are public', async () => {
    const documentId = await correcting();
    expect((await save(editorC, documentId, { standfirst: 'C touched it too' })).status).toBe(200);
    const note = { kind: 'correction' as const, correction: { text: 'An earlier version gave the turnout as 40 percent.' } };
    expect((await transition(app, editorA, documentId, { action: 'publish_correction', ...note })).body.error?.details?.code).toBe('four_eyes');
    expect((await transition(app, editorC, documentId, { action: 'publish_correction', ...note })).body.error?.details?.code).toBe('four_eyes');

    await mustTransition(app, editorB, documentId, { action: 'publish_correction', ...note });
    expect(await liveText(documentId)).toBe('Turnout was 46 percent.');
    expect((await live(documentId)).corrections.map((item) => item.text)).toEqual([note.correction.text]);
    const row = (await historyRows(app.strapi, documentId)).find((entry) => entry.action === 'publish_correction');
    expect(row?.details).toMatchObject({ kind: 'correction', correction: { text: note.correction.text } });
  });

  it('Given a correction without a note, Then 400 (an update is the kind without one)', async () => {
    const documentId = await correcting();
    const res = await transition(app, editorB, documentId, { action: 'publish_correction' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"kind": "update"');
  });
});

describe('An update (no public note)', () => {
  it('Given a typo fix, When B publishes it as an update, Then the fix is public, no note is added, and history records the update', async () => {
    const documentId = await correcting();
    await mustTransition(app, editorB, documentId, { action: 'publish_correction', kind: 'update', comment: 'Typo in the turnout figure' });
    expect(await liveText(documentId)).toBe('Turnout was 46 percent.');
    expect((await live(documentId)).corrections).toEqual([]);
    const row = (await historyRows(app.strapi, documentId)).find((entry) => entry.action === 'publish_correction');
    expect(row).toMatchObject({ comment: 'Typo in the turnout figure', details: { kind: 'update' } });
  });

  it('Given an update with a note, Then 400 and the story stays in correction', async () => {
    const documentId = await correcting();
    const res = await transition(app, editorB, documentId, { action: 'publish_correction', kind: 'update', correction: { text: 'Should not be public' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('correction_not_allowed');
  });
});

describe('Published correction notes are append-only', () => {
  let documentId: string;
  let published: { text: string; date: string };

  beforeAll(async () => {
    documentId = await correcting();
    await mustTransition(app, editorB, documentId, { action: 'publish_correction', correction: { text: 'The turnout was misstated.' } });
    [published] = (await live(documentId)).corrections;
  });

  it('When the content manager edits the published note, Then 400 naming the path, and nothing changes', async () => {
    const res = await save(editorA, documentId, { corrections: [{ date: published.date, text: 'Nothing was wrong.' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('corrections[0].text');
    const draft = await documentsOf(app.strapi, ARTICLE).findOne({ documentId, populate: ['corrections'] });
    expect((draft?.corrections as { text: string }[]).map((item) => item.text)).toEqual(['The turnout was misstated.']);
  });

  it('When the content manager deletes it, Then 400 naming the path', async () => {
    const res = await save(editorA, documentId, { corrections: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('corrections[0]');
  });

  it('When the Content API (full-access token) or plugin code edits it, Then it is refused too', async () => {
    const token = await createApiToken(app.strapi, 'full-access');
    const res = await app.http().put(`/api/articles/${documentId}?status=draft`).set(bearer(token)).send({ data: { corrections: [] } });
    expect(res.status).toBe(400);
    await expect(
      documentsOf(app.strapi, ARTICLE).update({ documentId, data: { corrections: [{ date: published.date, text: 'Rewritten' }] } }),
    ).rejects.toThrow(/append-only/);
  });

  it('When a new note is added after the published ones, Then the save is accepted', async () => {
    const res = await save(editorA, documentId, {
      corrections: [
        { date: published.date, text: published.text },
        { date: '2026-12-01T10:00:00.000Z', text: 'A second correction, pending review.' },
      ],
    });
    expect(res.status).toBe(200);
  });
});
