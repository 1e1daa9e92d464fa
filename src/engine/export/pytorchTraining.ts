// Training in every exported PyTorch script: the playground's schedule and optimizers, its data
// order (a seeded permutation per epoch, the last partial batch dropped), one data-parallel step,
// and evaluation split across the processes. Plain Python text (no backslashes or `${`).

export const PYTORCH_TRAINING = `# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------


def learning_rate_at(step):
    """The playground's schedule: constant, or a linear warmup then x gamma every N batches."""
    base, schedule = EXPERIMENT["learning_rate"], EXPERIMENT["schedule"]
    if schedule["kind"] == "constant":
        return base
    warmup, every, gamma = schedule["warmup_steps"], schedule["decay_every_steps"], schedule["gamma"]
    if warmup > 0 and step < warmup:
        return base * (step + 1) / warmup
    return base * gamma ** ((step - warmup) // every)


def make_optimizer(params):
    name, lr = EXPERIMENT["optimizer"], EXPERIMENT["learning_rate"]
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    # tfjs's Adam: betas (0.9, 0.999), epsilon 1e-7.
    return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=1e-7)


class BatchOrder:
    """Batch s of training, the same in every process and every time it is asked for: a fresh
    permutation each epoch from one seeded generator, the last partial batch dropped."""

    def __init__(self, count, batch, seed):
        self.count, self.batch = count, batch
        self.steps_per_epoch = count // batch
        if self.steps_per_epoch < 1:
            raise SystemExit(f"The training set has {count} images, fewer than one batch of {batch}.")
        self.generator = torch.Generator().manual_seed(seed)
        self.epochs = []

    def at(self, step):
        epoch, i = divmod(step, self.steps_per_epoch)
        while len(self.epochs) <= epoch:
            self.epochs.append(torch.randperm(self.count, generator=self.generator))
        return self.epochs[epoch][i * self.batch : (i + 1) * self.batch]


def train_step(model, optimizer, lr, x, y, batch, run):
    """One step on a global batch: each process takes every world-th row of it, and the summed
    loss is scaled by world / batch size, so the gradient DistributedDataParallel averages is the
    mean over the whole batch. Returns this process's [loss sum, correct, rows] (a tensor, so no
    step waits for a number to come back from the device)."""
    for group in optimizer.param_groups:
        group["lr"] = lr
    mine = batch[run.rank :: run.world]
    logits = model(x[mine].to(run.device))
    target = y[mine].to(run.device)
    loss = F.cross_entropy(logits, target, reduction="sum")
    optimizer.zero_grad()
    (loss * (run.world / batch.numel())).backward()
    optimizer.step()
    rows = torch.tensor(float(mine.numel()), dtype=torch.float64, device=run.device)
    return torch.stack([loss.detach().double(), (logits.argmax(1) == target).sum().double(), rows])


@torch.no_grad()
def evaluate(model, split, run):
    """Mean loss and accuracy over a whole split. Each process evaluates its share and the sums
    are added up, so every process gets the same numbers."""
    model.eval()
    x, y = split
    lo, hi = run.share(x.shape[0])
    sums = torch.zeros(2, dtype=torch.float64, device=run.device)
    for start in range(lo, hi, 1000):
        end = min(start + 1000, hi)
        logits = model(x[start:end].to(run.device))
        target = y[start:end].to(run.device)
        sums[0] += F.cross_entropy(logits, target, reduction="sum").double()
        sums[1] += (logits.argmax(1) == target).sum().double()
    run.all_sum(sums)
    model.train()
    return sums[0].item() / x.shape[0], sums[1].item() / x.shape[0]


def train(model, data, epochs, run):
    """Trains model (in place) for whole epochs; returns the History's curves (accuracies in
    percent, x in epochs) and the steps trained."""
    x, y = data["train"]
    order = BatchOrder(x.shape[0], EXPERIMENT["batch_size"], EXPERIMENT["seed"])
    parallel = run.wrap(model)
    optimizer = make_optimizer(model.parameters())
    curves = {"loss": [], "trainAccuracy": [], "validationAccuracy": [], "testAccuracy": []}
    step = 0
    model.train()
    for epoch in range(1, epochs + 1):
        sums = torch.zeros(3, dtype=torch.float64, device=run.device)
        for _ in range(order.steps_per_epoch):
            sums += train_step(parallel, optimizer, learning_rate_at(step), x, y, order.at(step), run)
            step += 1
        run.all_sum(sums)
        _, val = evaluate(model, data["validation"], run)
        _, test = evaluate(model, data["test"], run)
        for key, value in (("loss", sums[0].item() / sums[2].item()), ("trainAccuracy", 100 * sums[1].item() / sums[2].item()),
                           ("validationAccuracy", 100 * val), ("testAccuracy", 100 * test)):
            curves[key].append({"epoch": epoch, "value": value})
        run.log(f"epoch {epoch}: loss {curves['loss'][-1]['value']:.4f}, validation {val:.2%}, test {test:.2%}")
    return curves, step


`;
