import type { Core } from '@strapi/strapi';

/** The slice of Strapi's document-service middleware context these rules use. */
export type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};

export type DocumentNext = () => Promise<unknown>;

export type DocumentMiddleware = (ctx: DocumentContext, next: DocumentNext) => Promise<unknown>;

export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;
