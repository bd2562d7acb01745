import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticle, draftArticleBy, mustTransition, type Doc } from '../../helpers/workflow';

const NOTE_UID = 'plugin::editorial-workflow.note';

/**
 * Issue 9: an Author never sees stories that are neither hers nor assigned to
 * her — through the workflow's own admin routes too. A story she may not read
 * answers 403 `not_readable` with none of its workflow (state, assignee, allowed
 * actions), and the lists (`/states`, documents in a state, bulk outcomes) answer
 * only what she may read. Editors see everything.
 */
let app: TestApp;
let author: AdminUser;
let otherAuthor: AdminUser;
let editorA: AdminUser;
let editorB: AdminUser;
let own: Doc;
let assigned: Doc;
let others: Doc;
/** Her draft that the bulk test submits. */
let bulkSubmitted: Doc;

const api = (path: string) => `/editorial-workflow${path}`;
const doc = (documentId: string, suffix = '') => api(`/documents/${ARTICLE}/${documentId}${suffix}`);

/** A refusal that names no workflow detail of the story. */
const expectOpaque = (res: { status: number; body: { data?: unknown; error?: { message: string; details?: { code?: string } } } }) => {
  expect(res.status).toBe(403);
  expect(res.body.error?.details?.code).toBe('not_readable');
  const text = JSON.stringify(res.body);
  for (const leak of ['in_review', 'Current state', 'allowedActions', 'assignee', otherAuthor.name]) expect(text).not.toContain(leak);
};

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  author = await createAdmin(app, ['Author'], 'Reporter');
  otherAuthor = await createAdmin(app, ['Author'], 'Other');
  editorA = await createAdmin(app, ['Editor'], 'DeskA');
  editorB = await createAdmin(app, ['Editor'], 'DeskB');
  own = await draftArticleBy(app, author);
  assigned = await draftArticle(app.strapi);
  others = await draftArticleBy(app, otherAuthor);
  for (const [document, assignee] of [
    [assigned, author],
    [others, otherAuthor],
  ] as const) {
    const res = await app.http().put(doc(document.documentId, '/assignment')).set(bearer(editorA)).send({ assigneeId: assignee.id });
    if (res.status !== 200) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // Another reporter's story in review: its state and assignee are what must not leak.
  await mustTransition(app, otherAuthor, others.documentId, { action: 'submit' });
});
afterAll(async () => {
  await app?.stop();
});

describe('one story through the workflow routes', () => {
  it('an Author reads the workflow panel of her own and her assigned story, not of another reporter’s (403, nothing of it)', async () => {
    expect((await app.http().get(doc(own.documentId)).set(bearer(author))).status).toBe(200);
    expect((await app.http().get(doc(assigned.documentId)).set(bearer(author))).body.data).toMatchObject({ assignee: { id: author.id } });
    expectOpaque(await app.http().get(doc(others.documentId)).set(bearer(author)));
    expect((await app.http().get(doc(others.documentId)).set(bearer(editorA))).body.data).toMatchObject({ state: 'in_review' });
  });

  it('an Author cannot act on another reporter’s story: transition, assignment, notes — 403 before the workflow looks, and nothing is written', async () => {
    const notesBefore = await app.strapi.db.query(NOTE_UID as never).count({ where: { targetDocumentId: others.documentId } });
    expectOpaque(await app.http().post(doc(others.documentId, '/transitions')).set(bearer(author)).send({ action: 'request_changes', comment: 'x' }));
    expectOpaque(await app.http().put(doc(others.documentId, '/assignment')).set(bearer(author)).send({ assigneeId: author.id }));
    expectOpaque(await app.http().post(doc(others.documentId, '/notes')).set(bearer(author)).send({ body: 'Who wrote this?' }));
    expect(await app.strapi.db.query(NOTE_UID as never).count({ where: { targetDocumentId: others.documentId } })).toBe(notesBefore);

    const note = await app.http().post(doc(others.documentId, '/notes')).set(bearer(editorA)).send({ body: 'Second source?' });
    expect(note.status).toBe(201);
    expectOpaque(await app.http().patch(api(`/notes/${note.body.data.id}`)).set(bearer(author)).send({ resolved: true }));
    expect((await app.strapi.db.query(NOTE_UID as never).findOne({ where: { id: note.body.data.id } }))?.resolved).toBeFalsy();
  });

  it('a document that does not exist is still 404, not 403', async () => {
    expect((await app.http().get(doc('nosuchdocument00000000000')).set(bearer(author))).status).toBe(404);
  });
});

