import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createAdmin } from '../../helpers/admin';
import { draftArticle, mustTransition, publishedArticle } from '../../helpers/workflow';
import { importBundle } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';

// The engine, options and filters `strapi export` / `strapi import` use (the CLI itself would recompile dist under
// running tests). The filters matter: without them admin roles travel too and the restore duplicates them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dataTransfer = require('@strapi/data-transfer');
const ROOT = path.resolve(__dirname, '../../..');
// Not in @strapi/strapi's package exports: by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseRestoreFromOptions, buildTransferTransforms } = require(path.join(ROOT, 'node_modules/@strapi/strapi/dist/src/cli/utils/data-transfer.js'));

/**
 * Backup and restore (issues 10 and 13): `strapi export` → `strapi import`
 * into an empty database restores the content and the workflow's rows; the
 * organization name index (a derived table the export does not carry) is
 * rebuilt at boot, so importing a bundle that names an organization by an
 * alias finds it instead of creating a duplicate; the restored app enforces
 * the workflow (its roles reconciled at boot, the gate refusing a publication
 * the restored state does not allow).
 *
 * Three Strapi apps boot one after the other in this process (source, target,
 * target rebooted): @strapi/admin's role hooks live in module scope, so a
 * plugin handler left there by the stopped source ran at the target's boot on
 * the source's destroyed pool ("Unable to acquire a connection"). The plugin's
 * handler is now one-shot (services/roles.ts).
 */
const curated = (): ImportBundle => JSON.parse(fs.readFileSync(path.join(ROOT, 'database/seed/bundles/china-surveillance-export.json'), 'utf8'));
const TYPES = [
  'api::article.article',
  'api::quote.quote',
  'api::expert.expert',
  'api::organization.organization',
  'api::sanction-record.sanction-record',
  'plugin::editorial-workflow.note',
  'plugin::editorial-workflow.workflow-state',
  'plugin::editorial-workflow.history',
];
const KEYS = 'newsroom_organization_keys';

let scratch: string;
let backup: string;
let source: TestApp | undefined;
let target: TestApp | undefined;
let rebooted: Core.Strapi | undefined;
const before: Record<string, number> = {};
let keysBefore = 0;
let statesBefore: string[] = [];
let inReview: string;

const counts = async (strapi: Core.Strapi) =>
  Object.fromEntries(await Promise.all(TYPES.map(async (uid) => [uid, await strapi.db.query(uid as never).count()])));
const keyCount = async (strapi: Core.Strapi) => Number((await strapi.db.connection(KEYS).count({ n: '*' }).first())?.n ?? 0);

const STATE = 'plugin::editorial-workflow.workflow-state';
// Every workflow state as "uid documentId state revision hold", sorted: what a restore must give back.
const workflowStates = async (strapi: Core.Strapi) =>
  ((await strapi.db.query(STATE as never).findMany({})) as Record<string, unknown>[])
    .map((row) => [row.targetUid, row.targetDocumentId, row.state, row.revision, Boolean(row.legalHold)].join(' '))
    .sort();

const run = async (engine: { transfer(): Promise<unknown> }) => engine.transfer();

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  source = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  await importBundle(source.strapi, curated());
  // Workflow rows to restore: a story in review and a published one (states, history).
  const editors = [await createAdmin(source, ['Editor'], 'EditorA'), await createAdmin(source, ['Editor'], 'EditorB')];
  inReview = (await draftArticle(source.strapi)).documentId;
  await mustTransition(source, editors[0], inReview, { action: 'submit' });
  await publishedArticle(source, editors[0], editors[1]);
  Object.assign(before, await counts(source.strapi));
  keysBefore = await keyCount(source.strapi);
  statesBefore = await workflowStates(source.strapi);

  // strapi export --no-encrypt -f <scratch>/backup (→ backup.tar.gz), as docs/operations.md says
  const exporter = dataTransfer.engine.createTransferEngine(
    dataTransfer.strapi.providers.createLocalStrapiSourceProvider({ getStrapi: async () => source!.strapi, autoDestroy: false }),
    dataTransfer.file.providers.createLocalFileDestinationProvider({
      file: { path: path.join(scratch, 'backup') },
      encryption: { enabled: false },
      compression: { enabled: true },
    }),
    { versionStrategy: 'ignore', schemaStrategy: 'ignore', transforms: buildTransferTransforms({}) },
  );
  const exported = (await run(exporter)) as { destination?: { file?: { path?: string } } };
  backup = exported.destination?.file?.path as string;
  await source.stop();
  source = undefined;

  // strapi import -f backup.tar.gz --force, into a fresh, empty database
  target = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  const importer = dataTransfer.engine.createTransferEngine(
    dataTransfer.file.providers.createLocalFileSourceProvider({ file: { path: backup }, compression: { enabled: true }, encryption: { enabled: false } }),
    dataTransfer.strapi.providers.createLocalStrapiDestinationProvider({
      getStrapi: async () => target!.strapi,
      autoDestroy: false,
      strategy: 'restore',
      restore: parseRestoreFromOptions({}, target.strapi),
    }),
    { versionStrategy: 'ignore', schemaStrategy: 'ignore', transforms: buildTransferTransforms({}) },
  );
  importer.onSchemaDiff((_context: unknown, next: (context: unknown) => void) => next(_context));
  await run(importer);
}, 600_000);

