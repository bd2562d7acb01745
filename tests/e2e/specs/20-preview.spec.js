'use strict';

/**
 * Strapi 5 Preview (issue 11): the seeded story's edit view has an "Open
 * preview" button; it opens the admin's preview page, which frames this app's
 * signed draft preview (config/admin.ts → src/delivery/preview-handlers.ts).
 */
const { assert } = require('../lib/harness');
const { screenshot, loginAs } = require('../lib/browser');
const { ARTICLE, editUrl, dismissBanners } = require('../lib/admin-ui');

const SEEDED_SLUG = 'china-ready-to-export-controversial-surveillance-techniques';

module.exports = (spec) =>
  spec('draft preview from the admin', (step) => {
    step('fixture: the seeded story', async ({ api, state }) => {
      const list = await api('GET', `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=50`);
      assert.equal(list.status, 200, list.text);
      const article = list.json.results.find((row) => row.slug === SEEDED_SLUG) ?? list.json.results[0];
      assert.ok(article, 'the seed created no article (SEED_ON_BOOT)');
      state.previewArticle = article;
    });

    step('the Preview button opens the rendered draft (headline, quotes with speakers)', async ({ page, baseUrl, users, state }) => {
      const article = state.previewArticle;
      await loginAs(page, baseUrl, users.admin, { to: `/content-manager/collection-types/${ARTICLE}/${article.documentId}` });
      await page.waitForURL((url) => url.href.startsWith(editUrl(baseUrl, article.documentId)), { timeout: 30000 });
      await dismissBanners(page);
      const button = page.getByRole('link', { name: 'Open preview' }).or(page.getByRole('button', { name: 'Open preview' }));
      await button.first().waitFor({ timeout: 30000 });
      await button.first().click();
      await page.waitForURL((url) => url.pathname.endsWith('/preview'), { timeout: 30000 });

      const frame = page.frameLocator('iframe').first();
      const headline = frame.locator('h1');
      await headline.waitFor({ timeout: 30000 });
      assert.equal((await headline.textContent()).trim(), article.headline);
      assert.ok((await frame.locator('blockquote').count()) > 0, 'no quote in the preview');
      assert.match(await frame.locator('blockquote footer').first().textContent(), /—\s*\S/);
      await screenshot(page, '20-preview', { fullPage: true });
    });
  });
