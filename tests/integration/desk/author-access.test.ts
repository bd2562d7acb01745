import { bearer, createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, EXPERT, QUOTE, WORKFLOW_TEST_ENV, draftArticleBy, draftQuoteGraph, type Doc } from '../../helpers/workflow';

/**
 * Reporters reach their stories (issue 9, blockers 1–3) through the content
 * manager's own admin API: an Author sees exactly the stories she created or is
 * assigned to (and their quotes), reads the references the relation pickers
 * list, and fixes a quote's speaker; an Editor lists whom to assign.
 */
let app: TestApp;
let author: AdminUser;
let otherAuthor: AdminUser;
let editor: AdminUser;
let own: Doc;
let assigned: Doc;
let others: Doc;
let assignedGraph: Awaited<ReturnType<typeof draftQuoteGraph>>;
let othersGraph: Awaited<ReturnType<typeof draftQuoteGraph>>;

const cm = (path: string) => `/content-manager/collection-types/${path}`;
const ids = (results: { documentId: string }[]) => results.map((result) => result.documentId).sort();

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  author = await createAdmin(app, ['Author'], 'Reporter');
  otherAuthor = await createAdmin(app, ['Author'], 'Other');
  editor = await createAdmin(app, ['Editor'], 'Desk');
  own = await draftArticleBy(app, author);
  assigned = await draftArticleBy(app, editor);
  others = await draftArticleBy(app, otherAuthor);
  assignedGraph = await draftQuoteGraph(app.strapi, assigned.documentId);
  othersGraph = await draftQuoteGraph(app.strapi, others.documentId);
  const res = await app
    .http()
    .put(`/editorial-workflow/documents/${ARTICLE}/${assigned.documentId}/assignment`)
    .set(bearer(editor))
    .send({ assigneeId: author.id });
  if (res.status !== 200) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
});
afterAll(async () => {
  await app?.stop();
});

