import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { UID, REST_PATH, countRows, documents, fullAccessToken, given, pastPublishGate, underPublishGate, valid, type Data } from '../../helpers/builders';
import type { NewsroomUid } from '../../../src/domain/constants';

let app: TestApp;
let strapi: Core.Strapi;
let auth: string;

beforeAll(async () => {
  app = await startApp();
  strapi = app.strapi;
  auth = await fullAccessToken(strapi);
});
afterAll(async () => {
  await app?.stop();
});

type Fixtures = ReturnType<typeof given>;

/** Per type: a valid payload (building what it links to), a change, and the relations to read back. */
type Spec = {
  uid: NewsroomUid;
  payload: (g: Fixtures) => Promise<{ data: Data; links: Record<string, string> }>;
  change: Data;
};

const SPECS: Spec[] = [
  {
    uid: UID.organization,
    payload: async (g) => {
      const parent = await g.organization({ orgType: 'ministry' });
      return {
        data: valid.organization({ parentOrganization: parent.documentId, website: 'https://example.cn', wikidataId: 'Q123', alternateNames: ['Ex Corp'] }),
        links: { parentOrganization: parent.documentId },
      };
    },
    change: { description: 'Updated description', country: 'HK' },
  },
  {
    uid: UID.expert,
    payload: async (g) => {
      const affiliation = await g.organization({ orgType: 'university' });
      return {
        data: valid.expert({ affiliation: affiliation.documentId, wikidataId: 'Q42', sameAs: ['https://example.org/p/1'] }),
        links: { affiliation: affiliation.documentId },
      };
    },
    change: { jobTitle: 'Senior fellow', nationality: 'GB' },
  },
  {
    uid: UID.article,
    payload: async (g) => {
      const [person, agency] = [await g.expert(), await g.organization({ orgType: 'news_agency' })];
      return {
        data: valid.article({
          people: [person.documentId],
          sourceAgency: agency.documentId,
          credits: [{ name: 'A. Reporter', role: 'reporter' }],
          subjects: [{ name: 'Surveillance', rel: 'about' }],
        }),
        links: { sourceAgency: agency.documentId },
      };
    },
    change: { standfirst: 'A new standfirst', section: 'World' },
  },
  {
    uid: UID.quote,
    payload: async (g) => {
      const [story, speaker] = [await g.article(), await g.expert()];
      return { data: valid.quote(story.documentId, { speaker: speaker.documentId, position: 1 }), links: { article: story.documentId, speaker: speaker.documentId } };
    },
    change: { verificationStatus: 'verified', cue: 'said' },
  },
  {
    uid: UID.sanctionRecord,
    payload: async (g) => {
      const [company, authority] = [await g.organization(), await g.organization({ orgType: 'government_agency', country: 'US' })];
      return {
        data: valid.sanctionRecord(company.documentId, authority.documentId, { sourceUrl: 'https://example.gov/entity-list' }),
        links: { organization: company.documentId, authority: authority.documentId },
      };
    },
    change: { listingStatus: 'lifted', endDate: '2022-03-01', delistingReason: 'Removed on appeal' },
  },
];

const linkedIds = (doc: Record<string, unknown> | null, links: Record<string, string>) =>
  Object.fromEntries(Object.keys(links).map((name) => [name, (doc?.[name] as { documentId?: string } | null | undefined)?.documentId ?? null]));

describe('Given the booted app', () => {
  it('when the Public role lists articles, then it answers 200 with an empty page', async () => {
    const res = await app.http().get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, pageCount: 0, total: 0 } } });
  });
});

