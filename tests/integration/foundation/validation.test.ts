import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import {
  UID,
  REST_PATH,
  countRows,
  documents,
  expectRestValidationError,
  expectThrownValidationError,
  fullAccessToken,
  given,
  pastPublishGate,
  rows,
  storedDraft,
  valid,
  type Data,
  type Doc,
} from '../../helpers/builders';
import type { NewsroomUid } from '../../../src/domain/constants';

let app: TestApp;
let strapi: Core.Strapi;
let auth: string;
/** Shared, valid, published fixtures the payloads link to. */
let fx: { company: Doc; companyDraftRowId: number; authority: Doc; article: Doc; expert: Doc };

beforeAll(async () => {
  app = await startApp();
  strapi = app.strapi;
  auth = await fullAccessToken(strapi);
  const g = given(strapi);
  const company = await g.organization();
  const companyDraft = await rows(strapi, UID.organization).findOne({ where: { documentId: company.documentId, publishedAt: null } });
  fx = {
    company,
    companyDraftRowId: companyDraft.id,
    authority: await g.organization({ orgType: 'government_agency', country: 'US' }),
    article: await g.article(),
    expert: await g.expert(),
  };
});
afterAll(async () => {
  await app?.stop();
});

const docs = (uid: NewsroomUid) => documents(strapi, uid);
const sanction = (over: Data = {}) => valid.sanctionRecord(fx.company.documentId, fx.authority.documentId, over);
const quote = (over: Data = {}) => valid.quote(fx.article.documentId, over);

type CreateCase = { rule: string; uid: NewsroomUid; field: string; data: () => Data };

const CREATE_CASES: CreateCase[] = [
  { rule: 'SanctionRecord endDate before startDate', uid: UID.sanctionRecord, field: 'endDate', data: () => sanction({ startDate: '2021-06-10', endDate: '2021-05', listingStatus: 'lifted' }) },
  { rule: 'SanctionRecord impossible calendar date 2021-02-30', uid: UID.sanctionRecord, field: 'startDate', data: () => sanction({ startDate: '2021-02-30' }) },
  { rule: 'SanctionRecord impossible month 2023-13', uid: UID.sanctionRecord, field: 'listingDate', data: () => sanction({ listingDate: '2023-13' }) },
  { rule: 'SanctionRecord date not in partial ISO format', uid: UID.sanctionRecord, field: 'startDate', data: () => sanction({ startDate: '10/05/2021' }) },
  { rule: 'SanctionRecord active with a past endDate', uid: UID.sanctionRecord, field: 'endDate', data: () => sanction({ listingStatus: 'active', endDate: '2020-01-01' }) },
  {
    rule: 'SanctionRecord active by default (listingStatus omitted) with a past endDate',
    uid: UID.sanctionRecord,
    field: 'endDate',
    data: () => {
      const { listingStatus: _omitted, ...rest } = sanction({ endDate: '2020' });
      return rest;
    },
  },
  { rule: 'SanctionRecord organization === authority', uid: UID.sanctionRecord, field: 'authority', data: () => sanction({ authority: fx.company.documentId }) },
  {
    rule: 'SanctionRecord organization === authority (connect shape)',
    uid: UID.sanctionRecord,
    field: 'authority',
    data: () => sanction({ organization: { connect: [{ documentId: fx.company.documentId }] }, authority: { connect: [{ documentId: fx.company.documentId }] } }),
  },
  {
    rule: 'SanctionRecord organization === authority (numeric ids, draft and published rows of one document)',
    uid: UID.sanctionRecord,
    field: 'authority',
    data: () => sanction({ organization: { connect: [{ id: fx.company.id }] }, authority: { connect: [{ id: fx.companyDraftRowId }] } }),
  },
  { rule: 'SanctionRecord missing organization', uid: UID.sanctionRecord, field: 'organization', data: () => sanction({ organization: undefined }) },
  { rule: 'SanctionRecord missing authority', uid: UID.sanctionRecord, field: 'authority', data: () => sanction({ authority: null }) },
  { rule: 'SanctionRecord bad authorityCountry', uid: UID.sanctionRecord, field: 'authorityCountry', data: () => sanction({ authorityCountry: 'EU' }) },
  { rule: 'SanctionRecord non-http sourceUrl', uid: UID.sanctionRecord, field: 'sourceUrl', data: () => sanction({ sourceUrl: 'javascript:alert(1)' }) },
  { rule: 'Quote without speaker, speakerOrganization or speakerDescription', uid: UID.quote, field: 'speaker', data: () => quote({ speakerDescription: undefined }) },
  { rule: 'Quote with only a blank speakerDescription', uid: UID.quote, field: 'speaker', data: () => quote({ speakerDescription: '  ' }) },
  { rule: 'Quote without article', uid: UID.quote, field: 'article', data: () => ({ ...quote(), article: undefined }) },
  { rule: 'Expert bad nationality', uid: UID.expert, field: 'nationality', data: () => valid.expert({ nationality: 'us' }) },
  { rule: 'Expert bad wikidataId', uid: UID.expert, field: 'wikidataId', data: () => valid.expert({ wikidataId: 'wd:Q42' }) },
  { rule: 'Expert non-http URL in sameAs', uid: UID.expert, field: 'sameAs', data: () => valid.expert({ sameAs: ['https://ok.example', 'file:///etc/passwd'] }) },
  { rule: 'Organization bad country', uid: UID.organization, field: 'country', data: () => valid.organization({ country: 'cn' }) },
  { rule: 'Organization bad wikidataId', uid: UID.organization, field: 'wikidataId', data: () => valid.organization({ wikidataId: 'Q0' }) },
  { rule: 'Organization non-http website', uid: UID.organization, field: 'website', data: () => valid.organization({ website: 'ftp://example.cn' }) },
  { rule: 'Organization alternateNames not a list of strings', uid: UID.organization, field: 'alternateNames', data: () => valid.organization({ alternateNames: ['A', 1] }) },
  { rule: 'Article bad language tag', uid: UID.article, field: 'language', data: () => valid.article({ language: 'english' }) },
];

