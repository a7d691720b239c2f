/**
 * Process entry of the command-line tool (see run.ts). Output is written through Node's
 * stream buffering and the process exits only after stdout has drained: exiting at once
 * would drop whatever a pipe had not yet taken (all but the first 64 KiB to a slow reader).
 * A reader that closes early (`| head`) ends the tool quietly with 141, as SIGPIPE would.
 */
import { runCli } from './run';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(141);
  throw error;
});

const code = await runCli(
  process.argv.slice(2),
  (line) => void process.stdout.write(line + '\n'),
  (line) => void process.stderr.write(line + '\n'),
);
// An empty write's callback runs after every earlier write has been handed to the OS.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
