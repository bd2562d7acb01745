import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { ARTICLE_PAGE_POPULATE } from '../domain/article-preset';
import { UID, type NewsroomUid } from '../domain/constants';
import { documentKey, isNewsroomUid } from './cache-tags';

/**
 * Which documents a write touches, for purges and content versions. Reads use
 * `strapi.db.query`, so inside a write they join its transaction.
 */

type PopulateTree = Record<string, unknown>;
type Path = { path: string[]; target: NewsroomUid };

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, any> =>
  ((strapi.getModel(uid as StrapiUID.Schema) as { attributes?: Record<string, any> } | undefined)?.attributes ?? {});

/** Every relation path of the article page preset that ends at a newsroom document. */
export const articlePagePaths = (strapi: Core.Strapi): Path[] => {
  const paths: Path[] = [];
  const walk = (modelUid: string, tree: PopulateTree, prefix: string[]) => {
    for (const [name, spec] of Object.entries(tree)) {
      const attribute = attributesOf(strapi, modelUid)[name];
      if (!attribute) continue;
      const next = spec && typeof spec === 'object' ? ((spec as { populate?: PopulateTree }).populate ?? {}) : {};
      if (attribute.type === 'relation' && isNewsroomUid(attribute.target)) {
        paths.push({ path: [...prefix, name], target: attribute.target });
        walk(attribute.target, next, [...prefix, name]);
      } else if (attribute.type === 'component') {
        // a component without its own populate still carries its relations' ids
        walk(attribute.component, spec === true ? {} : next, [...prefix, name]);
      }
    }
  };
  walk(UID.article, ARTICLE_PAGE_POPULATE as PopulateTree, []);
  return paths;
};

const nestedWhere = (path: string[], documentId: string): Record<string, unknown> =>
  path.reduceRight<Record<string, unknown>>((inner, segment) => ({ [segment]: inner }), { documentId });

/** documentIds of articles (draft or published rows) whose page shows the document. */
export const articlesShowing = async (strapi: Core.Strapi, uid: NewsroomUid, documentId: string): Promise<string[]> => {
  if (uid === UID.article) return [documentId];
  const conditions = articlePagePaths(strapi)
    .filter((p) => p.target === uid)
    .map((p) => nestedWhere(p.path, documentId));
  // One small join chain per path: a single `$or` over all of them makes the
  // database join every path at once (rows multiply: seconds on SQLite).
  const found = new Set<string>();
  for (const where of conditions) {
    const rows = (await strapi.db.query(UID.article).findMany({ where, select: ['documentId'] })) as Array<{ documentId: string }>;
    rows.forEach((row) => found.add(row.documentId));
  }
  return [...found];
};

/**
 * Keys of the documents linked to the *published* version of a document,
 * over every relation (either side) and, for articles, relations held in
 * components. For organizations, articles crediting them in a component too.
 */
export const publishedNeighbors = async (strapi: Core.Strapi, uid: NewsroomUid, documentId: string): Promise<Set<string>> => {
  const attributes = attributesOf(strapi, uid);
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'relation' && isNewsroomUid(attribute.target)) populate[name] = { select: ['documentId'] };
    if (attribute.type === 'component') {
      const inner: Record<string, unknown> = {};
      for (const [childName, child] of Object.entries(attributesOf(strapi, attribute.component))) {
        if (child.type === 'relation' && isNewsroomUid(child.target)) inner[childName] = { select: ['documentId'] };
      }
      if (Object.keys(inner).length) populate[name] = { populate: inner };
    }
  }

  const keys = new Set<string>();
  const row = (await strapi.db
    .query(uid)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'], populate })) as Record<string, any> | null;
  if (row) {
    const add = (target: string, value: unknown) => {
      for (const item of Array.isArray(value) ? value : value ? [value] : []) {
        const id = (item as { documentId?: string }).documentId;
        if (id && isNewsroomUid(target)) keys.add(documentKey(target, id));
      }
    };
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type === 'relation') add(attribute.target, row[name]);
      if (attribute.type === 'component') {
        for (const component of Array.isArray(row[name]) ? row[name] : row[name] ? [row[name]] : []) {
          for (const [childName, child] of Object.entries(attributesOf(strapi, attribute.component))) {
            if (child.type === 'relation') add(child.target, component[childName]);
          }
        }
      }
    }
  }

  if (uid === UID.organization) {
    const crediting = (await strapi.db.query(UID.article).findMany({
      where: { publishedAt: { $notNull: true }, credits: { organization: { documentId } } },
      select: ['documentId'],
    })) as Array<{ documentId: string }>;
    for (const article of crediting) keys.add(documentKey(UID.article, article.documentId));
  }
  return keys;
};
