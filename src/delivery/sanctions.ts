import type { Core } from '@strapi/strapi';
import { SANCTION_RECORD_FIELDS } from '../domain/article-preset';
import { UID } from '../domain/constants';
import { collectDocumentKeys, documentKey, listKey } from './cache-tags';
import { sanctionsToFtm, toNdjson } from './ftm';
import type { Rendered } from './http';
import type { Format } from './negotiate';
import type { SanctionRef } from './types';

/** Field-limited reads of published sanction records for the exports. */
const ORG_FIELDS = ['documentId', 'name', 'slug', 'orgType', 'country', 'wikidataId', 'website', 'alternateNames', 'previousNames', 'leiCode'] as const;
const RECORD_FIELDS = [...SANCTION_RECORD_FIELDS];
const RECORD_POPULATE = { organization: { fields: [...ORG_FIELDS] }, authority: { fields: [...ORG_FIELDS] } };
const EXPORT_BATCH = 500;

export const SANCTION_EXPORT_FORMATS: readonly Format[] = ['ftm'];
export const ORGANIZATION_SANCTIONS_FORMATS: readonly Format[] = ['json', 'ftm'];

type Auth = unknown;

const sanitizeRecords = async (strapi: Core.Strapi, records: unknown[], auth: Auth): Promise<SanctionRef[]> =>
  (await strapi.contentAPI.sanitize.output(records, strapi.getModel(UID.sanctionRecord), { auth })) as SanctionRef[];

/** Every published sanction record as FollowTheMoney JSON lines (read in id-ordered batches). */
export const renderSanctionExport = async (strapi: Core.Strapi, auth: Auth): Promise<Rendered> => {
  const records: SanctionRef[] = [];
  for (let start = 0; ; start += EXPORT_BATCH) {
    const batch = await strapi.documents(UID.sanctionRecord).findMany({
      status: 'published',
      fields: RECORD_FIELDS,
      populate: RECORD_POPULATE,
      sort: ['id:asc'],
      start,
      limit: EXPORT_BATCH,
    });
    records.push(...(await sanitizeRecords(strapi, batch, auth)));
    if (batch.length < EXPORT_BATCH) break;
  }
  // A list: its validity follows the list keys (any published change of either type), not thousands of documents.
  const keys = [listKey(UID.sanctionRecord), listKey(UID.organization)];
  return { body: toNdjson(sanctionsToFtm(records)), keys, validityKeys: keys };
};

export type PageRequest = { page: number; pageSize: number };

export const parsePage = (query: Record<string, unknown>, maxPageSize: number): PageRequest | string => {
  const read = (name: string, fallback: number) => {
    const raw = query[name] ?? (query.pagination as Record<string, unknown> | undefined)?.[name];
    if (raw === undefined || raw === '') return fallback;
    return /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
  };
  const page = read('page', 1);
  const pageSize = read('pageSize', 25);
  if (!Number.isInteger(page) || page < 1) return 'page must be a positive integer';
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) return `pageSize must be an integer from 1 to ${maxPageSize}`;
  return { page, pageSize };
};

/** One page of an organization's published sanction records (newest start first), or null if it is not published. */
export const renderOrganizationSanctions = async (
  strapi: Core.Strapi,
  documentId: string,
  request: PageRequest,
  format: Format,
  auth: Auth,
): Promise<Rendered | null> => {
  const organization = await strapi.documents(UID.organization).findOne({
    documentId,
    status: 'published',
    fields: ['documentId', 'name', 'slug'],
  });
  if (!organization) return null;

  const filters = { organization: { documentId } };
  const [rows, total] = await Promise.all([
    strapi.documents(UID.sanctionRecord).findMany({
      status: 'published',
      filters,
      fields: RECORD_FIELDS,
      populate: RECORD_POPULATE,
      sort: ['startDate:desc', 'id:asc'],
      start: (request.page - 1) * request.pageSize,
      limit: request.pageSize,
    }),
    strapi.documents(UID.sanctionRecord).count({ status: 'published', filters }),
  ]);
  const records = await sanitizeRecords(strapi, rows, auth);
  const keys = [
    ...new Set([documentKey(UID.organization, documentId), ...records.flatMap((r) => collectDocumentKeys(strapi, UID.sanctionRecord, r))]),
  ];

  if (format === 'ftm') return { keys, body: toNdjson(sanctionsToFtm(records)) };
  return {
    keys,
    body: JSON.stringify({
      data: records,
      meta: {
        organization: { documentId, name: (organization as { name?: string }).name },
        pagination: { page: request.page, pageSize: request.pageSize, pageCount: Math.ceil(total / request.pageSize), total },
      },
    }),
  };
};
