// Build step: the seed claim pack bundled with the extension, made from seeds/ by the same core the
// extension and the CLI run. Executed by build/build.mjs after esbuild bundles it for Node.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack, readArticle, serializePack } from '../src/core/index.ts';

export function makeSeedPack(seedDir: string): { text: string; summary: string } {
  const files = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const articles = files.map((f) => readArticle(f, readFileSync(join(seedDir, f), 'utf8')));
  const pack = buildPack(articles);
  const summary = `${pack.sources.length} sources, ${pack.claims.length} claims, ${pack.relations.length} relations, ${pack.discrepancies.length} discrepancies`;
  return { text: serializePack(pack), summary };
}
