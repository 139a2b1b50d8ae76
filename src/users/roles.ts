/**
 * Who may do what. The one permission matrix: the API, the review desk and
 * the dashboard all ask `can(role, permission)`, so a role never gains a
 * right in one place that it lacks in another.
 */
import { Role } from '../domain/user.ts';

export { Role };

/**
 * - read: see the review queue, drafts and the audit log (drafts are not public).
 * - submit: hand in papers.
 * - review: edit drafts, approve, reject, request changes, retry failed papers.
 * - publish: publish approved drafts.
 * - admin: the queue dashboard.
 */
export type Permission = 'read' | 'submit' | 'review' | 'publish' | 'admin';

const MATRIX: Record<Role, readonly Permission[]> = {
  editor: ['read', 'submit'],
  reviewer: ['read', 'review', 'publish'],
  admin: ['read', 'submit', 'review', 'publish', 'admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[role].includes(permission);
}

/** The roles holding a permission, for "needs the reviewer or admin role" messages. */
export function rolesWith(permission: Permission): Role[] {
  return Role.options.filter((role) => can(role, permission));
}
