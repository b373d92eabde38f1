// Test helper: the seed articles, prepared and extracted as the pack build does it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims, prepareArticle } from '../../../src/core/index.ts';
import type { Article, Claim } from '../../../src/core/types.ts';

export const SEED_DIR = join(import.meta.dirname, '../../../seeds');

export function loadSeeds(): { sources: Article[]; claims: Claim[] } {
  const sources = readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      prepareArticle({
        id: f.replace(/\.txt$/, ''),
        title: '',
        text: readFileSync(join(SEED_DIR, f), 'utf8'),
      }),
    );
  return { sources, claims: sources.flatMap(extractClaims) };
}

export function rawSeed(prefix: string): string {
  const f = readdirSync(SEED_DIR).find((x) => x.startsWith(prefix));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(SEED_DIR, f), 'utf8');
}
