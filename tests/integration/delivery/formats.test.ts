import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonld = require('jsonld');
import { Model, defaultModel } from '@alephdata/followthemoney';
import { startApp, type TestApp } from '../../helpers/strapi';
import { publishForTest } from '../../helpers/publish';
import { createArticleGraph, uniq, UIDS, type ArticleGraph } from './article-graph';

const S = 'http://schema.org/';
let app: TestApp;
let g: ArticleGraph;

beforeAll(async () => {
  app = await startApp();
  g = await createArticleGraph(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const get = (url: string, accept?: string) => {
  const req = app.http().get(url);
  return accept ? req.set('Accept', accept) : req;
};
const text = (res: { text: string }) => res.text;

describe('article by slug — Strapi JSON', () => {
  it('returns the field-limited page: quotes in order with speakers, people, organizations, sanction records', async () => {
    const res = await get(`/api/articles/slug/${g.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const a = res.body.data;
    expect(a.documentId).toBe(g.article.documentId);
    expect(a.quotes.map((q: any) => q.text)).toEqual(['The first thing said.', 'The second thing said.']);
    expect(a.quotes[0].speaker).toMatchObject({ name: g.speaker.name, affiliation: { name: g.thinkTank.name } });
    expect(a.quotes[1].speakerOrganization).toMatchObject({ name: g.company.name });
    expect(a.people.map((p: any) => p.name).sort()).toEqual([g.speaker.name, g.official.name].sort());
    expect(a.organizations[0].name).toBe(g.company.name);
    expect(a.sanctionRecords[0]).toMatchObject({ program: 'Entity List', organization: { name: g.company.name }, authority: { name: g.authority.name } });
    expect(a.edNote).toBeUndefined();
    expect(a.importFingerprint).toBeUndefined();
    expect(a.createdBy).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('PRIVATE');
  });

  it('404s an unknown slug and an embargoed article until the embargo lifts', async () => {
    expect((await get('/api/articles/slug/no-such-story')).status).toBe(404);

    const future = new Date(Date.now() + 3600_000).toISOString();
    const embargoed = await publishForTest(app.strapi, UIDS.article, {
      headline: 'Embargoed story',
      slug: uniq('embargoed').toLowerCase(),
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Not yet.' }] }],
      embargoedUntil: future,
    });
    const res = await get(`/api/articles/slug/${embargoed.slug}`);
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.stringify(res.body)).not.toContain('Embargoed story');

    const lifted = await publishForTest(app.strapi, UIDS.article, {
      headline: 'Lifted story',
      slug: uniq('lifted').toLowerCase(),
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Now.' }] }],
      embargoedUntil: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await get(`/api/articles/slug/${lifted.slug}`)).status).toBe(200);

    const gql = (slug: string) =>
      app.http().post('/graphql').send({ query: 'query($s: String!) { articleBySlug(slug: $s) { headline quotes { text } } }', variables: { s: slug } });
    const hidden = await gql(String(embargoed.slug));
    expect(hidden.body.errors).toBeUndefined();
    expect(hidden.body.data.articleBySlug).toBeNull();
    const shown = await gql(g.slug);
    expect(shown.body.data.articleBySlug.headline).toBe('Surveillance exports under scrutiny');
    expect(shown.body.data.articleBySlug.quotes).toHaveLength(2);
    expect((await gql(String(lifted.slug))).body.data.articleBySlug.headline).toBe('Lifted story');
  });
});

describe('format negotiation', () => {
  it.each([
    ['?format=jsonld', undefined, 'application/ld+json'],
    ['?format=ninjs', undefined, 'application/ninjs+json'],
    ['?format=ftm', undefined, 'application/x-ndjson'],
    ['', 'application/ld+json', 'application/ld+json'],
    ['', 'application/ninjs+json', 'application/ninjs+json'],
    ['', 'application/json; profile="http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"', 'application/json; profile='],
    ['', 'application/x-ndjson', 'application/x-ndjson'],
    ['', 'text/html;q=0.9, application/ld+json;q=0.5', 'application/ld+json'],
    ['', '*/*', 'application/json'],
    ['?format=json', 'application/ld+json', 'application/json'],
  ])('%s Accept: %s → %s', async (query, accept, type) => {
    const res = await get(`/api/articles/slug/${g.slug}${query}`, accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-type'].startsWith(type)).toBe(true);
    expect(res.headers.vary).toMatch(/Accept/);
  });

  it('refuses an unknown ?format with 400 and an unsatisfiable Accept with 406, naming what is available', async () => {
    const bad = await get(`/api/articles/slug/${g.slug}?format=xml`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Unknown format "xml"/);
    expect(bad.body.error.message).toMatch(/jsonld/);

    const refused = await get(`/api/articles/slug/${g.slug}`, 'text/html');
    expect(refused.status).toBe(406);
    expect(refused.body.error.message).toMatch(/application\/ld\+json/);
  });
});

describe('JSON-LD (schema.org NewsArticle)', () => {
  let expanded: any;
  beforeAll(async () => {
    const res = await get(`/api/articles/slug/${g.slug}?format=jsonld`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(text(res));
    expect(typeof doc['@context']).toBe('object'); // inline: no remote context to fetch
    const documentLoader = async (url: string) => {
      throw new Error(`no network: refused to load ${url}`);
    };
    [expanded] = await jsonld.expand(doc, { documentLoader });
  });

  const values = (node: any, property: string) => (node[S + property] ?? []).map((v: any) => v['@value'] ?? v['@id'] ?? v);
  const nodes = (node: any, property: string) => (node[S + property] ?? []) as any[];

  it('expands to schema.org IRIs for the article itself', () => {
    expect(expanded['@type']).toEqual([S + 'NewsArticle']);
    expect(expanded['@id']).toBe(`https://news.example.org/articles/${g.slug}`);
    expect(values(expanded, 'headline')).toEqual(['Surveillance exports under scrutiny']);
    expect(values(expanded, 'datePublished')).toEqual(['2024-03-01T10:00:00.000Z']);
    expect(nodes(expanded, 'datePublished')[0]['@type']).toBe(S + 'DateTime');
    expect(values(expanded, 'dateModified')).toHaveLength(1);
    expect(values(expanded, 'articleSection')).toEqual(['World']);
    expect(values(expanded, 'dateline')).toEqual(['WASHINGTON']);
    expect(values(expanded, 'creditText')).toEqual(['By Sam Reporter']);
    expect(values(expanded, 'inLanguage')).toEqual(['en']);
    expect(values(expanded, 'articleBody')[0]).toContain('Officials said <more> controls were coming.');
  });

  it('has author, sourceOrganization and a CorrectionComment', () => {
    const [author] = nodes(expanded, 'author');
    expect(author['@type']).toEqual([S + 'Person']);
    expect(values(author, 'name')).toEqual(['Sam Reporter']);
    const [source] = nodes(expanded, 'sourceOrganization');
    expect(source['@type']).toEqual([S + 'Organization']);
    expect(values(source, 'name')).toEqual([g.agency.name]);
    const [correction] = nodes(expanded, 'correction');
    expect(correction['@type']).toEqual([S + 'CorrectionComment']);
    expect(values(correction, 'text')[0]).toMatch(/misstated/);
    expect(values(correction, 'datePublished')).toEqual(['2024-03-02T09:00:00.000Z']);
  });

  it('mentions people and organizations with Wikidata sameAs IRIs', () => {
    const mentions = nodes(expanded, 'mentions');
    const person = mentions.find((m) => values(m, 'name')[0] === g.speaker.name);
    expect(person['@type']).toEqual([S + 'Person']);
    expect(nodes(person, 'sameAs').map((s) => s['@id'])).toEqual(
      expect.arrayContaining(['https://www.wikidata.org/wiki/Q42', 'https://example.org/people/jane']),
    );
    const org = mentions.find((m) => values(m, 'name')[0] === g.company.name);
    expect(org['@type']).toEqual([S + 'Organization']);
    expect(nodes(org, 'sameAs').map((s) => s['@id'])).toEqual(['https://www.wikidata.org/wiki/Q5768449']);
  });

  it('carries the quotes as Quotation with spokenByCharacter / creator, in order', () => {
    const quotes = nodes(expanded, 'hasPart');
    expect(quotes.map((q) => q['@type'][0])).toEqual([S + 'Quotation', S + 'Quotation']);
    expect(quotes.map((q) => values(q, 'text')[0])).toEqual(['The first thing said.', 'The second thing said.']);
    const [first, second] = quotes;
    expect(values(nodes(first, 'spokenByCharacter')[0], 'name')).toEqual([g.speaker.name]);
    expect(values(nodes(first, 'creator')[0], 'name')).toEqual([g.speaker.name]);
    expect(nodes(second, 'creator')[0]['@type']).toEqual([S + 'Organization']);
  });

  it('drops nothing in expansion: every key of the document is a defined term', async () => {
    const res = await get(`/api/articles/slug/${g.slug}?format=jsonld`);
    const doc = JSON.parse(text(res));
    const context = doc['@context'];
    const unknown = new Set<string>();
    const walk = (value: any) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (!value || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        if (key === '@context') continue;
        if (!key.startsWith('@') && !(key in context)) unknown.add(key);
        walk(child);
      }
    };
    walk(doc);
    expect([...unknown]).toEqual([]);
  });
});

describe('ninjs 3.1', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/ninjs-schema_3.1.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The schema $refs GeoJSON for places; none are emitted, a permissive stand-in avoids a fetch.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  const compiled = ajv.compile(schema);
  const validate = Object.assign((data: unknown): boolean => compiled(data), { get errors() { return compiled.errors; } });

  it('is valid against the official schema and maps the article', async () => {
    const res = await get(`/api/articles/slug/${g.slug}`, 'application/ninjs+json');
    const item: Record<string, any> = JSON.parse(text(res));
    const ok = validate(item);
    if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
    expect(item).toMatchObject({
      uri: `https://news.example.org/articles/${g.slug}`,
      type: 'text',
      pubStatus: 'usable',
      language: 'en',
      by: 'By Sam Reporter',
      located: 'WASHINGTON',
      headlines: [{ role: 'main', value: 'Surveillance exports under scrutiny' }],
    });
    expect(item.versionCreated).toMatch(/Z$/);
    expect(item.firstCreated).toMatch(/Z$/);
    expect(item.bodies.find((b: any) => b.contentType === 'text/html').value).toContain('&lt;more&gt;');
    expect(item.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: g.speaker.name, rel: 'quoted', uri: 'https://www.wikidata.org/wiki/Q42' }),
        expect.objectContaining({ name: g.official.name, rel: 'mentioned' }),
      ]),
    );
    expect(item.organisations).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: g.company.name, uri: 'https://www.wikidata.org/wiki/Q5768449' })]),
    );
    expect(item.subjects).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Export controls', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000587' })]));
  });

  it('the schema really rejects what it should (guards the validator set-up)', () => {
    expect(validate({ uri: 'urn:x:1', pubStatus: 'published' })).toBe(false);
    expect(validate({ uri: 'urn:x:1', notAField: true })).toBe(false);
    expect(validate({ headlines: [] })).toBe(false);
  });
});

