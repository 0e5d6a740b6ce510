#!/usr/bin/env python3
"""PyTorch reference for one training epoch of the engine's MF and NCF (the `tuned` ML-1M preset).

Mirrors src/RecSaeExplorer.Engine/Recommenders (MatrixFactorization.TrainingForward,
NeuralCollaborativeFiltering.TrainingForward, Training/RecommenderTrainer.cs):
  d = 64, embeddings N(0, 0.01^2), Adam lr 2e-3, batch 2048, 4 uniform negatives per positive,
  BCE with logits (mean), MF: + 1e-5 / batch * (sum of squares of the p, q, b_u, b_i rows the batch
  uses); NCF: MLP 128 -> 64 -> 32 -> 16 -> 1 with ReLU, no L2 (the tuned preset has L2 = 0).

Timed region (per epoch): only the training loop -- every step's forward, loss, zero_grad,
backward, Adam step and one loss.item(). Negative sampling, shuffling and building the int64
index tensors happen ONCE before timing (their one-off costs are printed separately). Each epoch
reuses the same pairs.

Run with the system interpreter that has Debian's python3-torch:
  /usr/bin/python3 tests/RecSaeExplorer.Benchmarks/pytorch/recommender_epoch.py --threads 1
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DEFAULT_RATINGS = os.path.join(REPO_ROOT, "..", "shared", "data", "ml-1m", "ratings_without_timestamps.dat")


def load(path):
    """Dense 0-based user and item indices for `user::movie::rating[::timestamp]` lines."""
    users, items = [], []
    with open(path, "rb") as f:
        for line in f:
            parts = line.split(b"::")
            users.append(int(parts[0]))
            items.append(int(parts[1]))
    u_ids, u = np.unique(np.asarray(users, dtype=np.int64), return_inverse=True)
    i_ids, i = np.unique(np.asarray(items, dtype=np.int64), return_inverse=True)
    return u.astype(np.int64), i.astype(np.int64), len(u_ids), len(i_ids)


def split_train(u, i, n_users, held_out, rng):
    """Drops `held_out` random positives per user (keeping at least one); returns training pairs."""
    order = np.argsort(u, kind="stable")
    u, i = u[order], i[order]
    starts = np.searchsorted(u, np.arange(n_users + 1))
    keep = np.ones(len(u), dtype=bool)
    for user in range(n_users):
        a, b = starts[user], starts[user + 1]
        k = min(held_out, b - a - 1)
        if k > 0:
            keep[a + rng.choice(b - a, size=k, replace=False)] = False
    return u[keep], i[keep]


def epoch_pairs(u, i, n_items, negatives, rng):
    """Positives plus `negatives` uniform non-training-positive items each, shuffled."""
    known = np.unique(u * n_items + i)
    n = len(u)
    neg_u = np.repeat(u, negatives)
    neg_i = rng.integers(0, n_items, size=len(neg_u))
    codes = neg_u * n_items + neg_i
    bad = np.isin(codes, known, assume_unique=False)
    while bad.any():  # rejection sampling, like the engine's NegativeSampler
        idx = np.nonzero(bad)[0]
        neg_i[idx] = rng.integers(0, n_items, size=len(idx))
        codes = neg_u[idx] * n_items + neg_i[idx]
        bad[idx] = np.isin(codes, known)
    users = np.concatenate([u, neg_u])
    items = np.concatenate([i, neg_i])
    labels = np.concatenate([np.ones(n, dtype=np.float32), np.zeros(len(neg_u), dtype=np.float32)])
    perm = rng.permutation(len(users))
    return users[perm], items[perm], labels[perm]


class MF(nn.Module):
    def __init__(self, n_users, n_items, d, init_std=0.01):
        super().__init__()
        self.user = nn.Embedding(n_users, d)
        self.item = nn.Embedding(n_items, d)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        self.global_bias = nn.Parameter(torch.zeros(1))
        with torch.no_grad():
            self.user.weight.normal_(0, init_std)
            self.item.weight.normal_(0, init_std)
            self.user_bias.weight.zero_()
            self.item_bias.weight.zero_()

    def training_forward(self, users, items):
        p = self.user(users)
        q = self.item(items)
        bu = self.user_bias(users).squeeze(1)
        bi = self.item_bias(items).squeeze(1)
        logits = (p * q).sum(1) + bu + bi + self.global_bias
        norm = p.square().sum() + q.square().sum() + bu.square().sum() + bi.square().sum()
        return logits, norm


class NCF(nn.Module):
    def __init__(self, n_users, n_items, d, hidden=(64, 32, 16), init_std=0.01):
        super().__init__()
        self.user = nn.Embedding(n_users, d)
        self.item = nn.Embedding(n_items, d)
        with torch.no_grad():
            self.user.weight.normal_(0, init_std)
            self.item.weight.normal_(0, init_std)
        widths = [2 * d, *hidden]
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))
        self.output = nn.Linear(widths[-1], 1)

    def training_forward(self, users, items):
        eu = self.user(users)
        ei = self.item(items)
        x = torch.cat([eu, ei], 1)
        for layer in self.hidden:
            x = F.relu(layer(x))
        # The engine computes the embedding norm even when L2 = 0 (NCF tuned); so do we.
        return self.output(x).squeeze(-1), eu.square().sum() + ei.square().sum()


SET_TO_NONE = False  # torch 1.13's default
PARTS = ("forward", "loss", "zero_grad", "backward", "step", "item")


def run_epoch(model, opt, users, items, labels, batch, l2, parts=None):
    """One pass; with `parts` (a list of 6 floats) also accumulates seconds per phase of a step."""
    if parts is not None:
        return run_epoch_profiled(model, opt, users, items, labels, batch, l2, parts)
    n = users.shape[0]
    total = 0.0
    steps = (n + batch - 1) // batch
    for s in range(steps):
        a = s * batch
        length = min(batch, n - a)
        u = users.narrow(0, a, length)
        i = items.narrow(0, a, length)
        logits, norm = model.training_forward(u, i)
        loss = F.binary_cross_entropy_with_logits(logits, labels.narrow(0, a, length))
        if l2 > 0:
            loss = loss + norm * (l2 / length)
        opt.zero_grad(set_to_none=SET_TO_NONE)
        loss.backward()
        opt.step()
        total += loss.item()
    return total / steps, steps


def run_epoch_profiled(model, opt, users, items, labels, batch, l2, parts):
    n = users.shape[0]
    total = 0.0
    steps = (n + batch - 1) // batch
    clock = time.perf_counter
    for s in range(steps):
        a = s * batch
        length = min(batch, n - a)
        t0 = clock()
        logits, norm = model.training_forward(users.narrow(0, a, length), items.narrow(0, a, length))
        t1 = clock()
        loss = F.binary_cross_entropy_with_logits(logits, labels.narrow(0, a, length))
        if l2 > 0:
            loss = loss + norm * (l2 / length)
        t2 = clock()
        opt.zero_grad(set_to_none=SET_TO_NONE)
        t3 = clock()
        loss.backward()
        t4 = clock()
        opt.step()
        t5 = clock()
        total += loss.item()
        t6 = clock()
        for k, (x, y) in enumerate(((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6))):
            parts[k] += y - x
    return total / steps, steps


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ratings", nargs="?", default=DEFAULT_RATINGS)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=3, help="measured epochs (after --warmup)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--models", default="mf,ncf")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--batch", type=int, default=2048)
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--mf-l2", type=float, default=1e-5)
    ap.add_argument("--foreach", action="store_true", help="Adam's multi-tensor (_foreach) implementation")
    ap.add_argument("--set-to-none", action="store_true",
                    help="zero_grad(set_to_none=True): backward writes fresh gradients (the engine's FusedAdam does this)")
    ap.add_argument("--profile", action="store_true", help="also print per-step phase times (adds a little overhead)")
    ap.add_argument("--n-items", type=int, default=0,
                    help="embedding rows for items (default: distinct rated movies); the C# loader may use the full catalogue")
    args = ap.parse_args()
    global SET_TO_NONE
    SET_TO_NONE = args.set_to_none

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    t = time.perf_counter()
    u, i, n_users, n_items = load(args.ratings)
    n_items = max(n_items, args.n_items)
    tu, ti = split_train(u, i, n_users, 5, rng)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    pu, pi, pl = epoch_pairs(tu, ti, n_items, args.negatives, rng)
    sample_s = time.perf_counter() - t
    t = time.perf_counter()
    users = torch.from_numpy(np.ascontiguousarray(pu, dtype=np.int64))
    items = torch.from_numpy(np.ascontiguousarray(pi, dtype=np.int64))
    labels = torch.from_numpy(np.ascontiguousarray(pl, dtype=np.float32))
    index_s = time.perf_counter() - t
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}, python {sys.version.split()[0]}")
    print(f"# users {n_users}, items {n_items}, train positives {len(tu)}, pairs {len(pu)}; "
          f"load+split {load_s:.2f}s, negative sampling (untimed, once) {sample_s:.2f}s, index tensors {index_s:.3f}s")
    print(f"# load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    print("| side | model | threads | epochs | median s | min s | max s | steps | steps/s | loss | load avg (1m) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.models.split(","):
        torch.manual_seed(args.seed)
        if name == "mf":
            model, l2 = MF(n_users, n_items, args.dim), args.mf_l2
        else:
            model, l2 = NCF(n_users, n_items, args.dim), 0.0
        model.train()
        opt = torch.optim.Adam(model.parameters(), lr=args.lr, foreach=args.foreach or None)
        times, loss, steps = [], 0.0, 0
        for e in range(args.warmup + args.epochs):
            parts = [0.0] * len(PARTS) if args.profile else None
            t = time.perf_counter()
            loss, steps = run_epoch(model, opt, users, items, labels, args.batch, l2, parts)
            dt = time.perf_counter() - t
            if e >= args.warmup:
                times.append(dt)
            breakdown = (" [" + ", ".join(f"{p} {1000 * x / steps:.2f}ms" for p, x in zip(PARTS, parts)) + " per step]") if parts else ""
            print(f"#   {name} epoch {e} {'(warm-up) ' if e < args.warmup else ''}{dt:.2f}s loss {loss:.4f}{breakdown}", flush=True)
        med = statistics.median(times)
        print(f"| pytorch | {name} | {args.threads} | {len(times)} | {med:.2f} | {min(times):.2f} | {max(times):.2f} | "
              f"{steps} | {steps / med:.1f} | {loss:.4f} | {os.getloadavg()[0]:.2f} |", flush=True)


if __name__ == "__main__":
    main()
