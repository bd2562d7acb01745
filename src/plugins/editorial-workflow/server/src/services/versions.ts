import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { diffWords } from 'diff';
import type { CompareResult, FieldDiff, VersionId, VersionSummary } from '../../../shared/contracts/workflow';
import { HISTORY_UID, MESSAGES } from '../constants';
import {
  blocksToText,
  changedFields,
  contentFields,
  contentPopulate,
  normalize,
  type Content,
  type ModelLike,
  type ModelLookup,
} from '../utils/content-snapshot';
import { getService, isoOrNull, query, type Row } from '../utils/db';
import type { SettingsService } from './settings';

/**
 * Versions of a document's content. Every content save writes an `edit`
 * history row whose details keep the changed fields' values *before* the save
 * (compact: only what changed). A past version is the current draft with the
 * later saves undone, newest first. `published` is the live version.
 */
export type VersionsService = {
  fields(uid: string): string[];
  /** The draft's content (null when the document has no draft). */
  draft(uid: string, documentId: string): Promise<Content | null>;
  /** The live version's content (null when nothing is published). */
  published(uid: string, documentId: string): Promise<Content | null>;
  list(uid: string, documentId: string): Promise<VersionSummary[]>;
  compare(uid: string, documentId: string, from: VersionId, to: VersionId): Promise<CompareResult>;
  /** The current draft against the live version (against nothing when the document was never published). */
  diffLive(uid: string, documentId: string): Promise<CompareResult & { live: boolean }>;
};

type EditDetails = { fields?: string[]; before?: Content };

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'email', 'uid']);

export default ({ strapi }: { strapi: Core.Strapi }): VersionsService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');
  const models: ModelLookup = {
    contentType: (uid) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as ModelLike | undefined,
    component: (uid) => strapi.components[uid as keyof typeof strapi.components] as unknown as ModelLike | undefined,
  };
  const modelOf = (uid: string): ModelLike => {
    const model = models.contentType(uid);
    if (!model) throw new errors.NotFoundError(MESSAGES.notUnderWorkflow(uid));
    return model;
  };

  const load = async (uid: string, documentId: string, published: boolean): Promise<Content | null> => {
    const model = modelOf(uid);
    const row = await query(strapi, uid).findOne({
      where: { documentId, publishedAt: published ? { $notNull: true } : null },
      populate: contentPopulate(model, models),
    });
    return row ? normalize(model, row, models) : null;
  };

  const edits = async (uid: string, documentId: string): Promise<Row[]> =>
    query(strapi, HISTORY_UID).findMany({
      where: { targetUid: uid, targetDocumentId: documentId, action: 'edit' },
      orderBy: [{ id: 'asc' }],
    });

  /** The content right after edit row `index` (-1: before the first recorded save). */
  const undoAfter = (current: Content, rows: Row[], index: number): Content => {
    const content = { ...current };
    for (let j = rows.length - 1; j > index; j -= 1) Object.assign(content, (rows[j].details as EditDetails | null)?.before ?? {});
    return content;
  };

  const resolve = async (uid: string, documentId: string, id: VersionId, rows: Row[], current: Content): Promise<Content> => {
    if (id === 'draft') return current;
    if (id === 'published') {
      const live = await service.published(uid, documentId);
      if (!live) throw new errors.NotFoundError(`${uid} "${documentId}" has no published version.`);
      return live;
    }
    if (id === 'initial') return undoAfter(current, rows, -1);
    const index = rows.findIndex((row) => String(row.id) === id);
    if (index < 0) throw new errors.ValidationError(`Unknown version "${id}": expected "initial", "draft", "published" or a version id from …/versions.`);
    return undoAfter(current, rows, index);
  };

  const fieldDiff = (uid: string, field: string, before: unknown, after: unknown, changed: boolean): FieldDiff => {
    const type = modelOf(uid).attributes[field]?.type;
    const diff: FieldDiff = { field, changed, before: before ?? null, after: after ?? null };
    if (changed && type && TEXT_TYPES.has(type)) {
      const asText = (value: unknown) => (type === 'blocks' ? blocksToText(value) : typeof value === 'string' ? value : '');
      diff.text = diffWords(asText(before), asText(after)).map(({ value, added, removed }) => ({
        value,
        ...(added ? { added: true } : {}),
        ...(removed ? { removed: true } : {}),
      }));
    }
    return diff;
  };

  const compareContents = (uid: string, from: VersionId, to: VersionId, before: Content, after: Content): CompareResult => {
    const fields = service.fields(uid);
    const changed = new Set(changedFields(fields, before, after));
    return {
      from,
      to,
      fields: fields.map((field) => fieldDiff(uid, field, before[field], after[field], changed.has(field))),
      changedFields: fields.filter((field) => changed.has(field)),
    };
  };

  const service: VersionsService = {
    fields: (uid) => contentFields(modelOf(uid)),
    draft: (uid, documentId) => load(uid, documentId, false),
    published: (uid, documentId) => load(uid, documentId, true),

    async list(uid, documentId) {
      settings().require(uid);
      const rows = await edits(uid, documentId);
      const summaries: VersionSummary[] = [{ id: 'initial', at: null, user: null, fields: [] }];
      for (const row of rows) {
        summaries.push({
          id: String(row.id),
          at: isoOrNull(row.occurredAt),
          user: { key: String(row.actorKey), name: (row.actorName as string | null) ?? null },
          fields: (row.details as EditDetails | null)?.fields ?? [],
        });
      }
      summaries.push({ id: 'draft', at: null, user: null, fields: [] });
      if (await service.published(uid, documentId)) summaries.push({ id: 'published', at: null, user: null, fields: [] });
      return summaries;
    },

    async compare(uid, documentId, from, to) {
      settings().require(uid);
      const current = await service.draft(uid, documentId);
      if (!current) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      const rows = await edits(uid, documentId);
      return compareContents(uid, from, to, await resolve(uid, documentId, from, rows, current), await resolve(uid, documentId, to, rows, current));
    },

    async diffLive(uid, documentId) {
      settings().require(uid);
      const current = await service.draft(uid, documentId);
      if (!current) throw new errors.NotFoundError(MESSAGES.documentNotFound(uid, documentId));
      const live = await service.published(uid, documentId);
      return { ...compareContents(uid, 'published', 'draft', live ?? {}, current), live: live !== null };
    },
  };
  return service;
};
