import type { Core } from '@strapi/strapi';

/**
 * PostgreSQL `statement_timeout` for every connection the app opens, so no
 * single statement outlives the request time limit by much. Set on the
 * driver's connection settings in `register`, before the pool opens any
 * connection (node-postgres sends it at connection start). 0 turns it off.
 */
export const applyStatementTimeout = (strapi: Core.Strapi, timeoutMs: number): void => {
  if (timeoutMs <= 0 || strapi.config.get('database.connection.client') !== 'postgres') return;
  const client = (strapi.db.connection as unknown as { client: { connectionSettings: Record<string, unknown> } }).client;
  // As a startup option of the session (`-c`), the way libpq's PGOPTIONS passes it.
  const options = [client.connectionSettings.options, `-c statement_timeout=${Math.floor(timeoutMs)}`].filter(Boolean).join(' ');
  client.connectionSettings.options = options;
};
