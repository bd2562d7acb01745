import { startApp, type TestApp } from '../../helpers/strapi';
import { ARTICLE, EXPERT, QUOTE, WORKFLOW_TEST_ENV } from '../../helpers/workflow';

/**
 * The editorial-workflow plugin owns its setup ("How it should be built"): its
 * tables' indexes come with its content types, its roles and their permission
 * conditions from its own bootstrap — nothing in the app's migrations or bootstrap.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startApp(WORKFLOW_TEST_ENV);
});
afterAll(async () => {
  await app?.stop();
});

const permissions = async (role: string, subject: string) =>
  (await app.strapi.db.query('admin::permission').findMany({ where: { role: { name: role }, subject }, select: ['action', 'conditions'] })) as {
    action: string;
    conditions: string[];
  }[];
const conditionsOf = (rows: { action: string; conditions: string[] }[], action: string) =>
  rows.find((row) => row.action === `plugin::content-manager.explorer.${action}`)?.conditions;

/**
 * What the database answered to a write. Not `rejects.toThrow`: better-sqlite3's native addon keeps the
 * SqliteError class of the first test file that loaded it in this jest worker, so from the second file on its
 * errors are not `instanceof Error` in this file's realm and jest reports "did not throw".
 */
const refusal = (write: PromiseLike<unknown>): Promise<string> =>
  Promise.resolve(write).then(
    () => 'accepted',
    (error: { code?: string; message?: string }) => `${error.code ?? ''} ${error.message ?? ''}`,
  );

describe('the plugin’s own setup', () => {
  it('a second workflow-state row for one document is refused by the database', async () => {
    const row = { target_uid: ARTICLE, target_document_id: 'same-document', state: 'draft', revision: 0, legal_hold: false, document_id: 'a' };
    const table = () => app.strapi.db.connection('editorial_workflow_states');
    await table().insert(row);
    expect(await refusal(table().insert({ ...row, document_id: 'b' }))).toMatch(/unique|duplicate/i);
  });

  it('two system notes with one fingerprint on one document are refused; human notes (no fingerprint) are not', async () => {
    const note = { target_uid: ARTICLE, target_document_id: 'doc', body: 'x', author_key: 'system', resolved: false };
    const table = () => app.strapi.db.connection('editorial_workflow_notes');
    await table().insert({ ...note, document_id: 'n1', fingerprint: 'f' });
    expect(await refusal(table().insert({ ...note, document_id: 'n2', fingerprint: 'f' }))).toMatch(/unique|duplicate/i);
    await table().insert({ ...note, document_id: 'n3', fingerprint: null });
    await table().insert({ ...note, document_id: 'n4', fingerprint: null });
  });

  it('the Author role reads and edits stories under the plugin’s “is creator or assignee” condition and reads references freely', async () => {
    const article = await permissions('Author', ARTICLE);
    expect(conditionsOf(article, 'read')).toEqual(['plugin::editorial-workflow.is-own-story']);
    expect(conditionsOf(article, 'update')).toEqual(['plugin::editorial-workflow.is-own-story']);
    expect(conditionsOf(await permissions('Author', QUOTE), 'read')).toEqual(['plugin::editorial-workflow.is-own-story']);
    const expert = await permissions('Author', EXPERT);
    expect(conditionsOf(expert, 'read')).toEqual([]);
    expect(conditionsOf(expert, 'update')).toEqual(['admin::is-creator']);
    expect(conditionsOf(await permissions('Legal', ARTICLE), 'read')).toEqual([]);
  });

  it('reconciling the roles again changes nothing', async () => {
    expect(await app.strapi.plugin('editorial-workflow').service('roles').ensureRoles()).toEqual({ created: [], permissionsAdded: 0 });
    const { conditionProvider } = app.strapi.service('admin::permission') as unknown as { conditionProvider: { has(id: string): boolean } };
    expect(conditionProvider.has('plugin::editorial-workflow.is-own-story')).toBe(true);
  });
});
