// The lottery script's round trainer and main() (plain Python text, no backslashes or `${`);
// its masks and round arithmetic are in pytorchLotteryMasks.ts. It follows src/engine/lottery:
// the dense trunk once, its step-0 and step-k weights shared by every branch; the rewound variants (to k, LR
// rewinding, fine-tuning) go on from step k of the trunk's clock, with its batches k..T-1 and (but
// fine-tuning) its schedule; fine-tuning trains those T - k steps at the schedule's final rate.
import { PYTORCH_LOTTERY_MASKS } from './pytorchLotteryMasks';

export const PYTORCH_LOTTERY_BODY = PYTORCH_LOTTERY_MASKS + `def train_round(net, parallel, data, order, run, plan, masks, start, fixed_lr=None, keep_step=None):
    """Steps start..T-1 of the trunk's clock (batch s is the trunk's batch s, the rate the
    schedule's at s, or fixed_lr), masks held after every step, a fresh optimizer. Validates every
    eval_every steps of that clock; the early-stopping step is the one of least validation loss."""
    x, y = data["train"]
    end, every = plan["steps"], plan["eval_every"]
    optimizer = make_optimizer(net.parameters())
    hold_masks(net, masks)
    sums = torch.zeros(3, dtype=torch.float64, device=run.device)
    curve, best, final_test, kept = [], None, None, None
    for step in range(start, end):
        if step == keep_step:
            kept = weights_of(net)  # the weights after this many steps: the trunk's checkpoint k
        lr = fixed_lr if fixed_lr is not None else learning_rate_at(step)
        sums += train_step(parallel, optimizer, lr, x, y, order.at(step), run)
        hold_masks(net, masks)
        done = step + 1
        if done % every and done != end:
            continue
        run.all_sum(sums)
        val_loss, val_acc = evaluate(net, data["validation"], run)
        curve.append({"step": done, "trainLoss": sums[0].item() / sums[2].item(), "validationLoss": val_loss,
                      "validationAccuracy": 100 * val_acc, "trainAccuracy": 100 * sums[1].item() / sums[2].item()})
        sums.zero_()
        improved = best is None or val_loss < best["loss"]
        if improved or done == end:
            test = 100 * evaluate(net, data["test"], run)[1]
            curve[-1]["testAccuracy"] = test
            if improved:
                best = {"step": done, "loss": val_loss, "test": test}
            if done == end:
                final_test = test
    outcome = {"steps": end - start, "startStep": start, "testAccuracy": final_test,
               "earlyStopStep": best["step"], "earlyStopTestAccuracy": best["test"], "curve": curve}
    return outcome, kept


def round_result(variant, round_, outcome, masks):
    layers = []
    for i, keep in enumerate(masks):
        kept, total = int(keep.sum()), keep.numel()
        layers.append({"name": f"dense_{i}/kernel", "kept": kept, "total": total, "percentRemaining": 100 * kept / total})
    kept, total = sum(l["kept"] for l in layers), sum(l["total"] for l in layers)
    # Accuracies as fractions, as the History keeps them; the curve's in percent, as the page's.
    return {"variant": variant, "name": VARIANT_NAMES[variant], "round": round_, "percentRemaining": 100 * kept / total,
            "accuracy": outcome["testAccuracy"] / 100, "earlyStopAccuracy": outcome["earlyStopTestAccuracy"] / 100,
            **{key: outcome[key] for key in ("earlyStopStep", "steps", "startStep", "curve")}, "layers": layers,
            "overlap": None}


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def lottery(args, run):
    """Every process runs this: the dense trunk once, then round by round every variant, the
    ticket first (both controls are cut from its masks). The first process writes the results."""
    started = time.time()
    data = limit_data(load_mnist(args.data, args.download), args.train_limit or EXPERIMENT["train_limit"], args.eval_limit)
    count = data["train"][0].shape[0]
    plan = round_plan(count)
    T, k = plan["steps"], plan["k"]
    order = BatchOrder(count, EXPERIMENT["batch_size"], EXPERIMENT["seed"])
    net = build_model(EXPERIMENT["model"], EXPERIMENT["hidden"]).to(run.device)
    parallel = run.wrap(net)
    run.log(f"{EXPERIMENT['rounds']} rounds on {count:,} images: {T} iterations a round, k = {k}, "
            f"{run.world} process(es) on {run.device.type} ({run.launcher})")

    init = weights_of(net)
    trunk, rewind = train_round(net, parallel, data, order, run, plan, None, 0, keep_step=k if k > 0 else None)
    rewind = rewind if k > 0 else init
    final = weights_of(net)
    dense_masks = [torch.ones(w.shape, dtype=torch.bool) for w in kernels_of(final)]
    results = [round_result("dense", 0, trunk, dense_masks)]
    run.log(f"dense: test accuracy {trunk['testAccuracy']:.2f}%")
    dense_bytes = len(compress_model(net, keep_zeros=False))
    # Fine-tuning (Renda et al. 2020): the last rate of the original schedule, held constant.
    final_lr = learning_rate_at(T - 1)
    chains, finals, points = {}, {}, []
    for round_ in range(1, EXPERIMENT["rounds"] + 1):
        for variant in EXPERIMENT["variants"]:
            owner = "rewind_init" if variant == "random_reinit" else variant
            chain = chains.setdefault(owner, [])
            previous = chain[round_ - 2] if round_ > 1 else None
            if variant == "random_prune":
                chain.append(random_masks_like(chains["rewind_init"][round_ - 1], previous, round_))
            elif variant != "random_reinit":
                chain.append(magnitude_masks(kernels_of(finals.get(variant, final)), previous, round_))
            masks = chain[round_ - 1]
            start = {"rewind_init": init, "random_prune": init, "rewind_k": rewind, "random_reinit": None}.get(variant)
            if variant == "random_reinit":
                start = fresh_init(round_, run.device)
            elif variant in ("lr_rewind", "finetune"):
                start = finals.get(variant, final)
            set_weights(net, start, masks)
            begin = k if variant in ("rewind_k", "lr_rewind", "finetune") else 0
            outcome, _ = train_round(net, parallel, data, order, run, plan, masks, begin, fixed_lr=final_lr if variant == "finetune" else None)
            if variant not in ("random_reinit", "random_prune"):
                finals[variant] = weights_of(net)
            result = round_result(variant, round_, outcome, masks)
            results.append(result)
            if variant == "rewind_init":
                # The ticket as a compressed model: masked float32 in the playground's format.
                size = len(compress_model(net))
                points.append({"method": "lottery_ticket", "sparsity": 1 - result["percentRemaining"] / 100, "bits": 32,
                               "encodedBytes": size, "accuracy": outcome["testAccuracy"] / 100})
            run.log(f"round {round_} {VARIANT_NAMES[variant]}: {result['percentRemaining']:.1f}% of weights, "
                    f"test {outcome['testAccuracy']:.2f}% (early stop at {outcome['earlyStopStep']}: {outcome['earlyStopTestAccuracy']:.2f}%)")

    if run.main:
        epochs = T / plan["per_epoch"]
        curves = {key: [{"epoch": p["step"] / plan["per_epoch"], "value": p[field]} for p in trunk["curve"] if field in p]
                  for key, field in (("loss", "trainLoss"), ("trainAccuracy", "trainAccuracy"),
                                     ("validationAccuracy", "validationAccuracy"), ("testAccuracy", "testAccuracy"))}
        record = run_record(run, started, data, curves, T, epochs, trunk["testAccuracy"] / 100,
                            trunk["curve"][-1]["validationAccuracy"] / 100, dense_bytes, points)
        # The lottery's own numbers, round by round, as the History keeps a lottery run (its
        # "lottery" kind): importing the file draws them in the lottery charts beside the
        # browser's runs. The extra fields (settings, steps) are ignored by the importer.
        lottery_record = {key: record[key] for key in ("createdAt", "link", "backend", "status", "seconds")}
        lottery_record.update({"kind": "lottery", "id": record["id"] + "-lottery", "name": record["name"],
                               "seed": EXPERIMENT["seed"], "plannedRounds": EXPERIMENT["rounds"], "rounds": results,
                               "settings": {key: EXPERIMENT[key] for key in LOTTERY_SETTINGS}, "stepsPerRound": T,
                               "rewindStep": k, "stepsPerEpoch": plan["per_epoch"], "trainImages": count})
        write_results(args.results or os.path.splitext(os.path.basename(__file__))[0] + "-results.json", [record, lottery_record])
    return 0


LOTTERY_SETTINGS = ("rounds", "rate_hidden", "rate_output", "scope", "epochs_per_round", "rewind_k", "variants", "recipe", "train_limit", "seed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common_arguments(parser)
    return launch(lottery, parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
`;
