import path from 'path';
import type { Core } from '@strapi/strapi';
import { walkGraph, type GraphFacts } from './graph-walk';

/**
 * The Content API's output sanitizer for a stored page graph, without its two
 * built-in asynchronous walks when they would change nothing.
 *
 * Strapi's `sanitize.contentAPI.output` runs (1) a walk removing private and
 * password attributes, (2) a walk removing relations whose target the caller
 * may not `find`, then (3) the sanitizers plugins registered for
 * `content-api.output` (users-permissions registers one). A stored page holds
 * only the preset's public fields, so for a caller who may read every type the
 * page reaches (the Public role as shipped) walks 1 and 2 return the graph
 * unchanged — and they were a quarter of a cold page read's CPU (bench S1
 * cold). So: one synchronous pass (graph-walk.ts) collects the relation
 * targets present and anything only Strapi may judge; the caller's `find` on
 * each target is asked with the same `strapi.auth.verify` call walk 2 makes;
 * if all pass and nothing else applies, walks 1 and 2 are skipped and the
 * registered sanitizers run as Strapi runs them — but for users-permissions'
 * own (below), skipped when the graph reaches no role. Otherwise Strapi's whole
 * sanitizer runs. tests/integration/delivery/public-output.test.ts compares
 * both paths, including a Public role without `find` on experts.
 */
const mayFind = async (strapi: Core.Strapi, auth: unknown, target: string): Promise<boolean> => {
  try {
    await strapi.auth.verify(auth as never, { scope: `${target}.find` } as never);
    return true;
  } catch {
    return false;
  }
};

type Sanitizer = (schema: unknown) => (data: unknown) => unknown;

export const registeredOutputSanitizers = (strapi: Core.Strapi): Sanitizer[] =>
  (strapi.sanitizers.get('content-api.output') as Sanitizer[] | undefined) ?? [];

const ROLE_UID = 'plugin::users-permissions.role';

/**
 * The sanitizer users-permissions registers for `content-api.output` (its register.js): a third walk over the
 * whole graph that removes one thing, the `users` relation of a role entity. On a page that reaches no role it
 * changes nothing, and it was a fifth of a cold page read's CPU (4.4–4.9 → 3.5–3.6 ms a request, A/B of bench
 * S1 cold). It is recognised by identity (the package exports no path to it; this is the module Strapi loaded);
 * if it cannot be found, it simply runs.
 */
const usersPermissionsSanitizer: unknown = (() => {
  try {
    const dir = path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(dir, 'dist/server/utils/sanitize/sanitizers.js')) as { __require: () => { defaultSanitizeOutput: unknown } };
    return loaded.__require().defaultSanitizeOutput ?? null;
  } catch {
    return null;
  }
})();

export const isUsersPermissionsSanitizer = (sanitizer: unknown): boolean => usersPermissionsSanitizer !== null && sanitizer === usersPermissionsSanitizer;

/** Would this registered sanitizer change nothing on a graph of `uid` with these facts? */
const changesNothing = (sanitizer: Sanitizer, uid: string, facts: GraphFacts): boolean =>
  isUsersPermissionsSanitizer(sanitizer) && uid !== ROLE_UID && !facts.relationTargets.has(ROLE_UID);

export type PublicOutput<T> = { data: T; facts: GraphFacts; fastPath: boolean };

export const sanitizeGraphOutput = async <T>(strapi: Core.Strapi, uid: string, data: T, auth: unknown): Promise<PublicOutput<T>> => {
  const facts = walkGraph(strapi, uid, data);
  if (!facts.needsFullSanitize) {
    let readable = true;
    // Without `auth` the sanitizer does not check relations at all (sanitize.contentAPI.output).
    if (auth) {
      for (const target of facts.relationTargets) {
        if (!(await mayFind(strapi, auth, target))) {
          readable = false;
          break;
        }
      }
    }
    if (readable) {
      const schema = strapi.getModel(uid as never);
      let output: unknown = data;
      for (const sanitizer of registeredOutputSanitizers(strapi)) {
        if (!changesNothing(sanitizer, uid, facts)) output = await sanitizer(schema)(output);
      }
      return { data: output as T, facts, fastPath: true };
    }
  }
  const sanitized = (await strapi.contentAPI.sanitize.output(data as never, strapi.getModel(uid as never), { auth: auth as never })) as T;
  return { data: sanitized, facts: walkGraph(strapi, uid, sanitized), fastPath: false };
};
