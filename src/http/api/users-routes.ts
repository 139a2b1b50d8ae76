/** The account routes as OpenAPI definitions. */
import { createRoute, z } from '@hono/zod-openapi';
import { Role } from '../../users/roles.ts';
import { authErrors, errors, json, jsonRequest } from './route-kit.ts';

const UserFields = z.object({
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  email: z.string().nullable(),
  password: z.boolean().openapi({ description: 'A password is set' }),
  token: z
    .enum(['named', 'unnamed'])
    .nullable()
    .openapi({ description: 'Its token names the account, is of the older form, or there is none' }),
  sso: z.boolean().openapi({ description: 'Linked to single sign-on' }),
});
const User = UserFields.openapi('User');
/** The account just made: here `token` is the token itself (not its kind), shown this once. */
const CreatedUser = UserFields.omit({ token: true }).extend({
  token: z.string().openapi({ description: 'The bearer token, shown this once only' }),
});

const UserName = z.object({
  name: z.string().openapi({ param: { name: 'name', in: 'path' }, description: 'The account name' }),
});

// Role and email are checked by the user store, whose 400s say what to use.
const AddBody = z.object({ name: z.string(), role: z.string(), email: z.string().optional() }).strict();
const ChangeBody = z
  .object({ role: z.string().optional(), email: z.string().nullable().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.email !== undefined, 'give role, email or both');

const noSuchUser = { 404: 'No such user' };

export const listUsers = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listUsers',
  summary: 'The accounts: name, role, created (never a token) (admin)',
  responses: { 200: json(z.object({ users: z.array(User) }), 'Accounts'), ...authErrors },
});

export const addUser = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addUser',
  summary: 'Create an account; the answer carries its token, shown this once only (admin)',
  request: { body: jsonRequest(AddBody) },
  responses: {
    201: json(CreatedUser, 'Created, with the token'),
    ...errors({ 400: 'A bad name or email, or an unknown role', 409: 'A user with that name exists' }),
    ...authErrors,
  },
});

export const changeUser = createRoute({
  method: 'patch',
  path: '/{name}',
  operationId: 'changeUser',
  summary:
    'Change a role and/or the email (null clears it); credentials and sessions stay valid (admin; not your own role)',
  request: { params: UserName, body: jsonRequest(ChangeBody) },
  responses: {
    200: json(User, 'The account'),
    ...errors({
      400: 'An unknown role, a bad or taken email, or taking the admin role from yourself',
      ...noSuchUser,
    }),
    ...authErrors,
  },
});

export const removeUser = createRoute({
  method: 'delete',
  path: '/{name}',
  operationId: 'removeUser',
  summary: 'Revoke an account: its token and sessions stop working at once (admin; not your own)',
  request: { params: UserName },
  responses: {
    200: json(z.object({ name: z.string(), removed: z.boolean() }), 'Removed'),
    ...errors({ 400: 'Your own account', ...noSuchUser }),
    ...authErrors,
  },
});

export const reissueToken = createRoute({
  method: 'post',
  path: '/{name}/token',
  operationId: 'reissueToken',
  summary: 'Issue a new token (in this answer only); the old one and its desk sessions stop working (admin)',
  request: { params: UserName },
  responses: {
    201: json(z.object({ name: z.string(), token: z.string() }), 'The new token'),
    ...errors(noSuchUser),
    ...authErrors,
  },
});

export const resetLink = createRoute({
  method: 'post',
  path: '/{name}/reset-link',
  operationId: 'makeResetLink',
  summary: 'A one-time link to set the password (in this answer only; a newer link voids it) (admin)',
  request: { params: UserName },
  responses: {
    201: json(z.object({ name: z.string(), url: z.string(), expiresAt: z.string() }), 'The link'),
    ...errors(noSuchUser),
    ...authErrors,
  },
});
