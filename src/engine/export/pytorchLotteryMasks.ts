// The lottery script's round arithmetic and masks (plain Python text, no backslashes or `${`), as
// src/engine/lottery does them: a round's length T and k from the images trained on (roundLength.ts),
// the recipe's schedule over a round (recipes.ts), magnitude masks nested round after round with
// (1 - rate)^round of each layer kept (roundMasks.ts, rates.ts), random pruning with the ticket's
// per-layer counts, and random reinit from the model's own initializer under another seed.

export const PYTORCH_LOTTERY_MASKS = `# ---------------------------------------------------------------------------------------------
# The lottery: iterative magnitude pruning as the playground runs it (src/engine/lottery)
# ---------------------------------------------------------------------------------------------


def half_up(x):
    """Rounds half up, as the playground's Math.round does (Python's round() goes to even)."""
    return int(math.floor(x + 0.5))


def round_plan(train_count):
    """The round's length T in steps, k, the validation cadence, and the recipe's schedule over a
    round, from the number of training images (so --train-limit keeps them consistent)."""
    per_epoch = train_count // EXPERIMENT["batch_size"]
    if per_epoch < 1:
        raise SystemExit(f"The training set has {train_count} images, fewer than one batch of {EXPERIMENT['batch_size']}.")
    steps = max(1, half_up(EXPERIMENT["epochs_per_round"] * per_epoch))
    k = EXPERIMENT["rewind_k"]
    if k is None:  # "auto": 2% of a round, at least 1 (at 0, rewinding to k is rewinding to init)
        k = min(steps - 1, max(1, half_up(0.02 * steps)))
    if not 0 <= k < steps:
        raise SystemExit(f"The rewind iteration k = {k} must be below the round's {steps} iterations; train longer rounds or choose a smaller k.")
    if k == 0 and "rewind_k" in EXPERIMENT["variants"]:
        raise SystemExit('At k = 0 "Rewind to iteration k" is the same as "Rewind to init"; train longer rounds.')
    decays = EXPERIMENT["decays_per_round"]
    EXPERIMENT["schedule"] = (
        {"kind": "constant"} if decays == 0
        else {"kind": "step", "warmup_steps": 0, "decay_every_steps": max(1, math.ceil(steps / (decays + 1))), "gamma": EXPERIMENT["gamma"]}
    )
    return {"steps": steps, "k": k, "per_epoch": per_epoch, "eval_every": max(1, half_up(per_epoch / 2))}


def derived_seed(label, round_):
    """A seed of its own for each control and round, the same in every process."""
    return (EXPERIMENT["seed"] * 1_000_003 + round_ * 7_919 + label) % (2 ** 31)


def weights_of(net):
    return [p.detach().clone() for p in net.parameters()]


@torch.no_grad()
def set_weights(net, weights, masks=None):
    """Loads weights (kernel, bias, kernel, ...) and zeroes the pruned kernel positions."""
    for p, w in zip(net.parameters(), weights):
        p.copy_(w)
    hold_masks(net, masks)


@torch.no_grad()
def hold_masks(net, masks):
    if masks is not None:
        for layer, keep in zip(weighted_layers(net), masks):
            layer.weight.masked_fill_(~keep.to(layer.weight.device), 0.0)


def kernels_of(weights):
    return [w.cpu() for w in weights[0::2]]


def pruned_total(rate, round_, size):
    """Weights removed in total after round_ rounds at rate per round: (1 - rate)^round kept."""
    return min(size, max(0, half_up((1 - (1 - rate) ** round_) * size)))


def magnitude_masks(kernels, previous, round_):
    """The masks of round round_ from the weights a variant ended its previous round with,
    nested in its previous masks (pruned positions count as the smallest). Layer-wise: each
    kernel to its own target; global: the hidden kernels share one threshold. The output kernel
    always goes by its own (slower) rate, as in Frankle & Carbin."""
    keeps = previous or [torch.ones(w.shape, dtype=torch.bool) for w in kernels]
    rates = [EXPERIMENT["rate_hidden"]] * (len(kernels) - 1) + [EXPERIMENT["rate_output"]]
    last = len(kernels) - 1
    if EXPERIMENT["scope"] == "global":
        groups = [(list(range(last)), rates[0]), ([last], rates[last])] if last > 0 else [([last], rates[last])]
    else:
        groups = [([i], rates[i]) for i in range(len(kernels))]
    out = list(keeps)
    for members, rate in groups:
        scores = torch.cat([torch.where(keeps[i], kernels[i].abs(), torch.tensor(-1.0)).flatten() for i in members])
        keep = torch.ones(scores.numel(), dtype=torch.bool)
        keep[torch.sort(scores, stable=True).indices[: pruned_total(rate, round_, scores.numel())]] = False
        for i, part in zip(members, torch.split(keep, [kernels[i].numel() for i in members])):
            out[i] = part.reshape(kernels[i].shape)
    return out


def random_masks_like(ticket, previous, round_):
    """Random pruning, the control: per kernel exactly as many weights as the ticket keeps,
    chosen at random among those this control kept the round before."""
    generator = torch.Generator().manual_seed(derived_seed(1, round_))
    out = []
    for i, reference in enumerate(ticket):
        current = previous[i] if previous else torch.ones(reference.shape, dtype=torch.bool)
        candidates = current.flatten().nonzero().flatten()
        chosen = candidates[torch.randperm(candidates.numel(), generator=generator)[: int(reference.sum())]]
        keep = torch.zeros(reference.numel(), dtype=torch.bool)
        keep[chosen] = True
        out.append(keep.reshape(reference.shape))
    return out


def fresh_init(round_, device):
    """Random reinit's starting values: the model's own initializer under another seed."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(derived_seed(2, round_))
        return [w.to(device) for w in weights_of(build_model(EXPERIMENT["model"], EXPERIMENT["hidden"]))]


`;
