"""THE case table: small representative configurations per layer kind.

One table drives the golden MLIR files (``golden_mlir/cases/<id>.mlir``), the compiled-gradient
tests against the JAX reference, the float64 finite-difference tests (rows marked ``tiny``)
and ``netspec golden --update``.  Each row is a complete little network (a layer needs a loss
to have gradients): the layer kind under test between a 1x1 convBn stem and a pool + dense
head, so the cotangent reaching the layer is a generic tensor.

Columns: id, what it exercises, the spec, batch, tiny (float64 finite differences run on it),
drop_path (stochastic depth: the row is emitted, checked and pinned with that rate), dw_chunk
(forces the depthwise weight-gradient form, ``codegen.ops.conv.depthwise_dw_chunk``: U = the
while loop over chunks of U samples; None = the rule, which writes small batches out).
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec import (NetSpec, bneck, convBn, dense, dropout, fusedMbConv, globalAvgPool,
                     invertedResidual, mbConv)
from netspec import basicBlock, maxPool


@dataclass(frozen=True)
class Case:
    id: str
    what: str
    spec: NetSpec
    batch: int = 2
    tiny: bool = False
    drop_path: float = 0.0
    dw_chunk: int | None = None


def _net(name, hw, cin, body, classes=3, head_ch=None, drop=None):
    hw_h, hw_w = (hw, hw) if isinstance(hw, int) else hw
    layers = list(body) + [globalAvgPool()]
    if drop is not None:
        layers.append(dropout(drop))
    layers.append(dense(head_ch, classes))
    return NetSpec(name, hw_h, hw_w, layers, in_channels=cin)


def _row(id, what, hw, body, head_ch, *, cin=2, batch=2, tiny=False, drop=None, classes=3,
         drop_path=0.0, dw_chunk=None):
    return Case(id, what, _net(id, hw, cin, body, classes, head_ch, drop), batch, tiny, drop_path,
                dw_chunk)


CASES: tuple[Case, ...] = (
    # --- convBn: dense convolution, every kernel/stride/parity/activation
    _row("conv_k3_s1_even", "3x3 conv, stride 1, 6x6, swish", 6, [convBn(2, 4, 3, 1, act="swish")], 4, tiny=True),
    _row("conv_k3_s2_even", "3x3 conv, stride 2, 6x6 (pad_hi trimmed)", 6, [convBn(2, 4, 3, 2, act="swish")], 4, tiny=True),
    _row("conv_k3_s2_odd", "3x3 conv, stride 2, 7x7 (odd size)", 7, [convBn(2, 4, 3, 2, act="relu6")], 4, tiny=True),
    _row("conv_k5_s2_odd", "5x5 conv, stride 2, 9x9", 9, [convBn(2, 3, 5, 2, act="swish")], 3),
    _row("conv_k5_s1_odd", "5x5 conv, stride 1, 5x5", 5, [convBn(2, 3, 5, 1, act="identity")], 3),
    _row("conv_k1_s2_odd", "1x1 conv, stride 2, 5x5 (unread last row)", 5, [convBn(2, 4, 1, 2, act="relu")], 4),
    _row("conv_valid_k3", "3x3 conv, padding='valid', 6x7", (6, 7), [convBn(2, 4, 3, 1, padding="valid", act="swish")], 4),
    _row("conv_k3_s2_odd_dx", "3x3 conv stride 2 at 7x7 after a 1x1 (its strided input gradient)", 7,
         [convBn(2, 4, 1, 1), convBn(4, 4, 3, 2, act="swish")], 4),
    _row("conv_valid_k3_s2_dx", "3x3 conv stride 2, padding='valid', 8x9, after a 1x1 (strided input gradient)", (8, 9),
         [convBn(2, 4, 1, 1), convBn(4, 4, 3, 2, padding="valid", act="swish")], 4),
    _row("conv_relu6_chain", "two convBn relu6 (kinks), stride 2 then 1", 8,
         [convBn(2, 6, 3, 2, act="relu6"), convBn(6, 4, 3, 1, act="relu6")], 4),
    # --- depthwise (inside blocks): two channels at 4x4 is the book's representative scale
    _row("dw_k3_s1_c2", "depthwise 3x3 on two channels at 4x4 (expand 1, no SE)", 4,
         [convBn(2, 2, 1, 1, act="identity"), mbConv(2, 2, 1, 3, 1, 1, False)], 2, tiny=True),
    _row("dw_k3_s2_odd", "depthwise 3x3 stride 2 at 7x7", 7,
         [convBn(2, 4, 1, 1), mbConv(4, 4, 1, 3, 2, 1, False)], 4),
    _row("dw_k5_s2_even", "depthwise 5x5 stride 2 at 8x8", 8,
         [convBn(2, 4, 1, 1), mbConv(4, 6, 2, 5, 2, 1, False)], 6),
    _row("dw_k5_s2_to_1x1", "depthwise 5x5 stride 2, 2x2 -> 1x1", 2,
         [convBn(2, 4, 1, 1), mbConv(4, 4, 2, 5, 2, 1, False)], 4, batch=4),
    # --- the depthwise weight gradient as a while loop (forced; the rule writes these batches
    #     out): whole chunks plus a written-out remainder, chunk 1 (no remainder), odd sizes
    _row("dw_loop_k3_s1_b3_u2", "depthwise dw loop: batch 3, chunks of 2 (one pass + 1 left), 3x3 s1 at 5x5", 5,
         [convBn(2, 3, 1, 1, act="identity"), mbConv(3, 3, 1, 3, 1, 1, False)], 3, batch=3, tiny=True,
         dw_chunk=2),
    _row("dw_loop_k3_s2_odd_b5_u2", "depthwise dw loop: batch 5, chunks of 2 (two passes + 1 left), 3x3 s2 at 7x7",
         7, [convBn(2, 4, 1, 1), mbConv(4, 4, 1, 3, 2, 1, False)], 4, batch=5, tiny=True, dw_chunk=2),
    _row("dw_loop_k5_s2_even_b3_u1", "depthwise dw loop: batch 3, one sample a pass, 5x5 s2 at 8x8, SE", 8,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 6, 2, 5, 2, 1, True)], 6, batch=3, dw_chunk=1),
    _row("dw_loop_s2_to_1x1_b4_u4", "depthwise dw loop: batch 4 in one pass of 4, 5x5 s2 2x2 -> 1x1 (trimmed x)", 2,
         [convBn(2, 4, 1, 1), mbConv(4, 4, 2, 5, 2, 1, False)], 4, batch=4, dw_chunk=4),
    # --- padding="tf_same" (TensorFlow's SAME, ``conv_pads``): at stride 2 on an even extent
    #     the extra row goes at the END (3x3: (0, 1), 5x5: (1, 2)); odd extents and stride 1
    #     are symmetric.  Non-square maps give H and W different (lo, hi).
    _row("tfsame_conv_k3_s2_even", "tf_same 3x3 conv, stride 2, 6x6 (pads lo 0, hi 1)", 6,
         [convBn(2, 4, 3, 2, padding="tf_same", act="swish")], 4, tiny=True),
    _row("tfsame_conv_k3_s2_dx", "tf_same 3x3 conv stride 2 at 8x7 (H pads 0/1, W 1/1) after a 1x1 "
         "(its input gradient)", (8, 7),
         [convBn(2, 4, 1, 1), convBn(4, 4, 3, 2, padding="tf_same", act="swish")], 4, tiny=True),
    _row("tfsame_dw_k5_s2_odd_even", "tf_same depthwise 5x5 stride 2 in an mbConv at 9x8 (H pads 2/2, "
         "W 1/2), expand 2, SE", (9, 8),
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 6, 2, 5, 2, 1, True, padding="tf_same")], 6),
    _row("tfsame_mbconv_k5_s1_res", "tf_same depthwise 5x5 stride 1 (symmetric 2/2) in an mbConv, "
         "residual, SE, 6x6", 6,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 5, 1, 1, True, padding="tf_same")], 4),
    _row("tfsame_dw_loop_k3_s2_even_b3_u2", "tf_same depthwise 3x3 stride 2 at 6x6 (pads 0/1), dw loop: "
         "batch 3, chunks of 2", 6,
         [convBn(2, 3, 1, 1, act="identity"), mbConv(3, 3, 1, 3, 2, 1, False, padding="tf_same")], 3,
         batch=3, tiny=True, dw_chunk=2),
    # --- squeeze-excitation
    _row("se_mid4", "SE block on four mid-channels (two in the squeeze), residual", 4,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 3, 1, 1, True, 0.5)], 4, tiny=True),
    _row("mbconv_e6_k5_s2_se", "mbConv expand 6, k5, stride 2, SE, odd 7x7", 7,
         [convBn(2, 4, 3, 1, act="swish"), mbConv(4, 6, 6, 5, 2, 1, True)], 6),
    _row("mbconv_e6_k3_res_r2", "mbConv expand 6, k3, two repeats (residual on the 2nd)", 6,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 8, 6, 3, 1, 2, True)], 8),
    _row("mbconv_e1_res", "mbConv expand 1 with residual and SE", 5,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 3, 1, 1, True)], 4),
    # --- EfficientNetV2's Fused-MBConv: one full kxk convBn (expand 1) or kxk expand + 1x1 project
    _row("fused_e1_res", "fusedMbConv expand 1 (the one 3x3 full convBn, swish), residual", 5,
         [convBn(2, 4, 1, 1, act="swish"), fusedMbConv(4, 4, 1, 3, 1, 1)], 4, tiny=True),
    _row("fused_e4_s2_odd", "fusedMbConv expand 4 (3x3 stride-2 full conv 3 -> 12, 1x1 project -> 5) at 7x7", 7,
         [convBn(2, 3, 1, 1, act="swish"), fusedMbConv(3, 5, 4, 3, 2, 1)], 5),
    _row("fused_e4_res_r2", "fusedMbConv expand 4, two repeats, residual on both", 5,
         [convBn(2, 4, 1, 1, act="swish"), fusedMbConv(4, 4, 4, 3, 1, 2)], 4),
    _row("fused_droppath_r3", "drop path 0.6 on fusedMbConv e4 x2 then e1 (rates 0, .2, .4), batch 4", 4,
         [convBn(2, 4, 1, 1, act="swish"), fusedMbConv(4, 4, 4, 3, 1, 2), fusedMbConv(4, 4, 1, 3, 1, 1)],
         4, batch=4, tiny=True, drop_path=0.6),
    # --- inverted residual (relu6, no SE)
    _row("ir_e1_s1", "invertedResidual expand 1 (no expand conv), stride 1", 6,
         [convBn(2, 4, 3, 1), invertedResidual(4, 4, 1, 1, 1)], 4),
    _row("ir_e6_s2_odd", "invertedResidual expand 6 stride 2 at 7x7", 7,
         [convBn(2, 4, 3, 1), invertedResidual(4, 6, 6, 2, 1)], 6),
    _row("ir_e6_res_r3", "invertedResidual expand 6, three repeats, residuals", 5,
         [convBn(2, 4, 3, 1), invertedResidual(4, 4, 6, 1, 3)], 4),
    # --- EfficientNet-Lite: mbConv with relu6 and no squeeze-excitation
    _row("lite_mbconv_relu6_e6_k5_s2", "mbConv relu6 no SE (EfficientNet-Lite), expand 6, k5, stride 2, 7x7", 7,
         [convBn(2, 4, 3, 1), mbConv(4, 6, 6, 5, 2, 1, False, act="relu6")], 6),
    _row("lite_mbconv_relu6_res_r2", "mbConv relu6 no SE, expand 6, two repeats (residual on the 2nd)", 5,
         [convBn(2, 4, 1, 1), mbConv(4, 4, 6, 3, 1, 2, False, act="relu6")], 4, tiny=True),
    # --- MobileNetV3: the hard functions (kinks at -3 and 3; the exact kink points are
    #     tests/test_hard_act.py's) and the bneck block with its relu / hsigmoid SE
    _row("conv_hswish_k3", "3x3 convBn hswish, 6x6, batch 4", 6, [convBn(2, 6, 3, 1, act="hswish")], 6,
         batch=4, tiny=True),
    _row("conv_hsigmoid_k3_s2", "3x3 convBn hsigmoid, stride 2, 7x7, batch 4", 7,
         [convBn(2, 4, 3, 2, act="hsigmoid")], 4, batch=4, tiny=True),
    _row("bneck_relu_se_noexpand_res", "bneck mid == ic (no expand conv), relu, SE (relu, hsigmoid gate, "
         "bottleneck _make_divisible(8 // 4, 8) = 8), residual", 4,
         [convBn(2, 8, 1, 1, act="hswish"), bneck(8, 8, 8, 3, 1, "relu", True)], 8, tiny=True),
    _row("bneck_hswish_se_k5_s2", "bneck 4 -> 12 -> 6, k5, stride 2 at 7x7, hswish, SE", 7,
         [convBn(2, 4, 3, 1, act="hswish"), bneck(4, 12, 6, 5, 2, "hswish", True)], 6),
    _row("bneck_hswish_res", "bneck 6 -> 20 -> 6, k3, hswish, no SE, residual", 5,
         [convBn(2, 6, 1, 1, act="hswish"), bneck(6, 20, 6, 3, 1, "hswish", False)], 6),
    Case("head_dense_hswish_dropout", "dense(hswish) -> dropout(0.2) -> dense (MobileNetV3's classifier)",
         NetSpec("head_dense_hswish_dropout", 4, 4,
                 [convBn(2, 6, 3, 2, act="hswish"), globalAvgPool(), dense(6, 5, act="hswish"), dropout(0.2),
                  dense(5, 4)], in_channels=2), 3),
    # --- head: pool, dropout, dense with activations, many classes
    _row("head_dropout_dense", "pool -> dropout(0.3) -> dense", 4, [convBn(2, 8, 3, 1)], 8, drop=0.3, tiny=True),
    _row("head_dense_many_classes", "dense to 37 classes", 3, [convBn(2, 5, 3, 1)], 5, classes=37),
    # --- ResNet: max pooling (PyTorch's floor mode, -inf padding; stems without relu, so no
    #     window holds a tie: the tie rule is tests/test_resnet.py's) and the basic block
    _row("maxpool_k3_s2_p1_even", "maxPool 3x3 stride 2 pad 1 at 6x6 -> 3x3 (overlapping windows)", 6,
         [convBn(2, 4, 1, 1, act="identity"), maxPool(3, 2, 1)], 4, tiny=True),
    _row("maxpool_k3_s2_p1_odd", "maxPool 3x3 stride 2 pad 1 at 7x7 -> 4x4 (pads on both edges)", 7,
         [convBn(2, 4, 3, 1, act="swish"), maxPool(3, 2, 1)], 4),
    _row("basic_identity", "basicBlock 4 -> 4 stride 1: identity shortcut, relu after the add", 5,
         [convBn(2, 4, 1, 1, act="relu"), basicBlock(4, 4, 1, 1)], 4, tiny=True),
    _row("basic_proj_s2_r2", "basicBlock 4 -> 6 stride 2 at 7x7 (1x1 stride-2 projection), two repeats", 7,
         [convBn(2, 4, 3, 1, act="relu"), basicBlock(4, 6, 2, 2)], 6),
    _row("basic_droppath_r3", "drop path 0.6 on three basic blocks (rates 0, .2, .4; the last projects)", 6,
         [convBn(2, 4, 1, 1, act="relu"), basicBlock(4, 4, 1, 2), basicBlock(4, 6, 2, 1)], 6,
         batch=4, drop_path=0.6),
    # --- stochastic depth (drop path): rate drop_path * i / n for block i of n, residual only
    _row("droppath_mbconv_r3", "drop path 0.6 on three residual mbConv blocks (rates 0, .2, .4)", 4,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 3, 1, 3, True, 0.5)], 4, batch=4,
         tiny=True, drop_path=0.6),
    _row("droppath_ir_s2_r3", "drop path 0.45 on invertedResidual stride 2 x3 (block 0 not residual)", 7,
         [convBn(2, 4, 3, 1), invertedResidual(4, 6, 6, 2, 3)], 6, batch=4, drop_path=0.45),
    _row("droppath_two_layers_dropout", "drop path 0.4 numbered across two layers, then dropout", 6,
         [convBn(2, 4, 1, 1, act="swish"), mbConv(4, 4, 1, 3, 1, 2, False),
          mbConv(4, 6, 2, 3, 2, 2, False)], 6, batch=4, drop=0.3, drop_path=0.4),
    Case("head_dense_relu_chain", "dense(swish) -> dense", NetSpec(
        "head_dense_relu_chain", 4, 4,
        [convBn(2, 6, 3, 2), globalAvgPool(), dense(6, 5, act="swish"), dense(5, 4)], in_channels=2), 3),
)

CASE_BY_ID = {c.id: c for c in CASES}
