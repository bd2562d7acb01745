/** Nothing to release: Strapi stops cron jobs and the database itself. */
export default async () => {};
