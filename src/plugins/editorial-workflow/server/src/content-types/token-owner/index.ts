import { INTERNAL_CONTENT_TYPE } from '../internal';

/**
 * Who created each content-API token. Strapi stores no creator for content-API
 * tokens ("content api tokens have no owner"), yet four-eyes must count a token
 * as the admin user who made it: one person holding two full-access tokens is
 * one person. Written by services/token-owners.ts when a token is created.
 */
export default {
  schema: {
    ...INTERNAL_CONTENT_TYPE,
    collectionName: 'editorial_workflow_token_owners',
    info: {
      singularName: 'token-owner',
      pluralName: 'token-owners',
      displayName: 'Editorial workflow token owner',
      description: 'The admin user who created an API token (written only by the editorial-workflow plugin)',
    },
    attributes: {
      tokenId: { type: 'integer', required: true, unique: true, configurable: false },
      adminUserId: { type: 'integer', required: true, configurable: false },
    },
  },
};
