"""The benchmark workloads: one table drives the suite, its report and its tests.

Every peer of a workload gets the SAME inputs, made here once by the orchestrator and handed to
each worker process as an ``.npz`` file (no pickle):

- the spec (B0 / MobileNetV2, 10 classes, the workload's image size) and its parameter
  registry (``netspec.analysis``) -> ``params`` f32[P] from the registry's seeded init, ``bn``
  f32[S] fresh running statistics;
- ``batches`` a small pool of fixed NHWC image batches f32[N, B, H, W, 3] and labels i32[N, B]
  (step i uses batch ``i % N``), standard normal pixels, labels cycling over the classes;
- ``rand`` f32[N, B, R]: the dropout uniforms of step i (``u >= rate`` keeps a feature), the same
  for every peer, so all peers compute the same function at every step;
- ``hyper`` f32[NH]: Adam (lr 1e-3, betas 0.9 / 0.999, eps 1e-8), label smoothing 0.1,
  BN momentum 0.1, weight decay 0 — so after the first step the first-moment buffer is exactly
  ``(1 - beta1) * grad``, which is how every peer reports its step-0 gradient norm.

fp32 throughout (W6: bf16 mixed precision, below), training-mode BatchNorm, one optimizer
update per step.

W6 is W1 in bf16: ``precision = "bf16"``, what ``TrainConfig(bf16=True)`` trains (the ImageNet
recipe's ``bf16`` + ``bf16_conv``): convolutions and dense layers take bf16 operands with f32
accumulation and the feature maps are stored in bf16, the master weights, BatchNorm, softmax /
loss and the optimizer stay f32 (``netspec/precision.py``).  The inputs are the same f32
arrays; each peer applies its own framework's bf16 (``Peer.precisions`` says which modes a
peer has and how; one without the workload's mode is skipped with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

OPTIMIZER = "adam"
LR, BETA1, BETA2, EPS = 1e-3, 0.9, 0.999, 1e-8
LABEL_SMOOTHING = 0.1
BN_MOMENTUM = 0.1
POOL = 4            # distinct input batches, cycled


@dataclass(frozen=True)
class Workload:
    key: str          # "W1"
    model: str        # "b0" | "mnv2"
    batch: int
    image: int        # square input side
    kind: str         # "train" | "predict"
    title: str
    precision: str = "f32"    # netspec.precision mode: f32 | bf16_conv | bf16

    def spec(self):
        from netspec import zoo
        if self.model == "b0":
            return zoo.efficientnet("b0", 10, image_size=self.image)
        return zoo.mobilenet_v2(10, image_size=self.image)

    def quick(self) -> "Workload":
        """The CI smoke version: same model and kind, batch 2 at 64x64."""
        return Workload(self.key, self.model, 2, 64, self.kind, self.title + " (quick)",
                        self.precision)

    def flops(self) -> int:
        """Nominal floating-point operations of one step, from the parameter registry's
        multiply-accumulates (``netspec.analysis``: convolutions, dense, SE): a forward is
        2 * MACs per image; a train step counts 3 forwards (forward, input gradient, weight
        gradient: each the same multiply-adds), the usual convention.  Elementwise work, BN
        and the optimizer are not counted."""
        from netspec.analysis import analyze
        fwd = 2 * analyze(self.spec()).macs * self.batch
        return fwd * (3 if self.kind == "train" else 1)

    @property
    def describe(self) -> str:
        what = "train step" if self.kind == "train" else "predict"
        name = {"b0": "EfficientNet-B0", "mnv2": "MobileNetV2"}[self.model]
        prec = "" if self.precision == "f32" else f", {self.precision} mixed precision"
        return f"{name}, 10 classes, batch {self.batch}, {self.image}x{self.image}, {what}{prec}"


WORKLOADS: dict[str, Workload] = {w.key: w for w in (
    Workload("W1", "b0", 8, 224, "train", "EfficientNet-B0 train step, batch 8, 224x224"),
    Workload("W2", "mnv2", 8, 224, "train", "MobileNetV2 train step, batch 8, 224x224"),
    Workload("W3", "b0", 32, 64, "train", "EfficientNet-B0 train step, batch 32, 64x64"),
    Workload("W4", "b0", 8, 224, "predict", "EfficientNet-B0 predict, batch 8, 224x224"),
    Workload("W5", "b0", 32, 224, "train", "EfficientNet-B0 train step, batch 32, 224x224"),
    Workload("W6", "b0", 8, 224, "train", "EfficientNet-B0 train step, batch 8, 224x224, bf16",
             "bf16"),
)}


def hyper_vector(step: int = 0) -> np.ndarray:
    """The runtime hyper vector of Adam step ``step`` (0-based), bias corrections included
    (``netspec.state.hyper_vector``, the one the trainer fills, at the workloads' settings)."""
    from netspec.state import hyper_vector as state_hyper_vector
    return state_hyper_vector(lr=LR, step=step + 1, optimizer=OPTIMIZER, weight_decay=0.0,
                              label_smoothing=LABEL_SMOOTHING, bn_momentum=BN_MOMENTUM,
                              beta1=BETA1, beta2=BETA2, eps=EPS)


def make_inputs(w: Workload, seed: int = 0) -> dict[str, np.ndarray]:
    """Everything a peer needs to run workload ``w`` (see the module doc)."""
    from netspec.analysis import analyze
    from netspec.init import init_params
    spec = w.spec()
    a = analyze(spec)
    rng = np.random.default_rng([seed, 7])
    k = a.num_classes
    images = rng.standard_normal((POOL, w.batch, w.image, w.image, spec.in_channels),
                                 dtype=np.float32)
    labels = ((np.arange(POOL * w.batch) * 7 + 3) % k).reshape(POOL, w.batch).astype(np.int32)
    rand = rng.random((POOL, w.batch, a.rand_width), dtype=np.float32)
    return {"params": init_params(a, seed), "bn": a.init_bn(), "images": images,
            "labels": labels, "rand": rand}
