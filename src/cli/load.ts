// Loading the CLI's inputs through core, with errors that name the file.
import { extname } from 'node:path';
import { parsePackText, readArticle, type Article, type ClaimPack } from '../core/index.ts';
import { inputError } from './errors.ts';
import { readTextFile } from './files.ts';
import { htmlParser } from './html.ts';

export async function loadArticle(path: string): Promise<Article> {
  const content = readTextFile(path);
  const parseHtml = /^\.html?$/i.test(extname(path)) ? await htmlParser() : undefined;
  try {
    return readArticle(path, content, { parseHtml });
  } catch (error) {
    throw inputError(path, error);
  }
}

export function loadPack(path: string): ClaimPack {
  const text = readTextFile(path);
  try {
    return parsePackText(text);
  } catch (error) {
    throw inputError(path, error);
  }
}
