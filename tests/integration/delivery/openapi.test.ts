import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { execFileSync } from 'child_process';
import { startApp, type TestApp } from '../../helpers/strapi';
import { createArticleGraph, type ArticleGraph } from './article-graph';

/**
 * Issue 11, a typed contract: GET /api/openapi.json is a valid OpenAPI 3.1
 * document, and real responses of the public routes validate against it.
 */
let app: TestApp;
let g: ArticleGraph;
let doc: Record<string, any>;
let ajv: Ajv2020;

beforeAll(async () => {
  app = await startApp({ EDITORIAL_WORKFLOW_SCHEDULER: 'false' });
  g = await createArticleGraph(app.strapi);
  const res = await app.http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = JSON.parse(res.text);
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
});
afterAll(async () => {
  await app?.stop();
});

/** Validate a body against the response schema the document gives for (path, method, status, media type). */
const conforms = (path: string, method: string, status: string, mediaType: string, body: unknown) => {
  const schema = doc.paths[path]?.[method]?.responses?.[status]?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`no schema for ${method} ${path} ${status} ${mediaType}`);
  const validate = ajv.compile({ $schema: 'https://json-schema.org/draft/2020-12/schema', $ref: `openapi.json#/paths/${encodePointer(path)}/${method}/responses/${status}/content/${encodePointer(mediaType)}/schema` });
  if (!validate(body)) throw new Error(`${method} ${path} ${status}: ${JSON.stringify(validate.errors, null, 2)}`);
};
/**
 * @seriousme/openapi-schema-validator is ESM-only (jest runs CommonJS here): it runs in a child
 * node process, the document on stdin, the result as JSON on stdout.
 */
const validateOpenApi = (spec: unknown): { valid: boolean; errors?: unknown } => {
  const script = `import { Validator } from '@seriousme/openapi-schema-validator';
    let input = ''; process.stdin.on('data', (c) => (input += c));
    process.stdin.on('end', async () => { const r = await new Validator().validate(JSON.parse(input)); process.stdout.write(JSON.stringify(r)); });`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(spec), cwd: process.cwd(), encoding: 'utf8' });
  return JSON.parse(out);
};
const encodePointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document describing the public routes', async () => {
    const result = validateOpenApi(doc);
    if (!result.valid) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/articles/slug/{slug}',
        '/api/articles',
        '/api/feeds/articles.rss',
        '/api/feeds/articles.atom',
        '/api/feeds/articles.json',
        '/api/feeds/articles.ninjs',
        '/api/sitemap.xml',
        '/api/news-sitemap.xml',
        '/api/preview/articles/{documentId}',
        '/api/organizations/{documentId}/sanctions',
        '/api/sanction-records/export',
        '/api/editorial-workflow/documents/{uid}/{documentId}/transitions',
      ]),
    );
  });

  it('real responses validate against it', async () => {
    const page = await app.http().get(`/api/articles/slug/${g.slug}`);
    conforms('/api/articles/slug/{slug}', 'get', '200', 'application/json', JSON.parse(page.text));
    const ninjs = await app.http().get(`/api/articles/slug/${g.slug}?format=ninjs`);
    conforms('/api/articles/slug/{slug}', 'get', '200', 'application/ninjs+json', JSON.parse(ninjs.text));
    const missing = await app.http().get('/api/articles/slug/no-such-story');
    conforms('/api/articles/slug/{slug}', 'get', '404', 'application/json', missing.body);
    const list = await app.http().get('/api/articles');
    conforms('/api/articles', 'get', '200', 'application/json', JSON.parse(list.text));
    const badList = await app.http().get('/api/articles?format=rss');
    conforms('/api/articles', 'get', '400', 'application/json', badList.body);
    const jsonFeed = await app.http().get('/api/feeds/articles.json');
    conforms('/api/feeds/articles.json', 'get', '200', 'application/feed+json', JSON.parse(jsonFeed.text));
    const changes = await app.http().get('/api/feeds/articles.ninjs');
    conforms('/api/feeds/articles.ninjs', 'get', '200', 'application/json', JSON.parse(changes.text));
    const badCursor = await app.http().get('/api/feeds/articles.ninjs?since=x');
    conforms('/api/feeds/articles.ninjs', 'get', '400', 'application/json', badCursor.body);
    const sanctions = await app.http().get(`/api/organizations/${g.company.documentId}/sanctions`);
    conforms('/api/organizations/{documentId}/sanctions', 'get', '200', 'application/json', JSON.parse(sanctions.text));
    const preview = await app.http().get(`/api/preview/articles/${g.article.documentId}`);
    conforms('/api/preview/articles/{documentId}', 'get', '404', 'application/json', preview.body);
  });
});
