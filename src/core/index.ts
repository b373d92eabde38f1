export * from './types.ts';
export * from './extract-article.ts';
export * from './read-article.ts';
export * from './claim-pack.ts';
