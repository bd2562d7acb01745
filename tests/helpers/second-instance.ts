import path from 'path';
import { spawn, type ChildProcess } from 'child_process';

/**
 * A second app instance in its own process (own connection pool), booted from
 * the compiled dist on the same database as this jest process, listening on a
 * free port. Stop it with `stop()` in afterAll.
 */
const appDir = path.resolve(__dirname, '../..');

const CHILD = `
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const app = createStrapi({ appDir: ${JSON.stringify(appDir)}, distDir: ${JSON.stringify(path.join(appDir, 'dist'))}, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  const strapi = await app.load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
  process.on('message', async (msg) => {
    if (msg.type === 'stop') { await strapi.destroy(); process.exit(0); }
    if (msg.type === 'call') {
      try {
        const service = strapi.plugin(msg.plugin).service(msg.service);
        process.send({ type: 'result', id: msg.id, value: await service[msg.method](...msg.args) });
      } catch (error) {
        process.send({ type: 'result', id: msg.id, error: String(error && error.message || error) });
      }
    }
  });
})().catch((error) => { console.error(error); process.exit(1); });
`;

export type SecondInstance = {
  url: string;
  child: ChildProcess;
  log: () => string;
  /** Call a plugin service method in the child (arguments and result as JSON, e.g. the scheduler's tick). */
  call: <T>(plugin: string, service: string, method: string, ...args: unknown[]) => Promise<T>;
  stop: () => Promise<void>;
};

let calls = 0;

export const startSecondInstance = (env: Record<string, string | undefined>): Promise<SecondInstance> =>
  new Promise((resolve, reject) => {
    let log = '';
    const child = spawn(process.execPath, ['-e', CHILD], {
      cwd: appDir,
      env: { ...process.env, ...env, NODE_ENV: 'test', STRAPI_STARTUP_LOG: 'false' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const timer = setTimeout(() => reject(new Error(`second instance did not start:\n${log}`)), 240_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`second instance exited (${code}):\n${log}`));
    };
    child.on('exit', onExit);
    child.on('message', (msg: { type: string; port?: number }) => {
      if (msg.type !== 'ready') return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${msg.port}`,
        child,
        log: () => log,
        call: <T>(plugin: string, service: string, method: string, ...args: unknown[]) =>
          new Promise<T>((done, fail) => {
            const id = ++calls;
            const onResult = (msg: { type: string; id?: number; value?: T; error?: string }) => {
              if (msg.type !== 'result' || msg.id !== id) return;
              child.off('message', onResult);
              if (msg.error !== undefined) fail(new Error(`${plugin}.${service}.${method} in the second instance: ${msg.error}`));
              else done(msg.value as T);
            };
            child.on('message', onResult);
            child.send({ type: 'call', id, plugin, service, method, args });
          }),
        stop: async () => {
          child.off('exit', onExit);
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((done) => child.once('exit', done));
          if (child.connected) child.send({ type: 'stop' });
          else child.kill('SIGKILL');
          let kill: NodeJS.Timeout | undefined;
          await Promise.race([exited, new Promise((done) => (kill = setTimeout(done, 10_000)))]);
          clearTimeout(kill);
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
