import type { Core } from '@strapi/strapi';
import { registerMigrationsAfterSync } from './bootstrap/migrations-after-sync';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { domainValidation } from './document-middlewares/domain-validation';
import { organizationNames } from './document-middlewares/organization-names';
import { publicRead } from './document-middlewares/public-read';
import { registerArticleBySlugQuery } from './graphql/article-by-slug';
import { registerBatchedAssociations } from './graphql/batched-associations';
import { registerPublishedOnlyQueries } from './graphql/published-only';
import { seedOnBootIfEmpty } from './importer/seed';
import { bootstrapLabels, registerLabels } from './labels';
import { bootstrapDelivery, closeResponseCache, registerDelivery } from './delivery';
import { surfaceCommitFailures } from './database/commit-failures';
import { rebuildOrganizationKeys } from './database/organization-keys';
import { settleDatabasePool } from './database/settle-pool';
import { bootstrapAccounts, registerAccountRules } from './security/accounts';
import { applyStatementTimeout } from './security/statement-timeout';
import { registerSecurityHeaders } from './security/security-headers';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // The publish gate lives in the editorial-workflow plugin: a missing plugin must never look like a working gate.
    if (!strapi.plugin('editorial-workflow')) {
      throw new Error('The editorial-workflow plugin is not loaded (config/plugins.ts): refusing to start without the publish gate.');
    }
    // A failed COMMIT fails the write that asked for it (knex swallows it otherwise): before anything writes.
    surfaceCommitFailures(strapi);
    registerMigrationsAfterSync(strapi);
    strapi.documents.use(domainValidation(strapi));
    strapi.documents.use(publicRead(strapi));
    strapi.documents.use(organizationNames(strapi));
    registerArticleBySlugQuery(strapi);
    registerPublishedOnlyQueries(strapi);
    registerBatchedAssociations(strapi);
    registerDelivery(strapi);
    registerLabels(strapi);
    registerAccountRules(strapi);
    // strapi::security with helmet built once per variant, not per request (src/security/security-headers.ts).
    registerSecurityHeaders(strapi);
    applyStatementTimeout(strapi, (strapi.config.get('server.security') as { statementTimeoutMs: number }).statementTimeoutMs);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    await bootstrapAccounts(strapi);
    await bootstrapDelivery(strapi);
    // Derived tables are not in a backup (strapi export): rebuilt here when missing or stale.
    await rebuildOrganizationKeys(strapi);
    await seedOnBootIfEmpty(strapi);
    await bootstrapLabels(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // Let queries set off by the last commits finish before Strapi destroys the pool (src/database/settle-pool.ts).
    await settleDatabasePool(strapi);
    await closeResponseCache(strapi);
  },
};
