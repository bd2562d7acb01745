import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { UID, type NewsroomUid } from '../../src/domain/constants';

/**
 * Given/When/Then helpers for integration tests. Fixtures are created through
 * `strapi.documents(uid)`, so they meet the same document middlewares (domain
 * validation) as every other writer. Every `valid.*` payload passes the domain
 * rules on its own; relations are documentIds.
 */

export { UID };
export type Data = Record<string, unknown>;
export type Doc = { id: number; documentId: string; publishedAt?: string | null } & Record<string, unknown>;
export type Status = 'draft' | 'published';

let counter = 0;
/** A string unique within the test run, for slugs, names and headlines. */
export const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** Minimal valid write payloads (no Strapi needed). Relations the rules require are parameters. */
export const valid = {
  organization: (over: Data = {}): Data => ({ name: unique('Org'), orgType: 'company', country: 'CN', ...over }),
  expert: (over: Data = {}): Data => ({ name: unique('Expert'), expertType: 'analyst', nationality: 'US', ...over }),
  article: (over: Data = {}): Data => {
    const headline = unique('Headline');
    return { headline, slug: headline.toLowerCase(), body: paragraph('Body text.'), language: 'en', ...over };
  },
  quote: (article: string, over: Data = {}): Data => ({ text: unique('Quoted words'), article, speakerDescription: 'a spokesperson', ...over }),
  sanctionRecord: (organization: string, authority: string, over: Data = {}): Data => ({
    organization,
    authority,
    authorityCountry: 'US',
    measureType: 'export_control',
    listingStatus: 'active',
    startDate: '2019-05',
    ...over,
  }),
};

type Params = Record<string, unknown>;

/** The document service of a newsroom type, typed loosely (the app ships no generated types). */
export type Documents = {
  create(params: Params): Promise<Doc>;
  update(params: Params): Promise<Doc | null>;
  findOne(params: Params): Promise<Doc | null>;
  findFirst(params: Params): Promise<Doc | null>;
  findMany(params?: Params): Promise<Doc[]>;
  count(params?: Params): Promise<number>;
  publish(params: Params): Promise<unknown>;
  delete(params: Params): Promise<unknown>;
  clone(params: Params): Promise<{ documentId: string }>;
};
export const documents = (strapi: Core.Strapi, uid: NewsroomUid): Documents => strapi.documents(uid as any) as unknown as Documents;

/** The query engine of a newsroom type (below every document middleware). */
export const rows = (strapi: Core.Strapi, uid: NewsroomUid) => strapi.db.query(uid as any);

type GateBypass = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * Run `fn` (a publish, unpublish or delete) past the editorial workflow's publish
 * gate when that plugin is loaded; directly otherwise. Same assumption as
 * tests/helpers/publish.ts: the plugin's `workflow` service offers `withGateBypass(fn)`.
 */
export const pastPublishGate = <T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<T> => {
  let bypass: GateBypass | undefined;
  try {
    const service = strapi.plugin('editorial-workflow')?.service('workflow') as { withGateBypass?: GateBypass } | undefined;
    bypass = typeof service?.withGateBypass === 'function' ? service.withGateBypass.bind(service) : undefined;
  } catch {
    bypass = undefined;
  }
  return bypass ? bypass(fn) : fn();
};

/**
 * Whether Content API writes of `uid` that publish (POST/PUT without `?status=draft`)
 * meet the editorial workflow's publish gate: the plugin is loaded and
 * config/plugins.ts puts the type under the workflow.
 */
export const underPublishGate = (strapi: Core.Strapi, uid: NewsroomUid): boolean => {
  if (!strapi.plugin('editorial-workflow')) return false;
  const types = strapi.config.get('plugin::editorial-workflow.contentTypes', {}) as Record<string, unknown>;
  return Boolean(types[uid]);
};

