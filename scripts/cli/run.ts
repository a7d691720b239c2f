/**
 * Flow Lab command-line tool (Node, tfjs WASM or CPU); usage in usage.ts:
 *   npm run cli -- train --flow maf|iaf|coupling [--transform affine|spline --bins K --bound B] --dataset NAME [--layers K --hidden H --steps N --batch B --lr R --schedule cosine|constant --seed S] --out model.json
 *   npm run cli -- sample --model m.json [--n N --seed S | --z z.csv]   → CSV x1,x2,… on stdout
 *   npm run cli -- logprob --model m.json --points in.csv              → one log-density per row
 *   npm run cli -- invert --model m.json --points in.csv               → the base-space z per row
 *   npm run cli -- --help | help COMMAND | COMMAND --help              → usage on stdout
 * Bad arguments, missing files and malformed input print one line naming the problem and
 * exit 2; non-finite results exit 3 (unless --allow-nonfinite). `main.ts` is the process
 * entry; tests call runCli directly.
 */
import { NonFiniteResultError, UsageError, choiceFlag, parseFlags, type Flags } from './args';
import { COMMAND_USAGE, GENERAL_USAGE, type CommandName } from './usage';

export type Out = (line: string) => void;
type Command = (flags: Flags, out: Out, err: Out) => Promise<void>;

// Commands load tfjs; they are imported on use, so that usage and argument errors are instant.
const train = async (): Promise<Command> => (await import('./commands')).train;
const sample = async (): Promise<Command> => (await import('./evaluate')).sample;
const logprob = async (): Promise<Command> => (await import('./evaluate')).logprob;
const invert = async (): Promise<Command> => (await import('./evaluate')).invert;

const EVALUATE_FLAGS = ['allow-nonfinite', 'help'];
const COMMANDS = {
  train: {
    run: train,
    flags: [
      'flow',
      'transform',
      'bins',
      'bound',
      'dataset',
      'layers',
      'hidden',
      'steps',
      'batch',
      'lr',
      'schedule',
      'seed',
      'out',
      'log-every',
      'backend',
    ],
    switches: ['help'],
  },
  sample: { run: sample, flags: ['model', 'n', 'seed', 'z', 'backend'], switches: EVALUATE_FLAGS },
  logprob: { run: logprob, flags: ['model', 'points', 'backend'], switches: EVALUATE_FLAGS },
  invert: { run: invert, flags: ['model', 'points', 'backend'], switches: EVALUATE_FLAGS },
} as const;

const isCommand = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);

export async function runCli(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      const topic = rest[0];
      if (rest.length > 1 || (topic !== undefined && !isCommand(topic)))
        throw new UsageError(
          `help takes one command name (${Object.keys(COMMANDS).join(', ')}), got "${rest.join(' ')}"`,
        );
      out(topic ? COMMAND_USAGE[topic] : GENERAL_USAGE);
      return 0;
    }
    if (!isCommand(command))
      throw new UsageError(
        `expected a command: ${Object.keys(COMMANDS).join(', ')}${command ? ` (got "${command}")` : ''}; --help for usage`,
      );
    const spec = COMMANDS[command];
    const flags = parseFlags(rest, spec.flags, spec.switches);
    if (flags.has('help')) {
      out(COMMAND_USAGE[command]);
      return 0;
    }
    const backend = choiceFlag(flags, 'backend', 'auto', ['auto', 'wasm', 'cpu'] as const);
    const { useNodeBackend } = await import('./node-backend');
    await useNodeBackend(backend);
    await (
      await spec.run()
    )(flags, out, err);
    return 0;
  } catch (e) {
    const where = `flow-lab${command && isCommand(command) ? ` ${command}` : ''}`;
    if (e instanceof UsageError) {
      err(`${where}: ${e.message}`);
      return 2;
    }
    if (e instanceof NonFiniteResultError) {
      err(`${where}: ${e.message}`);
      return 3;
    }
    err(`${where}: ${(e as Error).message}`);
    return 1;
  }
}
