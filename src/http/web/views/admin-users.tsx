/**
 * The admin's users page: accounts with their roles and ways to sign in, add
 * one (its token shown once), make a one-time link to set a password (shown
 * once), change a role, revoke.
 */

import type { ResetLink } from '../../../users/reset-links.ts';
import { Role } from '../../../users/roles.ts';
import { signInWays, type User } from '../../../users/store.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import { when } from './format.ts';

function RoleSelect({ id, selected }: { id: string; selected: string }) {
  return (
    <select id={id} name="role">
      {Role.options.map((r) => (
        <option value={r} selected={r === selected}>
          {r}
        </option>
      ))}
    </select>
  );
}

export function UsersBody(props: {
  csrf: string;
  users: User[];
  me: string;
  created?: { name: string; role: string; token: string } | null;
  resetLink?: ResetLink | null;
  values?: Record<string, string>;
}) {
  const path = (name: string, action: string) => `/desk/admin/users/${encodeURIComponent(name)}/${action}`;
  return (
    <>
      <h1>Users</h1>
      {props.created ? (
        <section class="panel" aria-label="New token">
          <p>
            <strong>
              Token for {props.created.name} ({props.created.role}). It is shown only this once: copy it now
              and hand it over privately.
            </strong>
          </p>
          <p class="secret-once" id="new-token">
            {props.created.token}
          </p>
        </section>
      ) : null}
      {props.resetLink ? <ResetLinkPanel link={props.resetLink} /> : null}
      <form method="post" action="/desk/admin/users" class="inline-add panel" aria-label="Add a user">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <div>
          <label for="u-name">Name</label>
          <input id="u-name" type="text" name="name" value={props.values?.name ?? ''} required />
        </div>
        <div>
          <label for="u-email">Email (optional)</label>
          <input id="u-email" type="text" inputmode="email" name="email" value={props.values?.email ?? ''} />
        </div>
        <div>
          <label for="u-role">Role</label>
          <RoleSelect id="u-role" selected={props.values?.role ?? 'editor'} />
        </div>
        <button type="submit" class="primary">
          Add user
        </button>
      </form>
      <p class="muted small">
        Editors submit papers; reviewers review and publish; admins do everything. A reset link lets its
        holder set the account's password once. Revoking ends the user's token, password and web sessions at
        once.
      </p>
      <table class="admin-table stack">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Created</th>
            <th>Password and access</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr data-user={u.name}>
              <td data-label="Name">
                {u.name}
                {u.name === props.me ? <span class="small muted"> (you)</span> : null}
                <div class="small muted">{signInText(u)}</div>
              </td>
              <td data-label="Role">
                <form method="post" action={path(u.name, 'role')}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
                  <label class="small" for={`role-${u.name}`}>
                    Role of {u.name}
                  </label>
                  <RoleSelect id={`role-${u.name}`} selected={u.role} />
                  <button type="submit">Change</button>
                </form>
              </td>
              <td class="small" data-label="Created">
                {when(u.createdAt)}
              </td>
              <td data-label="Password and access">
                <form method="post" action={path(u.name, 'reset')}>
                  <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
                  <button type="submit">Reset link for {u.name}</button>
                </form>
                {u.name === props.me ? null : (
                  <form
                    method="post"
                    action={path(u.name, 'revoke')}
                    data-confirm={`Revoke ${u.name}? Their token, password and web sessions stop working at once.`}
                  >
                    <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
                    <button type="submit" class="danger">
                      Revoke {u.name}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "password, token, single sign-on" and the email, as the users table shows them. */
function signInText(u: User): string {
  const ways = signInWays(u);
  const text = ways.length ? `signs in with ${ways.join(', ')}` : 'no way to sign in yet: make a reset link';
  return u.email ? `${text} (${u.email})` : text;
}

function ResetLinkPanel({ link }: { link: ResetLink }) {
  return (
    <section class="panel" aria-label="Reset link">
      <p>
        <strong>
          Link for {link.name} to set a password, until {when(link.expiresAt)}. It works once and is shown
          only this once: hand it over privately.
        </strong>
      </p>
      <p class="secret-once" id="reset-link">
        {link.url}
      </p>
    </section>
  );
}
