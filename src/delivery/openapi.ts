/**
 * The OpenAPI 3.1 description of the public delivery routes, served at
 * GET /api/openapi.json and checked in tests against real responses
 * (tests/integration/delivery/openapi.test.ts). Schemas are JSON Schema
 * 2020-12 (OpenAPI 3.1), nullable fields as `type: [T, "null"]`.
 */
const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const ndate = { type: ['string', 'null'], format: 'date-time' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (name: string) => ({ oneOf: [ref(name), { type: 'null' }] });
const arrayOf = (schema: object) => ({ type: 'array', items: schema });

const Organization = {
  type: 'object',
  required: ['documentId', 'name'],
  properties: {
    documentId: str,
    name: str,
    slug: nstr,
    orgType: nstr,
    country: nstr,
    wikidataId: nstr,
    website: nstr,
  },
};

const Person = {
  type: 'object',
  required: ['documentId', 'name'],
  properties: {
    documentId: str,
    name: str,
    slug: nstr,
    jobTitle: nstr,
    expertType: nstr,
    nationality: nstr,
    wikidataId: nstr,
    sameAs: { type: ['array', 'null'], items: str },
    affiliation: nullable('Organization'),
  },
};

const Quote = {
  type: 'object',
  required: ['documentId', 'text'],
  properties: {
    documentId: str,
    text: str,
    quoteType: nstr,
    speakerDescription: nstr,
    speakerTitleAtTime: nstr,
    cue: nstr,
    position: { type: ['integer', 'null'] },
    context: nstr,
    verificationStatus: nstr,
    speaker: nullable('Person'),
    speakerOrganization: nullable('Organization'),
  },
};

const SanctionRecord = {
  type: 'object',
  required: ['documentId'],
  properties: {
    documentId: str,
    authorityCountry: nstr,
    program: nstr,
    measureType: nstr,
    listingStatus: nstr,
    startDate: nstr,
    endDate: nstr,
    listingDate: nstr,
    reason: nstr,
    delistingReason: nstr,
    sourceUrl: nstr,
    verificationStatus: nstr,
    organization: nullable('Organization'),
    authority: nullable('Organization'),
  },
};

const Media = {
  type: 'object',
  properties: {
    url: str,
    alternativeText: nstr,
    width: { type: ['integer', 'null'] },
    height: { type: ['integer', 'null'] },
    mime: nstr,
    formats: { type: ['object', 'null'] },
  },
};

const Article = {
  type: 'object',
  required: ['documentId', 'headline', 'slug', 'body'],
  properties: {
    documentId: str,
    headline: str,
    slug: str,
    uri: nstr,
    standfirst: nstr,
    body: arrayOf({ type: 'object', required: ['type'], properties: { type: str } }),
    section: nstr,
    dateline: nstr,
    byline: nstr,
    language: nstr,
    translationMethod: nstr,
    originalLanguage: nstr,
    datePublished: { ...ndate, description: 'Set by the first publication; never moved.' },
    dateModified: { ...ndate, description: 'Set by each correction or update; never before datePublished.' },
    publishedAtText: nstr,
    embargoedUntil: ndate,
    publishedAt: { ...ndate, description: 'Time of the last publication (moves with corrections): not the publication date.' },
    updatedAt: ndate,
    createdAt: ndate,
    credits: arrayOf({ type: 'object', required: ['name'], properties: { name: str, role: nstr, organization: nullable('Organization') } }),
    leadImage: {
      oneOf: [{ type: 'null' }, { type: 'object', properties: { caption: nstr, credit: nstr, image: { oneOf: [ref('Media'), { type: 'null' }] } } }],
    },
    corrections: arrayOf({ type: 'object', required: ['date', 'text'], properties: { date: str, text: str } }),
    subjects: arrayOf({ type: 'object', required: ['name'], properties: { name: str, uri: nstr, rel: nstr } }),
    sourceAgency: nullable('Organization'),
    quotes: arrayOf(ref('Quote')),
    people: arrayOf(ref('Person')),
    organizations: arrayOf(ref('Organization')),
    sanctionRecords: arrayOf(ref('SanctionRecord')),
  },
};

const Error = {
  type: 'object',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: { status: { type: 'integer' }, name: str, message: str, details: { type: 'object' } },
    },
  },
};

const Ninjs = {
  type: 'object',
  required: ['uri'],
  description: 'IPTC ninjs 3.1 (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json); pubStatus usable | withheld | canceled.',
  properties: { uri: str, pubStatus: { enum: ['usable', 'withheld', 'canceled'] }, version: str, versionCreated: str, contentCreated: str },
};

