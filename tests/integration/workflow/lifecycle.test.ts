import { bearer, createAdmin, createApiToken, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  ARTICLE,
  EXPERT,
  HISTORY,
  ORGANIZATION,
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
  publishedArticle,
  transition,
  workflowStatus,
} from '../../helpers/workflow';

/**
 * The workflow end to end: the publication cascade, withdrawal and 410,
 * concurrent transitions, the append-only history, review notes, webhooks,
 * assignment, and the Content-API routes for integrations.
 */
let app: TestApp;
let author: AdminUser;
let editorA: AdminUser;
let editorB: AdminUser;
let superAdmin: AdminUser;

beforeAll(async () => {
  // The scheduler's cron job is on here (checked below); nothing else in this file is scheduled.
  app = await startApp({ ...WORKFLOW_TEST_ENV, EDITORIAL_WORKFLOW_SCHEDULER: 'true' });
  author = await createAdmin(app, ['Author'], 'Author');
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
  superAdmin = await createAdmin(app, ['strapi-super-admin'], 'Chief');
});
afterAll(async () => {
  await app?.stop();
});

const plugin = () => app.strapi.plugin('editorial-workflow');

/** Event listeners run after commit, one after another (others may be slower): wait for ours. */
const waitFor = async (predicate: () => boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!predicate() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the publication cascade', () => {
  it('Given an Author’s article with quotes, people, organizations, a sanction record, a source agency and a credit, When it is submitted, approved by a second Editor and published, Then all of it is readable by the Public role', async () => {
    const article = await draftArticleBy(app, author);
    const { quote, expert, organization } = await draftQuoteGraph(app.strapi, article.documentId);
    const docs = (uid: string) => documentsOf(app.strapi, uid);
    const authority = await docs(ORGANIZATION).create({ data: { name: `Authority ${article.documentId}`, orgType: 'government_agency', country: 'US' } });
    const agency = await docs(ORGANIZATION).create({ data: { name: `Agency ${article.documentId}`, orgType: 'news_agency', country: 'FR' } });
    const creditOrg = await docs(ORGANIZATION).create({ data: { name: `Credit ${article.documentId}`, orgType: 'news_agency', country: 'GB' } });
    const sanction = await docs('api::sanction-record.sanction-record').create({
      data: { organization: organization.documentId, authority: authority.documentId, authorityCountry: 'US', measureType: 'export_control', listingStatus: 'active', startDate: '2019-05' },
    });
    await docs(ARTICLE).update({
      documentId: article.documentId,
      data: {
        sanctionRecords: [sanction.documentId],
        sourceAgency: agency.documentId,
        credits: [{ name: 'A. Reporter', role: 'reporter', organization: creditOrg.documentId }],
      },
    });

    await mustTransition(app, author, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    expect((await publicView(app, article.documentId)).status).toBe(404);
    expect((await publicView(app, quote.documentId, 'quotes')).status).toBe(404);
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });

    expect(await publicView(app, article.documentId)).toEqual({ status: 200, listed: true });
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual({ status: 200, listed: true });
    for (const [doc, plural] of [
      [expert, 'experts'],
      [organization, 'organizations'],
      [authority, 'organizations'],
      [agency, 'organizations'],
      [creditOrg, 'organizations'],
      [sanction, 'sanction-records'],
    ] as const) {
      expect((await publicView(app, doc.documentId, plural)).status).toBe(200);
    }
    const page = await app.http().get(`/api/articles/${article.documentId}?populate[quotes][populate][speaker][populate]=affiliation&populate[sourceAgency]=true`);
    expect(page.body.data.quotes).toEqual([expect.objectContaining({ documentId: quote.documentId })]);
    expect(page.body.data.quotes[0].speaker).toMatchObject({ documentId: expert.documentId, affiliation: { documentId: organization.documentId } });
    expect(page.body.data.sourceAgency).toMatchObject({ documentId: agency.documentId });
    expect((await workflowStatus(app, editorA, quote.documentId, QUOTE)).state).toBe('published');
  });

  it('Given a shared entity that is already public with unreviewed draft edits, When an article citing it is published, Then its public version is left alone', async () => {
    const article = await draftArticle(app.strapi);
    const { expert } = await draftQuoteGraph(app.strapi, article.documentId);
    await plugin().service('workflow').withGateBypass(() => documentsOf(app.strapi, EXPERT).publish({ documentId: expert.documentId }));
    await documentsOf(app.strapi, EXPERT).update({ documentId: expert.documentId, data: { bio: 'Unreviewed bio' } });
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    await mustTransition(app, editorB, article.documentId, { action: 'publish' });
    const live = await app.http().get(`/api/experts/${expert.documentId}`);
    expect(live.body.data.bio).not.toBe('Unreviewed bio');
  });

  it('Given a published article with quotes, When the Super Admin withdraws it, Then the article and its quotes leave the public API, its slug answers 410 with the notice, and the quote is withdrawn too', async () => {
    // Quotes are part of the reviewed content: they are written before approval (a change after it returns the story to review).
    const article = await draftArticle(app.strapi);
    const { quote } = await draftQuoteGraph(app.strapi, article.documentId);
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    await mustTransition(app, editorB, article.documentId, { action: 'approve' });
    await mustTransition(app, editorA, article.documentId, { action: 'publish' });
    expect((await publicView(app, quote.documentId, 'quotes')).status).toBe(200);

    await mustTransition(app, superAdmin, article.documentId, { action: 'withdraw', comment: 'Internal: counsel', notice: 'This article has been withdrawn for legal reasons.' });
    expect(await publicView(app, article.documentId)).toEqual({ status: 404, listed: false });
    expect(await publicView(app, quote.documentId, 'quotes')).toEqual({ status: 404, listed: false });
    const gone = await app.http().get(`/api/articles/slug/${String(article.slug)}`);
    expect(gone.status).toBe(410);
    expect(gone.body.error).toMatchObject({ status: 410, details: { notice: 'This article has been withdrawn for legal reasons.', documentId: article.documentId } });
    expect((await workflowStatus(app, editorA, quote.documentId, QUOTE)).state).toBe('withdrawn');
    expect((await app.http().get('/api/articles/slug/no-such-article')).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('Given a document in review, When two Editors approve it at the same time, Then exactly one gets 200, the other 409, and one history row is written', async () => {
    const article = await draftArticle(app.strapi);
    await mustTransition(app, superAdmin, article.documentId, { action: 'submit' });
    const [first, second] = await Promise.all([
      transition(app, editorA, article.documentId, { action: 'approve' }),
      transition(app, editorB, article.documentId, { action: 'approve' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const approvals = (await historyRows(app.strapi, article.documentId)).filter((row) => row.action === 'approve');
    expect(approvals).toHaveLength(1);
    expect((await workflowStatus(app, editorA, article.documentId)).state).toBe('approved');
  });

  it('Given two sessions loaded the same version, When both send it as expectedVersion, Then the second gets 409', async () => {
    const article = await draftArticle(app.strapi);
    const { version } = await workflowStatus(app, editorA, article.documentId);
    const results = await Promise.all([
      transition(app, editorA, article.documentId, { action: 'submit', expectedVersion: version }),
      transition(app, editorB, article.documentId, { action: 'submit', expectedVersion: version }),
    ]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
    expect((await historyRows(app.strapi, article.documentId)).filter((row) => row.action === 'submit')).toHaveLength(1);
  });
});

describe('the history is append-only', () => {
  it('Given history rows, When anyone tries to change or delete them through the content manager, the Content API, the admin routes or the document service, Then nothing changes', async () => {
    const article = await draftArticle(app.strapi);
    await mustTransition(app, editorA, article.documentId, { action: 'submit' });
    const [row] = await historyRows(app.strapi, article.documentId);
    const before = JSON.stringify(row);
    const cm = `/content-manager/collection-types/${HISTORY}/${String(row.documentId)}`;

    expect((await app.http().put(cm).set(bearer(superAdmin)).send({ comment: 'forged' })).status).toBe(403);
    expect((await app.http().delete(cm).set(bearer(superAdmin))).status).toBe(403);
    expect((await app.http().post(`/content-manager/collection-types/${HISTORY}`).set(bearer(superAdmin)).send({ action: 'approve' })).status).toBe(403);

    const token = await createApiToken(app.strapi, 'full-access');
    for (const path of [`/api/histories/${String(row.documentId)}`, `/api/editorial-workflow/history/${row.id}`]) {
      expect([404, 405]).toContain((await app.http().put(path).set(bearer(token)).send({ data: { comment: 'forged' } })).status);
      expect([404, 405]).toContain((await app.http().delete(path).set(bearer(token))).status);
    }
    const adminHistory = `/editorial-workflow/documents/${ARTICLE}/${article.documentId}/history`;
    expect([404, 405]).toContain((await app.http().put(adminHistory).set(bearer(superAdmin)).send({})).status);
    expect([404, 405]).toContain((await app.http().delete(adminHistory).set(bearer(superAdmin))).status);

    const history = documentsOf(app.strapi, HISTORY);
    await expect(history.update({ documentId: String(row.documentId), data: { comment: 'forged' } })).rejects.toThrow(/written only by the editorial workflow/);
    await expect(history.delete({ documentId: String(row.documentId) })).rejects.toThrow(/written only by the editorial workflow/);

    // …and the document's own edits and deletion leave it alone.
    await documentsOf(app.strapi, ARTICLE).update({ documentId: article.documentId, data: { standfirst: 'Edited after submission' } });
    const [after] = await historyRows(app.strapi, article.documentId);
    expect(JSON.stringify(after)).toBe(before);
    const listed = await app.http().get(adminHistory).set(bearer(editorB));
    expect(listed.body.data).toEqual([
      expect.objectContaining({ action: 'submit', from: 'draft', to: 'in_review', user: expect.objectContaining({ id: editorA.id }) }),
      // The edit is a new row of its own (content saves are part of the history).
      expect.objectContaining({ action: 'edit', from: 'in_review', to: 'in_review', details: expect.objectContaining({ fields: ['standfirst'] }) }),
    ]);
  });
});

describe('review notes and webhooks', () => {
  it('Given the webhook store, When the plugin is loaded, Then editorial.transition and editorial.note can be subscribed to', () => {
    const store = app.strapi.get('webhookStore') as { allowedEvents: Map<string, string> };
    expect([...store.allowedEvents.values()]).toEqual(expect.arrayContaining(['editorial.transition', 'editorial.note']));
  });

  it('Given a transition, When it commits, Then editorial.transition is emitted with document, action, from, to, user and comment', async () => {
    const events: unknown[] = [];
    const listener = async (payload: unknown) => {
      events.push(payload);
    };
    app.strapi.eventHub.on('editorial.transition', listener);
    try {
      const article = await draftArticle(app.strapi);
      await mustTransition(app, editorA, article.documentId, { action: 'submit' });
      await mustTransition(app, editorB, article.documentId, { action: 'request_changes', comment: 'Add a second source.' });
      await waitFor(() => events.length >= 2);
      expect(events).toEqual([
        expect.objectContaining({ document: { uid: ARTICLE, documentId: article.documentId }, action: 'submit', from: 'draft', to: 'in_review' }),
        {
          document: { uid: ARTICLE, documentId: article.documentId },
          action: 'request_changes',
          from: 'in_review',
          to: 'changes_requested',
          user: { id: editorB.id, kind: 'admin', name: editorB.name },
          comment: 'Add a second source.',
        },
      ]);
    } finally {
      app.strapi.eventHub.off('editorial.transition', listener);
    }
  });

  it('Given a document, When an Editor writes a note, the Author replies and the Editor resolves it, Then the thread is kept and editorial.note is emitted', async () => {
    const events: { action: string }[] = [];
    const listener = async (payload: unknown) => {
      events.push(payload as { action: string });
    };
    app.strapi.eventHub.on('editorial.note', listener);
    try {
      const article = await draftArticleBy(app, author);
      const base = `/editorial-workflow/documents/${ARTICLE}/${article.documentId}/notes`;
      const note = await app.http().post(base).set(bearer(editorA)).send({ body: 'Who is the second source?' });
      expect(note.status).toBe(201);
      const reply = await app.http().post(base).set(bearer(author)).send({ body: 'A ministry spokesperson.', parentId: note.body.data.id });
      expect(reply.status).toBe(201);
      expect((await app.http().post(base).set(bearer(author)).send({ body: '' })).status).toBe(400);

      const other = await draftArticleBy(app, author);
      const stray = await app.http().post(`/editorial-workflow/documents/${ARTICLE}/${other.documentId}/notes`).set(bearer(author)).send({ body: 'x', parentId: note.body.data.id });
      expect(stray.status).toBe(400);

      const resolved = await app.http().patch(`/editorial-workflow/notes/${note.body.data.id}`).set(bearer(editorA)).send({ resolved: true });
      expect(resolved.status).toBe(200);
      expect(resolved.body.data).toMatchObject({ resolved: true, resolvedBy: { key: `admin:${editorA.id}` } });

      const list = await app.http().get(base).set(bearer(editorB));
      expect(list.body.data).toEqual([
        expect.objectContaining({ body: 'Who is the second source?', parentId: null, resolved: true, author: expect.objectContaining({ key: `admin:${editorA.id}` }) }),
        expect.objectContaining({ body: 'A ministry spokesperson.', parentId: note.body.data.id, resolved: false }),
      ]);
      await waitFor(() => events.length >= 3);
      expect(events.map((event) => event.action)).toEqual(['created', 'created', 'resolved']);
    } finally {
      app.strapi.eventHub.off('editorial.note', listener);
    }
  });

  it('Given the importer’s review flags, When addSystemNotes runs twice, Then the notes are created once (idempotent by document, code and path/excerpt)', async () => {
    const article = await draftArticle(app.strapi);
    const flags = [
      { code: 'byline_conflict', message: 'Two bylines', path: 'byline' },
      { code: 'unverified_quote', message: 'Quote not verified', path: 'quotes[0]', excerpt: 'we are ready' },
      { code: 'unverified_quote', message: 'Quote not verified', path: 'quotes[1]', excerpt: 'we are ready' },
    ];
    const notes = plugin().service('notes');
    expect(await notes.addSystemNotes(ARTICLE, article.documentId, flags)).toEqual({ created: 3, unchanged: 0 });
    expect(await notes.addSystemNotes(ARTICLE, article.documentId, flags)).toEqual({ created: 0, unchanged: 3 });
    const list = await app.http().get(`/editorial-workflow/documents/${ARTICLE}/${article.documentId}/notes`).set(bearer(editorA));
    expect(list.body.data.map((note: { code: string; path: string }) => `${note.code}@${note.path}`)).toEqual([
      'byline_conflict@byline',
      'unverified_quote@quotes[0]',
      'unverified_quote@quotes[1]',
    ]);
  });
});

describe('assignment and lists', () => {
  it('Given a document, When an Editor assigns it to the Author with a due date, Then it shows in the Author’s "assigned to me" list', async () => {
    const article = await draftArticle(app.strapi);
    const url = `/editorial-workflow/documents/${ARTICLE}/${article.documentId}/assignment`;
    const res = await app.http().put(url).set(bearer(editorA)).send({ assigneeId: author.id, dueDate: '2026-12-01T09:00:00.000Z' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ assignee: { id: author.id }, dueDate: '2026-12-01T09:00:00.000Z' });
    const mine = await app.http().get(`/editorial-workflow/assigned-to-me?uid=${ARTICLE}`).set(bearer(author));
    expect(mine.body.data).toEqual([{ uid: ARTICLE, documentId: article.documentId, state: 'draft', dueDate: '2026-12-01T09:00:00.000Z', legalHold: false }]);
    expect((await app.http().get('/editorial-workflow/assigned-to-me').set(bearer(editorB))).body.data).toEqual([]);
  });

  it('Given a document, When an Author assigns it, Then 403; When an unknown user is assigned, Then 400', async () => {
    const article = await draftArticleBy(app, author);
    const url = `/editorial-workflow/documents/${ARTICLE}/${article.documentId}/assignment`;
    expect((await app.http().put(url).set(bearer(author)).send({ assigneeId: author.id })).status).toBe(403);
    expect((await app.http().put(url).set(bearer(editorA)).send({ assigneeId: 999999 })).status).toBe(400);
  });

  it('Given documents in several states, When the list view asks for their states, Then each is answered (no row yet: draft)', async () => {
    const draft = await draftArticle(app.strapi);
    const published = await publishedArticle(app, editorA, editorB);
    const res = await app.http().get(`/editorial-workflow/states?uid=${ARTICLE}&documentIds=${draft.documentId},${published.documentId}`).set(bearer(editorA));
    expect(res.status).toBe(200);
    expect(res.body.data[draft.documentId]).toMatchObject({ state: 'draft', legalHold: false });
    expect(res.body.data[published.documentId]).toMatchObject({ state: 'published' });
  });

  it('Given the admin panel, When it loads the workflow configuration, Then it gets the types, the states with colours and the actions', async () => {
    const res = await app.http().get('/editorial-workflow/config').set(bearer(author));
    expect(res.status).toBe(200);
    expect(res.body.data.contentTypes.map((ct: { uid: string }) => ct.uid)).toEqual([ARTICLE, QUOTE]);
    expect(res.body.data.states).toContainEqual({ state: 'in_review', label: 'In review', color: expect.stringMatching(/^#/) });
    expect(res.body.data.actions).toContainEqual(expect.objectContaining({ action: 'withdraw', from: ['published', 'correcting'], to: 'withdrawn', roles: ['Editor', 'Legal'] }));
    expect((await app.http().get('/editorial-workflow/config')).status).toBe(401);
  });
});

describe('admin roles', () => {
  it('Given a fresh app, When it booted, Then Author, Editor and Legal exist with content-manager permissions, and ensuring them again adds nothing', async () => {
    const permissionsOf = async (name: string) =>
      (await app.strapi.db.query('admin::permission').findMany({ where: { role: { name }, subject: ARTICLE }, select: ['action'] })).map(
        (permission: { action: string }) => permission.action.replace('plugin::content-manager.explorer.', ''),
      );
    expect(await permissionsOf('Legal')).toEqual(['read']);
    expect(await permissionsOf('Editor')).toEqual(expect.arrayContaining(['create', 'read', 'update', 'delete', 'publish']));
    expect(await permissionsOf('Author')).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    expect(await permissionsOf('Author')).not.toContain('publish');
    expect(await plugin().service('roles').ensureRoles()).toEqual({ created: [], permissionsAdded: 0 });
  });
});

describe('scheduled publication', () => {
  it('Given an approved article scheduled for a moment later, When the plugin’s cron job runs after that moment, Then the article is published by the scheduler', async () => {
    const job = (app.strapi.cron.jobs as { name: string | null; job: { invoke: () => Promise<unknown> } }[]).find(
      (spec) => spec.name === 'editorial-workflow.publish-scheduled',
    );
    expect(job).toBeDefined();
    const article = await approvedArticle(app, editorA, editorB);
    const at = new Date(Date.now() + 1500);
    await mustTransition(app, editorA, article.documentId, { action: 'schedule', scheduledAt: at.toISOString() });
    await job?.job.invoke();
    expect((await publicView(app, article.documentId)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now()) + 100));
    await job?.job.invoke();
    expect((await publicView(app, article.documentId)).status).toBe(200);
    const rows = await historyRows(app.strapi, article.documentId);
    expect(rows[rows.length - 1]).toMatchObject({ action: 'publish', actorKey: 'system:scheduler', comment: 'Scheduled publication' });
    expect(String(rows[rows.length - 1].actorName)).toContain(editorA.name);
  });
});

describe('Content-API routes for integrations', () => {
  const api = (documentId: string) => `/api/editorial-workflow/documents/${ARTICLE}/${documentId}`;

  it('Given the Public role, When it asks for a state or sends a transition, Then 403 (no permission is granted to it)', async () => {
    const article = await draftArticle(app.strapi);
    expect((await app.http().get(api(article.documentId))).status).toBe(403);
    expect((await app.http().post(`${api(article.documentId)}/transitions`).send({ action: 'submit' })).status).toBe(403);
    const publicPermissions = await app.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { action: { $startsWith: 'plugin::editorial-workflow' } } });
    expect(publicPermissions).toEqual([]);
  });

  it('Given full-access tokens, When one submits and the same token approves, Then four-eyes refuses it; a second token approves and publishes', async () => {
    const first = await createApiToken(app.strapi, 'full-access');
    const second = await createApiToken(app.strapi, 'full-access');
    const article = await draftArticle(app.strapi);
    expect((await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(first)).send({ action: 'submit' })).status).toBe(200);
    const self = await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(first)).send({ action: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('Four-eyes');
    expect((await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(second)).send({ action: 'approve' })).status).toBe(200);
    expect((await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(second)).send({ action: 'publish' })).status).toBe(200);
    expect((await publicView(app, article.documentId)).status).toBe(200);

    const state = await app.http().get(api(article.documentId)).set(bearer(first));
    expect(state.body.data).toMatchObject({ state: 'published' });
    expect(state.body.data.history.map((entry: { action: string; user: { key: string } }) => `${entry.action}:${entry.user.key}`)).toEqual([
      `submit:api-token:${first.id}`,
      `approve:api-token:${second.id}`,
      `publish:api-token:${second.id}`,
    ]);
    expect((await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(second)).send({ action: 'withdraw', comment: 'x', notice: 'y' })).status).toBe(403);
  });

  it('Given a read-only token, When it reads a state, Then 403 (workflow data is internal, issue 10); When it sends a transition, Then 403', async () => {
    const token = await createApiToken(app.strapi, 'read-only');
    const article = await draftArticle(app.strapi);
    expect((await app.http().get(api(article.documentId)).set(bearer(token))).status).toBe(403);
    expect((await app.http().post(`${api(article.documentId)}/transitions`).set(bearer(token)).send({ action: 'submit' })).status).toBe(403);
  });

  it('Given custom tokens, When one holds only "transition" it acts as an Author; with "actAsEditor" too it acts as an Editor', async () => {
    const authorToken = await createApiToken(app.strapi, 'custom', ['plugin::editorial-workflow.integration.transition']);
    const editorToken = await createApiToken(app.strapi, 'custom', [
      'plugin::editorial-workflow.integration.transition',
      'plugin::editorial-workflow.integration.actAsEditor',
    ]);
    const imported = await draftArticle(app.strapi);
    const adminOwned = await draftArticleBy(app, author);
    expect((await app.http().post(`${api(imported.documentId)}/transitions`).set(bearer(authorToken)).send({ action: 'submit' })).status).toBe(200);
    expect((await app.http().post(`${api(adminOwned.documentId)}/transitions`).set(bearer(authorToken)).send({ action: 'submit' })).status).toBe(403);
    expect((await app.http().post(`${api(imported.documentId)}/transitions`).set(bearer(authorToken)).send({ action: 'approve' })).status).toBe(403);
    expect((await app.http().post(`${api(imported.documentId)}/transitions`).set(bearer(editorToken)).send({ action: 'approve' })).status).toBe(200);
    const whoami = await app.http().get('/api/editorial-workflow/whoami').set(bearer(editorToken));
    expect(whoami.body.data).toMatchObject({ key: `api-token:${editorToken.id}`, roles: ['editor'] });
  });
});
