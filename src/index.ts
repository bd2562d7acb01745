import type { Core } from '@strapi/strapi';
import { registerMigrationsAfterSync } from './bootstrap/migrations-after-sync';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { domainValidation } from './document-middlewares/domain-validation';
import { organizationNames } from './document-middlewares/organization-names';
import { publicRead } from './document-middlewares/public-read';
import { registerArticleBySlugQuery } from './graphql/article-by-slug';
import { registerPublishedOnlyQueries } from './graphql/published-only';
import { seedOnBootIfEmpty } from './importer/seed';
import { bootstrapDelivery, registerDelivery } from './delivery';
import { bootstrapAccounts, registerAccountRules } from './security/accounts';
import { applyStatementTimeout } from './security/statement-timeout';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // The publish gate lives in the editorial-workflow plugin: a missing plugin must never look like a working gate.
    if (!strapi.plugin('editorial-workflow')) {
      throw new Error('The editorial-workflow plugin is not loaded (config/plugins.ts): refusing to start without the publish gate.');
    }
    registerMigrationsAfterSync(strapi);
    strapi.documents.use(domainValidation(strapi) as any);
    strapi.documents.use(publicRead(strapi) as any);
    strapi.documents.use(organizationNames(strapi) as any);
    registerArticleBySlugQuery(strapi);
    registerPublishedOnlyQueries(strapi);
    registerDelivery(strapi);
    registerAccountRules(strapi);
    applyStatementTimeout(strapi, (strapi.config.get('server.security') as { statementTimeoutMs: number }).statementTimeoutMs);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Author, Editor and Legal admin roles (after the admin's bootstrap, which creates Strapi's default roles).
    await strapi.plugin('editorial-workflow').service('roles').ensureRoles();
    await ensurePublicPermissions(strapi);
    await bootstrapAccounts(strapi);
    await bootstrapDelivery(strapi);
    await seedOnBootIfEmpty(strapi);
  },
};