const ChangeFeed = {
  type: 'object',
  required: ['items', 'next', 'hasMore'],
  properties: { items: arrayOf(ref('Ninjs')), next: { type: 'string', pattern: '^\\d+$' }, hasMore: { type: 'boolean' } },
};

const JsonFeed = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: str,
    home_page_url: str,
    feed_url: str,
    items: arrayOf({
      type: 'object',
      required: ['id'],
      properties: { id: str, url: str, title: str, summary: str, content_text: str, image: str, date_published: str, date_modified: str, tags: arrayOf(str) },
    }),
  },
};

const Pagination = {
  type: 'object',
  required: ['page', 'pageSize', 'pageCount', 'total'],
  properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
};

const ArticlePageResponse = { type: 'object', required: ['data'], properties: { data: ref('Article'), meta: { type: 'object' } } };
const ArticleListResponse = {
  type: 'object',
  required: ['data', 'meta'],
  properties: {
    data: arrayOf({ type: 'object', required: ['documentId'], properties: { documentId: str } }),
    meta: { type: 'object', properties: { pagination: ref('Pagination') } },
  },
};
const SanctionPageResponse = {
  type: 'object',
  required: ['data', 'meta'],
  properties: { data: arrayOf(ref('SanctionRecord')), meta: { type: 'object', properties: { pagination: ref('Pagination') } } },
};

