import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_NAMES, CONTENT_MANAGER_ACTIONS, ROLE_PERMISSIONS } from '../constants';
import { getService, query } from '../utils/db';
import type { SettingsService } from './settings';

type ActionLike = { actionId: string; subjects?: string[] };
type PermissionLike = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

type AdminPermissionService = { actionProvider: { get(actionId: string): ActionLike | undefined } };
type AdminContentTypeService = { getPermissionsWithNestedFields(actions: ActionLike[]): PermissionLike[] };
type AdminRoleService = {
  findOne(params: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: { name: string; description: string }): Promise<{ id: number }>;
  addPermissions(roleId: number, permissions: PermissionLike[]): Promise<unknown>;
};

const DESCRIPTIONS: Record<keyof typeof ADMIN_ROLE_NAMES, string> = {
  author: 'Writes and submits their own stories for review (editorial workflow).',
  editor: 'Reviews, approves, publishes and corrects stories (editorial workflow).',
  legal: 'Places and releases legal holds on stories (editorial workflow).',
};

export type RolesService = {
  /**
   * Create the Author, Editor and Legal admin roles when missing and give them
   * their content-manager permissions on the newsroom types. Idempotent: only
   * missing roles and permissions are added; nothing is removed.
   * Runs from the app's bootstrap: Strapi creates its default roles (Super Admin,
   * Editor, Author) in the admin's bootstrap, which runs after plugins' bootstraps.
   */
  ensureRoles(): Promise<{ created: string[]; permissionsAdded: number }>;
};

export default ({ strapi }: { strapi: Core.Strapi }): RolesService => ({
  async ensureRoles() {
    const roleService = strapi.service('admin::role') as unknown as AdminRoleService;
    const { actionProvider } = strapi.service('admin::permission') as unknown as AdminPermissionService;
    const contentTypeService = strapi.service('admin::content-type') as unknown as AdminContentTypeService;
    const { contentTypes, cascade } = getService<SettingsService>(strapi, 'settings').get();
    // The workflow's types and everything a publication can carry along.
    const subjects = new Set<string>([...Object.keys(contentTypes), ...Object.values(cascade).flatMap((steps) => steps.map((step) => step.target))]);

    const created: string[] = [];
    let permissionsAdded = 0;
    for (const key of Object.keys(ADMIN_ROLE_NAMES) as (keyof typeof ADMIN_ROLE_NAMES)[]) {
      const name = ADMIN_ROLE_NAMES[key];
      let role = await roleService.findOne({ name });
      if (!role) {
        role = await roleService.create({ name, description: DESCRIPTIONS[key] });
        created.push(name);
      }

      const actions = ROLE_PERMISSIONS[key]
        .map((short) => actionProvider.get(CONTENT_MANAGER_ACTIONS[short]))
        .filter((action): action is ActionLike => action !== undefined)
        .map((action) => ({ ...action, subjects: (action.subjects ?? []).filter((subject) => subjects.has(subject)) }));
      const wanted = contentTypeService.getPermissionsWithNestedFields(actions);
      const existing = await query(strapi, 'admin::permission').findMany({ where: { role: { id: role.id } }, select: ['action', 'subject'] });
      const have = new Set(existing.map((permission) => `${String(permission.action)}|${String(permission.subject)}`));
      const missing = wanted
        .filter((permission) => !have.has(`${permission.action}|${String(permission.subject)}`))
        // An Author edits only what they created (Strapi's own "is creator" condition).
        .map((permission) =>
          key === 'author' && permission.action !== CONTENT_MANAGER_ACTIONS.read && permission.action !== CONTENT_MANAGER_ACTIONS.create
            ? { ...permission, conditions: ['admin::is-creator'] }
            : permission,
        );
      if (missing.length) {
        await roleService.addPermissions(role.id, missing);
        permissionsAdded += missing.length;
      }
    }
    return { created, permissionsAdded };
  },
});
