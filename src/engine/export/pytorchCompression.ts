// The compression script's own part: pruning with torch.nn.utils.prune, then main(): train
// (data-parallel), prune, quantize and encode (pytorchCpgm.ts), write the results.
// Plain Python text (no backslashes or `${`).

export const PYTORCH_COMPRESSION = `# ---------------------------------------------------------------------------------------------
# Pruning with torch.nn.utils.prune
# ---------------------------------------------------------------------------------------------


def pruned_layers(model):
    """The layers the playground's "first layer" / "output layer" switches leave in play."""
    layers = weighted_layers(model)
    chosen = []
    for i, layer in enumerate(layers):
        if i == 0 and not EXPERIMENT["prune_first_layer"]:
            continue
        if i == len(layers) - 1 and not EXPERIMENT["prune_output_layer"]:
            continue
        chosen.append(layer)
    return chosen


def disconnect_removed_units(model, layer):
    """Structured pruning: a removed unit's outgoing weights go too (the next layer's input
    columns or channels), so the masked network is what a physically smaller one computes."""
    layers = weighted_layers(model)
    at = layers.index(layer)
    if at + 1 >= len(layers):
        return
    dead = layer.weight_mask.flatten(1).sum(1) == 0  # one flag per output unit
    nxt = layers[at + 1]
    mask = torch.ones_like(nxt.weight)
    if isinstance(nxt, nn.Conv2d):
        mask[:, dead] = 0
    else:
        # A conv's flattened output has its channels outermost (N, C, H, W): C blocks of H*W columns.
        mask[:, dead.repeat_interleave(nxt.in_features // dead.numel())] = 0
    prune.custom_from_mask(nxt, "weight", mask)


def apply_pruning(model):
    method, amount = EXPERIMENT["prune_method"], EXPERIMENT["sparsity"]
    layers = pruned_layers(model)
    if amount <= 0 or not layers:
        return
    if method == "global_magnitude":
        # One |w| threshold across every included layer.
        prune.global_unstructured([(m, "weight") for m in layers], pruning_method=prune.L1Unstructured, amount=amount)
    elif method == "layerwise_magnitude":
        for m in layers:
            prune.l1_unstructured(m, "weight", amount=amount)
    elif method == "random":
        # The control: as many weights per layer as layer-wise magnitude, chosen at random.
        torch.manual_seed(EXPERIMENT["seed"])
        for m in layers:
            prune.random_unstructured(m, "weight", amount=amount)
    elif method == "structured":
        # Whole output units with the smallest L1 norm; the output layer keeps its classes.
        output = weighted_layers(model)[-1]
        for m in [m for m in layers if m is not output]:
            prune.ln_structured(m, "weight", amount=amount, n=1, dim=0)
            disconnect_removed_units(model, m)
    # Make the masks permanent: the zeros are now plain zeros in layer.weight.
    for m in weighted_layers(model):
        if prune.is_pruned(m):
            prune.remove(m, "weight")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def experiment(args, run):
    """Every process runs this: train (data-parallel), then prune, quantize and encode the same
    model; the first process writes the .cpgm file and the results."""
    started = time.time()
    if EXPERIMENT["dataset"] == "mnist":
        data = load_mnist(args.data, args.download)
    else:
        data = load_toy(EXPERIMENT["dataset"], EXPERIMENT["seed"])
    data = limit_data(data, args.train_limit, args.eval_limit)
    model = build_model(EXPERIMENT["model"], EXPERIMENT["hidden"]).to(run.device)
    run.log(f"{EXPERIMENT['model']} on {EXPERIMENT['dataset']} ({data['train'][0].shape[0]:,} training images): "
            f"{sum(p.numel() for p in model.parameters()):,} parameters, {run.world} process(es) on {run.device.type} ({run.launcher})")

    curves, steps = train(model, data, args.epochs, run)
    _, validation = evaluate(model, data["validation"], run)
    _, dense = evaluate(model, data["test"], run)
    dense_bytes = len(compress_model(model, keep_zeros=False))  # float32 as stored: the weights are unchanged
    run.log(f"dense test accuracy: {dense:.2%}, {dense_bytes:,} bytes as float32")

    apply_pruning(model)
    weights = [layer.weight for layer in weighted_layers(model)]
    zeros = sum((w == 0).sum().item() for w in weights)
    total = sum(w.numel() for w in weights)
    run.log(f"pruned ({EXPERIMENT['prune_method']}): {zeros / total:.2%} of the weights are zero, test accuracy {evaluate(model, data['test'], run)[1]:.2%}")

    blob = compress_model(model, EXPERIMENT["quant_scheme"], EXPERIMENT["bits"], EXPERIMENT["per_channel"], EXPERIMENT["entropy_coding"])
    _, final = evaluate(model, data["test"], run)
    run.log(f"quantized ({EXPERIMENT['quant_label']}): test accuracy {final:.2%}, {len(blob):,} bytes ({dense_bytes / len(blob):.1f}x smaller)")
    run.log(f"test accuracy: {final:.4f}")
    if run.main:
        results = args.results or os.path.splitext(os.path.basename(__file__))[0] + "-results.json"
        model_file = os.path.splitext(results)[0] + ".cpgm"
        with open(model_file, "wb") as f:
            f.write(blob)
        run.log(f"compressed model: {model_file} ({len(blob):,} bytes)")
        point = {"method": EXPERIMENT["prune_method"], "sparsity": zeros / total, "bits": EXPERIMENT["bits"], "encodedBytes": len(blob), "accuracy": final}
        write_results(results, [run_record(run, started, data, curves, steps, args.epochs, dense, validation, dense_bytes, [point])])
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common_arguments(parser)
    parser.add_argument("--epochs", type=int, default=EXPERIMENT["epochs"], help="override the number of epochs")
    args = parser.parse_args()
    if args.epochs < 1:
        raise SystemExit(f"--epochs {args.epochs}: train at least one epoch.")
    return launch(experiment, args)


if __name__ == "__main__":
    sys.exit(main())
`;
