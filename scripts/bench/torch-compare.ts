/**
 * Our default MAF training step (Node, WASM) against the same model and step in PyTorch on the
 * CPU (bench/torch_maf.py), measured side by side in one run: rounds alternate between the two
 * so that both see the same machine load, and each figure is the median of its rounds' medians.
 * PyTorch is not a dependency: without a Python that imports `torch` the comparison is
 * skipped (null) and only our figure is printed.
 */
import { execFileSync } from 'node:child_process';
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

function runTorch(python: string, steps: number): { msPerStep: number; threads: number; torch: string } {
  const out = execFileSync(python, ['bench/torch_maf.py', '--steps', String(steps)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { msPerStep: number; threads: number; torch: string };
}

export async function compareWithTorch(rounds = 3): Promise<TorchComparison> {
  const wasmKernels = (await countOps('maf', 'wasm')).trainingStep;
  if (!(await useBackend('wasm'))) throw new Error('the WASM backend does not start in Node here');
  const python = findTorchPython();
  const ours: number[] = [];
  const torch: number[] = [];
  let info: { threads: number; torch: string } | null = null;
  for (let r = 0; r < rounds; r++) {
    ours.push((await benchEngine('wasm', 'maf', 60)).msPerStep);
    if (python) {
      const t = runTorch(python, 60);
      torch.push(t.msPerStep);
      info = t;
    }
  }
  const oursMs = percentile(ours, 0.5);
  const torchMs = python ? percentile(torch, 0.5) : null;
  return {
    oursMs,
    torchMs,
    torchThreads: info?.threads ?? null,
    torchVersion: info?.torch ?? null,
    ratio: torchMs === null ? null : oursMs / torchMs,
    wasmKernels,
  };
}

export function comparisonText(c: TorchComparison): string {
  const ours = `Default MAF training step (Node, WASM): ${c.oursMs.toFixed(1)} ms/step, ${c.wasmKernels} kernels/step`;
  if (c.torchMs === null || c.ratio === null) {
    return `${ours}; no Python here imports torch, no comparison (see bench/README.md)`;
  }
  return `${ours}; PyTorch ${c.torchVersion} CPU (${c.torchThreads} threads): ${c.torchMs.toFixed(1)} ms/step; ratio ${c.ratio.toFixed(2)}× (budget ≤ 2.5×)`;
}
