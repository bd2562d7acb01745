/**
 * GET /editorial-workflow/assignees (admin route; Editors and Super Admins).
 * The admin users an Editor may assign a story to: active users holding a
 * workflow role (Author, Editor, Legal or Super Admin). Never carries e-mail
 * addresses: the picker shows names and roles only.
 * Plain types, no runtime imports: shared by the plugin's server and admin.
 */

/** A workflow role as the admin shows it. */
export type AssigneeRole = 'Author' | 'Editor' | 'Legal' | 'Super Admin';

export type Assignee = {
  /** Admin user id: send it as `assigneeId` to PUT …/documents/:uid/:documentId/assignment. */
  id: number;
  /** Display name: "firstname lastname", else the username, else "admin #id" (never the e-mail). */
  name: string;
  /** The user's workflow roles, in the order Author, Editor, Legal, Super Admin. */
  roles: AssigneeRole[];
};

/** Response body of GET /editorial-workflow/assignees (sorted by name). */
export type GetAssigneesResponse = { data: Assignee[] };
