import { corsOrigins } from '../src/security/cors';

export default [
  // Strapi's request log line, not built when the log level drops it (src/middlewares/request-log.ts).
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  // Allow-listed origins only; the admin answers its own origin (src/security/cors.ts). No X-Powered-By.
  { name: 'strapi::cors', config: { origin: (ctx: { path: string }) => corsOrigins(strapi, ctx) } },
  // Rate limit, login throttle, malformed paths and cache-key values: before the cache (src/middlewares/security-edge.ts).
  'global::security-edge',
  // Cached article pages are served before the router (src/middlewares/article-cache.ts).
  'global::article-cache',
  'strapi::query',
  // REST populate depth / fan-out and filter-size caps (src/security/rest-query-limits.ts).
  'global::security-query',
  'strapi::body',
  'strapi::session',
  { name: 'strapi::favicon', config: { path: 'public/favicon.ico' } },
  'strapi::public',
];
