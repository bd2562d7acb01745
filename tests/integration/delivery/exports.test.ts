import { Model, defaultModel } from '@alephdata/followthemoney';
import { startApp, type TestApp } from '../../helpers/strapi';
import { publishForTest } from '../../helpers/publish';
import { createArticleGraph, UIDS, type ArticleGraph } from './article-graph';

let app: TestApp;
let g: ArticleGraph;
const model = new Model(defaultModel);

const sanction = (startDate: string, program: string) =>
  publishForTest(app.strapi, UIDS.sanctionRecord, {
    organization: g.company.documentId,
    authority: g.authority.documentId,
    authorityCountry: 'US',
    program,
    measureType: 'sanction',
    listingStatus: 'active',
    startDate,
  });

beforeAll(async () => {
  app = await startApp();
  g = await createArticleGraph(app.strapi);
  await sanction('2021-06-03', 'NS-CMIC List'); // newest
  await sanction('2020', 'Section 1260H');
});
afterAll(async () => {
  await app?.stop();
});

/** Parse FtM JSON lines and check them against the model: schemata, properties, entity references. */
const ftmEntities = (body: string) => {
  const entities = body.trim().split('\n').map((line) => JSON.parse(line));
  const ids = new Set(entities.map((e) => e.id));
  for (const raw of entities) {
    const schema = model.getSchema(raw.schema);
    for (const [name, values] of Object.entries(raw.properties as Record<string, string[]>)) {
      const property = schema.getProperty(name); // throws for a property the schema lacks
      if (property.type.name === 'entity') for (const ref of values) expect(ids.has(ref)).toBe(true);
    }
    for (const required of schema.required) expect(raw.properties[required]?.length).toBeGreaterThan(0);
  }
  return entities;
};

describe('GET /api/sanction-records/export', () => {
  it('streams every published sanction record as FollowTheMoney JSON lines, publicly', async () => {
    const res = await app.http().get('/api/sanction-records/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const entities = ftmEntities(res.text);
    const sanctions = entities.filter((e) => e.schema === 'Sanction');
    expect(sanctions.map((s) => s.properties.program[0]).sort()).toEqual(['Entity List', 'NS-CMIC List', 'Section 1260H']);
    expect(entities.filter((e) => e.properties.name?.[0] === g.company.name)).toHaveLength(1);
    expect(res.headers['cache-tag']).toBe('list:sanction-record,list:organization');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
  });

  it('supports ETag / 304 and serves from the cache until a record is published', async () => {
    const first = await app.http().get('/api/sanction-records/export');
    const again = await app.http().get('/api/sanction-records/export').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.headers['x-delivery-cache']).toBe('HIT');

    await sanction('2022-01', 'Fresh Program');
    const after = await app.http().get('/api/sanction-records/export').set('If-None-Match', first.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers['x-delivery-cache']).toBe('MISS');
    expect(after.text).toContain('Fresh Program');
  });

  it('406 for JSON, 400 for another ?format', async () => {
    expect((await app.http().get('/api/sanction-records/export').set('Accept', 'application/json')).status).toBe(406);
    expect((await app.http().get('/api/sanction-records/export?format=ninjs')).status).toBe(400);
    expect((await app.http().get('/api/sanction-records/export').set('Accept', 'application/x-ndjson')).status).toBe(200);
  });
});

describe('GET /api/organizations/:id/sanctions', () => {
  const url = (query = '') => `/api/organizations/${g.company.documentId}/sanctions${query}`;

  it('pages the published records, newest start first, with their authority', async () => {
    const first = await app.http().get(url('?pageSize=2'));
    expect(first.status).toBe(200);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 4 });
    expect(first.body.meta.organization).toEqual({ documentId: g.company.documentId, name: g.company.name });
    expect(first.body.data.map((r: any) => r.startDate)).toEqual(['2022-01', '2021-06-03']);
    expect(first.body.data[0].authority.name).toBe(g.authority.name);
    const second = await app.http().get(url('?page=2&pageSize=2'));
    expect(second.body.data.map((r: any) => r.startDate)).toEqual(['2020', '2019-10']);
    expect(second.headers['cache-tag'].split(',')).toEqual(
      expect.arrayContaining([`organization:${g.company.documentId}`, `sanction-record:${g.sanction.documentId}`]),
    );
  });

  it('offers FtM too, and refuses bad paging and unknown organizations', async () => {
    const ftm = await app.http().get(url('?format=ftm&pageSize=100'));
    expect(ftmEntities(ftm.text).filter((e) => e.schema === 'Sanction')).toHaveLength(4);
    expect((await app.http().get(url('?pageSize=0'))).status).toBe(400);
    expect((await app.http().get(url('?pageSize=1000'))).status).toBe(400);
    expect((await app.http().get(url('?page=abc'))).status).toBe(400);
    expect((await app.http().get('/api/organizations/nope/sanctions')).status).toBe(404);
  });

  it('a new record for the organization invalidates its cached pages', async () => {
    await app.http().get(url('?pageSize=2'));
    expect((await app.http().get(url('?pageSize=2'))).headers['x-delivery-cache']).toBe('HIT');
    await sanction('2023-05', 'Newest Program');
    const res = await app.http().get(url('?pageSize=2'));
    expect(res.headers['x-delivery-cache']).toBe('MISS');
    expect(res.body.meta.pagination.total).toBe(5);
    expect(res.body.data[0].program).toBe('Newest Program');
  });
});

export {};
