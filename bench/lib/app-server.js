'use strict';

/**
 * The app under test, in its own process: `node bench/lib/app-server.js`
 * (started by bench/run.js with NODE_ENV=production, bench secrets, a SQLite
 * file, HOST/PORT). Production code is untouched; this file only adds, from
 * the outside, what the bench needs to observe:
 *
 *  - every knex `query` event is counted (strapi.db.connection.on('query'));
 *  - each response carries `x-bench-sql`: the statements run while it was being
 *    handled (exact when requests are sequential — the probes are);
 *  - `GET /__bench/stats` → { queries, pid }  (no SQL);
 *  - `POST /__bench/capture/start|stop` → records sql + bindings in between,
 *    for EXPLAIN QUERY PLAN by the driver.
 *
 * Request logging is off: the log level is `warn`, so the request log (src/middlewares/request-log.ts) never
 * formats or writes a line (no config change needed).
 */
const { appDir, benchDist: distDir } = require('./app');

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  app.log.level = process.env.BENCH_APP_LOG_LEVEL || 'warn';
  await app.load();

  let queries = 0;
  let captured = null;
  app.db.connection.on('query', (data) => {
    queries += 1;
    if (captured) captured.push({ sql: data.sql, bindings: data.bindings ?? [] });
  });

  // First in Koa's chain (before Strapi's own middlewares): requests the app answers ahead of the router — a warm
  // cache hit, a cold page read handed to its route's endpoint — are counted too. Koa composes the chain at listen().
  app.server.app.middleware.unshift(async (ctx, next) => {
    if (ctx.path.startsWith('/__bench/')) {
      if (ctx.path === '/__bench/stats') ctx.body = { queries, pid: process.pid };
      else if (ctx.path === '/__bench/capture/start') {
        captured = [];
        ctx.body = { ok: true };
      } else if (ctx.path === '/__bench/capture/stop') {
        ctx.body = { queries: captured ?? [] };
        captured = null;
      } else ctx.status = 404;
      return;
    }
    const before = queries;
    await next();
    ctx.set('x-bench-sql', String(queries - before));
  });

  await app.listen();
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, port: Number(process.env.PORT) })}\n`);

  const stop = async () => {
    try {
      await app.destroy();
    } catch {
      // destroying mid-request: nothing to keep
    }
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

main().catch((error) => {
  process.stderr.write(`app-server: ${error.stack ?? error}\n`);
  process.exit(1);
});
