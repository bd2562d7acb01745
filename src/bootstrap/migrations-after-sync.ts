import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

type Migration = { up: (knex: unknown) => Promise<void> };

/**
 * Strapi runs `database/migrations` before its schema sync, so on a fresh
 * database the newsroom migrations find no tables yet. Our migrations are
 * idempotent by contract (IF NOT EXISTS, table guards), and this re-applies them
 * once the content-type tables exist. Same files, one source of truth.
 */
export const registerMigrationsAfterSync = (strapi: Core.Strapi): void => {
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    const dir = path.join(strapi.dirs.app.root, 'database', 'migrations');
    if (!fs.existsSync(dir)) return;
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.js')).sort();
    const knex = strapi.db.connection;
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const migration = require(path.join(dir, file)) as Migration;
      await knex.transaction(async (trx) => migration.up(trx));
    }
  });
};
