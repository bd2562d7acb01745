/** Before the core router, so `export` is not taken for a documentId. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/sanction-records/export',
      handler: 'api::sanction-record.sanction-export.find',
      config: { auth: { scope: ['api::sanction-record.sanction-export.find'] } },
    },
  ],
};
