// Bad input ends the command with exit code 2 and one line on stderr (the CLI contract).
export const EXIT_OK = 0;
/** A bug in Crosscheck rather than in the input. */
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** An error the user can fix: printed as `crosscheck: <message>` with no stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT_BAD_INPUT,
  ) {
    super(message);
  }
}

/** Prefixes the message of a core error (ArticleError, PackError…) with what it was about, usually a path. */
export function inputError(subject: string, error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`${subject}: ${firstLine(message)}`);
}

export function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}