/**
 * REST writes go in as drafts (`?status=draft`) so that the domain rules, not
 * the editorial workflow's publish gate, are what answers.
 */
describe.each(CREATE_CASES)('Given a new $uid breaking "$rule"', ({ uid, field, data }) => {
  it(`when POSTed over REST, then 400 ValidationError names the field and nothing is written`, async () => {
    const before = await countRows(strapi, uid);
    const res = await app.http().post(`${REST_PATH[uid]}?status=draft`).set('Authorization', auth).send({ data: data() });
    expectRestValidationError(res, field);
    expect(await countRows(strapi, uid)).toBe(before);
  });

  it('when created through the document service, then it throws a ValidationError naming the field and nothing is written', async () => {
    const before = await countRows(strapi, uid);
    await expectThrownValidationError(docs(uid).create({ data: data() }), field);
    await expectThrownValidationError(pastPublishGate(strapi, () => docs(uid).create({ data: data(), status: 'published' })), field);
    expect(await countRows(strapi, uid)).toBe(before);
  });
});

type UpdateCase = {
  rule: string;
  uid: NewsroomUid;
  field: string;
  /** The valid record to start from. */
  start: () => Promise<Doc>;
  change: (doc: Doc) => Data;
  /** What must still be stored afterwards (relations as documentIds). */
  read: (doc: Doc) => Promise<unknown>;
};

const relationId = (uid: NewsroomUid, name: string) => async (doc: Doc) =>
  ((await storedDraft(strapi, uid, doc.documentId, [name]))?.[name] as { documentId?: string } | null)?.documentId ?? null;
const fieldOf = (uid: NewsroomUid, name: string) => async (doc: Doc) => (await storedDraft(strapi, uid, doc.documentId))?.[name];

const UPDATE_CASES: UpdateCase[] = [
  {
    rule: 'set authority = organization',
    uid: UID.sanctionRecord,
    field: 'authority',
    start: () => given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId }),
    change: () => ({ authority: fx.company.documentId }),
    read: relationId(UID.sanctionRecord, 'authority'),
  },
  {
    rule: 'set organization = authority (connect shape)',
    uid: UID.sanctionRecord,
    field: 'authority',
    start: () => given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId }),
    change: () => ({ organization: { connect: [{ documentId: fx.authority.documentId }] } }),
    read: relationId(UID.sanctionRecord, 'organization'),
  },
  {
    rule: 'disconnect the organization',
    uid: UID.sanctionRecord,
    field: 'organization',
    start: () => given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId }),
    change: () => ({ organization: { disconnect: [{ documentId: fx.company.documentId }] } }),
    read: relationId(UID.sanctionRecord, 'organization'),
  },
  {
    rule: 'endDate alone before the stored startDate',
    uid: UID.sanctionRecord,
    field: 'endDate',
    start: () => given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId, startDate: '2022-03', listingStatus: 'lifted' }),
    change: () => ({ endDate: '2022-02-28' }),
    read: fieldOf(UID.sanctionRecord, 'endDate'),
  },
  {
    rule: 'listingStatus back to active while the stored endDate is past',
    uid: UID.sanctionRecord,
    field: 'endDate',
    start: () => given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId, listingStatus: 'lifted', endDate: '2021' }),
    change: () => ({ listingStatus: 'active' }),
    read: fieldOf(UID.sanctionRecord, 'listingStatus'),
  },
  {
    rule: 'clear the only speaker description',
    uid: UID.quote,
    field: 'speaker',
    start: () => given(strapi).quote({ article: fx.article.documentId }),
    change: () => ({ speakerDescription: null }),
    read: fieldOf(UID.quote, 'speakerDescription'),
  },
  {
    rule: 'remove the article',
    uid: UID.quote,
    field: 'article',
    start: () => given(strapi).quote({ article: fx.article.documentId }),
    change: () => ({ article: null }),
    read: relationId(UID.quote, 'article'),
  },
  {
    rule: 'bad nationality',
    uid: UID.expert,
    field: 'nationality',
    start: () => given(strapi).expert(),
    change: () => ({ nationality: 'XX' }),
    read: fieldOf(UID.expert, 'nationality'),
  },
  {
    rule: 'non-http website',
    uid: UID.organization,
    field: 'website',
    start: () => given(strapi).organization({ website: 'https://example.com' }),
    change: () => ({ website: 'example.com' }),
    read: fieldOf(UID.organization, 'website'),
  },
];