describe('FollowTheMoney', () => {
  const model = new Model(defaultModel);

  const validateEntities = (lines: string[]) => {
    const entities = lines.map((line) => JSON.parse(line));
    const ids = new Set(entities.map((e) => e.id));
    expect(ids.size).toBe(entities.length);
    for (const raw of entities) {
      const schema = model.getSchema(raw.schema); // throws on an unknown schema
      for (const [name, values] of Object.entries(raw.properties as Record<string, string[]>)) {
        expect(schema.hasProperty(name)).toBe(true);
        expect(Array.isArray(values) && values.every((v) => typeof v === 'string')).toBe(true);
        const property = schema.getProperty(name);
        if (property.type.name === 'entity') {
          for (const ref of values) {
            expect(ids.has(ref)).toBe(true);
            const target = entities.find((e) => e.id === ref);
            if (property.hasRange) expect(model.getSchema(target.schema).isA(property.getRange())).toBe(true);
          }
        }
      }
      for (const required of schema.required) expect(raw.properties[required]?.length).toBeGreaterThan(0);
      expect(model.getEntity(raw).schema.name).toBe(raw.schema); // the model accepts it
    }
    return entities;
  };

  it('emits Sanction and the organizations it names as valid, referentially sound JSON lines', async () => {
    const res = await get(`/api/articles/slug/${g.slug}?format=ftm`);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = text(res).trim().split('\n');
    const entities = validateEntities(lines);
    const sanction = entities.find((e) => e.schema === 'Sanction');
    const company = entities.find((e) => e.id === sanction.properties.entity[0]);
    expect(company.schema).toBe('Company');
    expect(company.properties).toMatchObject({
      name: [g.company.name],
      alias: ['Hangzhou Hikvision Digital Technology Co., Ltd.'],
      previousName: ['Hikvision Old Name'],
      country: ['cn'],
      wikidataId: ['Q5768449'],
    });
    expect(sanction.properties).toMatchObject({
      authority: [g.authority.name],
      program: ['Entity List'],
      startDate: ['2019-10'],
      reason: ['Implicated in human rights violations'],
      sourceUrl: ['https://www.federalregister.gov/d/2019-22210'],
      status: ['active'],
    });
    expect(entities.find((e) => e.properties.name?.[0] === g.authority.name).schema).toBe('PublicBody');
  });
});

export {};
