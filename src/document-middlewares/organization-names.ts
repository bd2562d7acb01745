import { UID } from '../domain/constants';
import { nameKeys } from '../importer/import/name-key';
import type { DocumentMiddlewareFactory } from './types';

const TABLE = 'newsroom_organization_keys';

/**
 * Keeps the organization name index (newsroom_organization_keys) in step with
 * edits made anywhere — admin panel, REST, GraphQL — so the importer finds an
 * organization by a name an editor added. Old names stay indexed: a renamed
 * organization is still the same organization under its former name.
 */
export const organizationNames: DocumentMiddlewareFactory = (strapi) => async (ctx, next) => {
  if (ctx.uid !== UID.organization || !['create', 'update', 'delete'].includes(ctx.action)) return next();

  const result = await next();
  const written = result as { documentId?: string; name?: string; alternateNames?: unknown; previousNames?: unknown } | null;
  // Inside the caller's transaction when there is one (the importer's), else its own.
  const write = (work: (trx: (table: string) => any) => Promise<unknown>) =>
    strapi.db.transaction(({ trx }) => work(trx as unknown as (table: string) => any));

  if (ctx.action === 'delete') {
    if (ctx.params.documentId) await write((trx) => trx(TABLE).where({ document_id: ctx.params.documentId }).delete());
    return result;
  }
  if (!written?.documentId) return result;

  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const rows = nameKeys([written.name, ...list(written.alternateNames), ...list(written.previousNames)]).map((name_key) => ({
    name_key,
    document_id: written.documentId as string,
  }));
  if (rows.length) await write((trx) => trx(TABLE).insert(rows).onConflict('name_key').ignore());
  return result;
};