const cacheHeaders = {
  ETag: { description: 'Strong validator (one per content-coding); send it as If-None-Match for a 304.', schema: str },
  'Cache-Control': { schema: str },
  'Cache-Tag': { description: 'Comma-separated purge keys (article:<documentId>, list:article, …).', schema: str },
  'Surrogate-Key': { description: 'The same keys, space-separated.', schema: str },
  Vary: { schema: str },
};
const ok = (description: string, content: Record<string, object>) => ({ description, headers: cacheHeaders, content });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const xml = { schema: { type: 'string' } };
const section = { name: 'section', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Only this section (case-insensitive).' };

export const openApiDocument = (serverUrl: string) => ({
  openapi: '3.1.0',
  info: {
    title: 'Newsroom delivery API',
    version: '1.0.0',
    description: 'Published news content for frontends and partners: article pages, lists, feeds, sitemaps, preview. See docs/frontends.md.',
  },
  servers: [{ url: serverUrl || '/' }],
  paths: {
    '/api/articles/slug/{slug}': {
      get: {
        operationId: 'articleBySlug',
        summary: 'The whole article page in one request',
        parameters: [
          { name: 'slug', in: 'path', required: true, schema: str },
          { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'jsonld', 'ninjs', 'ftm'] } },
        ],
        responses: {
          '200': ok('The published page', {
            'application/json': { schema: ref('ArticlePageResponse') },
            'application/ld+json': { schema: { type: 'object', required: ['@context', '@type'] } },
            'application/ninjs+json': { schema: ref('Ninjs') },
            'application/x-ndjson': { schema: str },
          }),
          '304': { description: 'Not modified' },
          '400': errorResponse('Unknown format'),
          '404': errorResponse('No published article with this slug (or still embargoed)'),
          '406': errorResponse('Not acceptable'),
          '410': { description: 'Withdrawn: GoneError with the notice (JSON) or a canceled ninjs item', content: { 'application/json': { schema: ref('Error') }, 'application/ninjs+json': { schema: ref('Ninjs') } } },
        },
      },
    },
    '/api/articles': {
      get: {
        operationId: 'articles',
        summary: "Strapi's article list, newest first by datePublished",
        responses: { '200': ok('A page of articles', { 'application/json': { schema: ref('ArticleListResponse') } }), '304': { description: 'Not modified' }, '400': errorResponse('Bad query (e.g. ?format=)') },
      },
    },
    '/api/fronts/articles': {
      get: {
        operationId: 'frontArticles',
        summary: 'The list a front shows: newest first by datePublished, from the stored page summaries',
        parameters: [
          { name: 'section', in: 'query', required: false, schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'Only this section (exact).' },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
        ],
        responses: {
          '200': ok('Article summaries', {
            'application/json': {
              schema: {
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: arrayOf({ type: 'object', required: ['documentId', 'headline', 'slug'], properties: { documentId: str, headline: str, slug: str } }),
                  meta: { type: 'object' },
                },
              },
            },
          }),
          '304': { description: 'Not modified' },
          '400': errorResponse('Bad section or limit'),
        },
      },
    },
    '/api/feeds/articles.rss': { get: { operationId: 'feedRss', parameters: [section], responses: { '200': ok('RSS 2.0', { 'application/rss+xml': xml }), '400': errorResponse('Bad section') } } },
    '/api/feeds/articles.atom': { get: { operationId: 'feedAtom', parameters: [section], responses: { '200': ok('Atom 1.0', { 'application/atom+xml': xml }), '400': errorResponse('Bad section') } } },
    '/api/feeds/articles.json': { get: { operationId: 'feedJson', parameters: [section], responses: { '200': ok('JSON Feed 1.1', { 'application/feed+json': { schema: ref('JsonFeed') } }), '400': errorResponse('Bad section') } } },
    '/api/feeds/articles.ninjs': {
      get: {
        operationId: 'feedNinjsChanges',
        summary: 'ninjs 3.1 change feed: publications, corrections, updates (usable) and withdrawals (canceled) since a cursor',
        parameters: [
          { name: 'since', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d+$' }, description: 'The `next` of the previous page.' },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
        ],
        responses: { '200': ok('Changes', { 'application/json': { schema: ref('ChangeFeed') } }), '400': errorResponse('Bad cursor or limit') },
      },
    },
    '/api/sitemap.xml': { get: { operationId: 'sitemap', responses: { '200': ok('sitemaps.org sitemap', { 'application/xml': xml }) } } },
    '/api/news-sitemap.xml': { get: { operationId: 'newsSitemap', responses: { '200': ok('Google News sitemap (last 48 hours)', { 'application/xml': xml }) } } },
    '/api/preview/articles/{documentId}': {
      get: {
        operationId: 'articlePreview',
        summary: 'The draft, with a signed preview token',
        parameters: [
          { name: 'documentId', in: 'path', required: true, schema: str },
          { name: 'token', in: 'query', required: false, schema: str },
          { name: 'format', in: 'query', required: false, schema: { enum: ['html', 'json'] } },
        ],
        responses: {
          '200': { description: 'The draft page', content: { 'text/html': { schema: str }, 'application/json': { schema: ref('ArticlePageResponse') } } },
          '401': errorResponse('Forged, malformed or expired token'),
          '404': errorResponse('No token, or no such article'),
        },
      },
    },
    '/api/organizations/{documentId}/sanctions': {
      get: {
        operationId: 'organizationSanctions',
        parameters: [
          { name: 'documentId', in: 'path', required: true, schema: str },
          { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
        ],
        responses: { '200': ok('Sanction records', { 'application/json': { schema: ref('SanctionPageResponse') }, 'application/x-ndjson': { schema: str } }), '400': errorResponse('Bad page') },
      },
    },
    '/api/sanction-records/export': { get: { operationId: 'sanctionExport', responses: { '200': ok('FollowTheMoney JSON lines', { 'application/x-ndjson': { schema: str } }) } } },
    '/api/editorial-workflow/documents/{uid}/{documentId}': {
      get: {
        operationId: 'workflowStatus',
        summary: 'Workflow state of a document (API tokens only)',
        security: [{ bearer: [] }],
        parameters: [
          { name: 'uid', in: 'path', required: true, schema: str },
          { name: 'documentId', in: 'path', required: true, schema: str },
        ],
        responses: { '200': { description: 'State', content: { 'application/json': { schema: { type: 'object', required: ['data'] } } } }, '403': errorResponse('Forbidden'), '404': errorResponse('Unknown document') },
      },
    },
    '/api/editorial-workflow/documents/{uid}/{documentId}/transitions': {
      post: {
        operationId: 'workflowTransition',
        security: [{ bearer: [] }],
        parameters: [
          { name: 'uid', in: 'path', required: true, schema: str },
          { name: 'documentId', in: 'path', required: true, schema: str },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['action'], properties: { action: str, comment: str, expectedVersion: { type: 'integer' } } } } },
        },
        responses: { '200': { description: 'New state', content: { 'application/json': { schema: { type: 'object', required: ['data'] } } } }, '400': errorResponse('Bad input'), '403': errorResponse('Role'), '409': errorResponse('State, hold, embargo or version conflict') },
      },
    },
    '/api/openapi.json': { get: { operationId: 'openapi', responses: { '200': { description: 'This document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Strapi API token' } },
    schemas: {
      Organization,
      Person,
      Quote,
      SanctionRecord,
      Media,
      Article,
      ArticlePageResponse,
      ArticleListResponse,
      SanctionPageResponse,
      Pagination,
      Ninjs,
      ChangeFeed,
      JsonFeed,
      Error,
    },
  },
});
