import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: [],
    // The admin must only ever talk to its own server: no GitHub release check, no tutorials.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
