import type { Core } from '@strapi/strapi';
import type { Assignee, AssigneeRole } from '../../../shared/contracts/assignees';
import { ROLE_LABELS } from '../constants';
import { query } from '../utils/db';
import { rolesOfAdmin } from './actors';

type UserRow = { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; roles?: { code?: string; name?: string }[] };

export type AssigneesService = {
  /** Active admin users holding a workflow role, by name: who a story can be assigned to. No e-mail addresses. */
  list(): Promise<Assignee[]>;
};

/** Author, Editor, Legal, Super Admin: the order the contract promises. */
const ROLE_ORDER: AssigneeRole[] = ['Author', 'Editor', 'Legal', 'Super Admin'];

export default ({ strapi }: { strapi: Core.Strapi }): AssigneesService => ({
  async list() {
    // Select the name fields only: the e-mail address never leaves the database here.
    const users = (await query(strapi, 'admin::user').findMany({
      where: { isActive: true, $or: [{ blocked: false }, { blocked: { $null: true } }] },
      select: ['id', 'firstname', 'lastname', 'username'],
      populate: { roles: { select: ['code', 'name'] } },
    })) as unknown as UserRow[];
    return users
      .map((user) => ({
        id: user.id,
        name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || `admin #${user.id}`,
        roles: ROLE_ORDER.filter((label) => rolesOfAdmin(user).some((role) => ROLE_LABELS[role] === label)),
      }))
      .filter((assignee) => assignee.roles.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  },
});
