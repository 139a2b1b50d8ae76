/** The admin's way in from the desk's header, and the admin index page that lists the operators' pages. */
export function AdminLinks() {
  return <a href="/desk/admin">Admin</a>;
}

const PAGES = [
  [
    '/desk/admin/watches',
    'Watches',
    'PubMed queries and journal feeds polled on a schedule: add, run now, pause, remove.',
  ],
  ['/desk/admin/users', 'Users', 'Accounts and roles: add (token shown once), change a role, revoke.'],
  [
    '/desk/admin/webhooks',
    'Webhooks',
    'URLs told when papers are drafted, approved, published, unpublished or fail.',
  ],
  ['/admin/queues', 'Queue dashboard', 'The BullMQ queues: jobs, retries, failures (bull-board).'],
  [
    '/admin/usage',
    'LLM usage',
    'LLM calls, tokens and estimated cost per day and model, against the budgets.',
  ],
] as const;

export function AdminIndexBody() {
  return (
    <section class="narrow">
      <h1>Admin</h1>
      <ul class="admin-index">
        {PAGES.map(([href, name, what]) => (
          <li>
            <a href={href}>{name}</a>: {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
