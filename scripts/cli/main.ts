/** Process entry of the command-line tool (see run.ts). */
import { runCli } from './run';

runCli(
  process.argv.slice(2),
  (line) => process.stdout.write(line + '\n'),
  (line) => process.stderr.write(line + '\n'),
).then((code) => process.exit(code));
