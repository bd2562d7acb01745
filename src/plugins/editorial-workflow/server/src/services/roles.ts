import type { Core } from '@strapi/strapi';
import { ADMIN_ROLE_NAMES, CONTENT_MANAGER_ACTIONS } from '../constants';
import { ROLE_PLAN, sameConditions, type SubjectKind, type WorkflowRoleKey } from '../roles/plan';
import { getService, query } from '../utils/db';
import type { SettingsService } from './settings';

type ActionLike = { actionId: string; subjects?: string[] };
type Properties = { fields?: string[] } & Record<string, unknown>;
type PermissionLike = { action: string; subject?: string | null; properties?: Properties; conditions?: string[] };
type StoredPermission = PermissionLike & { id: number };

type AdminPermissionService = { actionProvider: { get(actionId: string): ActionLike | undefined } };
type AdminContentTypeService = { getPermissionsWithNestedFields(actions: ActionLike[]): PermissionLike[] };
type AdminRoleService = {
  findOne(params: Record<string, unknown>): Promise<{ id: number } | null>;
  create(attributes: { name: string; description: string }): Promise<{ id: number }>;
  addPermissions(roleId: number, permissions: PermissionLike[]): Promise<unknown>;
};

const DESCRIPTIONS: Record<WorkflowRoleKey, string> = {
  author: 'Writes and edits the stories they created or are assigned to, and submits them for review (editorial workflow).',
  editor: 'Reviews, approves, publishes and corrects stories, and assigns them (editorial workflow).',
  legal: 'Places and releases legal holds on stories (editorial workflow).',
};

export type RolesService = {
  /**
   * Create the Author, Editor and Legal admin roles when missing and reconcile
   * their content-manager permissions on the newsroom types with roles/plan.ts:
   * missing grants are added, a managed grant's conditions are set to the plan's,
   * and fields added to a schema since are added to it. Other grants an
   * administrator gave are left alone. Idempotent.
   */
  ensureRoles(): Promise<{ created: string[]; permissionsAdded: number }>;
  /**
   * Run ensureRoles at boot, from the plugin's bootstrap, right after the admin
   * created Strapi's default roles (Super Admin, Editor, Author) and registered
   * its conditions: the admin bootstrap runs after every plugin's, and its last
   * role step on every boot is the Super Admin reset, whose hook we join.
   */
  registerBootstrapSync(): void;
};

type WaterfallHook = { register(handler: (value: unknown) => unknown): unknown; delete(handler: (value: unknown) => unknown): unknown };

export default ({ strapi }: { strapi: Core.Strapi }): RolesService => {
  /**
   * The newsroom types by kind: references are what a publication carries along
   * without owning it (they stay readable to all, so relation pickers list them,
   * even a type also under the workflow such as sanction records when enabled);
   * stories are the other workflow types and what they own (an article's quotes).
   */
  const subjectsByKind = (): Record<SubjectKind, string[]> => {
    const { contentTypes, cascade } = getService<SettingsService>(strapi, 'settings').get();
    const steps = Object.values(cascade).flat();
    const references = new Set(steps.filter((step) => !step.owned).map((step) => step.target));
    const stories = new Set([...Object.keys(contentTypes), ...steps.filter((step) => step.owned).map((step) => step.target)]);
    return { story: [...stories].filter((uid) => !references.has(uid)), reference: [...references] };
  };

  const ensureRoles: RolesService['ensureRoles'] = async () => {
    const roleService = strapi.service('admin::role') as unknown as AdminRoleService;
    const { actionProvider } = strapi.service('admin::permission') as unknown as AdminPermissionService;
    const contentTypeService = strapi.service('admin::content-type') as unknown as AdminContentTypeService;
    const kinds = subjectsByKind();

    const created: string[] = [];
    let permissionsAdded = 0;
    let permissionsUpdated = 0;
    for (const key of Object.keys(ADMIN_ROLE_NAMES) as WorkflowRoleKey[]) {
      const name = ADMIN_ROLE_NAMES[key];
      let role = await roleService.findOne({ name });
      if (!role) {
        role = await roleService.create({ name, description: DESCRIPTIONS[key] });
        created.push(name);
      }
      const existing = (await query(strapi, 'admin::permission').findMany({
        where: { role: { id: role.id } },
        select: ['id', 'action', 'subject', 'properties', 'conditions'],
      })) as unknown as StoredPermission[];
      const byKey = new Map(existing.map((permission) => [`${permission.action}|${String(permission.subject)}`, permission]));

      const missing: PermissionLike[] = [];
      for (const kind of ['story', 'reference'] as const) {
        for (const grant of ROLE_PLAN[key][kind]) {
          const action = actionProvider.get(CONTENT_MANAGER_ACTIONS[grant.action]);
          if (!action) continue;
          const subjects = (action.subjects ?? []).filter((subject) => kinds[kind].includes(subject));
          for (const wanted of contentTypeService.getPermissionsWithNestedFields([{ ...action, subjects }])) {
            const have = byKey.get(`${wanted.action}|${String(wanted.subject)}`);
            if (!have) {
              missing.push({ ...wanted, conditions: grant.conditions });
              continue;
            }
            const fields = have.properties?.fields;
            const newFields = (wanted.properties?.fields ?? []).filter((field) => Array.isArray(fields) && !fields.includes(field));
            if (sameConditions(have.conditions, grant.conditions) && !newFields.length) continue;
            await query(strapi, 'admin::permission').update({
              where: { id: have.id },
              data: {
                conditions: grant.conditions,
                properties: { ...have.properties, ...(Array.isArray(fields) ? { fields: [...fields, ...newFields] } : {}) },
              },
            });
            permissionsUpdated += 1;
          }
        }
      }
      if (missing.length) {
        await roleService.addPermissions(role.id, missing);
        permissionsAdded += missing.length;
      }
    }
    if (permissionsUpdated) strapi.log.info(`editorial-workflow: ${permissionsUpdated} role permission(s) brought in line with the plugin's role plan.`);
    return { created, permissionsAdded };
  };

  return {
    ensureRoles,
    registerBootstrapSync() {
      const { hooks } = strapi.service('admin::role') as unknown as { hooks: { willResetSuperAdminPermissions: WaterfallHook } };
      const hook = hooks.willResetSuperAdminPermissions;
      // @strapi/admin keeps this hook in module scope: it is shared by every Strapi created in one process, not
      // owned by this instance. A handler left registered would run again at the next instance's boot against
      // this one's destroyed database ("Unable to acquire a connection": a second app booted in one process, as
      // a backup restore next to its source does). The admin calls it once per boot, so the handler is one-shot.
      const handler = async (permissions: unknown) => {
        hook.delete(handler);
        await ensureRoles();
        return permissions;
      };
      hook.register(handler);
    },
  };
};
