import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

/**
 * One synchronous pass over a populated entity graph (a stored article page,
 * a list's entries) that reports what the delivery layer needs to know about
 * it: the documents it shows (cache keys), the relation targets it reaches
 * (what Strapi's output sanitizer checks the caller's `find` on) and whether
 * it holds anything that sanitizer would remove whatever the caller
 * (private and password attributes) or that this walk does not model
 * (polymorphic relations, dynamic zones) — then only Strapi's own sanitizer
 * may say what the public sees.
 *
 * Each model's attributes are classified once per app: the walk then looks up
 * the keys a record has, not every attribute a model declares.
 */
type Step =
  | { kind: 'relation'; target: string }
  | { kind: 'nested'; model: string }
  | { kind: 'hidden' }
  | { kind: 'opaque' };

type Plan = Map<string, Step>;

export type GraphFacts = {
  /** Every (uid, documentId) pair the graph shows, root first; `visitDocument` names them. */
  documents: Array<{ uid: string; documentId: string }>;
  /** Targets of the relations present (scopes `<target>.find` the output sanitizer checks). */
  relationTargets: Set<string>;
  /** Something only Strapi's full sanitizer may handle (private/password attribute, morph relation, dynamic zone). */
  needsFullSanitize: boolean;
};

const plans = new WeakMap<Core.Strapi, Map<string, Plan | null>>();

type Attribute = { type?: string; private?: boolean; relation?: string; target?: string; component?: string };

const planOf = (strapi: Core.Strapi, uid: string): Plan | null => {
  let byModel = plans.get(strapi);
  if (!byModel) {
    byModel = new Map();
    plans.set(strapi, byModel);
  }
  if (byModel.has(uid)) return byModel.get(uid) ?? null;
  const model = strapi.getModel(uid as StrapiUID.Schema) as { attributes?: Record<string, Attribute> } | undefined;
  let plan: Plan | null = null;
  if (model?.attributes) {
    plan = new Map();
    for (const [name, attribute] of Object.entries(model.attributes)) {
      if (attribute.type === 'password' || attribute.private === true || contentTypes.isPrivateAttribute(model as never, name)) {
        plan.set(name, { kind: 'hidden' });
      } else if (attribute.type === 'relation') {
        const morph = typeof attribute.relation === 'string' && attribute.relation.startsWith('morph');
        plan.set(name, morph || typeof attribute.target !== 'string' ? { kind: 'opaque' } : { kind: 'relation', target: attribute.target });
      } else if (attribute.type === 'component') {
        plan.set(name, { kind: 'nested', model: String(attribute.component) });
      } else if (attribute.type === 'media') {
        plan.set(name, { kind: 'nested', model: 'plugin::upload.file' });
      } else if (attribute.type === 'dynamiczone') {
        plan.set(name, { kind: 'opaque' });
      }
    }
  }
  byModel.set(uid, plan);
  return plan;
};

const MAX_DEPTH = 12;

export const walkGraph = (strapi: Core.Strapi, uid: string, data: unknown): GraphFacts => {
  const facts: GraphFacts = { documents: [], relationTargets: new Set(), needsFullSanitize: false };

  const visit = (modelUid: string, value: unknown, depth: number): void => {
    if (value === null || value === undefined || typeof value !== 'object') return;
    if (depth > MAX_DEPTH) {
      facts.needsFullSanitize = true;
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visit(modelUid, item, depth);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.documentId === 'string') facts.documents.push({ uid: modelUid, documentId: record.documentId });
    const plan = planOf(strapi, modelUid);
    if (!plan) {
      facts.needsFullSanitize = true;
      return;
    }
    for (const key in record) {
      const step = plan.get(key);
      if (!step) continue;
      const child = record[key];
      if (step.kind === 'hidden' || step.kind === 'opaque') {
        facts.needsFullSanitize = true;
      } else if (step.kind === 'relation') {
        // The sanitizer removes a relation key the caller may not read even when it is null.
        facts.relationTargets.add(step.target);
        visit(step.target, child, depth + 1);
      } else {
        visit(step.model, child, depth + 1);
      }
    }
  };

  visit(uid, data, 0);
  return facts;
};
