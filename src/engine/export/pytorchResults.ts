// The results file every exported script writes: the History's import format
// (src/history/resultsSchema.ts: { format, version, exportedAt, runs }), so "Import" in the
// History puts a PyTorch run's curves and compression points in the same charts as the browser's.
// Where the run ran is its `backend` ("PyTorch cpu x2", shown as "on PyTorch cpu x2") and its
// name; `ranOn` holds the details (the schema ignores fields it does not know). Plain Python text.

export const PYTORCH_RESULTS = `# ---------------------------------------------------------------------------------------------
# Results: a file the playground's History imports (History > Import)
# ---------------------------------------------------------------------------------------------


def run_record(run, started, data, curves, steps, epochs, test, validation, dense_bytes, points):
    """One run as the History keeps it: accuracies as fractions, curves in percent per epoch."""
    now = time.time()
    return {
        "id": f"pytorch-{int(now * 1000):x}-{EXPERIMENT['seed']}",
        "name": f"{EXPERIMENT['run_name']} · {run.where()}"[:200],
        "createdAt": int(now * 1000),
        "link": EXPERIMENT["link"],
        "dataset": EXPERIMENT["dataset"],
        "model": EXPERIMENT["model"],
        "backend": run.where(),
        "status": "done",
        "epochs": max(1, int(math.ceil(epochs))),
        "steps": int(steps),
        "seconds": round(now - started, 3),
        "testAccuracy": test,
        "validationAccuracy": validation,
        "curves": curves,
        "denseBytes": dense_bytes,
        "points": points,
        "ranOn": {
            "runner": "pytorch",
            "torch": torch.__version__,
            "python": sys.version.split()[0],
            "device": run.device.type,
            "processes": run.world,
            "launcher": run.launcher,
            "host": socket.gethostname(),
            "images": {split: int(x.shape[0]) for split, (x, _) in data.items()},
        },
    }


def write_results(path, records):
    """Writes the results file whole or not at all (a temporary file, then a rename)."""
    document = {
        "format": "compression-playground-results",
        "version": 2,  # runs of every kind (a lottery script writes a training and a lottery run)
        "exportedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "runs": records,
    }
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    temporary = path + ".partial"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, allow_nan=False)
    os.replace(temporary, path)
    print(f"results: {path} (open the playground's History and choose Import)", flush=True)


`;
