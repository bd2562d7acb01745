export default {
  routes: [
    {
      method: 'GET',
      path: '/organizations/:id/sanctions',
      handler: 'api::organization.organization-sanctions.find',
      config: { auth: { scope: ['api::organization.organization-sanctions.find'] } },
    },
  ],
};
