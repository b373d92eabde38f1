// Why the analyser is hand-written (docs/engine.md): time per sentence and bundle size of our `analyze`
// against the two NLP packages that fit a browser extension, on the seed articles' sentences.
//   npm run bench:nlp
// Each option is asked for what compare() needs of it: entities, word stems and negation. wink-nlp and
// compromise are devDependencies for this measurement only; nothing in src/ imports them.
import { readdirSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';
import { analyze, splitSentences } from '../../src/core/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const seeds = join(ROOT, 'seeds');
const sentences = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => splitSentences(readFileSync(join(seeds, f), 'utf8')).map((s) => s.text))
  .filter((s) => s.length > 30);

const wink = winkNLP(model);
// wink's typings want model addons for `its.stem`; the lite model supplies them at run time.
const its = wink.its;

const options: { name: string; run(s: string): unknown; entry: string }[] = [
  {
    name: 'own analyser (`analyze`: lexicons + `stemmer`)',
    run: (s) => analyze(s),
    entry: `import { analyze } from ${JSON.stringify(join(ROOT, 'src/core/analyze.ts'))}; globalThis.x = analyze;`,
  },
  {
    name: 'wink-nlp + wink-eng-lite-web-model',
    run: (s) => {
      const doc = wink.readDoc(s);
      return [
        doc.entities().out(),
        doc.tokens().out(its.stem as typeof its.normal),
        doc.tokens().out(its.negationFlag),
      ];
    },
    entry: `import w from 'wink-nlp'; import m from 'wink-eng-lite-web-model'; globalThis.x = w(m);`,
  },
  {
    name: 'compromise',
    run: (s) => {
      const doc = nlp(s);
      return [
        doc.people().out('array'),
        doc.places().out('array'),
        doc.organizations().out('array'),
        doc.verbs().isNegative().out('array'),
        doc.terms().out('array'),
      ];
    },
    entry: `import n from 'compromise'; globalThis.x = n;`,
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-nlp-'));
const rows: string[] = [];
for (const o of options) {
  for (const s of sentences) o.run(s); // warm-up
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const s of sentences) o.run(s);
    rounds.push((performance.now() - t) / sentences.length);
  }
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, o.entry);
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  const kb = out.outputFiles[0]!.contents.length / 1024;
  rows.push(
    `| ${o.name} | ${median(rounds).toFixed(3)} ms | ${kb >= 1024 ? `${(kb / 1024).toFixed(2)} MB` : `${kb.toFixed(0)} KB`} |`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${sentences.length} seed sentences, median of 5 rounds after a warm-up; ${cpus()[0]?.model} × ${cpus().length}, Node ${process.version}\n\n` +
    '| option | time per sentence | bundle (minified) |\n| --- | ---: | ---: |\n' +
    rows.join('\n') +
    '\n',
);
