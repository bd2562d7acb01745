import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { importBundle } from '../../../src/importer/import/import-bundle';
import type { ImportBundle } from '../../../src/importer/import/input';

// The engine and options `strapi export` / `strapi import` use (the CLI itself would recompile dist under running tests).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dataTransfer = require('@strapi/data-transfer');
const ROOT = path.resolve(__dirname, '../../..');
// Not in @strapi/strapi's package exports: by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseRestoreFromOptions } = require(path.join(ROOT, 'node_modules/@strapi/strapi/dist/src/cli/utils/data-transfer.js'));

/**
 * Backup and restore (issues 10 and 13): `strapi export` → `strapi import`
 * into an empty database restores the content and the workflow's rows; the
 * organization name index (a derived table the export does not carry) is
 * rebuilt at boot, so importing a bundle that names an organization by an
 * alias finds it instead of creating a duplicate.
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

const counts = async (strapi: Core.Strapi) =>
  Object.fromEntries(await Promise.all(TYPES.map(async (uid) => [uid, await strapi.db.query(uid as never).count()])));
const keyCount = async (strapi: Core.Strapi) => Number((await strapi.db.connection(KEYS).count({ n: '*' }).first())?.n ?? 0);

const run = async (engine: { transfer(): Promise<unknown> }) => engine.transfer();

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
  source = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  await importBundle(source.strapi, curated());
  Object.assign(before, await counts(source.strapi));
  keysBefore = await keyCount(source.strapi);

  // strapi export --no-encrypt --no-compress -f <scratch>/backup
  const exporter = dataTransfer.engine.createTransferEngine(
    dataTransfer.strapi.providers.createLocalStrapiSourceProvider({ getStrapi: async () => source!.strapi, autoDestroy: false }),
    dataTransfer.file.providers.createLocalFileDestinationProvider({
      file: { path: path.join(scratch, 'backup') },
      encryption: { enabled: false },
      compression: { enabled: false },
    }),
    { versionStrategy: 'ignore', schemaStrategy: 'ignore' },
  );
  const exported = (await run(exporter)) as { destination?: { file?: { path?: string } } };
  backup = exported.destination?.file?.path as string;
  await source.stop();
  source = undefined;

  // strapi import -f backup.tar --force, into a fresh, empty database
  target = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  const importer = dataTransfer.engine.createTransferEngine(
    dataTransfer.file.providers.createLocalFileSourceProvider({ file: { path: backup }, compression: { enabled: false }, encryption: { enabled: false } }),
    dataTransfer.strapi.providers.createLocalStrapiDestinationProvider({
      getStrapi: async () => target!.strapi,
      autoDestroy: false,
      strategy: 'restore',
      restore: parseRestoreFromOptions({}, target.strapi),
    }),
    { versionStrategy: 'ignore', schemaStrategy: 'ignore' },
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
