/** Listens: the only place that opens a port. `createApp` builds everything the server serves. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { LaySumError } from '../errors/laysum-error.ts';
import type { AppEnv } from './types.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A port that cannot be opened, said in words: which port, and what to do. */
function listenError(err: NodeJS.ErrnoException, port: number, hostname: string | undefined): Error {
  const where = hostname ? `${hostname}:${port}` : `port ${port}`;
  if (err.code === 'EADDRINUSE')
    return new LaySumError(`${where} is in use: another server is listening there.`, {
      hint: 'Stop the other server (an earlier `laysum serve` or `npm run demo`?), or set PORT (or pass --port N) to a free port.',
      cause: err,
    });
  if (err.code === 'EACCES')
    return new LaySumError(`Not allowed to listen on ${where}.`, {
      hint: 'Ports below 1024 need extra rights: set PORT (or pass --port N) to 1024 or above.',
      cause: err,
    });
  return err;
}

export function listen(app: Hono<AppEnv>, port: number, hostname?: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port, ...(hostname ? { hostname } : {}) },
      (info: AddressInfo) => {
        const host = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : '127.0.0.1';
        resolve({
          url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, port, hostname)));
  });
}
