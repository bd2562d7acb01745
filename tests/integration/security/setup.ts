import type { Core } from '@strapi/strapi';
import { startApp, type TestApp } from '../../helpers/strapi';
import { UID, given, rows, unique } from '../../helpers/builders';

/**
 * Boot the app with extra environment for this file only: the variables are
 * removed again once the configuration is loaded, so they never leak into the
 * next test file run by the same jest worker.
 */
export const startAppWith = async (env: Record<string, string>): Promise<TestApp> => {
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  try {
    return await startApp(env);
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

/** Secrets production mode requires (test values). */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  APP_KEYS: 'security-test-key-a,security-test-key-b',
  API_TOKEN_SALT: 'security-test-api-token-salt',
  ADMIN_JWT_SECRET: 'security-test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'security-test-transfer-salt',
  JWT_SECRET: 'security-test-jwt-secret',
  ENCRYPTION_KEY: 'security-test-encryption-key-32b',
};

const STATE = 'plugin::editorial-workflow.workflow-state';

/** A published article page (article, two quotes, speaker, organizations, sanction) with its slug. */
export const publishedStory = async (strapi: Core.Strapi) => {
  const slug = unique('story').toLowerCase();
  const graph = await given(strapi).articleGraph({ slug, headline: unique('Headline') });
  return { ...graph, slug };
};

/**
 * Embargo a live story in the database directly — the state the outside test
 * reached through a correction, whatever the write rules now refuse.
 */
export const embargo = async (strapi: Core.Strapi, documentId: string, until = new Date(Date.now() + 7 * 24 * 3600 * 1000)) => {
  await rows(strapi, UID.article).updateMany({ where: { documentId }, data: { embargoedUntil: until.toISOString() } });
};

/** Put a live story under legal hold (the workflow's state row). */
export const legalHold = async (strapi: Core.Strapi, documentId: string) => {
  const states = strapi.db.query(STATE as never);
  const existing = await states.findOne({ where: { targetUid: UID.article, targetDocumentId: documentId } });
  if (existing) await states.update({ where: { id: existing.id }, data: { legalHold: true, legalHoldReason: 'SECRET-HOLD-REASON' } });
  else
    await states.create({
      data: { targetUid: UID.article, targetDocumentId: documentId, state: 'published', revision: 0, legalHold: true, legalHoldReason: 'SECRET-HOLD-REASON' },
    });
};

/** Count the SQL statements the app runs while `fn` runs. */
export const countQueries = async <T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
  const statements: string[] = [];
  const onQuery = (query: { sql: string }) => statements.push(query.sql);
  const connection = strapi.db.connection as unknown as { on: (event: string, fn: (q: { sql: string }) => void) => void; off: (event: string, fn: (q: { sql: string }) => void) => void };
  connection.on('query', onQuery);
  try {
    return { result: await fn(), statements };
  } finally {
    connection.off('query', onQuery);
  }
};