/** Fixture builders bound to one Strapi instance. Published fixtures go past the publish gate. */
export const given = (strapi: Core.Strapi) => {
  const create = (uid: NewsroomUid, data: Data, status: Status = 'published'): Promise<Doc> =>
    pastPublishGate(strapi, () => documents(strapi, uid).create({ data, status }));

  const organization = (over: Data = {}, status?: Status) => create(UID.organization, valid.organization(over), status);
  const expert = (over: Data = {}, status?: Status) => create(UID.expert, valid.expert(over), status);
  const article = (over: Data = {}, status?: Status) => create(UID.article, valid.article(over), status);

  const quote = async (over: Data & { article?: string } = {}, status?: Status) => {
    const articleId = over.article ?? (await article({}, status)).documentId;
    return create(UID.quote, valid.quote(articleId, over), status);
  };

  const sanctionRecord = async (over: Data & { organization?: string; authority?: string } = {}, status?: Status) => {
    const organizationId = over.organization ?? (await organization({}, status)).documentId;
    const authorityId = over.authority ?? (await organization({ orgType: 'government_agency', country: 'US' }, status)).documentId;
    return create(UID.sanctionRecord, valid.sanctionRecord(organizationId, authorityId, over), status);
  };

  /**
   * A published article page: a speaker with an affiliation, two quotes stored
   * out of order (positions 2 then 1), a mentioned organization with a sanction
   * record, and a sanctioning authority.
   */
  const articleGraph = async (over: Data = {}) => {
    const affiliation = await organization({ orgType: 'think_tank' });
    const speaker = await expert({ affiliation: affiliation.documentId, jobTitle: 'Analyst' });
    const company = await organization({ orgType: 'company' });
    const authority = await organization({ orgType: 'government_agency', country: 'US' });
    const sanction = await sanctionRecord({ organization: company.documentId, authority: authority.documentId });
    const story = await article({
      people: [speaker.documentId],
      organizations: [company.documentId],
      sanctionRecords: [sanction.documentId],
      ...over,
    });
    const second = await quote({ article: story.documentId, speaker: speaker.documentId, position: 2, text: 'Second quote.' });
    const first = await quote({ article: story.documentId, speakerOrganization: company.documentId, position: 1, text: 'First quote.' });
    return { article: story, speaker, affiliation, company, authority, sanction, quotes: { first, second } };
  };

  return { create, organization, expert, article, quote, sanctionRecord, articleGraph };
};

/** Every row of a type (drafts and published versions): "nothing written" means this does not move. */
export const countRows = (strapi: Core.Strapi, uid: NewsroomUid): Promise<number> => rows(strapi, uid).count();

/** The stored draft of a document, with the given relations populated. */
export const storedDraft = (strapi: Core.Strapi, uid: NewsroomUid, documentId: string, populate: string[] = []): Promise<Doc | null> =>
  documents(strapi, uid).findOne({ documentId, status: 'draft', populate });

/** A full-access API token (for REST writes); returns the `Authorization` header value. */
export const fullAccessToken = async (strapi: Core.Strapi): Promise<string> => {
  const token = await strapi.service('admin::api-token').create({ name: unique('tests'), type: 'full-access', lifespan: null, permissions: [] });
  return `Bearer ${(token as { accessKey: string }).accessKey}`;
};

/** REST path segment per content type. */
export const REST_PATH: Record<NewsroomUid, string> = {
  [UID.article]: '/api/articles',
  [UID.quote]: '/api/quotes',
  [UID.expert]: '/api/experts',
  [UID.organization]: '/api/organizations',
  [UID.sanctionRecord]: '/api/sanction-records',
};

type ValidationDetails = { errors?: { path: string[]; message: string }[] };

/** The dotted paths of a Strapi ValidationError's details, from a REST body's `error` or a thrown error. */
const errorPaths = (details: ValidationDetails | undefined): string[] => (details?.errors ?? []).map((error) => error.path.join('.'));

/** Then: a REST response is Strapi's 400 ValidationError naming `field`. */
export const expectRestValidationError = (res: Response, field: string): void => {
  expect(res.status).toBe(400);
  expect(res.body?.error?.name).toBe('ValidationError');
  expect(errorPaths(res.body.error.details)).toContain(field);
};

/** Then: a document-service call was refused with a ValidationError naming `field`. */
export const expectThrownValidationError = async (write: Promise<unknown>, field: string): Promise<void> => {
  const error = await write.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('ValidationError');
  expect(errorPaths((error as { details?: ValidationDetails }).details)).toContain(field);
};
