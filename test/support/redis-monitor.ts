/**
 * What Redis runs for one key prefix while a piece of code runs, seen through
 * MONITOR on a plain socket (ioredis' own monitor mode loses track of its
 * replies under load). Ends at a marker command sent after the code, so no
 * command the code sent is missed.
 */
import { connect } from 'node:net';
import type { RedisClient } from '../../src/store/redis-client.ts';
import { REDIS_URL } from './harness.ts';

/** Each command (lower-case name, then arguments as printed by MONITOR) naming a key under `prefix`. */
export async function commandsDuring(
  redis: RedisClient,
  prefix: string,
  run: () => Promise<void>,
): Promise<string[]> {
  const url = new URL(REDIS_URL);
  const socket = connect(Number(url.port || 6379), url.hostname);
  const marker = `${prefix}:monitor-marker-${process.hrtime.bigint()}`;
  const seen: string[] = [];
  let buffer = '';
  let started = () => {};
  let ended = () => {};
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = new Promise<void>((resolve) => {
    ended = resolve;
  });
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\r\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '+OK') started();
      if (line.includes(marker)) ended();
      else if (line.includes(`"${prefix}:`)) {
        const command = /\] "([^"]+)"(.*)$/.exec(line);
        if (command) seen.push(`${command[1]?.toLowerCase()}${command[2]}`);
      }
    }
  });
  socket.write('MONITOR\r\n');
  await ready;
  try {
    await run();
    await redis.get(marker);
    await done;
  } finally {
    socket.destroy();
  }
  return seen;
}