describe.each(SPECS)('Given a valid $uid', ({ uid, payload, change }) => {
  it('when it goes through create, findOne, update, publish, findMany and delete in the document service, then each step is stored', async () => {
    const docs = documents(strapi, uid);
    const { data, links } = await payload(given(strapi));
    const before = await countRows(strapi, uid);

    const created = await docs.create({ data, populate: Object.keys(links) });
    expect(created.documentId).toEqual(expect.any(String));
    expect(created.publishedAt).toBeNull();
    expect(linkedIds(created, links)).toEqual(links);
    expect(await countRows(strapi, uid)).toBe(before + 1);

    const found = await docs.findOne({ documentId: created.documentId, status: 'draft' });
    expect(found?.documentId).toBe(created.documentId);

    const updated = await docs.update({ documentId: created.documentId, data: change, populate: Object.keys(links) });
    expect(updated).toMatchObject(change);
    expect(linkedIds(updated, links)).toEqual(links);

    await pastPublishGate(strapi, () => docs.publish({ documentId: created.documentId }));
    const published = await docs.findOne({ documentId: created.documentId, status: 'published', populate: Object.keys(links) });
    expect(published).toMatchObject(change);
    expect(published?.publishedAt).toEqual(expect.any(String));
    expect(linkedIds(published, links)).toEqual(links);
    expect(await countRows(strapi, uid)).toBe(before + 2);

    const listed = await docs.findMany({ filters: { documentId: created.documentId } });
    expect(listed).toHaveLength(1);

    await pastPublishGate(strapi, () => docs.delete({ documentId: created.documentId }));
    expect(await docs.findOne({ documentId: created.documentId, status: 'draft' })).toBeNull();
    expect(await countRows(strapi, uid)).toBe(before);
  });

  it('when it goes through POST, GET, PUT, GET list and DELETE over REST with a full-access token, then each answers and is stored', async () => {
    const { data, links } = await payload(given(strapi));
    const path = REST_PATH[uid];
    // Types under the editorial workflow are written as drafts (publishing is the workflow's); the others publish by default.
    const gated = underPublishGate(strapi, uid);
    const write = gated ? '?status=draft' : '';
    const read = gated ? 'status=draft&' : '';
    const before = await countRows(strapi, uid);

    const created = await app.http().post(`${path}${write}`).set('Authorization', auth).send({ data });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    expect(documentId).toEqual(expect.any(String));
    if (gated) {
      expect(created.body.data.publishedAt).toBeNull();
      expect(await countRows(strapi, uid)).toBe(before + 1);
    } else {
      // Content API writes publish by default: a draft and a published row.
      expect(created.body.data.publishedAt).toEqual(expect.any(String));
      expect(await countRows(strapi, uid)).toBe(before + 2);
    }

    const populate = Object.keys(links).map((name, i) => `populate[${i}]=${name}`).join('&');
    const fetched = await app.http().get(`${path}/${documentId}?${read}${populate}`).set('Authorization', auth);
    expect(fetched.status).toBe(200);
    expect(linkedIds(fetched.body.data, links)).toEqual(links);

    const updated = await app.http().put(`${path}/${documentId}${write}`).set('Authorization', auth).send({ data: change });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject(change);

    const refetched = await app.http().get(`${path}/${documentId}?${read}${populate}`).set('Authorization', auth);
    expect(refetched.body.data).toMatchObject(change);
    expect(linkedIds(refetched.body.data, links)).toEqual(links);

    const listed = await app.http().get(`${path}?${read}filters[documentId][$eq]=${documentId}`).set('Authorization', auth);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((doc: { documentId: string }) => doc.documentId)).toEqual([documentId]);

    const deleted = await app.http().delete(`${path}/${documentId}`).set('Authorization', auth);
    expect(deleted.status).toBe(204);
    expect((await app.http().get(`${path}/${documentId}?${read}`).set('Authorization', auth)).status).toBe(404);
    expect(await countRows(strapi, uid)).toBe(before);
  });

  it('when an unknown document is updated over REST, then it answers 404 and writes nothing', async () => {
    const before = await countRows(strapi, uid);
    const res = await app.http().put(`${REST_PATH[uid]}/doesnotexist000000000000?status=draft`).set('Authorization', auth).send({ data: change });
    expect(res.status).toBe(404);
    expect(await countRows(strapi, uid)).toBe(before);
  });
});
