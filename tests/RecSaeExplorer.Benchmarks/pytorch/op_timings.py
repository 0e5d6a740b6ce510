#!/usr/bin/env python3
"""Per-op timings behind a training step, to compare with the C# `epochs mode=ops` of the benchmark app.

Times (median of 5 rounds of `--reps` calls, microseconds per call) the element-wise ops of one
Adam update on a [6040, 64] float tensor (the user table), the embedding backward of a batch, and a
tiny op on a 1-element tensor (per-call dispatch overhead).
  /usr/bin/python3 tests/RecSaeExplorer.Benchmarks/pytorch/op_timings.py --threads 1
"""
import argparse
import statistics
import time

import torch


def timed(fn, reps):
    rounds = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        rounds.append((time.perf_counter() - t) / reps * 1e6)
    return statistics.median(rounds)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--reps", type=int, default=200)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    g = torch.Generator().manual_seed(1)
    p = torch.randn(6040, 64, generator=g)
    grad = torch.randn(6040, 64, generator=g)
    m = torch.zeros(6040, 64)
    v = torch.rand(6040, 64, generator=g)
    idx = torch.randint(0, 6040, (2048,), generator=g)
    one = torch.zeros(1)
    table = torch.nn.Embedding(6040, 64)
    sparse_table = torch.nn.Embedding(6040, 64, sparse=True)

    def fresh(t):
        t.weight.grad = None
        t(idx).sum().backward()
    ops = {
        "mul_": lambda: m.mul_(0.9),
        "add_(alpha)": lambda: m.add_(grad, alpha=0.1),
        "addcmul_": lambda: v.mul_(0.999).addcmul_(grad, grad, value=0.001),
        "sqrt": lambda: v.sqrt(),
        "div scalar": lambda: v.div(0.5),
        "addcdiv_": lambda: p.addcdiv_(m, v, value=-1e-9),
        "adam update (one tensor)": lambda: (m.mul_(0.9).add_(grad, alpha=0.1),
                                             v.mul_(0.999).addcmul_(grad, grad, value=0.001),
                                             p.addcdiv_(m, (v.sqrt() / 0.5).add_(1e-8), value=-1e-9)),
        "zeros_like": lambda: torch.zeros_like(p),
        "embedding fwd+bwd (autograd)": lambda: table(idx).sum().backward(),
        "embedding fwd+bwd grad=None": lambda: fresh(table),
        "sparse embedding fwd+bwd grad=None": lambda: fresh(sparse_table),
        "tiny add_ on [1]": lambda: one.add_(1.0),
    }
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}")
    print("| op | pytorch us/call |")
    print("|---|---|")
    for name, fn in ops.items():
        print(f"| {name} | {timed(fn, args.reps):.1f} |", flush=True)


if __name__ == "__main__":
    main()
