import { startApp, type TestApp } from '../../helpers/strapi';
import { publishForTest, republishForTest, withPublishGateBypass } from '../../helpers/publish';
import { createArticleGraph, expectedKeys, UIDS, type ArticleGraph } from './article-graph';

type Purge = { keys: string[]; uid: string; documentId: string; action: string; articles: string[] };

let app: TestApp;
let g: ArticleGraph;
const purges: Purge[] = [];

beforeAll(async () => {
  app = await startApp({ DELIVERY_MAX_AGE: '42', DELIVERY_STALE_WHILE_REVALIDATE: '7' });
  (app.strapi as any).eventHub.on('delivery.purge', (event: Purge) => {
    purges.push(event);
  });
  g = await createArticleGraph(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

const page = (headers: Record<string, string> = {}) => {
  const req = app.http().get(`/api/articles/slug/${g.slug}`);
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  return req;
};
const settle = () => new Promise((resolve) => setImmediate(resolve));
/** The purge events emitted while `fn` ran. */
const purgesDuring = async (fn: () => Promise<unknown>): Promise<Purge[]> => {
  const from = purges.length;
  await fn();
  await settle();
  return purges.slice(from);
};

describe('HTTP caching headers', () => {
  it('sends a strong ETag, configurable Cache-Control and Cache-Tag / Surrogate-Key naming every document shown', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=42, stale-while-revalidate=7');
    const tags = res.headers['cache-tag'].split(',');
    expect([...tags].sort()).toEqual([...expectedKeys(g)].sort());
    expect(tags[0]).toBe(`article:${g.article.documentId}`);
    expect(res.headers['surrogate-key'].split(' ').sort()).toEqual([...expectedKeys(g)].sort());
  });

  it('answers 304 to a matching If-None-Match (strong, weak or in a list) and 200 otherwise', async () => {
    const { etag } = (await page()).headers;
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const res = await page({ 'If-None-Match': header });
      expect(res.status).toBe(304);
      expect(res.text ?? '').toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toMatch(/^public/);
    }
    expect((await page({ 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  it('gives each format its own ETag', async () => {
    const tags: string[] = [];
    for (const format of ['json', 'jsonld', 'ninjs', 'ftm']) tags.push((await app.http().get(`/api/articles/slug/${g.slug}?format=${format}`)).headers.etag);
    expect(new Set(tags).size).toBe(4);
  });

  it('marks any authenticated response no-store and bypasses the response cache', async () => {
    const token = await app.strapi.service('admin::api-token').create({ name: `reader-${Date.now()}`, type: 'full-access', lifespan: null } as any);
    const res = await page({ Authorization: `Bearer ${(token as any).accessKey}` });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-delivery-cache']).toBe('BYPASS');
  });

  it('lets webhooks subscribe to delivery.purge', () => {
    expect(app.strapi.get('webhookStore').allowedEvents.get('DELIVERY_PURGE')).toBe('delivery.purge');
  });
});

describe('response cache and purges', () => {
  it('serves a hit until a correction is published, then the new version', async () => {
    const first = await page();
    const second = await page();
    expect(second.headers['x-delivery-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);

    const events = await purgesDuring(() =>
      republishForTest(app.strapi, UIDS.article, g.article.documentId, {
        corrections: [
          { date: '2024-03-02T09:00:00.000Z', text: 'An earlier version misstated the year of listing.' },
          { date: '2024-03-03T09:00:00.000Z', text: 'A second correction.' },
        ],
      }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ uid: UIDS.article, documentId: g.article.documentId, action: 'update' });
    expect(events[0].keys).toEqual(expect.arrayContaining([`article:${g.article.documentId}`, 'list:article']));

    const after = await page();
    expect(after.headers['x-delivery-cache']).toBe('MISS');
    expect(after.headers.etag).not.toBe(first.headers.etag);
    expect(after.body.data.corrections).toHaveLength(2);
    expect((await page({ 'If-None-Match': first.headers.etag })).status).toBe(200);
  });

  it('serves a warm anonymous hit before the router: one SQL statement (the version check), no permission lookup', async () => {
    await page();
    await page();
    const statements: string[] = [];
    const onQuery = (query: { sql: string }) => statements.push(query.sql);
    app.strapi.db.connection.on('query', onQuery);
    try {
      const hit = await page();
      expect(hit.status).toBe(200);
      expect(hit.headers['x-delivery-cache']).toBe('HIT');
      expect(hit.headers['cache-control']).toMatch(/^public/);
    } finally {
      app.strapi.db.connection.removeListener('query', onQuery);
    }
    // The check: on SQLite, with nothing committed since the last check of these keys, PRAGMA data_version alone.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/newsroom_content_versions|^PRAGMA data_version$/);

    // An authenticated request never takes the fast path.
    const withToken = await page({ Authorization: 'Bearer not-a-real-token' });
    expect(withToken.headers['x-delivery-cache']).not.toBe('HIT');
  });

  it('an Expert edit purges every article that shows it, and the page shows the new name', async () => {
    await page();
    expect((await page()).headers['x-delivery-cache']).toBe('HIT');
    const events = await purgesDuring(() => republishForTest(app.strapi, UIDS.expert, g.speaker.documentId, { name: 'Jane Renamed' }));
    expect(events).toHaveLength(1);
    expect(events[0].keys).toEqual(expect.arrayContaining([`expert:${g.speaker.documentId}`, `article:${g.article.documentId}`]));
    expect(events[0].articles).toEqual([g.article.documentId]);
    const res = await page();
    expect(res.headers['x-delivery-cache']).toBe('MISS');
    expect(res.body.data.quotes[0].speaker.name).toBe('Jane Renamed');
  });

  it('an edit two hops away (the speaker’s affiliation) reaches the article too', async () => {
    await page();
    const events = await purgesDuring(() => republishForTest(app.strapi, UIDS.organization, g.thinkTank.documentId, { name: 'Renamed Institute' }));
    expect(events[0].keys).toEqual(expect.arrayContaining([`organization:${g.thinkTank.documentId}`, `article:${g.article.documentId}`]));
    expect((await page()).body.data.quotes[0].speaker.affiliation.name).toBe('Renamed Institute');
  });

  it('a newly published quote linked to the article appears at once', async () => {
    await page();
    const events = await purgesDuring(() =>
      publishForTest(app.strapi, UIDS.quote, { text: 'A third thing said.', article: g.article.documentId, speaker: g.official.documentId, position: 3 }),
    );
    expect(events[0].keys).toEqual(expect.arrayContaining([`article:${g.article.documentId}`]));
    const res = await page();
    expect(res.headers['x-delivery-cache']).toBe('MISS');
    expect(res.body.data.quotes.map((q: any) => q.text)).toEqual(['The first thing said.', 'The second thing said.', 'A third thing said.']);
  });

  it('a draft-only save purges nothing and leaves the published page cached', async () => {
    await page();
    const events = await purgesDuring(() =>
      app.strapi.documents(UIDS.article as any).update({ documentId: g.article.documentId, data: { headline: 'Draft headline' } as any }),
    );
    expect(events).toEqual([]);
    const res = await page();
    expect(res.headers['x-delivery-cache']).toBe('HIT');
    expect(res.body.data.headline).toBe('Surveillance exports under scrutiny');
    // discard the draft change again
    await withPublishGateBypass(app.strapi, () => app.strapi.documents(UIDS.article as any).discardDraft({ documentId: g.article.documentId }));
  });

  it('deleting a sanction record shown by the article updates it', async () => {
    await page();
    const events = await purgesDuring(() =>
      withPublishGateBypass(app.strapi, () => app.strapi.documents(UIDS.sanctionRecord as any).delete({ documentId: g.sanction.documentId })),
    );
    expect(events[0]).toMatchObject({ action: 'delete', documentId: g.sanction.documentId });
    expect(events[0].keys).toEqual(expect.arrayContaining([`sanction-record:${g.sanction.documentId}`, `article:${g.article.documentId}`, 'list:sanction-record']));
    expect((await page()).body.data.sanctionRecords).toEqual([]);
  });

  it('a workflow transition that writes no document (published → correcting) still invalidates: ninjs pubStatus follows', async () => {
    const workflow = app.strapi.plugin('editorial-workflow')?.service('workflow') as { stateOf: (...args: unknown[]) => Promise<string> } | undefined;
    if (!workflow) return; // the adapter falls back to 'published' without the plugin (covered above)
    const ninjs = () => app.http().get(`/api/articles/slug/${g.slug}?format=ninjs`);
    await ninjs();
    expect((await ninjs()).headers['x-delivery-cache']).toBe('HIT');

    // While correcting, the live version stays usable (issue 11); a later state (here: in review) withholds it.
    const spy = jest.spyOn(workflow, 'stateOf').mockResolvedValue('in_review');
    try {
      const events = await purgesDuring(async () => {
        await app.strapi.eventHub.emit('editorial.transition', { document: { uid: UIDS.article, documentId: g.article.documentId }, from: 'published', to: 'correcting' });
      });
      expect(events[0]).toMatchObject({ action: 'workflow:correcting', documentId: g.article.documentId });
      const res = await ninjs();
      expect(res.headers['x-delivery-cache']).toBe('MISS');
      expect(JSON.parse(res.text).pubStatus).toBe('withheld');
    } finally {
      spy.mockRestore();
    }
  });

  it('unpublishing (e.g. a withdrawal) purges the article and the slug answers 404', async () => {
    await page();
    const events = await purgesDuring(() =>
      withPublishGateBypass(app.strapi, () => app.strapi.documents(UIDS.article as any).unpublish({ documentId: g.article.documentId })),
    );
    expect(events[0]).toMatchObject({ action: 'unpublish', documentId: g.article.documentId });
    expect(events[0].keys).toEqual(expect.arrayContaining([`article:${g.article.documentId}`, `quote:${g.quote1.documentId}`]));
    const res = await page();
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a withdrawn article (per the workflow) answers 410 Gone with the notice, never cached', async () => {
    const workflow = app.strapi.plugin('editorial-workflow')?.service('workflow') as { getWithdrawal: (...args: unknown[]) => Promise<unknown> } | undefined;
    if (!workflow) return;
    const spy = jest.spyOn(workflow, 'getWithdrawal').mockResolvedValue({
      uid: UIDS.article,
      documentId: g.article.documentId,
      slug: g.slug,
      notice: 'Withdrawn: the source retracted.',
      withdrawnAt: '2024-03-05T00:00:00.000Z',
    });
    try {
      const res = await page();
      expect(res.status).toBe(410);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.error).toMatchObject({ status: 410, details: { notice: 'Withdrawn: the source retracted.', documentId: g.article.documentId } });
      expect(spy).toHaveBeenCalledWith(UIDS.article, g.slug);
    } finally {
      spy.mockRestore();
    }
  });
});

export {};
