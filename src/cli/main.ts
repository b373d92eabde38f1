// Entry of dist/cli.js (bin `crosscheck`); build/build.ts adds the shebang. A thin shell over src/core.
import { run } from './run.ts';

// A reader that goes away (`crosscheck compare --pairs … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode, not exit(): lets stdout drain when it is a pipe.
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
