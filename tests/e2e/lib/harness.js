'use strict';

/**
 * A tiny sequential test harness. The e2e steps form one editorial journey, so
 * a failed step skips the rest of its spec (they would fail for the same reason)
 * and every step after that is reported as skipped. A failing step leaves a
 * screenshot `FAILED-<step>.png`.
 */
const assert = require('assert/strict');

const createHarness = ({ onFailure } = {}) => {
  const specs = [];
  const results = [];

  const spec = (name, define) => {
    const steps = [];
    define((title, fn, { timeout = 180000 } = {}) => steps.push({ title, fn, timeout }));
    specs.push({ name, steps });
  };

  const withTimeout = (promise, ms, title) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${title}`)), ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });

  const run = async (context) => {
    for (const { name, steps } of specs) {
      console.log(`\n${name}`);
      let broken = null;
      for (const { title, fn, timeout } of steps) {
        // E2E_CONTINUE=1 (while developing): run every step, even after a failure.
        if (broken && process.env.E2E_CONTINUE !== '1') {
          results.push({ spec: name, title, status: 'skipped' });
          console.log(`  - ${title} (skipped: an earlier step failed)`);
          continue;
        }
        const started = Date.now();
        try {
          await withTimeout(Promise.resolve().then(() => fn(context)), timeout, title);
          results.push({ spec: name, title, status: 'passed', ms: Date.now() - started });
          console.log(`  ✔ ${title} (${Date.now() - started} ms)`);
        } catch (error) {
          broken = error;
          results.push({ spec: name, title, status: 'failed', ms: Date.now() - started, error });
          console.log(`  ✘ ${title} (${Date.now() - started} ms)\n    ${String(error.stack || error).split('\n').slice(0, 8).join('\n    ')}`);
          if (onFailure) await onFailure(title, error).catch(() => {});
        }
      }
    }
    return results;
  };

  return { spec, run, results };
};

const summary = (results) => {
  const count = (status) => results.filter((result) => result.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
};

module.exports = { createHarness, summary, assert };
