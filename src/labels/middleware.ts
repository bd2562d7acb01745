import { UID } from '../domain/constants';
import type { DocumentMiddlewareFactory } from '../document-middlewares/types';
import { LABEL_DEPENDENTS, LABELS } from './definitions';
import { blocksToText } from './format';
import { refreshLabels } from './refresh';

/** Actions that write a version of a document (and so may change what its label or a dependent label says). */
const WRITES = new Set(['create', 'update', 'publish', 'discardDraft', 'clone']);

/** The Article field holding the body as plain text: the content manager's search (`_q`) covers text columns, not Blocks JSON. */
export const BODY_TEXT_FIELD = 'bodyText';

/**
 * Derived fields on every write path (admin, REST, GraphQL, importer, plugins):
 *  - an Article's plain-text body, set in the same write as the body;
 *  - the label of a quote, sanction record or expert, refreshed after its write,
 *    and the labels naming a renamed expert or organization.
 */
export const derivedFields: DocumentMiddlewareFactory = (strapi) => async (ctx, next) => {
  if (!WRITES.has(ctx.action)) return next();
  const data = ctx.params.data as Record<string, unknown> | undefined;
  if (ctx.uid === UID.article && data && 'body' in data) data[BODY_TEXT_FIELD] = blocksToText(data.body);

  const result = await next();
  const documentId = (ctx.params.documentId as string | undefined) ?? (result as { documentId?: string } | null)?.documentId;
  if (!documentId) return result;
  if (LABELS[ctx.uid]) await refreshLabels(strapi, ctx.uid, { documentId });
  if (ctx.action !== 'create') {
    for (const { uid, attribute } of LABEL_DEPENDENTS[ctx.uid] ?? []) await refreshLabels(strapi, uid, { [attribute]: { documentId } });
  }
  return result;
};
