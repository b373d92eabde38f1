// crosscheck pack <file|dir>... [-o pack.json]: articles in, a validated claim pack out.
import { parseArgs } from 'node:util';
import { buildPack, serializePack, type Article } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { collectArticleFiles, writeFileAtomic } from '../files.ts';
import { loadArticle } from '../load.ts';
import { version } from '../paths.ts';
import { progressBar } from '../progress.ts';
import type { Io } from '../io.ts';

export const PACK_USAGE = 'crosscheck pack <file|dir>... [-o pack.json]';

export async function packCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  });
  if (positionals.length === 0) throw new CliError(`pack: no input files (usage: ${PACK_USAGE})`);
  const started = performance.now();
  const files = collectArticleFiles(positionals);

  const reading = progressBar(io.stderr, 'reading');
  const articles: Article[] = [];
  const fileOf = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const article = await loadArticle(file);
    const other = fileOf.get(article.id);
    if (other) throw new CliError(`${file}: same source id "${article.id}" as ${other} (rename one of them)`);
    fileOf.set(article.id, file);
    articles.push(article);
    reading.update(i + 1, files.length);
  }
  reading.stop();

  const building = progressBar(io.stderr, 'packing');
  let pack;
  try {
    pack = buildPack(articles, { generator: `crosscheck ${version()}`, onProgress: building.update });
  } finally {
    building.stop();
  }
  const text = serializePack(pack);
  if (values.output !== undefined) writeFileAtomic(values.output, text);
  else io.stdout.write(text);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary =
    `${pack.sources.length} sources, ${pack.claims.length} claims, ${pack.relations.length} relations, ` +
    `${pack.discrepancies.length} discrepancies`;
  // With the pack on stdout, the summary goes to stderr so the JSON stays clean.
  const out = values.output !== undefined ? io.stdout : io.stderr;
  out.write(`${values.output ?? 'pack'}: ${summary} (${seconds} s)\n`);
  return 0;
}
