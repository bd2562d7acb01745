'use strict';

/** Page helpers for the content manager and the editorial workflow panels. */

const ARTICLE = 'api::article.article';

const editUrl = (baseUrl, documentId, uid = ARTICLE) => `${baseUrl}/admin/content-manager/collection-types/${uid}/${documentId}`;
const listUrl = (baseUrl, uid = ARTICLE) => `${baseUrl}/admin/content-manager/collection-types/${uid}`;

const panel = (page) => page.getByTestId('editorial-workflow-panel');

/** Open a document's edit view and wait for the workflow panel (optionally for a state). */
const openDocument = async (page, baseUrl, documentId, { state } = {}) => {
  await page.goto(editUrl(baseUrl, documentId), { waitUntil: 'domcontentloaded' });
  await panel(page).waitFor({ timeout: 90000 });
  if (state) await expectState(page, state);
};

/** Sign in as `user` straight into a document's edit view. */
const signInTo = async (page, baseUrl, user, documentId, { state } = {}) => {
  const { loginAs } = require('./browser');
  await loginAs(page, baseUrl, user, { to: `/content-manager/collection-types/${ARTICLE}/${documentId}` });
  await panel(page).waitFor({ timeout: 90000 });
  if (state) await expectState(page, state);
};

/** Strapi's own Publish button (the panel has a workflow "Publish" too). */
const strapiPublishButton = (page) => page.locator('button:not([data-workflow-action])').filter({ hasText: /^Publish$/ });

/** The one state indicator: the workflow badge in the edit view's header. */
const headerState = (page) => page.getByTestId('editorial-workflow-state');

const expectState = async (page, state, timeout = 30000) => {
  await page.locator(`[data-testid="editorial-workflow-state"][data-workflow-state="${state}"]`).first().waitFor({ timeout });
};

/** Click one of the actions the panel offers (fails when it is not offered). */
const clickAction = async (page, action) => {
  const button = panel(page).locator(`[data-workflow-action="${action}"]`);
  await button.waitFor({ timeout: 10000 });
  await button.click();
};

/** Fill the labelled fields of the open workflow dialog and confirm. */
const confirmDialog = async (page, { fields = {}, confirm, timeout = 90000 }) => {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 10000 });
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByLabel(label, { exact: false }).first().fill(value);
  }
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout });
};

/** The edit view's Save button (content-manager). */
const saveDocument = async (page) => {
  const save = page.getByRole('button', { name: /^Save$/ });
  await save.click();
};

/** A notification (toast) containing the text. */
const expectNotification = async (page, text, timeout = 15000) => {
  const toast = page.locator('[role="alert"], [role="status"]').filter({ hasText: text }).first();
  await toast.waitFor({ timeout });
  return (await toast.innerText()).trim();
};

const dismissBanners = async (page) => {
  const close = page.getByRole('button', { name: /close the banner/i });
  if (await close.count()) await close.first().click().catch(() => {});
};

/** Scroll an element into view inside the admin's scrolling layout. */
const reveal = async (locator) => {
  await locator.scrollIntoViewIfNeeded();
};

module.exports = { headerState, saveDocument, signInTo, strapiPublishButton, ARTICLE, editUrl, listUrl, panel, openDocument, expectState, clickAction, confirmDialog, expectNotification, dismissBanners, reveal };
