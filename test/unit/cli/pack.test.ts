import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parsePackText } from '../../../src/core/index.ts';
import { badInput, cli, SEEDS, tempDir } from './run-cli.ts';

const SUMMARY = /^(.+): (\d+) sources, (\d+) claims, (\d+) relations, (\d+) discrepancies \(\d+\.\d s\)\n$/;

describe('crosscheck pack', { concurrency: true }, () => {
  const { dir, cleanup } = tempDir();
  after(cleanup);

  it('packs the seed directory and prints the summary', async () => {
    const out = join(dir, 'seeds.json');
    const r = await cli(['pack', SEEDS, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no progress bar when stderr is not a TTY');
    const [, file, sources, claims, relations, discrepancies] =
      SUMMARY.exec(r.stdout) ?? assert.fail(r.stdout);
    const pack = parsePackText(readFileSync(out, 'utf8'));
    assert.equal(file, out);
    assert.equal(Number(sources), 5);
    assert.deepEqual(
      [pack.sources.length, pack.claims.length, pack.relations.length, pack.discrepancies.length],
      [sources, claims, relations, discrepancies].map(Number),
    );
    assert.deepEqual(
      pack.sources.map((s) => s.id),
      readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '')),
    );
    assert.ok(pack.claims.length > 20 && pack.relations.length > 0);
    assert.match(pack.generator, /^crosscheck \d+\.\d+\.\d+/);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temp file left',
    );
  });

  it('writes the pack to stdout and the summary to stderr without -o', async () => {
    const r = await cli(['pack', join(SEEDS, '003_098bd8c2be318eff.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parsePackText(r.stdout).sources[0]!.id, '003_098bd8c2be318eff');
    assert.match(r.stderr, /^pack: 1 sources, \d+ claims/);
  });

  it('reads .txt, .json and .html articles together, keeping their metadata', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(join(mixed, 'nested'), { recursive: true });
    const body =
      'Russian President Vladimir Putin met U.S. President Donald Trump in Alaska on August 15, officials said.';
    writeFileSync(join(mixed, 'one.txt'), `Skip to content\n\nPutin and Trump Meet in Alaska\n\n${body}\n`);
    writeFileSync(
      join(mixed, 'two.json'),
      JSON.stringify({
        title: 'Summit',
        url: 'https://example.com/two',
        site: 'Example',
        author: 'Jo',
        published: '2025-08-16',
        text: body,
      }),
    );
    writeFileSync(
      join(mixed, 'nested', 'three.html'),
      `<html><head><title>Summit report</title><link rel="canonical" href="https://example.org/three"></head><body><article>${`<p>${body} The talks lasted nearly three hours and ended without an agreement on a ceasefire.</p>`.repeat(3)}</article></body></html>`,
    );
    writeFileSync(join(mixed, 'notes.md'), 'ignored: not an article type');
    writeFileSync(join(mixed, '.hidden.txt'), 'ignored: hidden');
    const out = join(dir, 'mixed.json');
    const r = await cli(['pack', mixed, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const pack = parsePackText(readFileSync(out, 'utf8'));
    const byId = Object.fromEntries(pack.sources.map((s) => [s.id, s]));
    assert.deepEqual(Object.keys(byId).sort(), ['one', 'three', 'two']);
    assert.equal(byId.one!.title, 'Putin and Trump Meet in Alaska');
    assert.deepEqual(
      [byId.two!.url, byId.two!.site, byId.two!.author, byId.two!.published],
      ['https://example.com/two', 'Example', 'Jo', '2025-08-16'],
    );
    assert.equal(byId.three!.url, 'https://example.org/three');
  });

  describe('bad input: exit 2, one line, nothing written', { concurrency: true }, () => {
    const bad = join(dir, 'bad');
    const file = (name: string, content: string | Buffer) => {
      writeFileSync(join(bad, name), content);
      return join(bad, name);
    };
    before(() => mkdirSync(join(bad, 'empty-dir'), { recursive: true }));

    /** Runs pack with `inputs` and an -o that already holds a pack, and checks the old pack survives. */
    async function failingPack(inputs: string[]): Promise<string> {
      const out = join(bad, `out-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(out, 'previous pack');
      const message = badInput(await cli(['pack', ...inputs, '-o', out]));
      assert.equal(readFileSync(out, 'utf8'), 'previous pack', 'the old -o file is untouched');
      assert.deepEqual(
        readdirSync(bad).filter((f) => f.endsWith('.tmp')),
        [],
        'no temp file left',
      );
      return message;
    }

    it('a missing file', async () => {
      const missing = join(bad, 'missing.txt');
      assert.equal(await failingPack([join(SEEDS), missing]), `${missing}: no such file or directory`);
    });

    it('a directory with no articles', async () => {
      const empty = join(bad, 'empty-dir');
      assert.equal(
        await failingPack([empty]),
        `${empty}: no articles in directory (expected .txt, .json, .html, .htm files)`,
      );
    });

    it('an empty or blank file', async () => {
      const empty = file('empty.txt', '');
      assert.equal(await failingPack([empty]), `${empty}: empty file`);
      const blank = file('blank.txt', ' \n\n\t\n');
      assert.equal(await failingPack([blank]), `${blank}: empty file (only whitespace)`);
    });

    it('a binary file (NUL bytes or invalid UTF-8)', async () => {
      const nul = file('nul.txt', Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]));
      assert.equal(await failingPack([nul]), `${nul}: binary file (contains NUL bytes), expected UTF-8 text`);
      const latin1 = file('latin1.txt', Buffer.from('Caf\xe9 au lait, a headline\nBody text.', 'latin1'));
      assert.equal(
        await failingPack([latin1]),
        `${latin1}: binary file (not valid UTF-8), expected UTF-8 text`,
      );
    });

    it(
      'an unreadable file',
      {
        skip:
          process.getuid?.() === 0 &&
          'root reads files regardless of mode (bad-inputs.test.ts runs this case as an unprivileged user)',
      },
      async () => {
        const locked = file('locked.txt', 'Headline Here\nBody text.');
        chmodSync(locked, 0o000);
        assert.equal(await failingPack([locked]), `${locked}: permission denied`);
      },
    );

    it('an unsupported file type, named explicitly', async () => {
      const pdf = file('paper.pdf', '%PDF-1.4');
      assert.equal(
        await failingPack([pdf]),
        `${pdf}: unsupported file type (expected .txt, .json, .html, .htm)`,
      );
    });

    it('a JSON article with a bad field, after good files', async () => {
      const json = file('article.json', JSON.stringify({ title: 'T', text: 42 }));
      assert.equal(await failingPack([SEEDS, json]), `${json}: text: expected a string, got 42`);
    });

    it('two files with the same source id', async () => {
      const again = join(bad, 'dup');
      mkdirSync(again, { recursive: true });
      writeFileSync(join(again, '001_2ae1e6f0d892d274.json'), JSON.stringify({ title: 'T', text: 'Body.' }));
      assert.match(
        await failingPack([SEEDS, again]),
        /001_2ae1e6f0d892d274\.json: same source id "001_2ae1e6f0d892d274" as .*seeds/,
      );
    });

    it('an -o in a directory that does not exist', async () => {
      const out = join(bad, 'no-such-dir', 'pack.json');
      assert.equal(badInput(await cli(['pack', SEEDS, '-o', out])), `${out}: directory does not exist`);
      assert.equal(existsSync(out), false);
    });
  });
});
