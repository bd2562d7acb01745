'use strict';
/* global fetch, document */

/**
 * The editorial journey of the seeded story through the admin panel, as four
 * people: Ada (Author), Edna (Editor 1), Ezra (Editor 2) and Sam (Super Admin).
 */
const Database = require('better-sqlite3');
const { assert } = require('../lib/harness');
const { screenshot, setTheme } = require('../lib/browser');
const { signInTo, strapiPublishButton, ARTICLE, listUrl, panel, openDocument, expectState, clickAction, confirmDialog, expectNotification, dismissBanners, reveal } = require('../lib/admin-ui');

const SEEDED_SLUG = 'china-ready-to-export-controversial-surveillance-techniques';

const publicArticle = (baseUrl, slug) => fetch(`${baseUrl}/api/articles/slug/${slug}`);

module.exports = (spec) =>
  spec('editorial workflow in the admin panel', (step) => {
    step('fixture: the seeded story, filed by Ada (Author)', async ({ api, users, state, serverEnv }) => {
      const list = await api('GET', `/content-manager/collection-types/${ARTICLE}?page=1&pageSize=50`);
      assert.equal(list.status, 200, list.text);
      const article = list.json.results.find((row) => row.slug === SEEDED_SLUG) ?? list.json.results[0];
      assert.ok(article, 'the seed created no article (SEED_ON_BOOT)');
      state.article = article;
      state.slug = article.slug;
      // The importer creates the story without an admin author; file it under Ada's name, as if she had
      // written it (an Author may submit and edit only what she created).
      const db = new Database(serverEnv.DATABASE_FILENAME);
      try {
        const changed = db.prepare('UPDATE articles SET created_by_id = ? WHERE document_id = ?').run(users.author.id, article.documentId).changes;
        assert.ok(changed >= 1, 'no article row re-attributed');
      } finally {
        db.close();
      }
    });

    step('the public API does not serve the draft', async ({ baseUrl, state }) => {
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 404, `GET /api/articles/slug/${state.slug} answered ${response.status}`);
    });

    step('Edna (Editor): Publish is refused before approval, with the workflow’s message', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'draft' });
      await dismissBanners(page);
      const answers = [];
      const onResponse = (response) => {
        if (response.url().includes('/editorial-workflow/') || response.url().includes('/actions/publish')) answers.push(response.status());
      };
      page.on('response', onResponse);
      await strapiPublishButton(page).click();
      const message = await expectNotification(page, 'not possible in state');
      page.off('response', onResponse);
      assert.match(message, /needed state: "approved"/);
      assert.ok(answers.length > 0 && answers.every((status) => status >= 400 && status < 500), `expected a 4xx refusal, got ${answers.join(', ')}`);
      await screenshot(page, '01-publish-refused');
    });

    step('Edna assigns the story to herself with a due date', async ({ page }) => {
      const workflow = panel(page);
      await workflow.getByRole('button', { name: 'Assign to me' }).click();
      await workflow.getByLabel('Due date').fill('2030-05-12');
      await workflow.getByRole('button', { name: 'Save assignment' }).click();
      await expectNotification(page, 'Assignment saved');
      await workflow.getByText('Edna First').first().waitFor();
    });

    step('Ada (Author) submits the story for review', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.author, state.article.documentId, { state: 'draft' });
      await clickAction(page, 'submit');
      await expectState(page, 'in_review');
      await screenshot(page, '02-side-panel-author-submitted');
    });

    step('Ezra (Editor 2) requests changes with a comment', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'request_changes');
      await confirmDialog(page, { fields: { 'What needs to change': 'Attribute the DNA-testing claim and check the 2,700 figure.' }, confirm: 'Request changes' });
      await expectState(page, 'changes_requested');
    });

    step('Edna resubmits on Ada’s behalf', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'changes_requested' });
      await clickAction(page, 'submit');
      await expectState(page, 'in_review');
    });

    step('Edna cannot approve what she submitted (four-eyes)', async ({ page }) => {
      const workflow = panel(page);
      assert.equal(await workflow.locator('[data-workflow-action="approve"]').count(), 0, 'approve should not be offered to the submitter');
      await workflow.locator('[data-workflow-blocked-action="approve"]').click();
      const refusal = workflow.getByTestId('editorial-workflow-refusal');
      await refusal.waitFor({ timeout: 10000 });
      assert.match(await refusal.innerText(), /Four-eyes rule/);
      await expectState(page, 'in_review');
      await reveal(refusal);
      await screenshot(page, '03-four-eyes-refused');
    });

    step('Ezra requests changes again', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'request_changes');
      await confirmDialog(page, { fields: { 'What needs to change': 'Ada, please confirm the quote from the minister yourself.' }, confirm: 'Request changes' });
      await expectState(page, 'changes_requested');
    });

    step('Ada reads the comment in the history and resubmits', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.author, state.article.documentId, { state: 'changes_requested' });
      const history = page.getByTestId('editorial-workflow-history');
      await history.getByText('please confirm the quote from the minister').waitFor({ timeout: 10000 });
      await clickAction(page, 'submit');
      await expectState(page, 'in_review');
    });

    step('Edna approves, then publishes with the Publish button', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.editor1, state.article.documentId, { state: 'in_review' });
      await clickAction(page, 'approve');
      await expectState(page, 'approved');
      await strapiPublishButton(page).click();
      // The first publication carries the story's quotes, people, organizations and sanction records along.
      // (≈ 45 s on an idle 2-core machine, several minutes under load: see the report of `npm run test:e2e`.)
      await expectState(page, 'published', 290000);
      await expectNotification(page, 'Published');
      await screenshot(page, '04-side-panel-published');
    }, { timeout: 300000 });

    step('the public REST API serves the story', async ({ baseUrl, state }) => {
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 200, `GET /api/articles/slug/${state.slug} answered ${response.status}`);
      const body = await response.json();
      assert.equal(body.data.slug, state.slug);
    });

    step('the history timeline shows who did what, when, with comments', async ({ page }) => {
      const history = page.getByTestId('editorial-workflow-history');
      const actions = await history.locator('[data-history-action]').evaluateAll((items) => items.map((item) => item.getAttribute('data-history-action')));
      // Newest first.
      assert.deepEqual(actions.filter((action) => action !== 'assign'), [
        'publish',
        'approve',
        'submit',
        'request_changes',
        'submit',
        'request_changes',
        'submit',
      ]);
      await history.getByText('Attribute the DNA-testing claim').waitFor();
      await reveal(history);
      await screenshot(page, '05-history');
    });

    step('review notes: add one, resolve it and reopen it', async ({ page }) => {
      const notes = page.getByTestId('editorial-workflow-notes');
      await reveal(notes);
      await notes.getByLabel('Add a review note').fill('Photo credit checked with the agency.');
      await notes.getByRole('button', { name: 'Add note' }).click();
      const note = notes.locator('li[data-note-id]').filter({ hasText: 'Photo credit checked' }).first();
      await note.waitFor();
      await note.getByRole('button', { name: /^Resolve note/ }).click();
      await notes.getByText(/1 resolved|[1-9]\d* resolved/).waitFor();
      await notes.getByRole('checkbox', { name: 'Show resolved' }).click();
      const resolved = notes.locator('li[data-note-id][data-note-resolved="true"]').filter({ hasText: 'Photo credit checked' });
      await resolved.waitFor();
      await resolved.getByRole('button', { name: /^Reopen note/ }).click();
      await notes.locator('li[data-note-id][data-note-resolved="false"]').filter({ hasText: 'Photo credit checked' }).waitFor();
      await reveal(notes);
      await screenshot(page, '06-review-notes');
    });

    step('list view: the Workflow column and the state filter', async ({ page, baseUrl }) => {
      await page.goto(listUrl(baseUrl), { waitUntil: 'domcontentloaded' });
      const row = page.getByRole('row').filter({ hasText: 'China ready to export' });
      await row.locator('[data-workflow-state="published"]').waitFor({ timeout: 20000 });
      const filters = page.getByTestId('editorial-workflow-list-filters');
      await filters.getByRole('combobox', { name: 'Filter by workflow state' }).click();
      await page.getByRole('option', { name: 'In review' }).click();
      await filters.getByText(/0 documents/).waitFor({ timeout: 20000 });
      await page.getByText(/No content found|0 entries found/).first().waitFor({ timeout: 20000 });
      await filters.getByRole('combobox', { name: 'Filter by workflow state' }).click();
      await page.getByRole('option', { name: 'Published' }).click();
      await filters.getByText(/1 document/).waitFor({ timeout: 20000 });
      await row.locator('[data-workflow-state="published"]').waitFor({ timeout: 20000 });
      await filters.getByRole('button', { name: 'Assigned to me' }).click();
      await filters.getByText(/assigned to you/).waitFor({ timeout: 20000 });
      const pressed = filters.getByRole('button', { name: 'Assigned to me', pressed: true });
      await pressed.waitFor({ timeout: 20000 });
      await pressed.elementHandle().then((handle) => page.waitForFunction((button) => !button.disabled, handle));
      const badge = row.locator('[data-workflow-state="published"]');
      await badge.waitFor({ timeout: 20000 });
      assert.ok(await badge.isVisible(), 'the Workflow column is on screen');
      const box = await badge.boundingBox();
      assert.ok(box && box.x + box.width <= 1440, 'the Workflow column is visible without horizontal scrolling');
      await screenshot(page, '07-list-view-filtered');
    });

    step('correction: Edna starts it, Ezra publishes it with a correction note', async ({ page, baseUrl, users, state }) => {
      await openDocument(page, baseUrl, state.article.documentId, { state: 'published' });
      await clickAction(page, 'start_correction');
      await expectState(page, 'correcting');
      await signInTo(page, baseUrl, users.editor2, state.article.documentId, { state: 'correcting' });
      await clickAction(page, 'publish_correction');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      assert.ok(await dialog.getByRole('button', { name: 'Publish correction', exact: true }).isDisabled(), 'confirm must wait for the note');
      await screenshot(page, '08-correction-dialog');
      await confirmDialog(page, {
        fields: { 'Correction note': 'An earlier version gave the number of trained officers as 2,000.' },
        confirm: 'Publish correction',
      });
      await expectState(page, 'published', 20000);
      const response = await publicArticle(baseUrl, state.slug);
      const body = await response.json();
      assert.ok(JSON.stringify(body.data.corrections ?? []).includes('2,000'), 'the public story lists the correction');
    });

    step('withdrawal: Sam (Super Admin) withdraws with a reason', async ({ page, baseUrl, users, state }) => {
      await signInTo(page, baseUrl, users.admin, state.article.documentId, { state: 'published' });
      await clickAction(page, 'withdraw');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await screenshot(page, '09-withdraw-dialog');
      await confirmDialog(page, { fields: { 'Reason for withdrawal': 'Legal advice: a named source withdrew consent.' }, confirm: 'Withdraw' });
      await expectState(page, 'withdrawn', 20000);
      const response = await publicArticle(baseUrl, state.slug);
      assert.equal(response.status, 410, `a withdrawn story answered ${response.status}`);
    });

    step('legal hold: Sam places one with a reason; the panel shows it', async ({ page }) => {
      await clickAction(page, 'legal_hold');
      await confirmDialog(page, { fields: { 'Reason for the hold': 'Pending the complaint from the ministry.' }, confirm: 'Place legal hold' });
      await panel(page).getByText('Pending the complaint from the ministry.').first().waitFor({ timeout: 15000 });
      await panel(page).locator('[data-workflow-action="release_hold"]').waitFor();
    });

    step('dark theme: the panels read in the dark', async ({ page, baseUrl, state }) => {
      await setTheme(page, 'dark');
      await openDocument(page, baseUrl, state.article.documentId, { state: 'withdrawn' });
      await page.waitForTimeout(500);
      await screenshot(page, '10-side-panel-dark');
      await setTheme(page, 'light');
    });

    step('every control in the workflow panels is labelled and reachable by keyboard', async ({ page }) => {
      const unlabelled = await page.evaluate(() => {
        const roots = ['editorial-workflow-panel', 'editorial-workflow-notes', 'editorial-workflow-history']
          .map((id) => document.querySelector(`[data-testid="${id}"]`))
          .filter(Boolean);
        const problems = [];
        for (const root of roots) {
          for (const element of root.querySelectorAll('button, input, textarea, select, [role="combobox"], [role="checkbox"]')) {
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
      // Tab from the notes' text box reaches its button.
      const notes = page.getByTestId('editorial-workflow-notes');
      await notes.getByLabel('Add a review note').focus();
      await page.keyboard.type('Keyboard only');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      assert.equal(focused, 'Add note');
    });
  });
