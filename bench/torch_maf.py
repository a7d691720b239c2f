#!/usr/bin/env python3
"""The default Flow Lab MAF training step in PyTorch, for `npm run bench:torch`.

The same model and step as src/compute/flow (see bench/README.md):
  * D = 2, 12 MADE layers, hidden [32, 32] (the default; --layers, --hidden), ReLU, variable order alternating
    (natural, reversed, ...), hidden degrees k mod (D - 1) + 1, masks W ⊙ M
    (hidden: d_out >= d_in; output: deg(i) > d_in), output columns [mu_0..mu_{D-1}, a_0..a_{D-1}];
  * affine layer x -> z: alpha = B tanh(a / B) (B = 3), z = (x - mu) e^{-alpha},
    log|det| = -sum alpha;
  * loss = -mean(log N(z; 0, I) + sum of log|det|) on a fresh batch of 512 points of
    8gaussians per step (centres (±1,0), (0,±1), (±1/√2, ±1/√2) ×4, + N(0, 0.5²), ÷1.414);
  * Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8), global gradient-norm clip 10; float32.
Prints one JSON line: {"msPerStep": median ms per step, "cpuMsPerStep": median CPU ms per step
(this process, all threads), "threads": ..., "torch": version}. The steps are timed like the
TypeScript bench: each step's wall and CPU time, after warm-up.
"""
import argparse
import json
import math
import statistics
import time

import torch
from torch import nn

D, LAYERS, HIDDEN, BOUND, BATCH = 2, 12, [32, 32], 3.0, 512


def made_masks(order):
    deg_in = [0] * D
    for position, variable in enumerate(order):
        deg_in[variable] = position + 1
    degrees = [deg_in]
    for h in HIDDEN:
        degrees.append([k % max(1, D - 1) + 1 for k in range(h)])
    masks = []
    for a, b in zip(degrees[:-1], degrees[1:]):
        masks.append(torch.tensor([[1.0 if dout >= din else 0.0 for dout in b] for din in a]))
    out_deg = deg_in + deg_in  # mu_i then a_i
    masks.append(torch.tensor([[1.0 if dout > din else 0.0 for dout in out_deg] for din in degrees[-1]]))
    return masks


class MaskedLinear(nn.Linear):
    def __init__(self, mask):
        super().__init__(mask.shape[0], mask.shape[1])
        self.register_buffer("mask", mask.t().contiguous())

    def forward(self, x):
        return nn.functional.linear(x, self.weight * self.mask, self.bias)


class MafLayer(nn.Module):
    def __init__(self, order):
        super().__init__()
        masks = made_masks(order)
        self.hidden = nn.ModuleList(MaskedLinear(m) for m in masks[:-1])
        self.out = MaskedLinear(masks[-1])

    def forward(self, x):
        h = x
        for layer in self.hidden:
            h = torch.relu(layer(h))
        mu, a = self.out(h).chunk(2, dim=1)
        alpha = BOUND * torch.tanh(a / BOUND)
        return (x - mu) * torch.exp(-alpha), -alpha.sum(1)


class Maf(nn.Module):
    def __init__(self):
        super().__init__()
        natural = list(range(D))
        self.layers = nn.ModuleList(MafLayer(natural if k % 2 == 0 else natural[::-1]) for k in range(LAYERS))

    def log_prob(self, x):
        log_det = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            log_det = log_det + ld
        return -0.5 * (x * x).sum(1) - 0.5 * D * math.log(2 * math.pi) + log_det


CENTRES = torch.tensor(
    [[1, 0], [-1, 0], [0, 1], [0, -1]] + [[sx / math.sqrt(2), sy / math.sqrt(2)] for sx in (1, -1) for sy in (1, -1)],
    dtype=torch.float32,
) * 4


def eight_gaussians(n, generator):
    k = torch.randint(0, 8, (n,), generator=generator)
    return (CENTRES[k] + 0.5 * torch.randn(n, 2, generator=generator)) / 1.414


def main():
    global LAYERS, HIDDEN
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: PyTorch's default)")
    parser.add_argument("--layers", type=int, default=LAYERS, help="MADE layers (default: Flow Lab's default)")
    parser.add_argument("--hidden", type=int, default=HIDDEN[0], help="width of both hidden layers")
    args = parser.parse_args()
    LAYERS, HIDDEN = args.layers, [args.hidden, args.hidden]
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    generator = torch.Generator().manual_seed(1)
    model = Maf()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        x = eight_gaussians(BATCH, generator)
        loss = -model.log_prob(x).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 10.0)
        opt.step()
        return loss.item()  # one sync per step, as the TypeScript bench reads its loss

    for _ in range(5):
        step()
    times, cpu_times = [], []
    for _ in range(args.steps):
        t0, c0 = time.perf_counter(), time.process_time()
        loss = step()
        times.append((time.perf_counter() - t0) * 1000)
        cpu_times.append((time.process_time() - c0) * 1000)
    print(json.dumps({
        "msPerStep": statistics.median(times),
        "cpuMsPerStep": statistics.median(cpu_times),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "loss": loss,
    }))


if __name__ == "__main__":
    main()
