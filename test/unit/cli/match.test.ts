import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { badInput, cli, SEEDS, tempDir } from './run-cli.ts';

const KEYS = {
  page: ['title', 'sentences'],
  sentence: ['text', 'start', 'end', 'verdict', 'reports'],
  report: ['claimId', 'sourceId', 'sourceTitle', 'text', 'stance', 'similarity', 'reasons'],
  reason: ['kind', 'a', 'b'],
};

interface Json {
  title: string;
  sentences: {
    text: string;
    start: number;
    end: number;
    verdict: string;
    reports: { sourceId: string; stance: string; similarity: number; reasons: Record<string, string>[] }[];
  }[];
}

/** The verdict rule of the CLI contract, from the report stances. */
function verdictOf(stances: string[]): string {
  const corroborates = stances.filter((s) => s === 'corroborates').length;
  const conflicts = stances.filter((s) => s === 'conflicts').length;
  if (corroborates === stances.length) return 'corroborated';
  if (conflicts === stances.length) return 'conflicting';
  return corroborates && conflicts ? 'mixed' : 'discussed';
}

describe('crosscheck match', { concurrency: true }, () => {
  const { dir, cleanup } = tempDir();
  const pack = join(dir, 'seeds.json');
  before(async () => {
    const r = await cli(['pack', SEEDS, '-o', pack]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(cleanup);

  it('--json has exactly the contract keys, only matched sentences, and verdicts that follow the reports', async () => {
    const page = join(SEEDS, '001_2ae1e6f0d892d274.txt');
    const r = await cli(['match', '--pack', pack, page, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout) as Json;
    assert.deepEqual(Object.keys(json), KEYS.page);
    assert.equal(
      json.title,
      'Trump Administration Considers Security Guarantees for Ukraine, Russia Shows Willingness to Negotiate',
    );
    assert.ok(json.sentences.length > 0, 'the seeds corroborate and contradict each other');
    for (const s of json.sentences) {
      assert.deepEqual(Object.keys(s), KEYS.sentence);
      assert.ok(Number.isInteger(s.start) && s.end > s.start && s.text.length > 0);
      assert.ok(s.reports.length > 0, 'only matched sentences are listed');
      assert.equal(s.verdict, verdictOf(s.reports.map((x) => x.stance)));
      for (const report of s.reports) {
        assert.deepEqual(Object.keys(report), KEYS.report);
        assert.notEqual(report.sourceId, '001_2ae1e6f0d892d274', "the page's own source is left out");
        assert.ok(report.similarity >= 0 && report.similarity <= 1);
        for (const reason of report.reasons) assert.deepEqual(Object.keys(reason), KEYS.reason);
      }
    }
  });

  it('reads an HTML page and prints a readable report without --json', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<html><head><title>Talks in Alaska</title></head><body><article>
      <h1>Talks in Alaska</h1>
      <p>President Donald Trump met Russian President Vladimir Putin at a summit in Alaska, and the United States is prepared to offer security guarantees to Ukraine.</p>
      <p>U.S. Special Envoy Steve Witkoff said Russia has agreed to enact legislation committing not to pursue additional Ukrainian territory.</p>
      <p>The weather in the region was cold and windy for most of the week, according to local forecasters who track the season.</p>
      </article></body></html>`,
    );
    const json = await cli(['match', '--pack', pack, page, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as Json;
    assert.ok(
      parsed.sentences.some((s) => /Alaska|Witkoff/.test(s.text)),
      json.stdout,
    );

    const text = await cli(['match', '--pack', pack, page]);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.split('\n');
    assert.match(lines[0]!, /Talks in Alaska/);
    assert.match(
      lines[1]!,
      /^\d+ sentences? of this page match(es)? the claim base \(.*seeds\.json: 5 sources, \d+ claims\)\.$/,
    );
    for (const s of parsed.sentences) assert.ok(text.stdout.includes(s.verdict.toUpperCase()), s.verdict);
    assert.doesNotMatch(text.stdout, /^\{/);
  });

  describe('bad input', { concurrency: true }, () => {
    const write = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const page = join(SEEDS, '000_c968ebdbc1f2aedb.txt');

    it('a pack that is not JSON', async () => {
      const p = write('broken.json', '{"format": "crosscheck-claim-pack", ');
      assert.match(badInput(await cli(['match', '--pack', p, page])), new RegExp(`^${p}: invalid JSON`));
    });

    it('a pack whose claim does not match its source text, naming the record and field', async () => {
      const good = JSON.parse(readFileSync(pack, 'utf8')) as { claims: { exact: string }[] };
      good.claims[3]!.exact = 'Something the source never said.';
      const p = write('tampered.json', JSON.stringify(good));
      assert.match(
        badInput(await cli(['match', '--pack', p, page])),
        new RegExp(`^${p}: claims\\[3\\]\\.exact: does not match the source text at \\d+\\.\\.\\d+`),
      );
    });

    it('a pack with a negative offset or an unknown field', async () => {
      const good = JSON.parse(readFileSync(pack, 'utf8')) as { claims: { start: number }[]; extra?: number };
      good.claims[2]!.start = -1;
      const p = write('negative.json', JSON.stringify(good));
      assert.equal(
        badInput(await cli(['match', '--pack', p, page])),
        `${p}: claims[2].start: expected a non-negative integer, got -1`,
      );
      const q = write('other.json', JSON.stringify({ hello: 'world' }));
      assert.equal(badInput(await cli(['match', '--pack', q, page])), `${q}: format: missing required field`);
    });

    it('a missing pack, a missing page, an empty page, a directory as page', async () => {
      const missing = join(dir, 'nope.json');
      assert.equal(
        badInput(await cli(['match', '--pack', missing, page])),
        `${missing}: no such file or directory`,
      );
      const nopage = join(dir, 'nope.html');
      assert.equal(
        badInput(await cli(['match', '--pack', pack, nopage])),
        `${nopage}: no such file or directory`,
      );
      const empty = write('empty.html', '');
      assert.equal(badInput(await cli(['match', '--pack', pack, empty])), `${empty}: empty file`);
      assert.equal(
        badInput(await cli(['match', '--pack', pack, dir])),
        `${dir}: is a directory, expected a file`,
      );
    });

    it('an HTML page with no article text', async () => {
      const blank = write(
        'blank.html',
        '<html><head><title>Nothing here</title></head><body> </body></html>',
      );
      assert.equal(
        badInput(await cli(['match', '--pack', pack, blank])),
        `${blank}: no article text found in the page`,
      );
    });

    it('missing --pack', async () => {
      assert.match(badInput(await cli(['match', page])), /^match: --pack is required/);
    });
  });
});