describe.each(UPDATE_CASES)('Given a valid $uid and an update that would "$rule"', ({ uid, field, start, change, read }) => {
  it('when PUT over REST, then 400 ValidationError names the field and the stored value is unchanged', async () => {
    const doc = await start();
    const stored = await read(doc);
    const before = await countRows(strapi, uid);
    const res = await app.http().put(`${REST_PATH[uid]}/${doc.documentId}?status=draft`).set('Authorization', auth).send({ data: change(doc) });
    expectRestValidationError(res, field);
    expect(await read(doc)).toEqual(stored);
    expect(await countRows(strapi, uid)).toBe(before);
  });

  it('when updated through the document service, then it throws a ValidationError and the stored value is unchanged', async () => {
    const doc = await start();
    const stored = await read(doc);
    await expectThrownValidationError(docs(uid).update({ documentId: doc.documentId, data: change(doc) }), field);
    expect(await read(doc)).toEqual(stored);
  });
});

describe('Given a valid sanction record', () => {
  it('when an update changes only an unrelated field, then the stored relations satisfy the rules and it is accepted', async () => {
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId });
    const res = await app.http().put(`${REST_PATH[UID.sanctionRecord]}/${doc.documentId}?status=draft`).set('Authorization', auth).send({ data: { program: 'Entity List' } });
    expect(res.status).toBe(200);
    expect(res.body.data.program).toBe('Entity List');
  });

  it('when an update disconnects an organization that is not the stored one, then nothing is cleared and it is accepted', async () => {
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId });
    const updated = await docs(UID.sanctionRecord).update({
      documentId: doc.documentId,
      data: { organization: { disconnect: [{ documentId: fx.authority.documentId }] }, program: 'Still valid' },
    });
    expect(updated?.program).toBe('Still valid');
    expect(await relationId(UID.sanctionRecord, 'organization')(doc)).toBe(fx.company.documentId);
  });

  it('when it is cloned with authority = organization, then the clone is refused and nothing is written', async () => {
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId });
    const before = await countRows(strapi, UID.sanctionRecord);
    await expectThrownValidationError(docs(UID.sanctionRecord).clone({ documentId: doc.documentId, data: { authority: fx.company.documentId } }), 'authority');
    expect(await countRows(strapi, UID.sanctionRecord)).toBe(before);
  });

  it('when it is cloned with valid changes, then the clone is written', async () => {
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId });
    const before = await countRows(strapi, UID.sanctionRecord);
    const cloned = await docs(UID.sanctionRecord).clone({ documentId: doc.documentId, data: { program: 'Cloned' } });
    expect(cloned.documentId).toEqual(expect.any(String));
    expect(await countRows(strapi, UID.sanctionRecord)).toBe(before + 1);
  });
});

describe('Given an end user (users-permissions JWT) allowed to update sanction records', () => {
  let jwt: string;
  beforeAll(async () => {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    // update, plus read access to the organizations it links (Strapi refuses relation input the user cannot read).
    for (const action of [`${UID.sanctionRecord}.update`, `${UID.organization}.find`, `${UID.organization}.findOne`]) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: { username: 'desk', email: 'desk@newsroom.test', provider: 'local', confirmed: true, blocked: false, role: role.id },
    });
    jwt = `Bearer ${await strapi.plugin('users-permissions').service('jwt').issue({ id: user.id })}`;
  });

  it('when a draft-only record is updated to authority = organization, then 400 and nothing is written', async () => {
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId }, 'draft');
    const before = await countRows(strapi, UID.sanctionRecord);
    const res = await app.http().put(`${REST_PATH[UID.sanctionRecord]}/${doc.documentId}?status=draft`).set('Authorization', jwt).send({ data: { authority: fx.company.documentId } });
    expectRestValidationError(res, 'authority');
    expect(await relationId(UID.sanctionRecord, 'authority')(doc)).toBe(fx.authority.documentId);
    expect(await countRows(strapi, UID.sanctionRecord)).toBe(before);
  });

  it('when the draft differs from the published version, then the rules see the draft', async () => {
    // Published: lifted, ended 2021. Draft (unpublished change): active, no end date.
    const doc = await given(strapi).sanctionRecord({ organization: fx.company.documentId, authority: fx.authority.documentId, listingStatus: 'lifted', endDate: '2021' });
    await docs(UID.sanctionRecord).update({ documentId: doc.documentId, data: { listingStatus: 'active', endDate: null } });
    const res = await app.http().put(`${REST_PATH[UID.sanctionRecord]}/${doc.documentId}?status=draft`).set('Authorization', jwt).send({ data: { endDate: '2020' } });
    expectRestValidationError(res, 'endDate');
    expect(await fieldOf(UID.sanctionRecord, 'endDate')(doc)).toBeNull();
  });
});
