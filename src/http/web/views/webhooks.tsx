/**
 * The admin's webhooks page: register a URL for some events (the signing
 * secret shown once, on the page that answers the form), the hooks with
 * their last deliveries and each delivery's status, resend a delivery or
 * everything since a time, rotate a secret, remove a hook.
 */
import { type Delivery, WEBHOOK_EVENTS } from '../../../domain/webhook.ts';
import { deliveryLine, type WebhookWithDeliveries } from '../../../webhooks/manage.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import { when } from './format.ts';

const STATUS_CLASS = {
  delivered: 'status-ok',
  failed: 'status-bad',
  retrying: 'status-wait',
  pending: 'status-wait',
};

/** A secret shown once: a new hook's, or a rotated one (with when the old one stops signing). */
export interface NewSecret {
  id: string;
  url: string;
  secret: string;
  oldUntil?: string;
}

function ResendButton({ csrf, hookId, d }: { csrf: string; hookId: string; d: Delivery }) {
  if (d.status !== 'delivered' && d.status !== 'failed') return null;
  return (
    <form method="post" action={`/desk/admin/webhooks/${encodeURIComponent(hookId)}/resend`} class="inline">
      <input type="hidden" name={CSRF_FIELD} value={csrf} />
      <input type="hidden" name="delivery" value={d.id} />
      <button type="submit" class="small" title="Send it again, with this paper's later deliveries, in order">
        Resend
      </button>
    </form>
  );
}

function Deliveries({ hook, csrf }: { hook: WebhookWithDeliveries; csrf: string }) {
  if (hook.deliveries.length === 0) return <p class="small muted">No deliveries yet.</p>;
  return (
    <table class="admin-table deliveries stack">
      <thead>
        <tr>
          <th>When</th>
          <th>Event</th>
          <th>Paper</th>
          <th>Status</th>
          <th>
            <span class="visually-hidden">Resend</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {hook.deliveries.map((d) => (
          <tr data-delivery={d.id} data-status={d.status}>
            <td class="small nowrap" data-label="When">
              {when(d.updatedAt)}
            </td>
            <td data-label="Event">{d.event}</td>
            <td data-label="Paper">
              <a href={`/desk/papers/${encodeURIComponent(d.paperId)}`}>{d.paperId}</a>
            </td>
            <td class={STATUS_CLASS[d.status]} data-label="Status">
              {deliveryLine(d)}
            </td>
            <td data-label="Resend">
              <ResendButton csrf={csrf} hookId={hook.id} d={d} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WebhooksBody(props: {
  csrf: string;
  hooks: WebhookWithDeliveries[];
  created?: NewSecret | null;
  values?: { url?: string; events?: string[] };
}) {
  const chosen = props.values?.events;
  return (
    <>
      <h1>Webhooks</h1>
      <p class="muted">
        LaySum POSTs a signed JSON message to each URL when a paper is drafted, approved, published,
        unpublished or fails, each paper's events in order. Receivers check the <code>webhook-signature</code>{' '}
        header (Standard Webhooks) with the hook's secret (see docs/webhooks.md). A receiver that was away
        longer than the retries can be sent what it missed: resend one delivery, or everything since a time.
      </p>
      {props.created ? (
        <section class="panel" aria-label="New secret">
          <p>
            <strong>
              Signing secret for {props.created.id} ({props.created.url}). It is shown only this once: put it
              in the receiver's settings now.
            </strong>
          </p>
          <p class="secret-once" id="new-secret">
            {props.created.secret}
          </p>
          {props.created.oldUntil ? (
            <p class="small">The old secret also signs until {when(props.created.oldUntil)}.</p>
          ) : null}
        </section>
      ) : null}
      <form method="post" action="/desk/admin/webhooks" class="inline-add panel" aria-label="Add a webhook">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <div class="grow">
          <label for="h-url">URL</label>
          <input
            id="h-url"
            type="text"
            name="url"
            value={props.values?.url ?? ''}
            placeholder="https://"
            required
          />
        </div>
        <fieldset>
          <legend class="small">Events</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label class="small choice">
              <input type="checkbox" name="events" value={e} checked={!chosen || chosen.includes(e)} /> {e}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          Add webhook
        </button>
      </form>
      {props.hooks.length === 0 ? <p>No webhooks yet.</p> : null}
      {props.hooks.map((h) => (
        <section class="panel" data-hook={h.id} aria-label={`Webhook ${h.id}`}>
          <h2>
            <code>{h.id}</code> {h.url}
          </h2>
          <p class="small muted">
            {h.events.join(', ')} · added by {h.createdBy} on {when(h.createdAt)}
          </p>
          <Deliveries hook={h} csrf={props.csrf} />
          <form
            method="post"
            action={`/desk/admin/webhooks/${encodeURIComponent(h.id)}/resend`}
            class="inline-add"
            aria-label={`Resend to ${h.id}`}
          >
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <label for={`since-${h.id}`} class="small">
              Resend everything since (a date, or 90m, 6h, 2d)
            </label>
            <input id={`since-${h.id}`} type="text" name="since" placeholder="6h" required />
            <button type="submit">Resend</button>
          </form>
          <form
            method="post"
            action={`/desk/admin/webhooks/${encodeURIComponent(h.id)}/rotate`}
            class="inline"
          >
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <button type="submit">Rotate secret</button>
          </form>
          <form method="post" action={`/desk/admin/webhooks/${encodeURIComponent(h.id)}/remove`}>
            <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
            <button type="submit" class="danger">
              Remove {h.id}
            </button>
          </form>
        </section>
      ))}
    </>
  );
}
