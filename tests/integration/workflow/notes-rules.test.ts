import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, EXPERT, WORKFLOW_TEST_ENV, draftArticleBy, documentsOf, transition } from '../../helpers/workflow';

/**
 * Issue 9, "notes belong to their story": a note is created only on an
 * existing document of a workflow type; resolved or reopened only by its
 * author, the story's assignee or an Editor. Unknown fields in transition and
 * note bodies are refused with 400.
 */
let app: TestApp;
let reporter: AdminUser;
let assignee: AdminUser;
let bystander: AdminUser;
let editor: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  reporter = await createAdmin(app, ['Author'], 'Reporter');
  assignee = await createAdmin(app, ['Author'], 'Assignee');
  bystander = await createAdmin(app, ['Author'], 'Bystander');
  editor = await createAdmin(app, ['Editor'], 'Editor');
});
afterAll(async () => {
  await app?.stop();
});

const notesUrl = (documentId: string, uid = ARTICLE) => `/editorial-workflow/documents/${uid}/${documentId}/notes`;
const addNote = (user: AdminUser, documentId: string, body: Record<string, unknown>, uid = ARTICLE) =>
  app.http().post(notesUrl(documentId, uid)).set(bearer(user)).send(body);
const resolve = (user: AdminUser, id: number, resolved: boolean) => app.http().patch(`/editorial-workflow/notes/${id}`).set(bearer(user)).send({ resolved });

describe('Creating a note', () => {
  it('Given a documentId that does not exist, Then 404 and no note is stored', async () => {
    const res = await addNote(editor, 'doesnotexist000000000000', { body: 'Where is this?' });
    expect(res.status).toBe(404);
    expect(await app.strapi.db.query('plugin::editorial-workflow.note').count({ where: { targetDocumentId: 'doesnotexist000000000000' } })).toBe(0);
  });

  it('Given a document of a type outside the workflow, Then 404', async () => {
    const expert = await documentsOf(app.strapi, EXPERT).create({ data: { name: 'Outside the workflow', expertType: 'analyst' } });
    expect((await addNote(editor, expert.documentId, { body: 'No' }, EXPERT)).status).toBe(404);
  });

  it('Given a body with an unknown field, Then 400 naming it', async () => {
    const article = await draftArticleBy(app, reporter);
    const res = await addNote(editor, article.documentId, { body: 'Fine', resolved: true });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('resolved');
  });
});

describe('Resolving and reopening a note', () => {
  let documentId: string;
  let noteId: number;

  beforeAll(async () => {
    documentId = (await draftArticleBy(app, reporter)).documentId;
    const assign = await app.http().put(`/editorial-workflow/documents/${ARTICLE}/${documentId}/assignment`).set(bearer(editor)).send({ assigneeId: assignee.id });
    expect(assign.status).toBe(200);
    const created = await addNote(editor, documentId, { body: 'Check the second quote.' });
    expect(created.status).toBe(201);
    noteId = created.body.data.id;
  });

  it('Given an Author who is neither the note’s author nor the assignee (the story’s creator), Then 403 and the note stays open', async () => {
    const res = await resolve(reporter, noteId, true);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain("note's author, the story's assignee or an Editor");
    expect((await app.strapi.db.query('plugin::editorial-workflow.note').findOne({ where: { id: noteId } })).resolved).toBeFalsy();
  });

  it('Given an Author who may not even read the story, Then 403 not_readable and the note stays open', async () => {
    const res = await resolve(bystander, noteId, true);
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('not_readable');
    expect((await app.strapi.db.query('plugin::editorial-workflow.note').findOne({ where: { id: noteId } })).resolved).toBeFalsy();
  });

  it('Given the story’s assignee, Then she may resolve it; the note’s author (an Editor) may reopen it', async () => {
    expect((await resolve(assignee, noteId, true)).body.data.resolved).toBe(true);
    expect((await resolve(editor, noteId, false)).body.data.resolved).toBe(false);
  });

  it('Given an Author’s own note, Then she may resolve it', async () => {
    const own = await addNote(reporter, documentId, { body: 'Note to self.' });
    expect(own.status).toBe(201);
    expect((await resolve(reporter, own.body.data.id, true)).status).toBe(200);
  });

  it('Given PUT (the verb of Strapi’s admin fetch client, which has no PATCH), Then it resolves and reopens like PATCH, under the same rules', async () => {
    const put = (user: AdminUser, resolved: boolean) => app.http().put(`/editorial-workflow/notes/${noteId}`).set(bearer(user)).send({ resolved });
    expect((await put(bystander, true)).status).toBe(403);
    expect((await put(editor, true)).body.data).toMatchObject({ resolved: true, resolvedBy: { key: `admin:${editor.id}` } });
    expect((await put(editor, false)).body.data.resolved).toBe(false);
  });

  it('Given a resolve body with an unknown field, Then 400', async () => {
    const res = await app.http().patch(`/editorial-workflow/notes/${noteId}`).set(bearer(editor)).send({ resolved: true, body: 'rewrite' });
    expect(res.status).toBe(400);
  });
});

describe('Transition bodies', () => {
  it('Given an unknown field, Then 400 naming it, and the state is unchanged', async () => {
    const article = await draftArticleBy(app, reporter);
    const res = await transition(app, reporter, article.documentId, { action: 'submit', approvedBy: 'me' } as never);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('approvedBy');
    const state = await app.strapi.db.query('plugin::editorial-workflow.workflow-state').findOne({ where: { targetDocumentId: article.documentId } });
    expect(state?.state ?? 'draft').toBe('draft');
  });

  it('Given an unknown correction kind, Then 400', async () => {
    const article = await draftArticleBy(app, reporter);
    const res = await transition(app, editor, article.documentId, { action: 'submit', kind: 'erratum' } as never);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('kind');
  });
});