describe('lists through the workflow routes', () => {
  it('/states answers an Author for the documents she may read only; an Editor for all', async () => {
    const ids = [own.documentId, assigned.documentId, others.documentId].join(',');
    const mine = await app.http().get(api(`/states?uid=${ARTICLE}&documentIds=${ids}`)).set(bearer(author));
    expect(mine.status).toBe(200);
    expect(Object.keys(mine.body.data).sort()).toEqual([own.documentId, assigned.documentId].sort());
    const all = await app.http().get(api(`/states?uid=${ARTICLE}&documentIds=${ids}`)).set(bearer(editorA));
    expect(all.body.data[others.documentId]).toMatchObject({ state: 'in_review', assigneeId: otherAuthor.id });
  });

  it('bulk: another reporter’s story is refused as unreadable, her own goes through', async () => {
    bulkSubmitted = await draftArticleBy(app, author);
    const res = await app.http().post(api(`/bulk/${ARTICLE}/transitions`)).set(bearer(author)).send({ action: 'submit', documentIds: [bulkSubmitted.documentId, others.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data.results[0]).toMatchObject({ documentId: bulkSubmitted.documentId, outcome: 'done', state: 'in_review' });
    expect(res.body.data.results[1]).toMatchObject({ documentId: others.documentId, outcome: 'refused', status: 403, code: 'not_readable' });
    expect(res.body.data.results[1].message).not.toContain('in_review');
  });
});

describe('GET /editorial-workflow/documents/:uid?state= (the list’s workflow-state filter)', () => {
  let inReview: Doc[];
  let published: Doc;

  beforeAll(async () => {
    // Two more in review (one the Author's), one published: the rest of the file's stories are drafts.
    const mineInReview = await draftArticleBy(app, author);
    await mustTransition(app, author, mineInReview.documentId, { action: 'submit' });
    const editorsInReview = await draftArticle(app.strapi);
    await mustTransition(app, editorA, editorsInReview.documentId, { action: 'submit' });
    inReview = [mineInReview, editorsInReview];
    published = await draftArticle(app.strapi);
    await mustTransition(app, editorA, published.documentId, { action: 'submit' });
    await mustTransition(app, editorB, published.documentId, { action: 'approve' });
    await mustTransition(app, editorB, published.documentId, { action: 'publish' });
  });

  const inState = (user: AdminUser, query: string) => app.http().get(api(`/documents/${ARTICLE}?${query}`)).set(bearer(user));
  const idsOf = (body: { data: { documentId: string }[] }) => body.data.map((row) => row.documentId).sort();

  it('an Editor gets every document in the state, with its row and the pagination', async () => {
    const res = await inState(editorA, 'state=in_review&pageSize=100');
    expect(res.status).toBe(200);
    const expected = [others, bulkSubmitted, ...inReview].map((item) => item.documentId);
    expect(idsOf(res.body)).toEqual(expect.arrayContaining(expected));
    expect(res.body.data.every((row: { state: string }) => row.state === 'in_review')).toBe(true);
    expect(res.body.data.find((row: { documentId: string }) => row.documentId === others.documentId)).toMatchObject({ assigneeId: otherAuthor.id, legalHold: false });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100, total: res.body.data.length });
  });

  it('an Author gets only hers and those assigned to her', async () => {
    const review = await inState(author, 'state=in_review&pageSize=100');
    expect(review.status).toBe(200);
    expect(idsOf(review.body)).toEqual([inReview[0].documentId, bulkSubmitted.documentId].sort());
    expect(review.body.meta.pagination.total).toBe(2);
    // Drafts include the documents no workflow row describes yet (her own draft) and the assigned one (a row in draft).
    const drafts = await inState(author, 'state=draft&pageSize=100');
    expect(idsOf(drafts.body)).toEqual(expect.arrayContaining([own.documentId, assigned.documentId]));
    expect(idsOf(drafts.body)).not.toContain(others.documentId);
    expect(drafts.body.data.every((row: { state: string }) => row.state === 'draft')).toBe(true);
  });

  it('drafts and published documents without a workflow row count by their versions; pages split them', async () => {
    const publishedRes = await inState(editorA, 'state=published&pageSize=100');
    expect(idsOf(publishedRes.body)).toContain(published.documentId);
    expect(idsOf(publishedRes.body)).not.toContain(own.documentId);
    const total = (await inState(editorA, 'state=draft&pageSize=100')).body.meta.pagination.total as number;
    expect(total).toBeGreaterThanOrEqual(2);
    const first = await inState(editorA, 'state=draft&page=1&pageSize=1');
    const second = await inState(editorA, 'state=draft&page=2&pageSize=1');
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: total, total });
    expect(first.body.data).toHaveLength(1);
    expect(second.body.data[0].documentId).not.toBe(first.body.data[0].documentId);
  });

  it('costs a fixed number of SQL statements, however many documents are in the state (no paging through them in memory)', async () => {
    const countStatements = async (fn: () => Promise<unknown>) => {
      let count = 0;
      const listener = () => {
        count += 1;
      };
      const connection = app.strapi.db.connection as unknown as { on: (event: string, fn: () => void) => void; off: (event: string, fn: () => void) => void };
      connection.on('query', listener);
      try {
        await fn();
      } finally {
        connection.off('query', listener);
      }
      return count;
    };
    let total = 0;
    const ask = async () => {
      const res = await inState(author, 'state=draft&pageSize=100');
      expect(res.status).toBe(200);
      total = res.body.meta.pagination.total as number;
    };
    await ask();
    const before = await countStatements(ask);
    const totalBefore = total;
    for (let i = 0; i < 5; i += 1) await draftArticleBy(app, author);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await countStatements(ask);
    process.stdout.write(`documents in a state (Author, drafts): ${before} statements for ${totalBefore}, ${after} for ${total}\n`);
    expect(total).toBe(totalBefore + 5);
    // One statement per document would add 5 or more; the listener also hears the app's own background work
    // (e.g. the last save's after-commit steps on PostgreSQL), hence the slack of one or two.
    expect(after - before).toBeLessThan(5);
  });

  it('a bad state, page or unknown parameter is 400 naming the field; a type outside the workflow is 404', async () => {
    for (const [query, field] of [
      ['state=pending', 'state'],
      ['', 'state'],
      ['state=draft&page=0', 'page'],
      ['state=draft&pageSize=500', 'pageSize'],
      ['state=draft&sort=headline', 'sort'],
    ]) {
      const res = await inState(editorA, query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    expect((await app.http().get(api('/documents/api::expert.expert?state=draft')).set(bearer(editorA))).status).toBe(404);
  });
});
