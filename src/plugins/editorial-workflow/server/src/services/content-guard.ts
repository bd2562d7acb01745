import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MESSAGES } from '../constants';
import { appendOnlyViolation } from '../utils/append-only';
import { changedFields, pick, type Content } from '../utils/content-snapshot';
import { documents, getService, query } from '../utils/db';
import { isGateBypassed, isWorkflowOperation } from '../utils/workflow-scope';
import { systemActor, type ActorsService } from './actors';
import type { DocumentRef } from './cascade';
import type { DocumentMiddleware } from './gate';
import type { SettingsService } from './settings';
import type { VersionsService } from './versions';
import type { WorkflowService } from './workflow';

export type ContentGuardService = {
  /** The document-service middleware: register it before the publish gate. */
  middleware(): DocumentMiddleware;
};

/**
 * "Four-eyes covers content", below every write path (admin, Content API,
 * GraphQL, importer, plugin code): each `update` of a workflow document is
 * compared with the draft before it; a real content change writes an `edit`
 * history row (who, which fields, their previous values) and, when the
 * document was approved, returns it to `in_review` ("content changed after
 * approval"). Published correction notes are append-only (400 naming the
 * path of the edited note). Updates the workflow itself makes (corrections it appends) are
 * part of their transition and are not counted.
 *
 * "Save and publish" in the content manager runs the save and the publish in
 * one transaction: refusing the publish would roll back the save *and* the
 * return to review. So when this request has just returned the document to
 * review, its publish is skipped instead (the draft is returned): the save and
 * the return to review are kept, nothing is published.
 */
export default ({ strapi }: { strapi: Core.Strapi }): ContentGuardService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');
  const workflow = () => getService<WorkflowService>(strapi, 'workflow');
  const versions = () => getService<VersionsService>(strapi, 'versions');
  const actors = () => getService<ActorsService>(strapi, 'actors');

  /** Documents returned to review while serving a request, per request. */
  const returnedInRequest = new WeakMap<object, Set<string>>();
  const key = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;
  const request = (): object | null => (strapi.requestContext.get() as object | undefined) ?? null;

  /** The workflow documents whose draft owns this one (an article for its quote): their review covers it too. */
  const owners = async (uid: string, documentId: string): Promise<DocumentRef[]> => {
    const found: DocumentRef[] = [];
    for (const [parentUid, steps] of Object.entries(settings().get().cascade)) {
      if (!settings().isUnderWorkflow(parentUid)) continue;
      for (const step of steps.filter((candidate) => candidate.owned && !candidate.component && candidate.target === uid)) {
        const parents = await query(strapi, parentUid).findMany({ where: { publishedAt: null, [step.attribute]: { documentId } }, select: ['documentId'] });
        found.push(...parents.map((parent) => ({ uid: parentUid, documentId: String(parent.documentId) })));
      }
    }
    return found;
  };

  /** Once published, correction notes are append-only, whatever the path (a failed check rolls the save back). */
  const refuseEditedCorrections = async (uid: string, documentId: string, after: Content | null) => {
    const field = settings().require(uid).correctionsField;
    if (!field) return;
    const live = await versions().published(uid, documentId);
    const path = live ? appendOnlyViolation(field, live[field], after?.[field]) : null;
    if (!path) return;
    const message = MESSAGES.correctionsAppendOnly(path);
    // Strapi's validation-error shape, so the admin form marks the field.
    throw new errors.ValidationError(message, { errors: [{ path: path.split(/[.[\]]+/).filter(Boolean), message, name: 'ValidationError' }] });
  };

  const onUpdate = async (uid: string, documentId: string, next: () => Promise<unknown>) =>
    strapi.db.transaction(async () => {
      const before = await versions().draft(uid, documentId);
      const result = await next();
      const after = await versions().draft(uid, documentId);
      const fields = changedFields(versions().fields(uid), before, after);
      if (!fields.length) return result;
      await refuseEditedCorrections(uid, documentId, after);
      const actor = actors().current() ?? systemActor('A script or import (no signed-in user)', [], 'system');
      const returned: DocumentRef[] = [];
      if ((await workflow().recordContentSave(uid, documentId, { fields, before: pick(before, fields) }, actor)).returnedToReview) {
        returned.push({ uid, documentId });
      }
      const via = { uid, documentId };
      for (const owner of await owners(uid, documentId)) {
        if ((await workflow().recordContentSave(owner.uid, owner.documentId, { fields: [], before: {}, via }, actor)).returnedToReview) returned.push(owner);
      }
      const current = request();
      if (returned.length && current) {
        const set = returnedInRequest.get(current) ?? new Set<string>();
        for (const ref of returned) set.add(key(ref.uid, ref.documentId));
        returnedInRequest.set(current, set);
      }
      return result;
    });

  const guard: DocumentMiddleware = async (ctx, next) => {
    const { uid, action } = ctx;
    const documentId = ctx.params?.documentId;
    if (!documentId || (action !== 'update' && action !== 'publish')) return next();
    if (!settings().isUnderWorkflow(uid) || isGateBypassed() || isWorkflowOperation(uid, documentId)) return next();

    if (action === 'publish') {
      const current = request();
      if (!current || !returnedInRequest.get(current)?.has(key(uid, documentId))) return next();
      const draft = await documents(strapi, uid).findOne({ documentId, status: 'draft', populate: ctx.params?.populate, locale: ctx.params?.locale });
      return { documentId, entries: draft ? [draft] : [] };
    }
    return onUpdate(uid, documentId, next);
  };

  return { middleware: () => guard };
};
