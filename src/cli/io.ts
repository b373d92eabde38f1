/** The streams a command writes to: process.stdout/stderr in main.ts. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}