describe('an Author in the content manager', () => {
  it('lists exactly the stories she created or is assigned to, with a matching count', async () => {
    const res = await app.http().get(cm(`${ARTICLE}?page=1&pageSize=100`)).set(bearer(author));
    expect(res.status).toBe(200);
    expect(ids(res.body.results)).toEqual([own.documentId, assigned.documentId].sort());
    expect(res.body.pagination.total).toBe(2);
  });

  it('opens the story assigned to her (200) but not another reporter’s (403)', async () => {
    expect((await app.http().get(cm(`${ARTICLE}/${assigned.documentId}`)).set(bearer(author))).status).toBe(200);
    expect((await app.http().get(cm(`${ARTICLE}/${others.documentId}`)).set(bearer(author))).status).toBe(403);
  });

  it('reads the history and notes of her assigned story, but not of another reporter’s (403)', async () => {
    for (const suffix of ['/history', '/notes']) {
      const path = (id: string) => `/editorial-workflow/documents/${ARTICLE}/${id}${suffix}`;
      expect((await app.http().get(path(assigned.documentId)).set(bearer(author))).status).toBe(200);
      expect((await app.http().get(path(others.documentId)).set(bearer(author))).status).toBe(403);
      expect((await app.http().get(path(others.documentId)).set(bearer(editor))).status).toBe(200);
    }
  });

  it('lists and opens the quotes of her assigned story only', async () => {
    const list = await app.http().get(cm(`${QUOTE}?page=1&pageSize=100`)).set(bearer(author));
    expect(list.status).toBe(200);
    expect(ids(list.body.results)).toEqual([assignedGraph.quote.documentId]);
    expect((await app.http().get(cm(`${QUOTE}/${assignedGraph.quote.documentId}`)).set(bearer(author))).status).toBe(200);
    expect((await app.http().get(cm(`${QUOTE}/${othersGraph.quote.documentId}`)).set(bearer(author))).status).toBe(403);
  });

  it('reads experts and changes the speaker of a quote of her story to an existing expert', async () => {
    const experts = await app.http().get(cm(`${EXPERT}?page=1&pageSize=100`)).set(bearer(author));
    expect(experts.status).toBe(200);
    expect(ids(experts.body.results)).toEqual(expect.arrayContaining([othersGraph.expert.documentId, assignedGraph.expert.documentId]));
    // The speaker picker lists existing experts by their label (name and affiliation), not by documentId.
    const picker = await app.http().get(`/content-manager/relations/${QUOTE}/speaker?pageSize=100`).set(bearer(author));
    expect(picker.status).toBe(200);
    const choice = (picker.body.results as { documentId: string; label?: string }[]).find((result) => result.documentId === othersGraph.expert.documentId);
    expect(choice?.label).toBe(`${String(othersGraph.expert.name)} (${String(othersGraph.organization.name)})`);

    const res = await app
      .http()
      .put(cm(`${QUOTE}/${assignedGraph.quote.documentId}`))
      .set(bearer(author))
      .send({ speaker: { connect: [{ documentId: othersGraph.expert.documentId }], disconnect: [] } });
    expect(res.status).toBe(200);
    const quote = (await app.strapi.documents(QUOTE as never).findOne({ documentId: assignedGraph.quote.documentId, populate: ['speaker'] } as never)) as unknown as {
      speaker: { documentId: string } | null;
    };
    expect(quote.speaker?.documentId).toBe(othersGraph.expert.documentId);
  });

  it('cannot edit a quote of another reporter’s story', async () => {
    const res = await app.http().put(cm(`${QUOTE}/${othersGraph.quote.documentId}`)).set(bearer(author)).send({ speakerDescription: 'hijacked' });
    expect(res.status).toBe(403);
  });

  it('finds only her stories in the article picker of a quote', async () => {
    const res = await app.http().get(`/content-manager/relations/${QUOTE}/article?pageSize=100`).set(bearer(author));
    expect(res.status).toBe(200);
    expect(ids(res.body.results)).toEqual([own.documentId, assigned.documentId].sort());
  });

  it('sees in an Expert’s relation lists, and counts, only the stories and quotes she may read; an Editor sees them all', async () => {
    const related = async (user: AdminUser, expertId: string, field: 'articles' | 'quotes') => {
      const res = await app.http().get(`/content-manager/relations/${EXPERT}/${expertId}/${field}?page=1&pageSize=10`).set(bearer(user));
      expect(res.status).toBe(200);
      return { ids: ids(res.body.results), total: res.body.pagination.total as number };
    };
    // Another reporter's story names this expert: Strapi alone would list its documentId and count it.
    expect(await related(author, othersGraph.expert.documentId, 'articles')).toEqual({ ids: [], total: 0 });
    expect(await related(author, assignedGraph.expert.documentId, 'articles')).toEqual({ ids: [assigned.documentId], total: 1 });
    expect(await related(editor, othersGraph.expert.documentId, 'articles')).toEqual({ ids: [others.documentId], total: 1 });
    // Since the test above, this expert speaks in a quote of her story and in one of the other reporter's: she sees hers only.
    expect(await related(author, othersGraph.expert.documentId, 'quotes')).toEqual({ ids: [assignedGraph.quote.documentId], total: 1 });
    expect(await related(editor, othersGraph.expert.documentId, 'quotes')).toEqual({ ids: [othersGraph.quote.documentId, assignedGraph.quote.documentId].sort(), total: 2 });
  });

  it('finds her assigned story under assigned-to-me, across workflow types', async () => {
    const res = await app.http().get('/editorial-workflow/assigned-to-me').set(bearer(author));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([expect.objectContaining({ uid: ARTICLE, documentId: assigned.documentId })]);
  });
});

describe('GET /editorial-workflow/assignees', () => {
  it('answers an Editor with the users to assign, by id, name and roles, without e-mail addresses', async () => {
    const res = await app.http().get('/editorial-workflow/assignees').set(bearer(editor));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(
      expect.arrayContaining([
        { id: author.id, name: author.name, roles: ['Author'] },
        { id: editor.id, name: editor.name, roles: ['Editor'] },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/@|email/i);
  });

  it('refuses an Author (403) and an anonymous caller (401)', async () => {
    expect((await app.http().get('/editorial-workflow/assignees').set(bearer(author))).status).toBe(403);
    expect((await app.http().get('/editorial-workflow/assignees')).status).toBe(401);
  });
});
