'use strict';
/* global fetch, document, window */

/**
 * A desk's day on the seeded story, in the admin panel, as five people: Ada
 * (Author, who did NOT create the story), Edna and Ezra (Editors), Lena (Legal)
 * and Sam (Super Admin). Every step leaves a numbered screenshot in
 * tests/e2e/screenshots (described in docs/desk-admin.md).
 */
const { assert } = require('../lib/harness');
const { screenshot, setTheme, loginAs } = require('../lib/browser');
const {
  signInTo,
  strapiPublishButton,
  ARTICLE,
  editUrl,
  panel,
  openDocument,
  expectState,
  clickAction,
  confirmDialog,
  expectNotification,
  dismissBanners,
  reveal,
  saveDocument,
} = require('../lib/admin-ui');

const QUOTE = 'api::quote.quote';
const SEEDED_SLUG = 'china-ready-to-export-controversial-surveillance-techniques';
const publicArticle = (baseUrl, slug) => fetch(`${baseUrl}/api/articles/slug/${slug}`);

/** Append a sentence at the end of the body (the blocks editor) and save. */
const editBody = async (page, text) => {
  const editor = page.locator('[contenteditable="true"][role="textbox"]').first();
  await editor.waitFor({ timeout: 15000 });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForTimeout(300);
  await saveDocument(page);
  await expectNotification(page, /Saved|saved/, 90000);
};

