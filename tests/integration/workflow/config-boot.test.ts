import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi } from '@strapi/strapi';

/**
 * A bad editorial-workflow configuration stops boot with a clear message. The
 * compiled app is booted from a copy of dist/ whose config/plugins.js
 * wraps the real one and spoils the plugin's entry. Boot fails while plugins
 * load or register, before any database is touched.
 */
const appDir = path.resolve(__dirname, '../../..');
const distDir = path.join(appDir, 'dist');

const distWithPluginConfig = (mutation: string): string => {
  // Inside the app (.tmp/, git-ignored) so the copied code still resolves node_modules.
  fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(appDir, '.tmp', 'badconfig-dist-'));
  // Strapi's loaders skip symlinks: copy the compiled server (not the admin build).
  for (const entry of ['src', 'config']) fs.cpSync(path.join(distDir, entry), path.join(dir, entry), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'config', 'plugins.js'),
    `const real = require(${JSON.stringify(path.join(distDir, 'config', 'plugins.js'))});
module.exports = (ctx) => {
  const config = (real.default || real)(ctx);
  const workflow = config['editorial-workflow'].config;
  ${mutation}
  return config;
};
`,
  );
  return dir;
};

const bootError = async (mutation: string): Promise<string> => {
  const dir = distWithPluginConfig(mutation);
  const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-badconfig-db-'));
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(sqliteDir, 'data.db'), NODE_ENV: 'test', STRAPI_STARTUP_LOG: 'false' });
  const instance = createStrapi({ appDir, distDir: dir, autoReload: false, serveAdminPanel: false });
  instance.log.level = 'error';
  try {
    await instance.load();
    await instance.destroy();
    return 'booted';
  } catch (error) {
    await instance.destroy().catch(() => undefined);
    return (error as Error).message;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  }
};

describe('Given a bad editorial-workflow configuration', () => {
  it('when an option has the wrong type, then boot stops naming the plugin and the option', async () => {
    const message = await bootError(`workflow.contentTypes['api::article.article'] = { fourEyes: 'sometimes' };`);
    expect(message).toContain('editorial-workflow');
    expect(message).toContain('fourEyes');
  });

  it('when a configured content type does not exist, then boot stops naming it', async () => {
    const message = await bootError(`workflow.contentTypes['api::story.story'] = {};`);
    expect(message).toContain('"api::story.story" is not a content type of this app');
  });
});
