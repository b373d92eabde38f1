// Loading the CLI's inputs through core, with errors that name the file.
import { parsePackText, readArticle, type Article, type ClaimPack } from '../core/index.ts';
import { inputError } from './errors.ts';
import { readTextFile } from './files.ts';
import { parseHtml } from './html.ts';

export function loadArticle(path: string): Article {
  const content = readTextFile(path);
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
