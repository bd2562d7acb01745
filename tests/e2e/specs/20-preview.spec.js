'use strict';

/**
 * Strapi 5 Preview (issue 11): the seeded story's edit view has an "Open
 * preview" button; it opens the admin's preview page, which frames this app's
 * signed draft preview (config/admin.ts → src/delivery/preview-handlers.ts).
 */
const { assert } = require('../lib/harness');
const { screenshot, loginAs } = require('../lib/browser');
const { ARTICLE, editUrl, dismissBanners } = require('../lib/admin-ui');

/** Strapi's own "Open preview" control in the edit view's Preview panel (matched by its text: a link or a button, by version). */
const previewButton = (page) => page.getByText('Open preview', { exact: true }).first();

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

    step('the edit view shows the Preview panel with its button', async ({ page, baseUrl, users, state }) => {
      const article = state.previewArticle;
      await loginAs(page, baseUrl, users.admin, { to: `/content-manager/collection-types/${ARTICLE}/${article.documentId}` });
      await page.waitForURL((url) => url.href.startsWith(editUrl(baseUrl, article.documentId)), { timeout: 30000 });
      await dismissBanners(page);
      await previewButton(page).waitFor({ timeout: 30000 });
    });

    step('the Preview button opens the rendered draft (headline, quotes with speakers)', async ({ page, state }) => {
      const article = state.previewArticle;
      await previewButton(page).click();
      // The button routes to the admin's preview page (…/<documentId>/preview), which frames our preview URL.
      await page.waitForURL((url) => /\/preview$/.test(url.pathname), { timeout: 15000 }).catch(() => undefined);
      assert.match(new URL(page.url()).pathname, /\/preview$/, `the Preview button led to ${page.url()}`);
      const frame = page.frameLocator('iframe').first();
      const headline = frame.locator('h1');
      await headline.waitFor({ timeout: 30000 });
      assert.equal((await headline.textContent()).trim(), article.headline);
      assert.ok((await frame.locator('blockquote').count()) > 0, 'no quote in the preview');
      assert.match(await frame.locator('blockquote footer').first().textContent(), /—\s*\S/);
      await screenshot(page, '20-preview', { fullPage: true });
    });
  });
