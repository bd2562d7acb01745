import type { Core } from '@strapi/strapi';
import type { Response } from 'supertest';
import { bearer, type AdminUser } from './admin';
import type { TestApp } from './strapi';

/** Given/When/Then helpers for the editorial workflow's integration tests. */

export const ARTICLE = 'api::article.article';
export const QUOTE = 'api::quote.quote';
export const EXPERT = 'api::expert.expert';
export const ORGANIZATION = 'api::organization.organization';
export const HISTORY = 'plugin::editorial-workflow.history';
export const STATE = 'plugin::editorial-workflow.workflow-state';

/** The app env every workflow test boots with: no cron job firing in the middle of a test. */
export const WORKFLOW_TEST_ENV = { EDITORIAL_WORKFLOW_SCHEDULER: 'false' };

export type Doc = { id: number; documentId: string } & Record<string, unknown>;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export const articleData = (over: Record<string, unknown> = {}): Record<string, unknown> => {
  const headline = unique('Workflow headline');
  // datePublished: publishing checks block an article without one (issue 9).
  return { headline, slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, '-'), body: paragraph('Body text.'), language: 'en', datePublished: '2026-01-05T09:00:00.000Z', ...over };
};

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never) as unknown as {
  create(params: Record<string, unknown>): Promise<Doc>;
  findOne(params: Record<string, unknown>): Promise<Doc | null>;
  publish(params: Record<string, unknown>): Promise<unknown>;
  unpublish(params: Record<string, unknown>): Promise<unknown>;
  delete(params: Record<string, unknown>): Promise<unknown>;
  update(params: Record<string, unknown>): Promise<Doc>;
};

export const documentsOf = docs;

/** A draft article created by the document service (no admin creator). */
export const draftArticle = (strapi: Core.Strapi, over: Record<string, unknown> = {}) => docs(strapi, ARTICLE).create({ data: articleData(over) });

/** A draft article created through the content manager by `author` (so createdBy is that user). */
export const draftArticleBy = async (app: TestApp, author: AdminUser, over: Record<string, unknown> = {}): Promise<Doc> => {
  const res = await app.http().post(`/content-manager/collection-types/${ARTICLE}`).set(bearer(author)).send(articleData(over));
  if (res.status !== 201) throw new Error(`create article as ${author.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Doc;
};

/** A draft organization, expert and quote (with that expert as speaker) linked to an article draft. */
export const draftQuoteGraph = async (strapi: Core.Strapi, articleDocumentId: string) => {
  const organization = await docs(strapi, ORGANIZATION).create({ data: { name: unique('Org'), orgType: 'company', country: 'CN' } });
  const expert = await docs(strapi, EXPERT).create({
    data: { name: unique('Expert'), expertType: 'analyst', nationality: 'US', affiliation: organization.documentId },
  });
  const quote = await docs(strapi, QUOTE).create({
    data: { text: unique('Quoted words'), article: articleDocumentId, speaker: expert.documentId },
  });
  await docs(strapi, ARTICLE).update({ documentId: articleDocumentId, data: { people: [expert.documentId], organizations: [organization.documentId] } });
  return { organization, expert, quote };
};

export type TransitionBody = {
  action: string;
  comment?: string;
  expectedVersion?: number;
  correction?: { date?: string; text: string };
  scheduledAt?: string;
  overrideReason?: string;
  kind?: 'correction' | 'update';
  /** withdraw: the public notice (comment is the internal reason). */
  notice?: string;
};

/** POST a transition as an admin user. */
export const transition = (app: TestApp, user: AdminUser, documentId: string, body: TransitionBody, uid = ARTICLE): Promise<Response> =>
  app.http().post(`/editorial-workflow/documents/${uid}/${documentId}/transitions`).set(bearer(user)).send(body);

/** Transition that must succeed (throws with the server's message otherwise). */
export const mustTransition = async (app: TestApp, user: AdminUser, documentId: string, body: TransitionBody, uid = ARTICLE) => {
  const res = await transition(app, user, documentId, body, uid);
  if (res.status !== 200) throw new Error(`${body.action} by ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { state: string; version: number };
};

export const workflowStatus = async (app: TestApp, user: AdminUser, documentId: string, uid = ARTICLE) => {
  const res = await app.http().get(`/editorial-workflow/documents/${uid}/${documentId}`).set(bearer(user));
  if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as {
    state: string;
    version: number;
    contentVersion: string | null;
    legalHold: boolean;
    scheduledPublishAt: string | null;
    assignee: { id: number; name: string } | null;
    dueDate: string | null;
    allowedActions: { action: string; requiresComment: boolean; requiresCorrection: boolean }[];
  };
};

/** The history rows of a document, straight from the database. */
export const historyRows = (strapi: Core.Strapi, documentId: string, uid = ARTICLE) =>
  strapi.db.query(HISTORY as never).findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: { id: 'asc' } }) as Promise<
    Record<string, unknown>[]
  >;

/** What the Public role sees: GET /api/<plural>/:documentId status, and whether the list contains it. */
export const publicView = async (app: TestApp, documentId: string, plural = 'articles') => {
  const one = await app.http().get(`/api/${plural}/${documentId}`);
  const list = await app.http().get(`/api/${plural}?pagination[pageSize]=100`);
  const listed = ((list.body?.data ?? []) as { documentId: string }[]).some((item) => item.documentId === documentId);
  return { status: one.status, listed };
};

/** Draft → in_review (by `submitter`) → approved (by `approver`). */
export const approvedArticle = async (app: TestApp, submitter: AdminUser, approver: AdminUser, over: Record<string, unknown> = {}) => {
  const article = await draftArticle(app.strapi, over);
  await mustTransition(app, submitter, article.documentId, { action: 'submit' });
  await mustTransition(app, approver, article.documentId, { action: 'approve' });
  return article;
};

/** … → published (by `publisher`). */
export const publishedArticle = async (app: TestApp, submitter: AdminUser, approver: AdminUser, over: Record<string, unknown> = {}) => {
  const article = await approvedArticle(app, submitter, approver, over);
  await mustTransition(app, approver, article.documentId, { action: 'publish' });
  return article;
};
