import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MESSAGES } from '../constants';
import { getService, isoOrNull, query } from '../utils/db';
import type { CascadeService } from './cascade';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

export type EmbargoService = {
  /**
   * Refuse setting or changing the embargo of a document that has a live
   * published version (states published / correcting): an embargo holds back a
   * story that is not public yet; on a live story it would silently take it
   * down at the next correction. Taking a story down is `withdraw`.
   */
  checkUpdate(uid: string, documentId: string | undefined, data: unknown): Promise<void>;
};

export default ({ strapi }: { strapi: Core.Strapi }): EmbargoService => ({
  async checkUpdate(uid, documentId, data) {
    const field = getService<SettingsService>(strapi, 'settings').get().contentTypes[uid]?.embargoField;
    if (!field || !documentId || !data || typeof data !== 'object' || !(field in data)) return;
    const wanted = isoOrNull((data as Record<string, unknown>)[field]);
    if (wanted === null) return; // clearing an embargo never hides anything
    const draft = await query(strapi, uid).findOne({ where: { documentId, publishedAt: null }, select: ['id', field] });
    if (isoOrNull(draft?.[field]) === wanted) return; // unchanged (the admin sends the whole form)
    if (!(await getService<CascadeService>(strapi, 'cascade').hasPublishedVersion(uid, documentId))) return;
    const state = await getService<WorkflowService>(strapi, 'workflow').stateOf(uid, documentId);
    const message = MESSAGES.embargoOnLive(field, state);
    throw new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError', value: wanted }] });
  },
});
