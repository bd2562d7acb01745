import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { startApp, type TestApp } from '../../helpers/strapi';

/**
 * The checked-in contract files are what the running app really is:
 *  - types/generated/*.d.ts — Strapi's generated content types, which the app's code is typed against;
 *  - contract/schema.graphql — the public GraphQL SDL, for frontends (introspection is off in production).
 * A schema change without regenerating them fails here. To regenerate both after a deliberate change:
 *   UPDATE_CONTRACT=1 npx jest tests/integration/foundation/contract-files.test.ts   (or `npm run types` for the types alone: Strapi's own generator)
 */
const root = path.resolve(__dirname, '../../..');
const update = process.env.UPDATE_CONTRACT === '1';

let app: TestApp;
let scratch: string;

beforeAll(async () => {
  app = await startApp();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-contract-'));
});
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  await app?.stop();
});

const compare = (committedPath: string, generated: string) => {
  if (update) fs.writeFileSync(committedPath, generated);
  const committed = fs.existsSync(committedPath) ? fs.readFileSync(committedPath, 'utf8') : '(missing)';
  expect({ file: path.relative(root, committedPath), content: committed }).toEqual({ file: path.relative(root, committedPath), content: generated });
};

describe('checked-in contract files', () => {
  it('types/generated matches what Strapi generates from the content types', () => {
    // In a plain Node child: Strapi's generator loads prettier through a dynamic import, which jest's VM refuses.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'generate-types.js'), scratch], {
      cwd: root,
      env: { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(scratch, 'typegen.db') },
      stdio: 'inherit',
    });
    for (const file of ['contentTypes.d.ts', 'components.d.ts']) {
      compare(path.join(root, 'types', 'generated', file), fs.readFileSync(path.join(scratch, 'types', 'generated', file), 'utf8'));
    }
  });

  it('contract/schema.graphql is the public GraphQL schema an anonymous client sees', async () => {
    const res = await app.http().post('/graphql').send({ query: getIntrospectionQuery() });
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    const sdl = `${printSchema(buildClientSchema(res.body.data))}\n`;
    // The workflow plugin's internal types (state, history, notes, token owners) never reach the public schema.
    expect(sdl.match(/^.*(EditorialWorkflow|ReviewWorkflows).*$/gm) ?? []).toEqual([]);
    compare(path.join(root, 'contract', 'schema.graphql'), sdl);
  });
});
