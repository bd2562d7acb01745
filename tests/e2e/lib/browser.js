'use strict';
/* global window */
/**
 * Debian Chromium driven by playwright-core: a fresh profile per run
 * (launchPersistentContext on a mkdtemp dir), every request recorded so the
 * run can assert the admin talks to nobody but its own server.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const screenshotDir = path.resolve(__dirname, '..', 'screenshots');

const launch = async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set E2E_CHROMIUM`);
  }
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 1440, height: 1600 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  // Strapi's onboarding tour would cover the pages; a real editor dismisses it once.
  await context.addInitScript(() => {
    if (!window.localStorage.getItem('STRAPI_GUIDED_TOUR')) {
      window.localStorage.setItem('STRAPI_GUIDED_TOUR', JSON.stringify({ enabled: false, hidden: true, completedActions: [] }));
    }
  });
  const requests = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, requests, close };
};

/** Requests to any origin other than the app's own (data:/blob:/about: URLs are local). */
const foreignRequests = (requests, baseUrl) => {
  const own = new URL(baseUrl);
  return requests.filter(({ url }) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return true;
    }
    if (['data:', 'blob:', 'about:', 'chrome-extension:'].includes(parsed.protocol)) return false;
    return parsed.host !== own.host;
  });
};

const ensureScreenshotDir = () => fs.mkdirSync(screenshotDir, { recursive: true });

const screenshot = async (page, name, options = {}) => {
  ensureScreenshotDir();
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
};

/**
 * Sign in through the login form as `user`, after dropping whoever was signed in
 * (cookies and storage). `to` (an admin path such as /content-manager/...) is
 * where the login form sends the user, without an extra page load.
 */
const loginAs = async (page, baseUrl, user, { to } = {}) => {
  await page.context().clearCookies();
  if (page.url().startsWith(baseUrl)) {
    await page.evaluate(() => {
      // Keep the browser's display preferences (theme, dismissed tour and banner), drop the session.
      const keep = Object.keys(window.localStorage)
        .filter((key) => /^STRAPI_(THEME|GUIDED_TOUR|MEDIA_LIBRARY_BANNER)/.test(key))
        .map((key) => [key, window.localStorage.getItem(key)]);
      window.localStorage.clear();
      window.sessionStorage.clear();
      for (const [key, value] of keep) window.localStorage.setItem(key, value);
    });
  }
  const query = to ? `?redirectTo=${encodeURIComponent(to)}` : '';
  await page.goto(`${baseUrl}/admin/auth/login${query}`, { waitUntil: 'domcontentloaded' });
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: /^log ?in$/i }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
};

const setTheme = async (page, theme) => {
  await page.evaluate((value) => window.localStorage.setItem('STRAPI_THEME', value), theme);
};

module.exports = { launch, foreignRequests, screenshot, loginAs, setTheme, screenshotDir };
