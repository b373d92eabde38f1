// The crosscheck command: argument dispatch and the error contract. Commands throw CliError for bad input;
// run() turns it into one `crosscheck: …` line on stderr and exit code 2. Nothing else reaches the user as
// a stack trace unless CROSSCHECK_DEBUG is set.
import { compareCommand, COMPARE_USAGE } from './commands/compare.ts';
import { evalCommand, EVAL_USAGE } from './commands/eval.ts';
import { matchCommand, MATCH_USAGE } from './commands/match.ts';
import { packCommand, PACK_USAGE } from './commands/pack.ts';
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, firstLine } from './errors.ts';
import type { Io } from './io.ts';
import { version } from './paths.ts';

export const USAGE = `crosscheck: claims from news articles, matched against a local claim base

Usage:
  ${PACK_USAGE}
      Build a claim pack from .txt, .html and .json articles (directories are searched recursively).
      Without -o the pack goes to stdout. A source's id is its file name without extension.
  ${MATCH_USAGE}
      The page sentences whose claims the pack also holds, with each source's stance and the reasons.
  ${COMPARE_USAGE}
      How statement b stands toward a: corroborates, conflicts, discusses or unrelated, with reasons.
      --pairs reads JSON lines {"id","a","b"} and writes one {"id","stance","similarity","reasons"} per line.
  ${EVAL_USAGE}
      Accuracy and per-class figures on the labelled dev pairs ($CROSSCHECK_DATA or ../shared).
      emergent and fnc1 score the public benchmarks under $CROSSCHECK_DATA/data (default test split):
      accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix, FNC-1's relative score.
  crosscheck --help | --version

Exit codes: 0 success, 2 bad input (one line on stderr), 1 internal error.
`;

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  pack: packCommand,
  match: matchCommand,
  compare: compareCommand,
  eval: evalCommand,
};

export async function run(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr.write(USAGE);
      return EXIT_BAD_INPUT;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new CliError(`unknown command "${command}" (try crosscheck --help)`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(USAGE);
      return 0;
    }
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`crosscheck: ${firstLine(error.message)}\n`);
      return error.exitCode;
    }
    // node:util parseArgs reports unknown or malformed options with these codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`crosscheck: ${firstLine((error as Error).message)} (try crosscheck --help)\n`);
      return EXIT_BAD_INPUT;
    }
    if (env.CROSSCHECK_DEBUG) io.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`crosscheck: internal error: ${firstLine(message)}\n`);
    return EXIT_INTERNAL;
  }
}
