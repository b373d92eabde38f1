// File access for the CLI: every way a file can be bad becomes a CliError naming the file, and output
// files appear whole or not at all.
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ARTICLE_EXTENSIONS } from '../core/index.ts';
import { CliError } from './errors.ts';

function describeFsError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory, expected a file'
          : code === 'ENOTDIR'
            ? 'not a directory'
            : `cannot read (${code ?? (error as Error).message})`;
  return new CliError(`${path}: ${why}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The largest input file read, in bytes. Larger files are refused before reading: a pack of 100,000
 * claims is about 30 MB, and past a few hundred MB Node cannot even hold the text as one string.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/**
 * Reads a UTF-8 text file, refusing what is not one: a missing or unreadable path, a directory, a FIFO,
 * socket or device (reading one would block or never end), a file over MAX_INPUT_BYTES, an empty file,
 * and binary content (NUL bytes or invalid UTF-8).
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${path}: is a directory, expected a file`);
    if (!stat.isFile())
      throw new CliError(`${path}: not a regular file (a FIFO, socket or device), expected a file`);
    if (stat.size > MAX_INPUT_BYTES)
      throw new CliError(
        `${path}: file too large (${Math.ceil(stat.size / 1024 / 1024)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB)`,
      );
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw describeFsError(path, error);
  }
  if (bytes.length === 0) throw new CliError(`${path}: empty file`);
  if (bytes.includes(0)) throw new CliError(`${path}: binary file (contains NUL bytes), expected UTF-8 text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new CliError(`${path}: binary file (not valid UTF-8), expected UTF-8 text`);
  }
  if (!text.replace(/^\uFEFF/, '').trim()) throw new CliError(`${path}: empty file (only whitespace)`);
  return text;
}

const isArticleFile = (name: string): boolean =>
  (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());

/**
 * Expands the command line's files and directories into article files, sorted so ids and output are
 * stable. Directories are walked recursively; hidden entries are skipped. A named file must have an
 * article extension; a directory must contain at least one article.
 */
export function collectArticleFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isArticleFile(entry.name)) out.push(path);
    }
  };
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (error) {
      throw describeFsError(path, error);
    }
    if (isDir) {
      const before = out.length;
      try {
        walk(path);
      } catch (error) {
        throw describeFsError(path, error);
      }
      if (out.length === before)
        throw new CliError(
          `${path}: no articles in directory (expected ${ARTICLE_EXTENSIONS.join(', ')} files)`,
        );
    } else if (!isArticleFile(path)) {
      throw new CliError(`${path}: unsupported file type (expected ${ARTICLE_EXTENSIONS.join(', ')})`);
    } else {
      out.push(path);
    }
  }
  return out;
}

/**
 * Writes `text` to `path` through a temporary file in the same directory and a rename, so a failed or
 * interrupted run never leaves a partial file where the real one should be.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'directory does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a directory'
            : `cannot write (${code ?? (error as Error).message})`;
    throw new CliError(`${path}: ${why}`);
  }
}
