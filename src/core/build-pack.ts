// Articles → claim pack, the one pipeline behind the seed pack (build), `crosscheck pack` and any pack the
// extension makes: prepareArticle → extractClaims → findRelations → findDiscrepancies.
// Kept apart from claim-pack.ts so the schema module (loaded by the extension on every start) doesn't pull
// in the analysis code.
import { parsePack, PackError } from './claim-pack.ts';
import { extractClaims, prepareArticle } from './extract-claims.ts';
import { findDiscrepancies } from './find-discrepancies.ts';
import { findRelations } from './find-relations.ts';
import { PACK_FORMAT, PACK_VERSION, type Article, type Claim, type ClaimPack, type Source } from './types.ts';

export interface BuildPackOptions {
  /** Called after each article's claims are extracted (done = 1..total). */
  onProgress?(done: number, total: number): void;
  /** Recorded in the pack; `crosscheck <version>` from the CLI and the build. */
  generator?: string;
  /** ISO date-time to record instead of now, for reproducible packs. */
  created?: string;
}

/**
 * Builds a claim pack from articles. Source ids must be unique. The result is checked with parsePack before
 * it is returned, so a pack that would not load is a bug found at build time, not in a user's browser.
 */
export function buildPack(articles: Article[], options: BuildPackOptions = {}): ClaimPack {
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined)
      throw new PackError(`articles[${i}].id: duplicate id "${a.id}" (also articles[${first}])`);
    seen.set(a.id, i);
  });

  const sources: Source[] = [];
  const claims: Claim[] = [];
  articles.forEach((article, i) => {
    const prepared = prepareArticle(article);
    sources.push(prepared);
    claims.push(...extractClaims(prepared));
    options.onProgress?.(i + 1, articles.length);
  });

  const pack: ClaimPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: options.created ?? new Date().toISOString(),
    generator: options.generator ?? 'crosscheck',
    sources,
    claims,
    relations: findRelations(claims, sources),
    discrepancies: findDiscrepancies(claims, sources),
  };
  return parsePack(pack);
}