afterAll(async () => {
  await source?.stop();
  await rebooted?.destroy();
  await target?.db.drop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}, 60_000);

it('the export is a file and the import restores every content type and the workflow’s rows', async () => {
  expect(fs.existsSync(backup)).toBe(true);
  expect(before['api::article.article']).toBeGreaterThan(0);
  expect(before['plugin::editorial-workflow.note']).toBeGreaterThan(0);
  expect(await counts(target!.strapi)).toEqual(before);
  expect(statesBefore.length).toBeGreaterThan(0);
  expect(await workflowStates(target!.strapi)).toEqual(statesBefore);
});

it('the restored app booted with the workflow’s admin roles reconciled', async () => {
  const roles = await target!.strapi.db.query('admin::role').findMany({ where: { name: { $in: ['Author', 'Editor', 'Legal'] } }, populate: ['permissions'] });
  expect(roles.map((role: { name: string }) => role.name).sort()).toEqual(['Author', 'Editor', 'Legal']);
  for (const role of roles as { permissions: unknown[] }[]) expect(role.permissions.length).toBeGreaterThan(0);
});

it('the organization name index, missing right after the import, is rebuilt at the next boot', async () => {
  expect(keysBefore).toBeGreaterThan(0);
  expect(await keyCount(target!.strapi)).toBe(0); // what a restore leaves: the export does not carry it

  await target!.strapi.destroy();
  const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  rebooted = await app.load();
  expect(await keyCount(rebooted)).toBe(keysBefore);
});

it('the restored app enforces the workflow: a restored story that is not approved cannot be published', async () => {
  const row = (await rebooted!.db.query(STATE as never).findOne({ where: { targetUid: 'api::article.article', targetDocumentId: inReview } })) as Record<string, unknown> | null;
  expect(row?.state).toBe('in_review');
  const documentId = inReview;
  const published = () => rebooted!.db.query('api::article.article').count({ where: { documentId, publishedAt: { $notNull: true } } });
  const wasPublished = await published();
  await expect((rebooted!.documents('api::article.article') as unknown as { publish(p: object): Promise<unknown> }).publish({ documentId })).rejects.toThrow(
    /Current state: "in_review"; needed state: "approved"/,
  );
  expect(await published()).toBe(wasPublished);
});

it('then a bundle naming an organization by its previous name ("Meiya Pico") finds it: no duplicate organization', async () => {
  const bundle = curated();
  const organizationsBefore = await rebooted!.db.query('api::organization.organization').count();
  await importBundle(rebooted!, {
    ...bundle,
    article: { ...bundle.article, uri: 'urn:test:after-restore', slug: 'after-restore', headline: 'After the restore', credits: [], sourceAgency: null },
    quotes: [],
    sanctions: [],
    people: [],
    organizations: [{ key: 'meiya', name: 'Meiya Pico', slug: 'meiya-pico', alternateNames: [], previousNames: [], orgType: 'company' } as never],
    reviewFlags: [],
  });
  expect(await rebooted!.db.query('api::organization.organization').count()).toBe(organizationsBefore);
  expect(await rebooted!.db.query('api::organization.organization').count({ where: { slug: 'meiya-pico' } })).toBe(0);
});