module.exports = (spec) =>
  spec('a desk works on the seeded story in the admin panel', (step) => {
    step('fixture: the seeded story (created by the importer, not by Ada)', async ({ api, state, users }) => {
      const list = await api('GET', `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=50`);
      assert.equal(list.status, 200, list.text);
      const article = list.json.results.find((row) => row.slug === SEEDED_SLUG);
      assert.ok(article, 'the seed created no article (SEED_ON_BOOT)');
      assert.notEqual(article.createdBy?.id, users.author.id, 'Ada must not be the creator');
      state.article = article;
      state.slug = article.slug;
      const quotes = await api('GET', `/content-manager/collection-types/${QUOTE}?page=1&pageSize=100`);
      assert.equal(quotes.status, 200, quotes.text);
      state.quote = quotes.json.results.find((row) => String(row.text).startsWith('A way for Beijing to extend its aura'));
      assert.ok(state.quote, 'the seeded quote of Sheena Greitens');
    });

    step('the public API does not serve the draft', async ({ baseUrl, state }) => {
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 404);
    });

    step('Edna (Editor): Strapi’s Publish is refused before approval, with the workflow’s message', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'draft' });
      await dismissBanners(page);
      await strapiPublishButton(page).click();
      const message = await expectNotification(page, 'not possible in state');
      assert.match(message, /approved/);
      await screenshot(page, '01-publish-refused-before-approval');
    });

    step('Edna assigns the story to Ada (Author) with a due date, from the assignee list', async ({ page, users }) => {
      const workflow = panel(page);
      await workflow.getByRole('combobox', { name: 'Assignee' }).click();
      const option = page.getByRole('option', { name: /Ada Author/ });
      await option.waitFor({ timeout: 10000 });
      // The list comes from /editorial-workflow/assignees: names and roles, no e-mail address.
      const options = await page.getByRole('option').allInnerTexts();
      assert.ok(options.every((text) => !text.includes('@')), `no e-mail in the picker: ${options.join(' | ')}`);
      await option.click();
      await workflow.getByLabel('Due date').fill('2030-05-12');
      await workflow.getByRole('button', { name: 'Save assignment' }).click();
      await expectNotification(page, 'Assignment saved');
      await workflow.getByText(`${users.author.firstname} ${users.author.lastname}`).first().waitFor();
      await screenshot(page, '02-assigned-to-author');
    });

    step('Ada finds the story under “My queue” on the home page and opens it', async ({ page, baseUrl, users, state }) => {
      await loginAs(page, baseUrl, users.author, { to: '/' });
      const queue = page.getByTestId('editorial-workflow-my-queue');
      await queue.waitFor({ timeout: 90000 });
      const link = queue.locator(`[data-queue-document="${state.article.documentId}"] a`).first();
      await link.waitFor({ timeout: 15000 });
      await reveal(queue);
      await screenshot(page, '03-home-my-queue');
      await link.click();
      await panel(page).waitFor({ timeout: 30000 });
      await expectState(page, 'draft');
    });

    step('Ada changes a quote’s speaker through the relation picker', async ({ page, baseUrl, state }) => {
      await page.goto(editUrl(baseUrl, state.quote.documentId, QUOTE), { waitUntil: 'domcontentloaded' });
      const picker = page.getByRole('combobox', { name: /^Speaker\b(?! (organi|desc|title))/i }).first();
      await picker.waitFor({ timeout: 30000 });
      await picker.click();
      await picker.fill('Bethany');
      await page.getByRole('option', { name: /Bethany Allen/ }).first().click();
      await saveDocument(page);
      await expectNotification(page, /Saved|saved/);
      await page.getByText(/Bethany Allen/).first().waitFor({ timeout: 15000 });
      // The history records the save with the field it changed.
      await page.getByTestId('editorial-workflow-history').getByText(/Changed: .*Speaker/).first().waitFor({ timeout: 30000 });
      await screenshot(page, '04-author-changed-quote-speaker');
    });

    step('Ada submits the story', async ({ page, baseUrl, state }) => {
      await openDocument(page, baseUrl, state.article.documentId, { state: 'draft' });
      await clickAction(page, 'submit');
      await expectState(page, 'in_review');
    });

    step('Edna edits the body during review and is then refused Approve, with the server’s reason', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'in_review' });
      await editBody(page, ' (Edited in review.)');
      const workflow = panel(page);
      const blocked = workflow.locator('[data-workflow-blocked-action="approve"]');
      await blocked.waitFor({ timeout: 15000 });
      assert.equal(await workflow.locator('[data-workflow-action="approve"]').count(), 0, 'Approve is not offered to an editor of the content');
      assert.match(await blocked.innerText(), /four-eyes|edited|changed|saved/i);
      await reveal(blocked);
      await screenshot(page, '05-four-eyes-editor-of-body-refused');
    });

    step('Ezra requests changes; Ada sees the comment at the top of the panel and resubmits', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'request_changes');
      await confirmDialog(page, { fields: { 'What needs to change': 'Attribute the DNA-testing claim and check the 2,700 figure.' }, confirm: 'Request changes' });
      await expectState(page, 'changes_requested');
      await signInTo(page, baseUrl, users.author, state.article.documentId, { state: 'changes_requested' });
      const comment = page.getByTestId('editorial-workflow-requested-changes');
      await comment.getByText('Attribute the DNA-testing claim').waitFor({ timeout: 15000 });
      await screenshot(page, '06-requested-changes-on-top');
      await clickAction(page, 'submit');
      await expectState(page, 'in_review');
      assert.equal(await page.getByTestId('editorial-workflow-requested-changes').count(), 0, 'the comment goes away with the next submission');
    });

    step('Ezra (second Editor) approves, after seeing the diff in the dialog', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'approve');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByTestId('editorial-workflow-diff').or(dialog.getByText(/does not differ|No field/)).first().waitFor({ timeout: 15000 });
      await screenshot(page, '07-approve-dialog-diff');
      await confirmDialog(page, { confirm: 'Approve' });
      await expectState(page, 'approved');
    });

    step('a content edit after approval sends the story back to review', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.author, state.article.documentId, { state: 'approved' });
      await editBody(page, ' (Author fix after approval.)');
      await expectState(page, 'in_review', 20000);
      const history = page.getByTestId('editorial-workflow-history');
      await history.getByText(/content changed after approval|Changed: /i).first().waitFor({ timeout: 15000 });
      await screenshot(page, '08-back-to-review-after-edit');
    });

    step('Ezra approves the new version', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'approve');
      await confirmDialog(page, { confirm: 'Approve' });
      await expectState(page, 'approved');
    });

    step('publish is refused while import flags are open; then published with an override reason', async ({ page, baseUrl, state }) => {
      await clickAction(page, 'publish');
      const dialog = page.getByRole('dialog');
      const blockers = dialog.getByTestId('editorial-workflow-publish-blockers');
      await blockers.waitFor({ timeout: 15000 });
      assert.match(await blockers.innerText(), /flag|publication date/i);
      assert.ok(await dialog.getByRole('button', { name: 'Publish anyway', exact: true }).isDisabled(), 'confirm waits for the reason');
      await screenshot(page, '09-publish-blockers-override');
      await confirmDialog(page, {
        fields: { 'Override reason': 'Flags reviewed on paper with the desk chief; date set on publication.' },
        confirm: 'Publish anyway',
        timeout: 290000,
      });
      await expectState(page, 'published', 290000);
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 200);
      // No stale state anywhere after the action.
      assert.equal(await page.getByText(/·\s*APPROVED/i).count(), 0);
    }, { timeout: 300000 });

    step('a correction: Edna starts it and edits; Ezra publishes it as a correction, seeing the body diff', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'published' });
      await clickAction(page, 'start_correction');
      await expectState(page, 'correcting');
      await editBody(page, ' Police trained 2,700 officers.');
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'correcting' });
      await clickAction(page, 'publish_correction');
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('editorial-workflow-diff').waitFor({ timeout: 15000 });
      await dialog.getByText('2,700 officers').first().waitFor({ timeout: 15000 });
      await screenshot(page, '10-correction-dialog-diff');
      await confirmDialog(page, {
        fields: { 'Correction note': 'An earlier version omitted the number of trained officers.' },
        confirm: 'Publish correction',
        timeout: 290000,
      });
      await expectState(page, 'published', 290000);
      const body = await (await publicArticle(baseUrl, state.slug)).json();
      assert.ok(JSON.stringify(body.data.corrections ?? []).includes('omitted the number'), 'the public story lists the correction');
      state.corrections = (body.data.corrections ?? []).length;
    }, { timeout: 300000 });

    step('an update (a typo): no public note, but the diff and a history entry', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'published' });
      await clickAction(page, 'start_correction');
      await expectState(page, 'correcting');
      await editBody(page, ' Typo fixed.');
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'correcting' });
      await clickAction(page, 'publish_correction');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: /^Update/ }).click();
      await dialog.getByTestId('editorial-workflow-diff').waitFor({ timeout: 15000 });
      await screenshot(page, '11-update-dialog-diff');
      await confirmDialog(page, { confirm: 'Publish update', timeout: 290000 });
      await expectState(page, 'published', 290000);
      const body = await (await publicArticle(baseUrl, state.slug)).json();
      assert.equal((body.data.corrections ?? []).length, state.corrections, 'an update adds no public note');
    }, { timeout: 300000 });

    step('an embargo on the live story is refused with how to take it down', async ({ page, state, api }) => {
      // The edit form's date picker is Strapi's own; the refusal comes from the server either way.
      const result = await page.evaluate(
        async ({ documentId }) => {
          const token = JSON.parse(window.localStorage.getItem('jwtToken') || 'null') || decodeURIComponent((document.cookie.match(/jwtToken=([^;]+)/) || [])[1] || '');
          const response = await fetch(`/content-manager/collection-types/api::article.article/${documentId}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ embargoedUntil: '2031-01-01T00:00:00.000Z' }),
          });
          return { status: response.status, body: await response.text() };
        },
        { documentId: state.article.documentId },
      );
      assert.ok(result.status >= 400 && result.status < 500, `embargo on a live story answered ${result.status}`);
      assert.match(result.body, /withdraw/i);
      const after = await api('GET', `/content-manager/collection-types/${ARTICLE}/${state.article.documentId}`);
      assert.ok(!after.json.data.embargoedUntil, 'no embargo was stored');
      await expectState(page, 'published');
    });

    step('Edna (Editor) withdraws with an internal reason and a public notice; the 410 shows the notice only', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'published' });
      await clickAction(page, 'withdraw');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The dialog opens on its first field, not on ✕.
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
      await dialog.getByLabel('Internal reason').fill('Source S-14 withdrew consent; legal advice 2030-05-13.');
      await dialog.getByLabel('Public notice').fill('This story has been withdrawn pending a review of its sources.');
      await screenshot(page, '12-withdraw-dialog');
      await confirmDialog(page, { confirm: 'Withdraw', timeout: 60000 });
      await expectState(page, 'withdrawn', 60000);
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 410);
      const text = await response.text();
      assert.match(text, /withdrawn pending a review of its sources/);
      assert.doesNotMatch(text, /S-14|legal advice/);
      // Focus went back to the panel, not to the page body.
      assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
    }, { timeout: 120000 });

    step('Edna reinstates the story: back in review, for a second editor', async ({ page }) => {
      await clickAction(page, 'reinstate');
      await confirmDialog(page, { fields: { 'Why it comes back': 'Sources re-confirmed.' }, confirm: 'Reinstate' });
      await expectState(page, 'in_review', 20000);
      await screenshot(page, '13-reinstated-in-review');
    });

    step('history: content saves with their fields; two versions compared', async ({ page }) => {
      const history = page.getByTestId('editorial-workflow-history');
      await reveal(history);
      const actions = await history.locator('[data-history-action]').evaluateAll((items) => items.map((item) => item.getAttribute('data-history-action')));
      assert.ok(actions.includes('withdraw') && actions.includes('publish'), actions.join(','));
      await history.getByText(/Changed: .*Body/).first().waitFor({ timeout: 10000 });
      // After the withdrawal there is no live version: compare the draft with an earlier content save.
      await page.locator('[data-version="draft"]').click();
      await page.locator('[data-version]:not([data-version="draft"]):not([data-version="published"])').first().click();
      await page.getByRole('button', { name: 'Compare selected versions' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByText(/Body|The two versions have the same content/).first().waitFor({ timeout: 15000 });
      await screenshot(page, '14-history-compare');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await screenshot(page, '15-history-timeline', { fullPage: true });
    });

    step('list view: workflow, assignee, due and section columns; bulk approve with a per-document outcome', async ({ page, baseUrl, users }) => {
      await loginAs(page, baseUrl, users.editor1, { to: `/content-manager/collection-types/${ARTICLE}` });
      const row = page.getByRole('row').filter({ hasText: 'China ready to export' });
      await row.locator('[data-workflow-state="in_review"]').waitFor({ timeout: 20000 });
      await row.getByText('Ada Author').waitFor({ timeout: 20000 });
      await row.getByRole('checkbox').click();
      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Approve 1' }).click();
      const outcome = dialog.locator('[data-bulk-ok]');
      await outcome.first().waitFor({ timeout: 30000 });
      // Edna reinstated it: she counts as its submitter, so the server refuses her approval, and says why.
      assert.equal(await outcome.first().getAttribute('data-bulk-ok'), 'false');
      await screenshot(page, '16-list-bulk-outcome');
      await page.keyboard.press('Escape');
    });

    step('at 1024 px the one state indicator stays visible in the header', async ({ page, baseUrl, state }) => {
      await page.setViewportSize({ width: 1024, height: 800 });
      await page.goto(editUrl(baseUrl, state.article.documentId), { waitUntil: 'domcontentloaded' });
      const badge = page.getByTestId('editorial-workflow-state');
      await badge.waitFor({ timeout: 90000 });
      assert.ok(await badge.isVisible());
      const box = await badge.boundingBox();
      assert.ok(box && box.x + box.width <= 1024 && box.y < 800, 'the state is on screen at 1024 px');
      await screenshot(page, '17-edit-view-1024px');
      await page.setViewportSize({ width: 1440, height: 1600 });
    });

    step('Lena (Legal) places a hold; the notice says whether the story is live', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.legal, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'legal_hold');
      await confirmDialog(page, { fields: { 'Reason for the hold': 'Pending the complaint from the ministry.' }, confirm: 'Place legal hold' });
      await panel(page).getByText(/Legal hold — (not live|the story is still live)/).first().waitFor({ timeout: 15000 });
      await screenshot(page, '18-legal-hold-notice');
    });

    step('review notes: add one, resolve it and reopen it', async ({ page }) => {
      const notes = page.getByTestId('editorial-workflow-notes');
      await reveal(notes);
      await notes.getByLabel('Add a review note').fill('Photo credit checked with the agency.');
      await notes.getByRole('button', { name: 'Add note' }).click();
      const note = notes.locator('li[data-note-id]').filter({ hasText: 'Photo credit checked' }).first();
      await note.waitFor();
      await note.getByRole('button', { name: /^Resolve note/ }).click();
      await notes.getByRole('checkbox', { name: 'Show resolved' }).click();
      const resolved = notes.locator('li[data-note-id][data-note-resolved="true"]').filter({ hasText: 'Photo credit checked' });
      await resolved.waitFor();
      await resolved.getByRole('button', { name: /^Reopen note/ }).click();
      await notes.locator('li[data-note-id][data-note-resolved="false"]').filter({ hasText: 'Photo credit checked' }).waitFor();
      await reveal(notes);
      await screenshot(page, '19-review-notes');
    });

    step('dark theme: the panels read in the dark', async ({ page, baseUrl, state }) => {
      await setTheme(page, 'dark');
      await openDocument(page, baseUrl, state.article.documentId);
      await page.waitForTimeout(500);
      await screenshot(page, '20-side-panel-dark');
      await setTheme(page, 'light');
    });

    step('every control in the workflow panels is labelled and reachable by keyboard', async ({ page, baseUrl, state }) => {
      await openDocument(page, baseUrl, state.article.documentId);
      const unlabelled = await page.evaluate(() => {
        const roots = ['editorial-workflow-panel', 'editorial-workflow-notes', 'editorial-workflow-history']
          .map((id) => document.querySelector(`[data-testid="${id}"]`))
          .filter(Boolean);
        const problems = [];
        for (const root of roots) {
          for (const element of root.querySelectorAll('button, input, textarea, select, [role="combobox"], [role="checkbox"]')) {
            // Radix's hidden form input behind a design-system Checkbox (aria-hidden, tabindex -1): not a control;
            // the visible role="checkbox" button beside it is, and is checked here.
            if (element.closest('[aria-hidden="true"]')) continue;
            const labelledBy = (element.getAttribute('aria-labelledby') || '')
              .split(/\s+/)
              .filter(Boolean)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ');
            const labels = element.labels ? [...element.labels].map((label) => label.textContent).join(' ') : '';
            const name = (element.getAttribute('aria-label') || labelledBy || labels || element.textContent || element.getAttribute('title') || '').trim();
            if (!name) problems.push(element.outerHTML.slice(0, 120));
            if (element.tabIndex < 0 && !element.disabled) problems.push(`not focusable: ${element.outerHTML.slice(0, 120)}`);
          }
        }
        return problems;
      });
      assert.deepEqual(unlabelled, []);
      const notes = page.getByTestId('editorial-workflow-notes');
      await notes.getByLabel('Add a review note').focus();
      await page.keyboard.type('Keyboard only');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Add note');
    });
  });
