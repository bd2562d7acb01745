import { createAdmin, type AdminUser } from '../../helpers/admin';
import { startApp, type TestApp } from '../../helpers/strapi';
import { installCommitFault, removeCommitFault } from '../../helpers/faults';
import { ARTICLE, WORKFLOW_TEST_ENV, draftArticle, historyRows, mustTransition, transition, workflowStatus } from '../../helpers/workflow';

/**
 * A workflow transition whose COMMIT the database refuses answers 5xx and
 * changes nothing: the state, its version and the history stay as they were
 * (issue 13). The fault: a history row inserted by the transition breaks a
 * deferred constraint, so only the COMMIT fails.
 */
let app: TestApp;
let editorA: AdminUser;
let editorB: AdminUser;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
  editorA = await createAdmin(app, ['Editor'], 'EditorA');
  editorB = await createAdmin(app, ['Editor'], 'EditorB');
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('Given an article in review and a database that refuses to commit the next history row', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = (await draftArticle(app.strapi)).documentId;
    await mustTransition(app, editorA, documentId, { action: 'submit' });
    await installCommitFault(app.strapi, 'editorial_workflow_history');
  });

  it('When an Editor approves, Then 503 saying nothing was saved, and state, version and history are unchanged', async () => {
    const before = await workflowStatus(app, editorB, documentId);
    const historyBefore = await historyRows(app.strapi, documentId);

    const res = await transition(app, editorB, documentId, { action: 'approve' });
    expect(res.status).toBe(503);
    expect(res.body.error?.message).toMatch(/refused to commit the transaction, nothing of it was saved/);

    const after = await workflowStatus(app, editorB, documentId);
    expect(after.state).toBe('in_review');
    expect(after.version).toBe(before.version);
    expect(await historyRows(app.strapi, documentId)).toHaveLength(historyBefore.length);
  });

  it('When the fault is gone, Then the same approval succeeds (the connection was left clean)', async () => {
    await removeCommitFault(app.strapi, 'editorial_workflow_history');
    const approved = await mustTransition(app, editorB, documentId, { action: 'approve' });
    expect(approved.state).toBe('approved');
    expect((await app.strapi.db.query(ARTICLE).count())).toBe(1);
  });
});
