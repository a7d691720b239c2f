/**
 * Our default MAF training step (Node, WASM) against the same model and step in PyTorch on the
 * CPU (bench/torch_maf.py), measured side by side in one run: rounds alternate between the two
 * so that both see the same machine load, and each figure is the median of its rounds' medians.
 * PyTorch is not a dependency: without a Python that imports `torch` the comparison is
 * skipped (null) and only our figure is printed. Both sides also report the median CPU time per
 * step (their own process): on a machine shared with other jobs the wall times stretch with the
 * load, the CPU times much less, so the CPU ratio is the steadier of the two there.
 */
import { execFileSync } from 'node:child_process';
import { DEFAULT_FLOW_CONFIG } from '../../src/core/flow/config';
import { benchEngine, useBackend } from './node-engine';
import { countOps } from './op-counts';
import { percentile } from './stats';

export interface TorchComparison {
  /** Ours: median ms per training step (Node, WASM backend, JavaScript kernels on). */
  oursMs: number;
  /** PyTorch CPU: median ms per step, null when torch is not importable. */
  torchMs: number | null;
  torchThreads: number | null;
  torchVersion: string | null;
  /** oursMs / torchMs (the budget: ≤ 2.5). */
  ratio: number | null;
  /** Median CPU ms per step, ours and PyTorch's (null without torch), and their ratio. */
  oursCpuMs: number;
  torchCpuMs: number | null;
  cpuRatio: number | null;
  /** The wall-time ratio of each round (ours ÷ PyTorch's, same minutes): its spread shows the load. */
  roundRatios: number[];
  /** tfjs kernels launched per training step on WASM. */
  wasmKernels: number;
}

/**
 * The first Python that imports torch: $FLOWLAB_PYTHON, then `python3` on the PATH, then the
 * system's /usr/bin/python3 (where Debian's python3-torch lands when a version manager's
 * python3 comes first on the PATH); null when none does.
 */
function findTorchPython(): string | null {
  const candidates = [process.env.FLOWLAB_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  for (const python of candidates) {
    try {
      execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
      return python;
    } catch {
      // not this one
    }
  }
  return null;
}

interface TorchRun {
  msPerStep: number;
  cpuMsPerStep: number;
  threads: number;
  torch: string;
}

function runTorch(python: string, steps: number): TorchRun {
  // The same architecture as defaultModel() (core/flow/config.ts).
  const architecture = ['--layers', String(DEFAULT_FLOW_CONFIG.layers), '--hidden', String(DEFAULT_FLOW_CONFIG.hidden[0])];
  const out = execFileSync(python, ['bench/torch_maf.py', '--steps', String(steps), ...architecture], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as TorchRun;
}

export async function compareWithTorch(rounds = 3): Promise<TorchComparison> {
  const wasmKernels = (await countOps('maf', 'wasm')).trainingStep;
  if (!(await useBackend('wasm'))) throw new Error('the WASM backend does not start in Node here');
  const python = findTorchPython();
  const ours: { ms: number; cpu: number }[] = [];
  const torch: TorchRun[] = [];
  for (let r = 0; r < rounds; r++) {
    const f = await benchEngine('wasm', 'maf', 60);
    ours.push({ ms: f.msPerStep, cpu: f.cpuMsPerStep });
    if (python) torch.push(runTorch(python, 60));
  }
  const median = (xs: number[]) => percentile(xs, 0.5);
  const oursMs = median(ours.map((o) => o.ms));
  const oursCpuMs = median(ours.map((o) => o.cpu));
  const torchMs = python ? median(torch.map((t) => t.msPerStep)) : null;
  const torchCpuMs = python ? median(torch.map((t) => t.cpuMsPerStep)) : null;
  return {
    oursMs,
    torchMs,
    torchThreads: torch[0]?.threads ?? null,
    torchVersion: torch[0]?.torch ?? null,
    ratio: torchMs === null ? null : oursMs / torchMs,
    oursCpuMs,
    torchCpuMs,
    cpuRatio: torchCpuMs === null ? null : oursCpuMs / torchCpuMs,
    roundRatios: torch.map((t, r) => ours[r]!.ms / t.msPerStep),
    wasmKernels,
  };
}

export function comparisonText(c: TorchComparison): string {
  const ours = `Default MAF training step (Node, WASM): ${c.oursMs.toFixed(1)} ms/step, ${c.wasmKernels} kernels/step`;
  if (c.torchMs === null || c.ratio === null) {
    return `${ours}; no Python here imports torch, no comparison (see bench/README.md)`;
  }
  const rounds = c.roundRatios.map((r) => r.toFixed(2)).join(', ');
  const cpu = c.cpuRatio === null ? '' : `; CPU time ${c.oursCpuMs.toFixed(1)} vs ${c.torchCpuMs!.toFixed(1)} ms/step, ratio ${c.cpuRatio.toFixed(2)}×`;
  return `${ours}; PyTorch ${c.torchVersion} CPU (${c.torchThreads} threads): ${c.torchMs.toFixed(1)} ms/step; ratio ${c.ratio.toFixed(2)}× (budget ≤ 2.5×; rounds ${rounds})${cpu}`;
}
