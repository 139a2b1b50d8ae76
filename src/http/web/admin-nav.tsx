/** The admin's links in the desk's header: operators' pages on the desk and the queue dashboard. */
export function AdminLinks() {
  return (
    <>
      <a href="/desk/admin/watches">Watches</a>
      <a href="/desk/admin/users">Users</a>
      <a href="/desk/admin/webhooks">Webhooks</a>
      <a href="/admin/queues">Queue dashboard</a>
    </>
  );
}
