import type { Core } from '@strapi/strapi';
import { registerMigrationsAfterSync } from './bootstrap/migrations-after-sync';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { domainValidation } from './document-middlewares/domain-validation';
import { organizationNames } from './document-middlewares/organization-names';
import { publicRead } from './document-middlewares/public-read';
import { registerArticleBySlugQuery } from './graphql/article-by-slug';
import { seedOnBootIfEmpty } from './importer/seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerMigrationsAfterSync(strapi);
    strapi.documents.use(domainValidation(strapi) as any);
    strapi.documents.use(publicRead(strapi) as any);
    strapi.documents.use(organizationNames(strapi) as any);
    registerArticleBySlugQuery(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensurePublicPermissions(strapi);
    await seedOnBootIfEmpty(strapi);
  },
};
