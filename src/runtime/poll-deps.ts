/** Builds what a poll needs (source clients, submit path, watch store) from a context. */

import { InputError } from '../errors/input-error.ts';
import { createEutils, httpOptions } from '../ingest/wire.ts';
import { httpRequest } from '../sources/http.ts';
import type { PollDeps } from '../sources/watch/poll.ts';
import { WatchStore } from '../sources/watch/store.ts';
import type { Context } from './context.ts';

export function watchStore(ctx: Context): WatchStore {
  return new WatchStore(ctx.redis, ctx.config.redis.prefix);
}

export function createPollDeps(ctx: Context): PollDeps {
  const http = httpOptions(ctx.config);
  return {
    submit: ctx,
    watches: watchStore(ctx),
    eutils: createEutils(ctx.config, ctx.redis),
    async fetchText(url) {
      const res = await httpRequest(
        {
          url,
          service: 'The feed',
          accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5',
        },
        http,
      );
      if (res.status === 404)
        throw new InputError(`The feed ${url} was not found (HTTP 404).`, {
          hint: 'Check the URL; `laysum watch remove` it if the journal moved its feed.',
        });
      return res.text;
    },
  };
}
