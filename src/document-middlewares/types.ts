import type { Core, Modules } from '@strapi/strapi';

type StrapiDocumentMiddleware = Modules.Documents.Middleware.Middleware;

/** The slice of Strapi's document-service middleware context these rules use. */
export type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};

export type DocumentNext = Parameters<StrapiDocumentMiddleware>[1];

/** Strapi's own result type, so the factories are passed to `strapi.documents.use` without a cast. */
export type DocumentMiddleware = (ctx: DocumentContext, next: DocumentNext) => ReturnType<StrapiDocumentMiddleware>;

export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;
