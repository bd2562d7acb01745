'use strict';
/* global fetch */

/**
 * Admin users through Strapi's own admin API: the first Super Admin with
 * `POST /admin/register-admin`, the others with `POST /admin/users` (an
 * invitation) + `POST /admin/register` (accepting it with a password).
 */

const PASSWORD = 'E2e-Password-1';

const call = async (baseUrl, method, url, { token, body } = {}) => {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
};

const expectOk = (result, what) => {
  if (result.status >= 300) throw new Error(`${what}: HTTP ${result.status} ${result.text.slice(0, 500)}`);
  return result.json;
};

const login = async (baseUrl, email, password = PASSWORD) =>
  expectOk(await call(baseUrl, 'POST', '/admin/login', { body: { email, password } }), `login ${email}`).data.token;

/**
 * Create the Super Admin and one user per { key, firstname, lastname, role }.
 * Roles are looked up by name (Strapi's default "Author" and "Editor"; the
 * workflow plugin creates "Legal" if missing). Returns { [key]: { id, email, password, firstname, lastname, role } }.
 */
const createUsers = async (baseUrl, people) => {
  const superAdmin = { key: 'admin', firstname: 'Sam', lastname: 'Super', email: 'super@e2e.test', role: 'Super Admin' };
  const registered = expectOk(
    await call(baseUrl, 'POST', '/admin/register-admin', {
      body: { email: superAdmin.email, password: PASSWORD, firstname: superAdmin.firstname, lastname: superAdmin.lastname },
    }),
    'register-admin',
  );
  const token = registered.data.token;
  const users = { admin: { ...superAdmin, id: registered.data.user.id, password: PASSWORD } };

  const roles = expectOk(await call(baseUrl, 'GET', '/admin/roles', { token }), 'list roles').data;
  for (const person of people) {
    const role = roles.find((candidate) => candidate.name === person.role);
    if (!role) throw new Error(`No admin role named "${person.role}" (roles: ${roles.map((r) => r.name).join(', ')})`);
    const created = expectOk(
      await call(baseUrl, 'POST', '/admin/users', {
        token,
        body: { email: person.email, firstname: person.firstname, lastname: person.lastname, roles: [role.id] },
      }),
      `create ${person.email}`,
    ).data;
    expectOk(
      await call(baseUrl, 'POST', '/admin/register', {
        body: {
          registrationToken: created.registrationToken,
          userInfo: { firstname: person.firstname, lastname: person.lastname, password: PASSWORD },
        },
      }),
      `register ${person.email}`,
    );
    users[person.key] = { ...person, id: created.id, password: PASSWORD };
  }
  return { users, token };
};

module.exports = { call, login, createUsers, expectOk, PASSWORD };
