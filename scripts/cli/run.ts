/**
 * Flow Lab command-line tool (Node, tfjs WASM or CPU):
 *   npm run cli -- train --flow maf|iaf --dataset NAME [--layers K --hidden H --steps N --batch B --lr R --seed S] --out model.json
 *   npm run cli -- sample --model m.json --n N [--seed S]        → CSV x1,x2,… on stdout
 *   npm run cli -- logprob --model m.json --points in.csv        → one log-density per row
 *   npm run cli -- invert --model m.json --points in.csv         → the base-space z per row
 * Bad arguments, missing files and malformed input print one line naming the problem and exit 2.
 * `main.ts` is the process entry; tests call runCli directly.
 */
import { UsageError, choiceFlag, parseFlags } from './args';
import { invert, logprob, sample, train, type Out } from './commands';
import { useNodeBackend } from './node-backend';

const COMMANDS = {
  train: { run: train, flags: ['flow', 'dataset', 'layers', 'hidden', 'steps', 'batch', 'lr', 'seed', 'out', 'log-every', 'backend'] },
  sample: { run: sample, flags: ['model', 'n', 'seed', 'backend'] },
  logprob: { run: logprob, flags: ['model', 'points', 'backend'] },
  invert: { run: invert, flags: ['model', 'points', 'backend'] },
} as const;

export async function runCli(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || !(command in COMMANDS))
      throw new UsageError(`expected a command: ${Object.keys(COMMANDS).join(', ')}${command ? ` (got "${command}")` : ''}`);
    const spec = COMMANDS[command as keyof typeof COMMANDS];
    const flags = parseFlags(rest, spec.flags);
    await useNodeBackend(choiceFlag(flags, 'backend', 'auto', ['auto', 'wasm', 'cpu'] as const));
    await spec.run(flags, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`flow-lab ${command ?? ''}: ${e.message}`.replace('  ', ' '));
      return 2;
    }
    err(`flow-lab ${command ?? ''}: ${(e as Error).message}`);
    return 1;
  }
}

