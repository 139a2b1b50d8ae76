/**
 * The CLI as a user runs it: submit, worker --drain, review, status, with the
 * offline extractive provider on the real Redis; bad input gets a clear error
 * and a non-zero exit while other papers are still processed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliResult, runCli, startCli } from '../support/cli.ts';
import { fixture, REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'laysum-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;
const prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(prefixes.splice(0).map(removeTestKeys));
});

/** Each test its own prefix, so none sees another's papers and any order works. */
function laysum() {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const env = { REDIS_URL, LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive', MAX_TEXT_BYTES: '20000' };
  const cli = (...args: string[]) => runCli(args, env);
  const submit = async (name: string, abstract: string) => {
    const r = await cli('submit', '--text', file(name, fixture(`abstracts/${abstract}`)), '--json');
    expect(r.code, r.stderr).toBe(0);
    return json<{ id: string }>(r).id;
  };
  return { env, cli, submit };
}

describe('laysum CLI', () => {
  it('refuses bad input with a clear message and a non-zero exit, and still processes the good paper', async () => {
    const { cli, submit } = laysum();
    const fractureId = await submit('fracture.txt', 'pmid-30158200.txt');
    const empty = await cli('submit', '--text', file('empty.txt', '  \n'), '--title', 'Nothing');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/The text is empty/);

    const big = await cli('submit', '--text', file('big.txt', `Title\n\n${'word '.repeat(6000)}`));
    expect(big.code).not.toBe(0);
    expect(big.stderr).toMatch(/over the limit of 20000 bytes/);
    expect(big.stderr).toMatch(/MAX_TEXT_BYTES/);

    const latin1 = Buffer.concat([
      Buffer.from('Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' study\n\n'),
      Buffer.from('x'.repeat(300)),
    ]);
    const bad = await cli('submit', '--text', file('latin1.txt', latin1));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/not valid UTF-8/);

    const nothing = await cli('submit');
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr).toMatch(/--text FILE/);

    const drain = await cli('worker', '--drain');
    expect(drain.code, drain.stderr).toBe(0);
    const status = await cli('status', fractureId, '--json');
    expect(json<{ state: string }>(status).state).toBe('pending_review');
  });

  it('says a resubmitted paper is already known and gives its id', async () => {
    const { env, cli, submit } = laysum();
    const fractureId = await submit('fracture.txt', 'pmid-30158200.txt');
    const again = await cli('submit', '--text', '-', '--json');
    expect(again.code).not.toBe(0); // stdin was empty
    const r = await runCli(['submit', '--text', '-', '--json'], env, fixture('abstracts/pmid-30158200.txt'));
    expect(json<{ id: string; created: boolean; duplicate: boolean }>(r)).toMatchObject({
      id: fractureId,
      created: false,
      duplicate: true,
    });
    const text = await runCli(['submit', '--text', '-'], env, fixture('abstracts/pmid-30158200.txt'));
    expect(text.stdout).toContain(`Already known: this paper is ${fractureId}`);
  });

  it('lists, shows, approves and rejects through the review commands', async () => {
    const { cli, submit } = laysum();
    const fractureId = await submit('fracture.txt', 'pmid-30158200.txt');
    await cli('worker', '--drain');
    const list = json<{ drafts: Array<{ id: string; state: string; provider: string }> }>(
      await cli('review', 'list', '--json'),
    ).drafts;
    expect(list.find((r) => r.id === fractureId)).toMatchObject({
      state: 'pending_review',
      provider: 'extractive',
      source: {
        journal: null,
        abstract: expect.arrayContaining([expect.objectContaining({ label: 'RESULTS' })]),
      },
      provenance: { provider: 'extractive', model: 'extractive-v1' },
      summary: { topics: expect.any(Array) },
    });

    const show = json<{
      id: string;
      state: string;
      summary: { headline: string };
      provenance: { provider: string };
      source: { title: string };
    }>(await cli('review', 'show', fractureId, '--json'));
    expect(show.provenance.provider).toBe('extractive');
    expect(show.source.title).toMatch(/fracture risk/);
    expect(show.summary.headline.length).toBeGreaterThan(10);

    const noName = await cli('review', 'approve', fractureId);
    expect(noName.code).not.toBe(0);
    expect(noName.stderr).toMatch(/--as NAME/);

    // The offline draft leaves placeholders: approving is refused until a person writes those fields.
    const early = await cli('review', 'approve', fractureId, '--as', 'dana');
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/placeholder, in: audience, ratings.interest.rationale/);
    const edit = await cli(
      'review',
      'edit',
      fractureId,
      '--as',
      'dana',
      '--set',
      'audience=People at risk of broken bones, and their doctors: the study finds which factors matter.',
      '--set',
      'interest=4',
      '--set',
      'interest.rationale=Broken bones are common in later life and costly to recover from.',
    );
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(/version 2/);
    const stale = await cli('review', 'approve', fractureId, '--as', 'dana', '--version', '1');
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/looking at version 1, but dana saved version 2/);
    const ok = await cli('review', 'approve', fractureId, '--as', 'dana', '--note', 'fine');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('approved (version 2)');
    const twice = await cli('review', 'reject', fractureId, '--as', 'dana', '--reason', 'changed my mind');
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/Cannot reject paper .* it is approved/);

    const history = json<{ audit: Array<{ actor: string; action: string }> }>(
      await cli('review', 'show', fractureId, '--json'),
    );
    expect(history.audit.map((a) => a.action)).toEqual([
      'submitted',
      'ingest started',
      'ingested',
      'drafted',
      'edited',
      'approved',
    ]);
    expect(history.audit.at(-1)?.actor).toBe('dana');
    // About a dozen CLI processes one after the other: minutes on a loaded 2-core machine.
  }, 240_000);

  it('rejects only with a reason', async () => {
    const { cli, submit } = laysum();
    const id = await submit('asthma.txt', 'pmid-29768149.txt');
    await cli('worker', '--drain');
    const noReason = await cli('review', 'reject', id, '--as', 'dana');
    expect(noReason.stderr).toMatch(/reason for rejecting is required/);
    const r = await cli('review', 'reject', id, '--as', 'dana', '--reason', 'Duplicate of an older summary');
    expect(r.code).toBe(0);
    const status = await cli('status', id);
    expect(status.stdout).toMatch(/rejected/);
    expect(status.stdout).toMatch(/Duplicate of an older summary/);
  });

  it('explains a missing id and bad configuration', async () => {
    const { env, cli } = laysum();
    const missing = await cli('review', 'show', 'p000000000000');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/No paper with id "p000000000000"/);
    const badState = await cli('review', 'list', '--state', 'done');
    expect(badState.stderr).toMatch(/Unknown state "done".*\n.*pending_review/);
    const badConfig = await runCli(['review', 'list'], {
      ...env,
      LAYSUM_PREFIX: 'a:b',
      LLM_TIMEOUT_MS: 'soon',
    });
    expect(badConfig.code).not.toBe(0);
    expect(badConfig.stderr).toMatch(/LAYSUM_PREFIX/);
    expect(badConfig.stderr).toMatch(/LLM_TIMEOUT_MS/);
  });

  it('runs workers until SIGTERM, then stops gracefully with exit 0', async () => {
    const { env, cli, submit } = laysum();
    const worker = await startCli(['worker'], env, /LaySum workers running/);
    const id = await submit('pesticide.txt', 'pmid-28775130.txt');
    const until = Date.now() + 20_000;
    while (
      Date.now() < until &&
      json<{ state: string }>(await cli('status', id, '--json')).state !== 'pending_review'
    ) {
      await new Promise((r) => setTimeout(r, 200));
    }
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.stderr()).toMatch(/Stopping: finishing active jobs/);
    expect(json<{ state: string }>(await cli('status', id, '--json')).state).toBe('pending_review');
  });
});
