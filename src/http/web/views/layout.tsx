/** The page frame around every desk page: skip link, nav by role, sign-out form, banners, a live region, the desk script and stylesheet (./assets/, served by ../routes/assets.ts). */

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { can } from '../../../users/roles.ts';
import type { User } from '../../../users/store.ts';
import { CSRF_FIELD } from '../../csrf.ts';
import { assetUrl } from '../assets/bundles.ts';
import { AdminLinks } from './admin-nav.tsx';

export interface Banner {
  kind: 'info' | 'error' | 'warn';
  text: string;
  hint?: string | null | undefined;
}

export interface PageProps {
  title: string;
  user: User | null;
  csrf: string | null;
  nonce: string | undefined;
  banner?: Banner | null | undefined;
  /** A fleet-wide problem shown above everything else (Redis evicting). */
  alert?: { text: string; hint: string } | null | undefined;
  /** No worker is running: what that means for a paper submitted now. */
  workerWarning?: string | null | undefined;
  children?: Child;
}

function Nav({ user, csrf }: Pick<PageProps, 'user' | 'csrf'>) {
  if (!user) return <nav />;
  return (
    <>
      <nav aria-label="Desk">
        <a href="/desk">Queue</a>
        <a href="/desk/history">History</a>
        {can(user.role, 'submit') ? <a href="/desk/mine">My submissions</a> : null}
        {can(user.role, 'submit') ? <a href="/desk/submit">Submit</a> : null}
        {can(user.role, 'admin') ? <AdminLinks /> : null}
        <a href="/">Published site</a>
      </nav>
      <span class="small who">
        {user.name} ({user.role})
      </span>
      <form method="post" action="/logout" class="sign-out">
        <input type="hidden" name={CSRF_FIELD} value={csrf ?? ''} />
        <button type="submit">Sign out</button>
      </form>
    </>
  );
}

export function BannerView({ banner }: { banner: Banner | null | undefined }) {
  if (!banner) return null;
  return (
    <div class={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'}>
      <strong>{banner.text}</strong>
      {banner.hint ? <div>{banner.hint}</div> : null}
    </div>
  );
}

export function Page(props: PageProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} · LaySum review desk`}</title>
          <link rel="stylesheet" href={assetUrl('desk.css')} />
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="top">
            <a class="brand" href="/desk">
              LaySum review desk
            </a>
            <Nav user={props.user} csrf={props.csrf} />
          </header>
          <main id="main" tabindex={-1}>
            <BannerView banner={props.alert ? { kind: 'error', ...props.alert } : null} />
            {props.workerWarning ? (
              <div class="banner warn" role="status" data-workers="none">
                <strong>{props.workerWarning}</strong>
              </div>
            ) : null}
            <BannerView banner={props.banner} />
            {props.children}
          </main>
          {/* Status changes made without a reload (claims, selections) are read out from here. */}
          <div id="live" class="visually-hidden" aria-live="polite" role="status" />
          {props.nonce ? <script nonce={props.nonce} src={assetUrl('desk.js')} /> : null}
        </body>
      </html>
    </>
  );
}
