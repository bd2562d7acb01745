import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

/**
 * Narrow, explicit views of Strapi's query engine and document service for the
 * uids this plugin handles dynamically (configured at runtime, so Strapi's
 * generated uid types cannot name them).
 */
export type Row = Record<string, unknown> & { id: number; documentId: string };

export type QueryRepository = {
  findOne(params: Record<string, unknown>): Promise<Row | null>;
  findMany(params?: Record<string, unknown>): Promise<Row[]>;
  count(params?: Record<string, unknown>): Promise<number>;
  create(params: { data: Record<string, unknown> }): Promise<Row>;
  update(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<Row | null>;
  updateMany(params: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
};

export type DocumentResult = { documentId: string; entries: Row[] };

export type DocumentsApi = {
  findOne(params: Record<string, unknown>): Promise<Row | null>;
  findFirst(params: Record<string, unknown>): Promise<Row | null>;
  update(params: Record<string, unknown>): Promise<Row | null>;
  publish(params: Record<string, unknown>): Promise<DocumentResult>;
  unpublish(params: Record<string, unknown>): Promise<DocumentResult>;
};

export const query = (strapi: Core.Strapi, uid: string): QueryRepository =>
  strapi.db.query(uid as never) as unknown as QueryRepository;

export const documents = (strapi: Core.Strapi, uid: string): DocumentsApi =>
  strapi.documents(uid as never) as unknown as DocumentsApi;

/** A plugin service by name, typed by the caller. */
export const getService = <T>(strapi: Core.Strapi, name: string): T => strapi.plugin(PLUGIN_ID).service(name) as T;

/** ISO string of a date-ish database value, or null. */
export const isoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
