import type { Core } from '@strapi/strapi';
import type { CascadeStep } from '../config/settings';
import { getService, query, type Row } from '../utils/db';
import type { SettingsService } from './settings';

export type DocumentRef = { uid: string; documentId: string };

export type PublicationItem = DocumentRef & {
  /** root: the document itself; owned: part of it (republished every time); reference: a shared entity never published before. */
  reason: 'root' | 'owned' | 'reference';
  underWorkflow: boolean;
};

export type CascadeService = {
  /** What publishing this document publishes, dependencies first and the document last. */
  plan(uid: string, documentId: string): Promise<PublicationItem[]>;
  /** Owned documents (e.g. an article's quotes) linked from any version of this one. */
  owned(uid: string, documentId: string): Promise<DocumentRef[]>;
  hasPublishedVersion(uid: string, documentId: string): Promise<boolean>;
};

const documentIdsOf = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((item) => (item as { documentId?: unknown } | null)?.documentId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
};

/** The populate for a set of cascade steps, relations reduced to their documentId. */
const populateFor = (steps: CascadeStep[]): Record<string, unknown> => {
  const populate: Record<string, { select?: string[]; populate?: Record<string, unknown> }> = {};
  for (const step of steps) {
    if (step.component) {
      const entry = (populate[step.component] ??= { populate: {} });
      (entry.populate as Record<string, unknown>)[step.attribute] = { select: ['documentId'] };
    } else {
      populate[step.attribute] = { select: ['documentId'] };
    }
  }
  return populate;
};

const referencedIds = (row: Row, step: CascadeStep): string[] => {
  if (!step.component) return documentIdsOf(row[step.attribute]);
  const components = row[step.component];
  const list = Array.isArray(components) ? components : components ? [components] : [];
  return list.flatMap((component) => documentIdsOf((component as Record<string, unknown>)[step.attribute]));
};

/**
 * Reads go through the query engine, not the document service: document
 * middlewares (e.g. the app's public-read pinning) must not change which
 * version the workflow sees.
 */
export default ({ strapi }: { strapi: Core.Strapi }): CascadeService => {
  const settings = () => getService<SettingsService>(strapi, 'settings');

  const hasPublishedVersion = async (uid: string, documentId: string) =>
    (await query(strapi, uid).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  const draftWith = async (uid: string, documentId: string, steps: CascadeStep[]) =>
    query(strapi, uid).findOne({ where: { documentId, publishedAt: null }, select: ['id', 'documentId'], populate: populateFor(steps) });

  return {
    hasPublishedVersion,

    async plan(rootUid, rootDocumentId) {
      const { cascade } = settings().get();
      const items: PublicationItem[] = [];
      const visited = new Set<string>();

      const visit = async (uid: string, documentId: string, reason: PublicationItem['reason']): Promise<void> => {
        const key = `${uid}\u0000${documentId}`;
        if (visited.has(key)) return;
        visited.add(key);
        // A shared entity that is already public keeps its public version: its own draft edits are not ours to publish.
        if (reason === 'reference' && (await hasPublishedVersion(uid, documentId))) return;

        const steps = cascade[uid] ?? [];
        if (steps.length) {
          const draft = await draftWith(uid, documentId, steps);
          if (!draft && reason !== 'root') return;
          for (const step of draft ? steps : []) {
            for (const target of referencedIds(draft as Row, step)) {
              await visit(step.target, target, step.owned ? 'owned' : 'reference');
            }
          }
        }
        items.push({ uid, documentId, reason, underWorkflow: settings().isUnderWorkflow(uid) });
      };

      await visit(rootUid, rootDocumentId, 'root');
      return items;
    },

    async owned(uid, documentId) {
      const steps = (settings().get().cascade[uid] ?? []).filter((step) => step.owned);
      if (!steps.length) return [];
      const versions = await query(strapi, uid).findMany({ where: { documentId }, select: ['id', 'documentId'], populate: populateFor(steps) });
      const found = new Map<string, DocumentRef>();
      for (const version of versions) {
        for (const step of steps) {
          for (const id of referencedIds(version, step)) found.set(`${step.target}\u0000${id}`, { uid: step.target, documentId: id });
        }
      }
      return [...found.values()];
    },
  };
};
