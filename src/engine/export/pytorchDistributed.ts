// How every exported PyTorch script runs: one process, or data-parallel with
// DistributedDataParallel under any launcher that sets the standard variables (torchrun, SLURM's
// srun, Kubernetes' PyTorchJob), or N local processes it spawns itself (--nproc N). Each process
// takes its share of every global batch, and the loss is scaled so that DDP's gradient average is
// the mean over the whole batch: the same step as one process, up to float summation order.
// Plain Python text (no backslashes or `${`).

export const PYTORCH_DISTRIBUTED = `# ---------------------------------------------------------------------------------------------
# Running: one process, a launcher's processes (RANK, WORLD_SIZE, ...), or --nproc N spawned here
# ---------------------------------------------------------------------------------------------


class Run:
    """This process's place in the run: rank, world size, device, and how it was started."""

    def __init__(self, rank, world, local_rank, device, launcher):
        self.rank, self.world, self.local_rank = rank, world, local_rank
        self.device, self.launcher = device, launcher
        self.main = rank == 0

    def log(self, *parts):
        if self.main:
            print(*parts, flush=True)

    def share(self, count):
        """The contiguous slice [lo, hi) of count items this process evaluates."""
        return count * self.rank // self.world, count * (self.rank + 1) // self.world

    def all_sum(self, tensor):
        if self.world > 1:
            dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        return tensor

    def wrap(self, model):
        """The model as training calls it: wrapped in DistributedDataParallel with several processes."""
        if self.world == 1:
            return model
        ids = [self.device.index] if self.device.type == "cuda" else None
        return DistributedDataParallel(model, device_ids=ids)

    def where(self):
        """Where the run ran, for the results file: "PyTorch cpu x2" (at most 20 characters)."""
        return f"PyTorch {self.device.type}" + (f" x{self.world}" if self.world > 1 else "")


def env_int(*names):
    """The first of the variables that is set, as a whole number (srun sets SLURM_* instead)."""
    for name in names:
        if os.environ.get(name, "") != "":
            try:
                return int(os.environ[name])
            except ValueError:
                raise SystemExit(f"{name}={os.environ[name]!r} is not a whole number.")
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(worker, args):
    """Runs worker(args, run) in every process of the run and returns its exit code."""
    if args.nproc < 1:
        raise SystemExit(f"--nproc {args.nproc}: the number of processes must be at least 1.")
    world = env_int("WORLD_SIZE", "SLURM_NTASKS")
    if args.nproc > 1:
        if world is not None and world > 1:
            raise SystemExit("--nproc starts its own processes; leave it out under a launcher that sets WORLD_SIZE.")
        os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
        os.environ.setdefault("MASTER_PORT", str(free_port()))
        torch.multiprocessing.spawn(spawned, args=(worker, args), nprocs=args.nproc, join=True)
        return 0
    if world is None or world <= 1:
        return run_process(worker, args, 0, 1, 0, "single process", args.nproc)
    rank = env_int("RANK", "SLURM_PROCID")
    local = env_int("LOCAL_RANK", "SLURM_LOCALID")
    if rank is None or not 0 <= rank < world:
        raise SystemExit(f"WORLD_SIZE is {world} but RANK is not set to 0..{world - 1}.")
    for name in ("MASTER_ADDR", "MASTER_PORT"):
        if not os.environ.get(name):
            raise SystemExit(f"WORLD_SIZE is {world} but {name} is not set: the launcher must set it.")
    local_world = env_int("LOCAL_WORLD_SIZE", "SLURM_NTASKS_PER_NODE") or 1
    return run_process(worker, args, rank, world, rank if local is None else local, "launcher", local_world)


def spawned(index, worker, args):
    code = run_process(worker, args, index, args.nproc, index, "spawned", args.nproc)
    if code:
        raise SystemExit(code)


def run_process(worker, args, rank, world, local_rank, launcher, processes_here):
    if args.device == "cuda":
        if not torch.cuda.is_available():
            raise SystemExit("--device cuda: no CUDA device is available to this process.")
        device = torch.device("cuda", local_rank % torch.cuda.device_count())
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
        # Processes on one machine share its cores: one pool of threads each would oversubscribe them.
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // max(1, processes_here)))
    if world > 1:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo", rank=rank, world_size=world)
    try:
        seed_everything(EXPERIMENT["seed"])
        return worker(args, Run(rank, world, local_rank, device, launcher))
    finally:
        if world > 1:
            dist.destroy_process_group()


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def common_arguments(parser):
    parser.add_argument("--data", default="data", help="folder with the MNIST IDX files (default: ./data)")
    parser.add_argument("--download", action="store_true", help="download MNIST with torchvision if missing")
    parser.add_argument("--train-limit", type=int, default=None, help="train on the first N training images only")
    parser.add_argument("--eval-limit", type=int, default=None, help="validate and test on the first N images of each (quick checks)")
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--nproc", type=int, default=1, help="spawn N local processes (data-parallel, DistributedDataParallel)")
    parser.add_argument("--results", default=None, help="where to write the results JSON (History > Import)")


def limit_data(data, train_limit, eval_limit):
    """The first train_limit training images (the playground's "Training images" control) and
    the first eval_limit validation and test images (None: all)."""
    limits = {"train": train_limit, "validation": eval_limit, "test": eval_limit}
    out = {}
    for split, (x, y) in data.items():
        limit = limits[split]
        if limit is not None and limit < 1:
            raise SystemExit("--train-limit and --eval-limit must be at least 1.")
        out[split] = (x[:limit], y[:limit]) if limit is not None else (x, y)
    return out


`;
