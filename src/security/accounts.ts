import type { Core } from '@strapi/strapi';
import type { SecuritySettings } from './settings';

/**
 * End-user accounts (users-permissions):
 * - forgot-password answers `{ ok: true }` at once for any input, known
 *   e-mail or not, and does the real work (token, e-mail) afterwards, so
 *   neither the status, the body nor the time tells whether an account
 *   exists — and a failing mail provider is logged, never a 500;
 * - public registration follows USERS_REGISTRATION (off by default) and,
 *   when on, requires e-mail confirmation;
 * - the Authenticated role reads what the Public role reads.
 */
type Ctx = { request: { body?: unknown }; state: unknown; send: (body: unknown) => void };
type Controller = { forgotPassword: (ctx: Ctx) => Promise<void> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const registerAccountRules = (strapi: Core.Strapi): void => {
  const plugin = strapi.plugin('users-permissions');
  if (!plugin) return;
  const controller = plugin.controller('auth') as unknown as Controller;
  const forgotPassword = controller.forgotPassword.bind(controller);

  controller.forgotPassword = async (ctx: Ctx) => {
    const email = (ctx.request.body as { email?: unknown } | undefined)?.email;
    ctx.send({ ok: true });
    if (typeof email !== 'string' || !EMAIL.test(email)) return;
    // Strapi's default `sendmail` provider talks to the recipient's MX servers directly (DNS + SMTP from
    // the app): no network from here until an e-mail provider is configured (docs/security.md).
    if (String(strapi.config.get('plugin::email.provider', 'sendmail')).toLowerCase() === 'sendmail') {
      strapi.log.warn('forgot-password: no e-mail provider configured (plugin::email.provider is "sendmail"): no reset e-mail sent.');
      return;
    }
    // The real reset runs detached with its own context: its outcome must not reach this response.
    const detached: Ctx = { request: { body: { email } }, state: ctx.state, send: () => undefined };
    void forgotPassword(detached).catch((error: unknown) => {
      strapi.log.warn(`forgot-password: the reset e-mail could not be sent (${error instanceof Error ? error.message : String(error)})`);
    });
  };
};

export const bootstrapAccounts = async (strapi: Core.Strapi): Promise<void> => {
  if (!strapi.plugin('users-permissions')) return;
  const settings = strapi.config.get('server.security') as SecuritySettings;
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const wanted = { ...advanced, allow_register: settings.registration, email_confirmation: settings.registration ? true : advanced.email_confirmation };
  if (JSON.stringify(wanted) !== JSON.stringify(advanced)) await store.set({ key: 'advanced', value: wanted });
  await authenticatedReadsLikePublic(strapi);
};

/** Grants the Authenticated role every Content API action the Public role has (idempotent; nothing is taken away). */
const authenticatedReadsLikePublic = async (strapi: Core.Strapi): Promise<void> => {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const [publicRole, authenticated] = await Promise.all([roles.findOne({ where: { type: 'public' } }), roles.findOne({ where: { type: 'authenticated' } })]);
  if (!publicRole || !authenticated) return;
  const actionsOf = async (role: number) =>
    ((await permissions.findMany({ where: { role }, select: ['action'] })) as { action: string }[]).map((permission) => permission.action);
  const have = new Set(await actionsOf(authenticated.id));
  for (const action of (await actionsOf(publicRole.id)).filter((name) => name.startsWith('api::') && !have.has(name))) {
    await permissions.create({ data: { action, role: authenticated.id } });
  }
};
