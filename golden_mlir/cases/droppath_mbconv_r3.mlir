// netspec 0.1.0 — droppath_mbconv_r3
// batch 4, input 4x4x2 (NHWC), activations NHWC, optimizer adam, dtype f32
// params 301 (flat), BN layers 7 (56 stat floats), classes 3, dropout uniforms 2
// stochastic depth 0.6: block i of 3 drops with 0.6*i/3, residual blocks only: blocks.1.1 0.2 (u0), blocks.1.2 0.4 (u1)
// hyper = [lr, weight_decay, label_smoothing, bn_momentum, momentum, nesterov, beta1, beta2, eps, bias_correction1, bias_correction2, rms_decay]
// Backward pass written out op by op by netspec's VJP emitters; no autodiff.
module {
  func.func @predict(%params: tensor<301xf32>, %bn: tensor<56xf32>, %images: tensor<4x4x4x2xf32>) -> (tensor<4x3xf32>) {
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<301xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<301xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.conv.w.flat = stablehlo.slice %params [16:52] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.0.dw.conv.w = stablehlo.reshape %blocks.1.0.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.bn.gamma.flat = stablehlo.slice %params [52:56] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.beta.flat = stablehlo.slice %params [56:60] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.se.reduce.w.flat = stablehlo.slice %params [60:68] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.reduce.w = stablehlo.reshape %blocks.1.0.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce.b.flat = stablehlo.slice %params [68:70] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.0.se.expand.w.flat = stablehlo.slice %params [70:78] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.expand.w = stablehlo.reshape %blocks.1.0.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.0.se.expand.b.flat = stablehlo.slice %params [78:82] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.conv.w.flat = stablehlo.slice %params [82:98] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.0.project.conv.w = stablehlo.reshape %blocks.1.0.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.bn.gamma.flat = stablehlo.slice %params [98:102] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.beta.flat = stablehlo.slice %params [102:106] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.conv.w.flat = stablehlo.slice %params [106:142] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.1.dw.conv.w = stablehlo.reshape %blocks.1.1.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.bn.gamma.flat = stablehlo.slice %params [142:146] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.beta.flat = stablehlo.slice %params [146:150] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.se.reduce.w.flat = stablehlo.slice %params [150:158] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.reduce.w = stablehlo.reshape %blocks.1.1.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce.b.flat = stablehlo.slice %params [158:160] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.1.se.expand.w.flat = stablehlo.slice %params [160:168] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.expand.w = stablehlo.reshape %blocks.1.1.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.1.se.expand.b.flat = stablehlo.slice %params [168:172] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.conv.w.flat = stablehlo.slice %params [172:188] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.1.project.conv.w = stablehlo.reshape %blocks.1.1.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.bn.gamma.flat = stablehlo.slice %params [188:192] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.beta.flat = stablehlo.slice %params [192:196] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.conv.w.flat = stablehlo.slice %params [196:232] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.2.dw.conv.w = stablehlo.reshape %blocks.1.2.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.bn.gamma.flat = stablehlo.slice %params [232:236] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.beta.flat = stablehlo.slice %params [236:240] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.se.reduce.w.flat = stablehlo.slice %params [240:248] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.reduce.w = stablehlo.reshape %blocks.1.2.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce.b.flat = stablehlo.slice %params [248:250] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.2.se.expand.w.flat = stablehlo.slice %params [250:258] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.expand.w = stablehlo.reshape %blocks.1.2.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.2.se.expand.b.flat = stablehlo.slice %params [258:262] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.conv.w.flat = stablehlo.slice %params [262:278] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.2.project.conv.w = stablehlo.reshape %blocks.1.2.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.bn.gamma.flat = stablehlo.slice %params [278:282] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.beta.flat = stablehlo.slice %params [282:286] : (tensor<301xf32>) -> tensor<4xf32>
    %fc.3.w.flat = stablehlo.slice %params [286:298] : (tensor<301xf32>) -> tensor<12xf32>
    %fc.3.w = stablehlo.reshape %fc.3.w.flat : (tensor<12xf32>) -> tensor<4x3xf32>
    %fc.3.b.flat = stablehlo.slice %params [298:301] : (tensor<301xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_mean = stablehlo.slice %bn [40:44] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_var = stablehlo.slice %bn [44:48] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_mean = stablehlo.slice %bn [48:52] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_var = stablehlo.slice %bn [52:56] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x4x4x4xf32>
    %cst = stablehlo.constant dense<1.00000000e-05> : tensor<f32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_eps = stablehlo.add %conv.0.bn.running_var, %conv.0.bcast : tensor<4xf32>
    %conv.0.inv_std = stablehlo.rsqrt %conv.0.var_eps : tensor<4xf32>
    %conv.0.scale = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.mean_scale = stablehlo.multiply %conv.0.bn.running_mean, %conv.0.scale : tensor<4xf32>
    %conv.0.shift = stablehlo.subtract %conv.0.bn.beta.flat, %conv.0.mean_scale : tensor<4xf32>
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x4x4x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x4x4x4xf32>
    %conv.0.sigmoid = stablehlo.logistic %conv.0.bn : tensor<4x4x4x4xf32>
    %conv.0.swish = stablehlo.multiply %conv.0.bn, %conv.0.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.conv = stablehlo.convolution(%conv.0.swish, %blocks.1.0.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var_eps = stablehlo.add %blocks.1.0.dw.bn.running_var, %blocks.1.0.dw.bcast : tensor<4xf32>
    %blocks.1.0.dw.inv_std = stablehlo.rsqrt %blocks.1.0.dw.var_eps : tensor<4xf32>
    %blocks.1.0.dw.scale = stablehlo.multiply %blocks.1.0.dw.bn.gamma.flat, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.mean_scale = stablehlo.multiply %blocks.1.0.dw.bn.running_mean, %blocks.1.0.dw.scale : tensor<4xf32>
    %blocks.1.0.dw.shift = stablehlo.subtract %blocks.1.0.dw.bn.beta.flat, %blocks.1.0.dw.mean_scale : tensor<4xf32>
    %blocks.1.0.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.scaled = stablehlo.multiply %blocks.1.0.dw.conv, %blocks.1.0.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bn = stablehlo.add %blocks.1.0.dw.scaled, %blocks.1.0.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sigmoid = stablehlo.logistic %blocks.1.0.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.swish = stablehlo.multiply %blocks.1.0.dw.bn, %blocks.1.0.dw.sigmoid : tensor<4x4x4x4xf32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %blocks.1.0.se.sum_hw_w = stablehlo.reduce(%blocks.1.0.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.se.sum_hw = stablehlo.reduce(%blocks.1.0.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %cst_2 = stablehlo.constant dense<6.25000000e-02> : tensor<f32>
    %blocks.1.0.se.bcast = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.squeeze = stablehlo.multiply %blocks.1.0.se.sum_hw, %blocks.1.0.se.bcast : tensor<4x4xf32>
    %blocks.1.0.se.reduce_mm = stablehlo.dot_general %blocks.1.0.se.squeeze, %blocks.1.0.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_z = stablehlo.add %blocks.1.0.se.reduce_mm, %blocks.1.0.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.0.se.sigmoid = stablehlo.logistic %blocks.1.0.se.reduce_z : tensor<4x2xf32>
    %blocks.1.0.se.swish = stablehlo.multiply %blocks.1.0.se.reduce_z, %blocks.1.0.se.sigmoid : tensor<4x2xf32>
    %blocks.1.0.se.expand_mm = stablehlo.dot_general %blocks.1.0.se.swish, %blocks.1.0.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_z = stablehlo.add %blocks.1.0.se.expand_mm, %blocks.1.0.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.0.se.gate = stablehlo.logistic %blocks.1.0.se.expand_z : tensor<4x4xf32>
    %blocks.1.0.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.0.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.excited = stablehlo.multiply %blocks.1.0.dw.swish, %blocks.1.0.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.conv = stablehlo.convolution(%blocks.1.0.se.excited, %blocks.1.0.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var_eps = stablehlo.add %blocks.1.0.project.bn.running_var, %blocks.1.0.project.bcast : tensor<4xf32>
    %blocks.1.0.project.inv_std = stablehlo.rsqrt %blocks.1.0.project.var_eps : tensor<4xf32>
    %blocks.1.0.project.scale = stablehlo.multiply %blocks.1.0.project.bn.gamma.flat, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.mean_scale = stablehlo.multiply %blocks.1.0.project.bn.running_mean, %blocks.1.0.project.scale : tensor<4xf32>
    %blocks.1.0.project.shift = stablehlo.subtract %blocks.1.0.project.bn.beta.flat, %blocks.1.0.project.mean_scale : tensor<4xf32>
    %blocks.1.0.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.scaled = stablehlo.multiply %blocks.1.0.project.conv, %blocks.1.0.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.bn = stablehlo.add %blocks.1.0.project.scaled, %blocks.1.0.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.project.bn, %conv.0.swish : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.conv = stablehlo.convolution(%blocks.1.0.residual, %blocks.1.1.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var_eps = stablehlo.add %blocks.1.1.dw.bn.running_var, %blocks.1.1.dw.bcast : tensor<4xf32>
    %blocks.1.1.dw.inv_std = stablehlo.rsqrt %blocks.1.1.dw.var_eps : tensor<4xf32>
    %blocks.1.1.dw.scale = stablehlo.multiply %blocks.1.1.dw.bn.gamma.flat, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.mean_scale = stablehlo.multiply %blocks.1.1.dw.bn.running_mean, %blocks.1.1.dw.scale : tensor<4xf32>
    %blocks.1.1.dw.shift = stablehlo.subtract %blocks.1.1.dw.bn.beta.flat, %blocks.1.1.dw.mean_scale : tensor<4xf32>
    %blocks.1.1.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.scaled = stablehlo.multiply %blocks.1.1.dw.conv, %blocks.1.1.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bn = stablehlo.add %blocks.1.1.dw.scaled, %blocks.1.1.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sigmoid = stablehlo.logistic %blocks.1.1.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.swish = stablehlo.multiply %blocks.1.1.dw.bn, %blocks.1.1.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.1.se.sum_hw_w = stablehlo.reduce(%blocks.1.1.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.se.sum_hw = stablehlo.reduce(%blocks.1.1.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.squeeze = stablehlo.multiply %blocks.1.1.se.sum_hw, %blocks.1.1.se.bcast : tensor<4x4xf32>
    %blocks.1.1.se.reduce_mm = stablehlo.dot_general %blocks.1.1.se.squeeze, %blocks.1.1.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_z = stablehlo.add %blocks.1.1.se.reduce_mm, %blocks.1.1.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.1.se.sigmoid = stablehlo.logistic %blocks.1.1.se.reduce_z : tensor<4x2xf32>
    %blocks.1.1.se.swish = stablehlo.multiply %blocks.1.1.se.reduce_z, %blocks.1.1.se.sigmoid : tensor<4x2xf32>
    %blocks.1.1.se.expand_mm = stablehlo.dot_general %blocks.1.1.se.swish, %blocks.1.1.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_z = stablehlo.add %blocks.1.1.se.expand_mm, %blocks.1.1.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.1.se.gate = stablehlo.logistic %blocks.1.1.se.expand_z : tensor<4x4xf32>
    %blocks.1.1.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.1.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.excited = stablehlo.multiply %blocks.1.1.dw.swish, %blocks.1.1.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.conv = stablehlo.convolution(%blocks.1.1.se.excited, %blocks.1.1.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var_eps = stablehlo.add %blocks.1.1.project.bn.running_var, %blocks.1.1.project.bcast : tensor<4xf32>
    %blocks.1.1.project.inv_std = stablehlo.rsqrt %blocks.1.1.project.var_eps : tensor<4xf32>
    %blocks.1.1.project.scale = stablehlo.multiply %blocks.1.1.project.bn.gamma.flat, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.mean_scale = stablehlo.multiply %blocks.1.1.project.bn.running_mean, %blocks.1.1.project.scale : tensor<4xf32>
    %blocks.1.1.project.shift = stablehlo.subtract %blocks.1.1.project.bn.beta.flat, %blocks.1.1.project.mean_scale : tensor<4xf32>
    %blocks.1.1.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.scaled = stablehlo.multiply %blocks.1.1.project.conv, %blocks.1.1.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.bn = stablehlo.add %blocks.1.1.project.scaled, %blocks.1.1.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.project.bn, %blocks.1.0.residual : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.conv = stablehlo.convolution(%blocks.1.1.residual, %blocks.1.2.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var_eps = stablehlo.add %blocks.1.2.dw.bn.running_var, %blocks.1.2.dw.bcast : tensor<4xf32>
    %blocks.1.2.dw.inv_std = stablehlo.rsqrt %blocks.1.2.dw.var_eps : tensor<4xf32>
    %blocks.1.2.dw.scale = stablehlo.multiply %blocks.1.2.dw.bn.gamma.flat, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.mean_scale = stablehlo.multiply %blocks.1.2.dw.bn.running_mean, %blocks.1.2.dw.scale : tensor<4xf32>
    %blocks.1.2.dw.shift = stablehlo.subtract %blocks.1.2.dw.bn.beta.flat, %blocks.1.2.dw.mean_scale : tensor<4xf32>
    %blocks.1.2.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.scaled = stablehlo.multiply %blocks.1.2.dw.conv, %blocks.1.2.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bn = stablehlo.add %blocks.1.2.dw.scaled, %blocks.1.2.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sigmoid = stablehlo.logistic %blocks.1.2.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.swish = stablehlo.multiply %blocks.1.2.dw.bn, %blocks.1.2.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.2.se.sum_hw_w = stablehlo.reduce(%blocks.1.2.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.se.sum_hw = stablehlo.reduce(%blocks.1.2.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.squeeze = stablehlo.multiply %blocks.1.2.se.sum_hw, %blocks.1.2.se.bcast : tensor<4x4xf32>
    %blocks.1.2.se.reduce_mm = stablehlo.dot_general %blocks.1.2.se.squeeze, %blocks.1.2.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_z = stablehlo.add %blocks.1.2.se.reduce_mm, %blocks.1.2.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.2.se.sigmoid = stablehlo.logistic %blocks.1.2.se.reduce_z : tensor<4x2xf32>
    %blocks.1.2.se.swish = stablehlo.multiply %blocks.1.2.se.reduce_z, %blocks.1.2.se.sigmoid : tensor<4x2xf32>
    %blocks.1.2.se.expand_mm = stablehlo.dot_general %blocks.1.2.se.swish, %blocks.1.2.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_z = stablehlo.add %blocks.1.2.se.expand_mm, %blocks.1.2.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.2.se.gate = stablehlo.logistic %blocks.1.2.se.expand_z : tensor<4x4xf32>
    %blocks.1.2.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.2.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.excited = stablehlo.multiply %blocks.1.2.dw.swish, %blocks.1.2.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.conv = stablehlo.convolution(%blocks.1.2.se.excited, %blocks.1.2.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var_eps = stablehlo.add %blocks.1.2.project.bn.running_var, %blocks.1.2.project.bcast : tensor<4xf32>
    %blocks.1.2.project.inv_std = stablehlo.rsqrt %blocks.1.2.project.var_eps : tensor<4xf32>
    %blocks.1.2.project.scale = stablehlo.multiply %blocks.1.2.project.bn.gamma.flat, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.mean_scale = stablehlo.multiply %blocks.1.2.project.bn.running_mean, %blocks.1.2.project.scale : tensor<4xf32>
    %blocks.1.2.project.shift = stablehlo.subtract %blocks.1.2.project.bn.beta.flat, %blocks.1.2.project.mean_scale : tensor<4xf32>
    %blocks.1.2.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.scaled = stablehlo.multiply %blocks.1.2.project.conv, %blocks.1.2.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.bn = stablehlo.add %blocks.1.2.project.scaled, %blocks.1.2.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.residual = stablehlo.add %blocks.1.2.project.bn, %blocks.1.1.residual : tensor<4x4x4x4xf32>
    %pool.2.sum_hw = stablehlo.reduce(%blocks.1.2.residual init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %pool.2.bcast = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %pool.2.mean = stablehlo.multiply %pool.2.sum_hw, %pool.2.bcast : tensor<4x4xf32>
    %fc.3.mm = stablehlo.dot_general %pool.2.mean, %fc.3.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %fc.3.bias_b = stablehlo.broadcast_in_dim %fc.3.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.3.z = stablehlo.add %fc.3.mm, %fc.3.bias_b : tensor<4x3xf32>
    return %fc.3.z : tensor<4x3xf32>
  }
  func.func @grads(%params: tensor<301xf32>, %bn: tensor<56xf32>, %images: tensor<4x4x4x2xf32>, %labels: tensor<4xi32>, %rand: tensor<4x2xf32>, %hyper: tensor<12xf32>) -> (tensor<f32>, tensor<i32>, tensor<301xf32>, tensor<56xf32>) {
    %hyper.lr.v = stablehlo.slice %hyper [0:1] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.lr = stablehlo.reshape %hyper.lr.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.weight_decay.v = stablehlo.slice %hyper [1:2] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.weight_decay = stablehlo.reshape %hyper.weight_decay.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.label_smoothing.v = stablehlo.slice %hyper [2:3] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.label_smoothing = stablehlo.reshape %hyper.label_smoothing.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bn_momentum.v = stablehlo.slice %hyper [3:4] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bn_momentum = stablehlo.reshape %hyper.bn_momentum.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.momentum.v = stablehlo.slice %hyper [4:5] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.momentum = stablehlo.reshape %hyper.momentum.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.nesterov.v = stablehlo.slice %hyper [5:6] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.nesterov = stablehlo.reshape %hyper.nesterov.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.beta1.v = stablehlo.slice %hyper [6:7] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.beta1 = stablehlo.reshape %hyper.beta1.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.beta2.v = stablehlo.slice %hyper [7:8] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.beta2 = stablehlo.reshape %hyper.beta2.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.eps.v = stablehlo.slice %hyper [8:9] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.eps = stablehlo.reshape %hyper.eps.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bias_correction1.v = stablehlo.slice %hyper [9:10] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bias_correction1 = stablehlo.reshape %hyper.bias_correction1.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bias_correction2.v = stablehlo.slice %hyper [10:11] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bias_correction2 = stablehlo.reshape %hyper.bias_correction2.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.rms_decay.v = stablehlo.slice %hyper [11:12] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.rms_decay = stablehlo.reshape %hyper.rms_decay.v : (tensor<1xf32>) -> tensor<f32>
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<301xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<301xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.conv.w.flat = stablehlo.slice %params [16:52] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.0.dw.conv.w = stablehlo.reshape %blocks.1.0.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.bn.gamma.flat = stablehlo.slice %params [52:56] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.beta.flat = stablehlo.slice %params [56:60] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.se.reduce.w.flat = stablehlo.slice %params [60:68] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.reduce.w = stablehlo.reshape %blocks.1.0.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce.b.flat = stablehlo.slice %params [68:70] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.0.se.expand.w.flat = stablehlo.slice %params [70:78] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.expand.w = stablehlo.reshape %blocks.1.0.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.0.se.expand.b.flat = stablehlo.slice %params [78:82] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.conv.w.flat = stablehlo.slice %params [82:98] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.0.project.conv.w = stablehlo.reshape %blocks.1.0.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.bn.gamma.flat = stablehlo.slice %params [98:102] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.beta.flat = stablehlo.slice %params [102:106] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.conv.w.flat = stablehlo.slice %params [106:142] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.1.dw.conv.w = stablehlo.reshape %blocks.1.1.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.bn.gamma.flat = stablehlo.slice %params [142:146] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.beta.flat = stablehlo.slice %params [146:150] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.se.reduce.w.flat = stablehlo.slice %params [150:158] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.reduce.w = stablehlo.reshape %blocks.1.1.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce.b.flat = stablehlo.slice %params [158:160] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.1.se.expand.w.flat = stablehlo.slice %params [160:168] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.expand.w = stablehlo.reshape %blocks.1.1.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.1.se.expand.b.flat = stablehlo.slice %params [168:172] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.conv.w.flat = stablehlo.slice %params [172:188] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.1.project.conv.w = stablehlo.reshape %blocks.1.1.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.bn.gamma.flat = stablehlo.slice %params [188:192] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.beta.flat = stablehlo.slice %params [192:196] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.conv.w.flat = stablehlo.slice %params [196:232] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.2.dw.conv.w = stablehlo.reshape %blocks.1.2.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.bn.gamma.flat = stablehlo.slice %params [232:236] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.beta.flat = stablehlo.slice %params [236:240] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.se.reduce.w.flat = stablehlo.slice %params [240:248] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.reduce.w = stablehlo.reshape %blocks.1.2.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce.b.flat = stablehlo.slice %params [248:250] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.2.se.expand.w.flat = stablehlo.slice %params [250:258] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.expand.w = stablehlo.reshape %blocks.1.2.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.2.se.expand.b.flat = stablehlo.slice %params [258:262] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.conv.w.flat = stablehlo.slice %params [262:278] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.2.project.conv.w = stablehlo.reshape %blocks.1.2.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.bn.gamma.flat = stablehlo.slice %params [278:282] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.beta.flat = stablehlo.slice %params [282:286] : (tensor<301xf32>) -> tensor<4xf32>
    %fc.3.w.flat = stablehlo.slice %params [286:298] : (tensor<301xf32>) -> tensor<12xf32>
    %fc.3.w = stablehlo.reshape %fc.3.w.flat : (tensor<12xf32>) -> tensor<4x3xf32>
    %fc.3.b.flat = stablehlo.slice %params [298:301] : (tensor<301xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_mean = stablehlo.slice %bn [40:44] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_var = stablehlo.slice %bn [44:48] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_mean = stablehlo.slice %bn [48:52] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_var = stablehlo.slice %bn [52:56] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x4x4x4xf32>
    %cst = stablehlo.constant dense<1.56250000e-02> : tensor<f32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %conv.0.sum_x_w = stablehlo.reduce(%conv.0.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %conv.0.sum_x_hw = stablehlo.reduce(%conv.0.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_x = stablehlo.reduce(%conv.0.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.mean = stablehlo.multiply %conv.0.sum_x, %conv.0.bcast : tensor<4xf32>
    %conv.0.mean_b = stablehlo.broadcast_in_dim %conv.0.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xc = stablehlo.subtract %conv.0.conv, %conv.0.mean_b : tensor<4x4x4x4xf32>
    %conv.0.xc2 = stablehlo.multiply %conv.0.xc, %conv.0.xc : tensor<4x4x4x4xf32>
    %conv.0.sum_xc2_w = stablehlo.reduce(%conv.0.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %conv.0.sum_xc2_hw = stablehlo.reduce(%conv.0.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_xc2 = stablehlo.reduce(%conv.0.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var = stablehlo.multiply %conv.0.sum_xc2, %conv.0.bcast_1 : tensor<4xf32>
    %cst_2 = stablehlo.constant dense<1.00000000e-05> : tensor<f32>
    %conv.0.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_eps = stablehlo.add %conv.0.var, %conv.0.bcast_2 : tensor<4xf32>
    %conv.0.inv_std = stablehlo.rsqrt %conv.0.var_eps : tensor<4xf32>
    %conv.0.scale = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.mean_scale = stablehlo.multiply %conv.0.mean, %conv.0.scale : tensor<4xf32>
    %conv.0.shift = stablehlo.subtract %conv.0.bn.beta.flat, %conv.0.mean_scale : tensor<4xf32>
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x4x4x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x4x4x4xf32>
    %cst_3 = stablehlo.constant dense<1.00000000e+00> : tensor<f32>
    %conv.0.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_4 = stablehlo.constant dense<1.01587302e+00> : tensor<f32>
    %conv.0.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_unbiased = stablehlo.multiply %conv.0.var, %conv.0.bcast_3 : tensor<4xf32>
    %conv.0.bcast_4 = stablehlo.broadcast_in_dim %conv.0.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rm_keep = stablehlo.multiply %conv.0.bn.running_mean, %conv.0.bcast_4 : tensor<4xf32>
    %conv.0.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rm_new = stablehlo.multiply %conv.0.mean, %conv.0.bcast_5 : tensor<4xf32>
    %conv.0.running_mean = stablehlo.add %conv.0.rm_keep, %conv.0.rm_new : tensor<4xf32>
    %conv.0.bcast_6 = stablehlo.broadcast_in_dim %conv.0.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rv_keep = stablehlo.multiply %conv.0.bn.running_var, %conv.0.bcast_6 : tensor<4xf32>
    %conv.0.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rv_new = stablehlo.multiply %conv.0.var_unbiased, %conv.0.bcast_7 : tensor<4xf32>
    %conv.0.running_var = stablehlo.add %conv.0.rv_keep, %conv.0.rv_new : tensor<4xf32>
    %conv.0.sigmoid = stablehlo.logistic %conv.0.bn : tensor<4x4x4x4xf32>
    %conv.0.swish = stablehlo.multiply %conv.0.bn, %conv.0.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.conv = stablehlo.convolution(%conv.0.swish, %blocks.1.0.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sum_x_w = stablehlo.reduce(%blocks.1.0.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.dw.sum_x_hw = stablehlo.reduce(%blocks.1.0.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.dw.sum_x = stablehlo.reduce(%blocks.1.0.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.mean = stablehlo.multiply %blocks.1.0.dw.sum_x, %blocks.1.0.dw.bcast : tensor<4xf32>
    %blocks.1.0.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xc = stablehlo.subtract %blocks.1.0.dw.conv, %blocks.1.0.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xc2 = stablehlo.multiply %blocks.1.0.dw.xc, %blocks.1.0.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.0.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.dw.sum_xc2 = stablehlo.reduce(%blocks.1.0.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var = stablehlo.multiply %blocks.1.0.dw.sum_xc2, %blocks.1.0.dw.bcast_1 : tensor<4xf32>
    %blocks.1.0.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var_eps = stablehlo.add %blocks.1.0.dw.var, %blocks.1.0.dw.bcast_2 : tensor<4xf32>
    %blocks.1.0.dw.inv_std = stablehlo.rsqrt %blocks.1.0.dw.var_eps : tensor<4xf32>
    %blocks.1.0.dw.scale = stablehlo.multiply %blocks.1.0.dw.bn.gamma.flat, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.mean_scale = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.scale : tensor<4xf32>
    %blocks.1.0.dw.shift = stablehlo.subtract %blocks.1.0.dw.bn.beta.flat, %blocks.1.0.dw.mean_scale : tensor<4xf32>
    %blocks.1.0.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.scaled = stablehlo.multiply %blocks.1.0.dw.conv, %blocks.1.0.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bn = stablehlo.add %blocks.1.0.dw.scaled, %blocks.1.0.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var_unbiased = stablehlo.multiply %blocks.1.0.dw.var, %blocks.1.0.dw.bcast_3 : tensor<4xf32>
    %blocks.1.0.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rm_keep = stablehlo.multiply %blocks.1.0.dw.bn.running_mean, %blocks.1.0.dw.bcast_4 : tensor<4xf32>
    %blocks.1.0.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rm_new = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.bcast_5 : tensor<4xf32>
    %blocks.1.0.dw.running_mean = stablehlo.add %blocks.1.0.dw.rm_keep, %blocks.1.0.dw.rm_new : tensor<4xf32>
    %blocks.1.0.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rv_keep = stablehlo.multiply %blocks.1.0.dw.bn.running_var, %blocks.1.0.dw.bcast_6 : tensor<4xf32>
    %blocks.1.0.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rv_new = stablehlo.multiply %blocks.1.0.dw.var_unbiased, %blocks.1.0.dw.bcast_7 : tensor<4xf32>
    %blocks.1.0.dw.running_var = stablehlo.add %blocks.1.0.dw.rv_keep, %blocks.1.0.dw.rv_new : tensor<4xf32>
    %blocks.1.0.dw.sigmoid = stablehlo.logistic %blocks.1.0.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.swish = stablehlo.multiply %blocks.1.0.dw.bn, %blocks.1.0.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.0.se.sum_hw_w = stablehlo.reduce(%blocks.1.0.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.se.sum_hw = stablehlo.reduce(%blocks.1.0.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %cst_5 = stablehlo.constant dense<6.25000000e-02> : tensor<f32>
    %blocks.1.0.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.squeeze = stablehlo.multiply %blocks.1.0.se.sum_hw, %blocks.1.0.se.bcast : tensor<4x4xf32>
    %blocks.1.0.se.reduce_mm = stablehlo.dot_general %blocks.1.0.se.squeeze, %blocks.1.0.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_z = stablehlo.add %blocks.1.0.se.reduce_mm, %blocks.1.0.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.0.se.sigmoid = stablehlo.logistic %blocks.1.0.se.reduce_z : tensor<4x2xf32>
    %blocks.1.0.se.swish = stablehlo.multiply %blocks.1.0.se.reduce_z, %blocks.1.0.se.sigmoid : tensor<4x2xf32>
    %blocks.1.0.se.expand_mm = stablehlo.dot_general %blocks.1.0.se.swish, %blocks.1.0.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_z = stablehlo.add %blocks.1.0.se.expand_mm, %blocks.1.0.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.0.se.gate = stablehlo.logistic %blocks.1.0.se.expand_z : tensor<4x4xf32>
    %blocks.1.0.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.0.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.excited = stablehlo.multiply %blocks.1.0.dw.swish, %blocks.1.0.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.conv = stablehlo.convolution(%blocks.1.0.se.excited, %blocks.1.0.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.sum_x_w = stablehlo.reduce(%blocks.1.0.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.sum_x_hw = stablehlo.reduce(%blocks.1.0.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.sum_x = stablehlo.reduce(%blocks.1.0.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.mean = stablehlo.multiply %blocks.1.0.project.sum_x, %blocks.1.0.project.bcast : tensor<4xf32>
    %blocks.1.0.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xc = stablehlo.subtract %blocks.1.0.project.conv, %blocks.1.0.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.xc2 = stablehlo.multiply %blocks.1.0.project.xc, %blocks.1.0.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.0.project.sum_xc2_w = stablehlo.reduce(%blocks.1.0.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.sum_xc2 = stablehlo.reduce(%blocks.1.0.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var = stablehlo.multiply %blocks.1.0.project.sum_xc2, %blocks.1.0.project.bcast_1 : tensor<4xf32>
    %blocks.1.0.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var_eps = stablehlo.add %blocks.1.0.project.var, %blocks.1.0.project.bcast_2 : tensor<4xf32>
    %blocks.1.0.project.inv_std = stablehlo.rsqrt %blocks.1.0.project.var_eps : tensor<4xf32>
    %blocks.1.0.project.scale = stablehlo.multiply %blocks.1.0.project.bn.gamma.flat, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.mean_scale = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.scale : tensor<4xf32>
    %blocks.1.0.project.shift = stablehlo.subtract %blocks.1.0.project.bn.beta.flat, %blocks.1.0.project.mean_scale : tensor<4xf32>
    %blocks.1.0.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.scaled = stablehlo.multiply %blocks.1.0.project.conv, %blocks.1.0.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.bn = stablehlo.add %blocks.1.0.project.scaled, %blocks.1.0.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var_unbiased = stablehlo.multiply %blocks.1.0.project.var, %blocks.1.0.project.bcast_3 : tensor<4xf32>
    %blocks.1.0.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rm_keep = stablehlo.multiply %blocks.1.0.project.bn.running_mean, %blocks.1.0.project.bcast_4 : tensor<4xf32>
    %blocks.1.0.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rm_new = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.bcast_5 : tensor<4xf32>
    %blocks.1.0.project.running_mean = stablehlo.add %blocks.1.0.project.rm_keep, %blocks.1.0.project.rm_new : tensor<4xf32>
    %blocks.1.0.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rv_keep = stablehlo.multiply %blocks.1.0.project.bn.running_var, %blocks.1.0.project.bcast_6 : tensor<4xf32>
    %blocks.1.0.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rv_new = stablehlo.multiply %blocks.1.0.project.var_unbiased, %blocks.1.0.project.bcast_7 : tensor<4xf32>
    %blocks.1.0.project.running_var = stablehlo.add %blocks.1.0.project.rv_keep, %blocks.1.0.project.rv_new : tensor<4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.project.bn, %conv.0.swish : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.conv = stablehlo.convolution(%blocks.1.0.residual, %blocks.1.1.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sum_x_w = stablehlo.reduce(%blocks.1.1.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.dw.sum_x_hw = stablehlo.reduce(%blocks.1.1.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.dw.sum_x = stablehlo.reduce(%blocks.1.1.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.mean = stablehlo.multiply %blocks.1.1.dw.sum_x, %blocks.1.1.dw.bcast : tensor<4xf32>
    %blocks.1.1.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xc = stablehlo.subtract %blocks.1.1.dw.conv, %blocks.1.1.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xc2 = stablehlo.multiply %blocks.1.1.dw.xc, %blocks.1.1.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.1.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.dw.sum_xc2 = stablehlo.reduce(%blocks.1.1.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var = stablehlo.multiply %blocks.1.1.dw.sum_xc2, %blocks.1.1.dw.bcast_1 : tensor<4xf32>
    %blocks.1.1.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var_eps = stablehlo.add %blocks.1.1.dw.var, %blocks.1.1.dw.bcast_2 : tensor<4xf32>
    %blocks.1.1.dw.inv_std = stablehlo.rsqrt %blocks.1.1.dw.var_eps : tensor<4xf32>
    %blocks.1.1.dw.scale = stablehlo.multiply %blocks.1.1.dw.bn.gamma.flat, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.mean_scale = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.scale : tensor<4xf32>
    %blocks.1.1.dw.shift = stablehlo.subtract %blocks.1.1.dw.bn.beta.flat, %blocks.1.1.dw.mean_scale : tensor<4xf32>
    %blocks.1.1.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.scaled = stablehlo.multiply %blocks.1.1.dw.conv, %blocks.1.1.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bn = stablehlo.add %blocks.1.1.dw.scaled, %blocks.1.1.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var_unbiased = stablehlo.multiply %blocks.1.1.dw.var, %blocks.1.1.dw.bcast_3 : tensor<4xf32>
    %blocks.1.1.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rm_keep = stablehlo.multiply %blocks.1.1.dw.bn.running_mean, %blocks.1.1.dw.bcast_4 : tensor<4xf32>
    %blocks.1.1.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rm_new = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.bcast_5 : tensor<4xf32>
    %blocks.1.1.dw.running_mean = stablehlo.add %blocks.1.1.dw.rm_keep, %blocks.1.1.dw.rm_new : tensor<4xf32>
    %blocks.1.1.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rv_keep = stablehlo.multiply %blocks.1.1.dw.bn.running_var, %blocks.1.1.dw.bcast_6 : tensor<4xf32>
    %blocks.1.1.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rv_new = stablehlo.multiply %blocks.1.1.dw.var_unbiased, %blocks.1.1.dw.bcast_7 : tensor<4xf32>
    %blocks.1.1.dw.running_var = stablehlo.add %blocks.1.1.dw.rv_keep, %blocks.1.1.dw.rv_new : tensor<4xf32>
    %blocks.1.1.dw.sigmoid = stablehlo.logistic %blocks.1.1.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.swish = stablehlo.multiply %blocks.1.1.dw.bn, %blocks.1.1.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.1.se.sum_hw_w = stablehlo.reduce(%blocks.1.1.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.se.sum_hw = stablehlo.reduce(%blocks.1.1.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.squeeze = stablehlo.multiply %blocks.1.1.se.sum_hw, %blocks.1.1.se.bcast : tensor<4x4xf32>
    %blocks.1.1.se.reduce_mm = stablehlo.dot_general %blocks.1.1.se.squeeze, %blocks.1.1.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_z = stablehlo.add %blocks.1.1.se.reduce_mm, %blocks.1.1.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.1.se.sigmoid = stablehlo.logistic %blocks.1.1.se.reduce_z : tensor<4x2xf32>
    %blocks.1.1.se.swish = stablehlo.multiply %blocks.1.1.se.reduce_z, %blocks.1.1.se.sigmoid : tensor<4x2xf32>
    %blocks.1.1.se.expand_mm = stablehlo.dot_general %blocks.1.1.se.swish, %blocks.1.1.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_z = stablehlo.add %blocks.1.1.se.expand_mm, %blocks.1.1.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.1.se.gate = stablehlo.logistic %blocks.1.1.se.expand_z : tensor<4x4xf32>
    %blocks.1.1.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.1.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.excited = stablehlo.multiply %blocks.1.1.dw.swish, %blocks.1.1.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.conv = stablehlo.convolution(%blocks.1.1.se.excited, %blocks.1.1.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.sum_x_w = stablehlo.reduce(%blocks.1.1.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.sum_x_hw = stablehlo.reduce(%blocks.1.1.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.sum_x = stablehlo.reduce(%blocks.1.1.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.mean = stablehlo.multiply %blocks.1.1.project.sum_x, %blocks.1.1.project.bcast : tensor<4xf32>
    %blocks.1.1.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xc = stablehlo.subtract %blocks.1.1.project.conv, %blocks.1.1.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.xc2 = stablehlo.multiply %blocks.1.1.project.xc, %blocks.1.1.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.1.project.sum_xc2_w = stablehlo.reduce(%blocks.1.1.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.sum_xc2 = stablehlo.reduce(%blocks.1.1.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var = stablehlo.multiply %blocks.1.1.project.sum_xc2, %blocks.1.1.project.bcast_1 : tensor<4xf32>
    %blocks.1.1.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var_eps = stablehlo.add %blocks.1.1.project.var, %blocks.1.1.project.bcast_2 : tensor<4xf32>
    %blocks.1.1.project.inv_std = stablehlo.rsqrt %blocks.1.1.project.var_eps : tensor<4xf32>
    %blocks.1.1.project.scale = stablehlo.multiply %blocks.1.1.project.bn.gamma.flat, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.mean_scale = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.scale : tensor<4xf32>
    %blocks.1.1.project.shift = stablehlo.subtract %blocks.1.1.project.bn.beta.flat, %blocks.1.1.project.mean_scale : tensor<4xf32>
    %blocks.1.1.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.scaled = stablehlo.multiply %blocks.1.1.project.conv, %blocks.1.1.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.bn = stablehlo.add %blocks.1.1.project.scaled, %blocks.1.1.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var_unbiased = stablehlo.multiply %blocks.1.1.project.var, %blocks.1.1.project.bcast_3 : tensor<4xf32>
    %blocks.1.1.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rm_keep = stablehlo.multiply %blocks.1.1.project.bn.running_mean, %blocks.1.1.project.bcast_4 : tensor<4xf32>
    %blocks.1.1.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rm_new = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.bcast_5 : tensor<4xf32>
    %blocks.1.1.project.running_mean = stablehlo.add %blocks.1.1.project.rm_keep, %blocks.1.1.project.rm_new : tensor<4xf32>
    %blocks.1.1.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rv_keep = stablehlo.multiply %blocks.1.1.project.bn.running_var, %blocks.1.1.project.bcast_6 : tensor<4xf32>
    %blocks.1.1.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rv_new = stablehlo.multiply %blocks.1.1.project.var_unbiased, %blocks.1.1.project.bcast_7 : tensor<4xf32>
    %blocks.1.1.project.running_var = stablehlo.add %blocks.1.1.project.rv_keep, %blocks.1.1.project.rv_new : tensor<4xf32>
    %blocks.1.1.u_col = stablehlo.slice %rand [0:4, 0:1] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.1.u = stablehlo.reshape %blocks.1.1.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_6 = stablehlo.constant dense<2.00000000e-01> : tensor<f32>
    %blocks.1.1.bcast = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.keep = stablehlo.compare GE, %blocks.1.1.u, %blocks.1.1.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_7 = stablehlo.constant dense<1.25000000e+00> : tensor<f32>
    %blocks.1.1.inv_keep = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.drop_mask = stablehlo.select %blocks.1.1.keep, %blocks.1.1.inv_keep, %blocks.1.1.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.1.drop_b = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dropped = stablehlo.multiply %blocks.1.1.project.bn, %blocks.1.1.drop_b : tensor<4x4x4x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.dropped, %blocks.1.0.residual : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.conv = stablehlo.convolution(%blocks.1.1.residual, %blocks.1.2.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sum_x_w = stablehlo.reduce(%blocks.1.2.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.dw.sum_x_hw = stablehlo.reduce(%blocks.1.2.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.dw.sum_x = stablehlo.reduce(%blocks.1.2.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.mean = stablehlo.multiply %blocks.1.2.dw.sum_x, %blocks.1.2.dw.bcast : tensor<4xf32>
    %blocks.1.2.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xc = stablehlo.subtract %blocks.1.2.dw.conv, %blocks.1.2.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xc2 = stablehlo.multiply %blocks.1.2.dw.xc, %blocks.1.2.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.2.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.2.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.dw.sum_xc2 = stablehlo.reduce(%blocks.1.2.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var = stablehlo.multiply %blocks.1.2.dw.sum_xc2, %blocks.1.2.dw.bcast_1 : tensor<4xf32>
    %blocks.1.2.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var_eps = stablehlo.add %blocks.1.2.dw.var, %blocks.1.2.dw.bcast_2 : tensor<4xf32>
    %blocks.1.2.dw.inv_std = stablehlo.rsqrt %blocks.1.2.dw.var_eps : tensor<4xf32>
    %blocks.1.2.dw.scale = stablehlo.multiply %blocks.1.2.dw.bn.gamma.flat, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.mean_scale = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.scale : tensor<4xf32>
    %blocks.1.2.dw.shift = stablehlo.subtract %blocks.1.2.dw.bn.beta.flat, %blocks.1.2.dw.mean_scale : tensor<4xf32>
    %blocks.1.2.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.scaled = stablehlo.multiply %blocks.1.2.dw.conv, %blocks.1.2.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bn = stablehlo.add %blocks.1.2.dw.scaled, %blocks.1.2.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.2.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var_unbiased = stablehlo.multiply %blocks.1.2.dw.var, %blocks.1.2.dw.bcast_3 : tensor<4xf32>
    %blocks.1.2.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.2.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rm_keep = stablehlo.multiply %blocks.1.2.dw.bn.running_mean, %blocks.1.2.dw.bcast_4 : tensor<4xf32>
    %blocks.1.2.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rm_new = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.bcast_5 : tensor<4xf32>
    %blocks.1.2.dw.running_mean = stablehlo.add %blocks.1.2.dw.rm_keep, %blocks.1.2.dw.rm_new : tensor<4xf32>
    %blocks.1.2.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.2.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rv_keep = stablehlo.multiply %blocks.1.2.dw.bn.running_var, %blocks.1.2.dw.bcast_6 : tensor<4xf32>
    %blocks.1.2.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rv_new = stablehlo.multiply %blocks.1.2.dw.var_unbiased, %blocks.1.2.dw.bcast_7 : tensor<4xf32>
    %blocks.1.2.dw.running_var = stablehlo.add %blocks.1.2.dw.rv_keep, %blocks.1.2.dw.rv_new : tensor<4xf32>
    %blocks.1.2.dw.sigmoid = stablehlo.logistic %blocks.1.2.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.swish = stablehlo.multiply %blocks.1.2.dw.bn, %blocks.1.2.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.2.se.sum_hw_w = stablehlo.reduce(%blocks.1.2.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.se.sum_hw = stablehlo.reduce(%blocks.1.2.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.squeeze = stablehlo.multiply %blocks.1.2.se.sum_hw, %blocks.1.2.se.bcast : tensor<4x4xf32>
    %blocks.1.2.se.reduce_mm = stablehlo.dot_general %blocks.1.2.se.squeeze, %blocks.1.2.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_z = stablehlo.add %blocks.1.2.se.reduce_mm, %blocks.1.2.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.2.se.sigmoid = stablehlo.logistic %blocks.1.2.se.reduce_z : tensor<4x2xf32>
    %blocks.1.2.se.swish = stablehlo.multiply %blocks.1.2.se.reduce_z, %blocks.1.2.se.sigmoid : tensor<4x2xf32>
    %blocks.1.2.se.expand_mm = stablehlo.dot_general %blocks.1.2.se.swish, %blocks.1.2.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_z = stablehlo.add %blocks.1.2.se.expand_mm, %blocks.1.2.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.2.se.gate = stablehlo.logistic %blocks.1.2.se.expand_z : tensor<4x4xf32>
    %blocks.1.2.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.2.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.excited = stablehlo.multiply %blocks.1.2.dw.swish, %blocks.1.2.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.conv = stablehlo.convolution(%blocks.1.2.se.excited, %blocks.1.2.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.sum_x_w = stablehlo.reduce(%blocks.1.2.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.sum_x_hw = stablehlo.reduce(%blocks.1.2.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.sum_x = stablehlo.reduce(%blocks.1.2.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.mean = stablehlo.multiply %blocks.1.2.project.sum_x, %blocks.1.2.project.bcast : tensor<4xf32>
    %blocks.1.2.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.2.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xc = stablehlo.subtract %blocks.1.2.project.conv, %blocks.1.2.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.xc2 = stablehlo.multiply %blocks.1.2.project.xc, %blocks.1.2.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.2.project.sum_xc2_w = stablehlo.reduce(%blocks.1.2.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.2.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.sum_xc2 = stablehlo.reduce(%blocks.1.2.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var = stablehlo.multiply %blocks.1.2.project.sum_xc2, %blocks.1.2.project.bcast_1 : tensor<4xf32>
    %blocks.1.2.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var_eps = stablehlo.add %blocks.1.2.project.var, %blocks.1.2.project.bcast_2 : tensor<4xf32>
    %blocks.1.2.project.inv_std = stablehlo.rsqrt %blocks.1.2.project.var_eps : tensor<4xf32>
    %blocks.1.2.project.scale = stablehlo.multiply %blocks.1.2.project.bn.gamma.flat, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.mean_scale = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.scale : tensor<4xf32>
    %blocks.1.2.project.shift = stablehlo.subtract %blocks.1.2.project.bn.beta.flat, %blocks.1.2.project.mean_scale : tensor<4xf32>
    %blocks.1.2.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.scaled = stablehlo.multiply %blocks.1.2.project.conv, %blocks.1.2.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.bn = stablehlo.add %blocks.1.2.project.scaled, %blocks.1.2.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.2.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var_unbiased = stablehlo.multiply %blocks.1.2.project.var, %blocks.1.2.project.bcast_3 : tensor<4xf32>
    %blocks.1.2.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.2.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rm_keep = stablehlo.multiply %blocks.1.2.project.bn.running_mean, %blocks.1.2.project.bcast_4 : tensor<4xf32>
    %blocks.1.2.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rm_new = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.bcast_5 : tensor<4xf32>
    %blocks.1.2.project.running_mean = stablehlo.add %blocks.1.2.project.rm_keep, %blocks.1.2.project.rm_new : tensor<4xf32>
    %blocks.1.2.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.2.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rv_keep = stablehlo.multiply %blocks.1.2.project.bn.running_var, %blocks.1.2.project.bcast_6 : tensor<4xf32>
    %blocks.1.2.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rv_new = stablehlo.multiply %blocks.1.2.project.var_unbiased, %blocks.1.2.project.bcast_7 : tensor<4xf32>
    %blocks.1.2.project.running_var = stablehlo.add %blocks.1.2.project.rv_keep, %blocks.1.2.project.rv_new : tensor<4xf32>
    %blocks.1.2.u_col = stablehlo.slice %rand [0:4, 1:2] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.2.u = stablehlo.reshape %blocks.1.2.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_8 = stablehlo.constant dense<4.00000000e-01> : tensor<f32>
    %blocks.1.2.bcast = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.keep = stablehlo.compare GE, %blocks.1.2.u, %blocks.1.2.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_9 = stablehlo.constant dense<1.66666667e+00> : tensor<f32>
    %blocks.1.2.inv_keep = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.drop_mask = stablehlo.select %blocks.1.2.keep, %blocks.1.2.inv_keep, %blocks.1.2.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.2.drop_b = stablehlo.broadcast_in_dim %blocks.1.2.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dropped = stablehlo.multiply %blocks.1.2.project.bn, %blocks.1.2.drop_b : tensor<4x4x4x4xf32>
    %blocks.1.2.residual = stablehlo.add %blocks.1.2.dropped, %blocks.1.1.residual : tensor<4x4x4x4xf32>
    %pool.2.sum_hw = stablehlo.reduce(%blocks.1.2.residual init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %pool.2.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %pool.2.mean = stablehlo.multiply %pool.2.sum_hw, %pool.2.bcast : tensor<4x4xf32>
    %fc.3.mm = stablehlo.dot_general %pool.2.mean, %fc.3.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %fc.3.bias_b = stablehlo.broadcast_in_dim %fc.3.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.3.z = stablehlo.add %fc.3.mm, %fc.3.bias_b : tensor<4x3xf32>
    %loss.class = stablehlo.iota dim = 1 : tensor<4x3xi32>
    %loss.label_b = stablehlo.broadcast_in_dim %labels, dims = [0] : (tensor<4xi32>) -> tensor<4x3xi32>
    %loss.is_label = stablehlo.compare EQ, %loss.class, %loss.label_b : (tensor<4x3xi32>, tensor<4x3xi32>) -> tensor<4x3xi1>
    %loss.onehot = stablehlo.convert %loss.is_label : (tensor<4x3xi1>) -> tensor<4x3xf32>
    %loss.one_minus_eps = stablehlo.subtract %cst_3, %hyper.label_smoothing : tensor<f32>
    %loss.bcast = stablehlo.broadcast_in_dim %loss.one_minus_eps, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.t_main = stablehlo.multiply %loss.onehot, %loss.bcast : tensor<4x3xf32>
    %cst_10 = stablehlo.constant dense<3.33333333e-01> : tensor<f32>
    %loss.eps_over_k = stablehlo.multiply %hyper.label_smoothing, %cst_10 : tensor<f32>
    %loss.bcast_1 = stablehlo.broadcast_in_dim %loss.eps_over_k, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.target = stablehlo.add %loss.t_main, %loss.bcast_1 : tensor<4x3xf32>
    %cst_neg_inf = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %loss.z_max = stablehlo.reduce(%fc.3.z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.z_max_b = stablehlo.broadcast_in_dim %loss.z_max, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.shifted = stablehlo.subtract %fc.3.z, %loss.z_max_b : tensor<4x3xf32>
    %loss.exp = stablehlo.exponential %loss.shifted : tensor<4x3xf32>
    %loss.sum_exp = stablehlo.reduce(%loss.exp init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.lse = stablehlo.log %loss.sum_exp : tensor<4xf32>
    %loss.lse_b = stablehlo.broadcast_in_dim %loss.lse, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.logp = stablehlo.subtract %loss.shifted, %loss.lse_b : tensor<4x3xf32>
    %loss.t_logp = stablehlo.multiply %loss.target, %loss.logp : tensor<4x3xf32>
    %loss.sum_t_logp = stablehlo.reduce(%loss.t_logp init: %cst_1) applies stablehlo.add across dimensions = [0, 1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<f32>
    %cst_11 = stablehlo.constant dense<-2.50000000e-01> : tensor<f32>
    %loss.loss = stablehlo.multiply %loss.sum_t_logp, %cst_11 : tensor<f32>
    %loss.softmax = stablehlo.exponential %loss.logp : tensor<4x3xf32>
    %loss.p_minus_t = stablehlo.subtract %loss.softmax, %loss.target : tensor<4x3xf32>
    %cst_12 = stablehlo.constant dense<2.50000000e-01> : tensor<f32>
    %loss.bcast_2 = stablehlo.broadcast_in_dim %cst_12, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.d_logits = stablehlo.multiply %loss.p_minus_t, %loss.bcast_2 : tensor<4x3xf32>
    %cst_13 = stablehlo.constant dense<-3.00000000e+38> : tensor<f32>
    %loss.very_neg = stablehlo.broadcast_in_dim %cst_13, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.label_z = stablehlo.select %loss.is_label, %fc.3.z, %loss.very_neg : (tensor<4x3xi1>, tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %loss.label_logit = stablehlo.reduce(%loss.label_z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.hit = stablehlo.compare GE, %loss.label_logit, %loss.z_max : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %loss.hit_i32 = stablehlo.convert %loss.hit : (tensor<4xi1>) -> tensor<4xi32>
    %cst_14 = stablehlo.constant dense<0> : tensor<i32>
    %loss.correct = stablehlo.reduce(%loss.hit_i32 init: %cst_14) applies stablehlo.add across dimensions = [0] : (tensor<4xi32>, tensor<i32>) -> tensor<i32>
    %fc.3.d_w = stablehlo.dot_general %pool.2.mean, %loss.d_logits, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %fc.3.d_b = stablehlo.reduce(%loss.d_logits init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x3xf32>, tensor<f32>) -> tensor<3xf32>
    %fc.3.d_x = stablehlo.dot_general %loss.d_logits, %fc.3.w, contracting_dims = [1] x [1] : (tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x4xf32>
    %pool.2.bcast_1 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %pool.2.d_mean = stablehlo.multiply %fc.3.d_x, %pool.2.bcast_1 : tensor<4x4xf32>
    %pool.2.d_x = stablehlo.broadcast_in_dim %pool.2.d_mean, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.2.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.d_dropped = stablehlo.multiply %pool.2.d_x, %blocks.1.2.drop_b_1 : tensor<4x4x4x4xf32>
    %blocks.1.2.project.mean_inv = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.2.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.z_inv = stablehlo.multiply %blocks.1.2.project.conv, %blocks.1.2.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.2.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xhat = stablehlo.subtract %blocks.1.2.project.z_inv, %blocks.1.2.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.du_xhat = stablehlo.multiply %blocks.1.2.d_dropped, %blocks.1.2.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.2.d_dropped init: %cst_1), (%blocks.1.2.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc: tensor<f32>, %elt: tensor<f32>) (%acc_1: tensor<f32>, %elt_1: tensor<f32>) {
        %part = stablehlo.add %acc, %elt : tensor<f32>
        %part_1 = stablehlo.add %acc_1, %elt_1 : tensor<f32>
        stablehlo.return %part, %part_1 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.2.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.2.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_2: tensor<f32>, %elt_2: tensor<f32>) (%acc_3: tensor<f32>, %elt_3: tensor<f32>) {
        %part_2 = stablehlo.add %acc_2, %elt_2 : tensor<f32>
        %part_3 = stablehlo.add %acc_3, %elt_3 : tensor<f32>
        stablehlo.return %part_2, %part_3 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.2.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.2.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_4: tensor<f32>, %elt_4: tensor<f32>) (%acc_5: tensor<f32>, %elt_5: tensor<f32>) {
        %part_4 = stablehlo.add %acc_4, %elt_4 : tensor<f32>
        %part_5 = stablehlo.add %acc_5, %elt_5 : tensor<f32>
        stablehlo.return %part_4, %part_5 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.gamma_inv = stablehlo.multiply %blocks.1.2.project.bn.gamma.flat, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.gamma_inv_n = stablehlo.multiply %blocks.1.2.project.gamma_inv, %blocks.1.2.project.bcast_8 : tensor<4xf32>
    %cst_15 = stablehlo.constant dense<6.40000000e+01> : tensor<f32>
    %blocks.1.2.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.n_du = stablehlo.multiply %blocks.1.2.d_dropped, %blocks.1.2.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.2.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.t1 = stablehlo.subtract %blocks.1.2.project.n_du, %blocks.1.2.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xhat_dgamma = stablehlo.multiply %blocks.1.2.project.xhat, %blocks.1.2.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.t2 = stablehlo.subtract %blocks.1.2.project.t1, %blocks.1.2.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.2.project.k_b = stablehlo.broadcast_in_dim %blocks.1.2.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_z = stablehlo.multiply %blocks.1.2.project.t2, %blocks.1.2.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.x_pieces = stablehlo.reshape %blocks.1.2.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.2.project.dy_pieces = stablehlo.reshape %blocks.1.2.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.2.project.d_w_pieces = stablehlo.dot_general %blocks.1.2.project.x_pieces, %blocks.1.2.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.d_w_sum = stablehlo.reduce(%blocks.1.2.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.d_w = stablehlo.reshape %blocks.1.2.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.w_flip = stablehlo.reverse %blocks.1.2.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.2.project.d_x = stablehlo.convolution(%blocks.1.2.project.d_z, %blocks.1.2.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_h_gated = stablehlo.multiply %blocks.1.2.project.d_x, %blocks.1.2.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.2.se.dy_h = stablehlo.multiply %blocks.1.2.project.d_x, %blocks.1.2.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_gate_w = stablehlo.reduce(%blocks.1.2.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.se.d_gate = stablehlo.reduce(%blocks.1.2.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.one_minus_g = stablehlo.subtract %blocks.1.2.se.bcast_1, %blocks.1.2.se.gate : tensor<4x4xf32>
    %blocks.1.2.se.dsigmoid = stablehlo.multiply %blocks.1.2.se.gate, %blocks.1.2.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.2.se.d_expand_z = stablehlo.multiply %blocks.1.2.se.d_gate, %blocks.1.2.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.2.se.d_expand_w = stablehlo.dot_general %blocks.1.2.se.swish, %blocks.1.2.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.2.se.d_expand_b = stablehlo.reduce(%blocks.1.2.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.se.d_a1 = stablehlo.dot_general %blocks.1.2.se.d_expand_z, %blocks.1.2.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.bcast_2 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.2.se.one_minus_s = stablehlo.subtract %blocks.1.2.se.bcast_2, %blocks.1.2.se.sigmoid : tensor<4x2xf32>
    %blocks.1.2.se.z_1ms = stablehlo.multiply %blocks.1.2.se.reduce_z, %blocks.1.2.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.2.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.2.se.one_plus = stablehlo.add %blocks.1.2.se.bcast_3, %blocks.1.2.se.z_1ms : tensor<4x2xf32>
    %blocks.1.2.se.dswish = stablehlo.multiply %blocks.1.2.se.sigmoid, %blocks.1.2.se.one_plus : tensor<4x2xf32>
    %blocks.1.2.se.d_swish = stablehlo.multiply %blocks.1.2.se.d_a1, %blocks.1.2.se.dswish : tensor<4x2xf32>
    %blocks.1.2.se.d_reduce_w = stablehlo.dot_general %blocks.1.2.se.squeeze, %blocks.1.2.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.d_reduce_b = stablehlo.reduce(%blocks.1.2.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.2.se.d_squeeze = stablehlo.dot_general %blocks.1.2.se.d_swish, %blocks.1.2.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast_4 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.d_squeeze_p = stablehlo.multiply %blocks.1.2.se.d_squeeze, %blocks.1.2.se.bcast_4 : tensor<4x4xf32>
    %blocks.1.2.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.2.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_h = stablehlo.add %blocks.1.2.se.d_h_gated, %blocks.1.2.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.mean_inv = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.z_inv = stablehlo.multiply %blocks.1.2.dw.conv, %blocks.1.2.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xhat = stablehlo.subtract %blocks.1.2.dw.z_inv, %blocks.1.2.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.gamma_xhat = stablehlo.multiply %blocks.1.2.dw.xhat, %blocks.1.2.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.u = stablehlo.add %blocks.1.2.dw.gamma_xhat, %blocks.1.2.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sigmoid_r = stablehlo.logistic %blocks.1.2.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_minus_s = stablehlo.subtract %blocks.1.2.dw.bcast_8, %blocks.1.2.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.z_1ms = stablehlo.multiply %blocks.1.2.dw.u, %blocks.1.2.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_plus = stablehlo.add %blocks.1.2.dw.bcast_9, %blocks.1.2.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.dswish = stablehlo.multiply %blocks.1.2.dw.sigmoid_r, %blocks.1.2.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_swish = stablehlo.multiply %blocks.1.2.se.d_h, %blocks.1.2.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.du_xhat = stablehlo.multiply %blocks.1.2.dw.d_swish, %blocks.1.2.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.2.dw.d_swish init: %cst_1), (%blocks.1.2.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_6: tensor<f32>, %elt_6: tensor<f32>) (%acc_7: tensor<f32>, %elt_7: tensor<f32>) {
        %part_6 = stablehlo.add %acc_6, %elt_6 : tensor<f32>
        %part_7 = stablehlo.add %acc_7, %elt_7 : tensor<f32>
        stablehlo.return %part_6, %part_7 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.2.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.2.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_8: tensor<f32>, %elt_8: tensor<f32>) (%acc_9: tensor<f32>, %elt_9: tensor<f32>) {
        %part_8 = stablehlo.add %acc_8, %elt_8 : tensor<f32>
        %part_9 = stablehlo.add %acc_9, %elt_9 : tensor<f32>
        stablehlo.return %part_8, %part_9 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.2.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.2.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_10: tensor<f32>, %elt_10: tensor<f32>) (%acc_11: tensor<f32>, %elt_11: tensor<f32>) {
        %part_10 = stablehlo.add %acc_10, %elt_10 : tensor<f32>
        %part_11 = stablehlo.add %acc_11, %elt_11 : tensor<f32>
        stablehlo.return %part_10, %part_11 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.gamma_inv = stablehlo.multiply %blocks.1.2.dw.bn.gamma.flat, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.gamma_inv_n = stablehlo.multiply %blocks.1.2.dw.gamma_inv, %blocks.1.2.dw.bcast_10 : tensor<4xf32>
    %blocks.1.2.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.n_du = stablehlo.multiply %blocks.1.2.dw.d_swish, %blocks.1.2.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.t1 = stablehlo.subtract %blocks.1.2.dw.n_du, %blocks.1.2.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xhat_dgamma = stablehlo.multiply %blocks.1.2.dw.xhat, %blocks.1.2.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.t2 = stablehlo.subtract %blocks.1.2.dw.t1, %blocks.1.2.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_z = stablehlo.multiply %blocks.1.2.dw.t2, %blocks.1.2.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.x_n = stablehlo.slice %blocks.1.1.residual [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n = stablehlo.slice %blocks.1.2.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w = stablehlo.convolution(%blocks.1.2.dw.x_n, %blocks.1.2.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_1 = stablehlo.slice %blocks.1.1.residual [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_1 = stablehlo.slice %blocks.1.2.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_1 = stablehlo.convolution(%blocks.1.2.dw.x_n_1, %blocks.1.2.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum = stablehlo.add %blocks.1.2.dw.d_w, %blocks.1.2.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_2 = stablehlo.slice %blocks.1.1.residual [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_2 = stablehlo.slice %blocks.1.2.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_2 = stablehlo.convolution(%blocks.1.2.dw.x_n_2, %blocks.1.2.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum_1 = stablehlo.add %blocks.1.2.dw.d_w_sum, %blocks.1.2.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_3 = stablehlo.slice %blocks.1.1.residual [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_3 = stablehlo.slice %blocks.1.2.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_3 = stablehlo.convolution(%blocks.1.2.dw.x_n_3, %blocks.1.2.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum_2 = stablehlo.add %blocks.1.2.dw.d_w_sum_1, %blocks.1.2.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.w_flip = stablehlo.reverse %blocks.1.2.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_x = stablehlo.convolution(%blocks.1.2.dw.d_z, %blocks.1.2.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.d_residual = stablehlo.add %blocks.1.2.dw.d_x, %pool.2.d_x : tensor<4x4x4x4xf32>
    %blocks.1.1.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.d_dropped = stablehlo.multiply %blocks.1.2.d_residual, %blocks.1.1.drop_b_1 : tensor<4x4x4x4xf32>
    %blocks.1.1.project.mean_inv = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.z_inv = stablehlo.multiply %blocks.1.1.project.conv, %blocks.1.1.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xhat = stablehlo.subtract %blocks.1.1.project.z_inv, %blocks.1.1.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.du_xhat = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_dropped init: %cst_1), (%blocks.1.1.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_12: tensor<f32>, %elt_12: tensor<f32>) (%acc_13: tensor<f32>, %elt_13: tensor<f32>) {
        %part_12 = stablehlo.add %acc_12, %elt_12 : tensor<f32>
        %part_13 = stablehlo.add %acc_13, %elt_13 : tensor<f32>
        stablehlo.return %part_12, %part_13 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_14: tensor<f32>, %elt_14: tensor<f32>) (%acc_15: tensor<f32>, %elt_15: tensor<f32>) {
        %part_14 = stablehlo.add %acc_14, %elt_14 : tensor<f32>
        %part_15 = stablehlo.add %acc_15, %elt_15 : tensor<f32>
        stablehlo.return %part_14, %part_15 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_16: tensor<f32>, %elt_16: tensor<f32>) (%acc_17: tensor<f32>, %elt_17: tensor<f32>) {
        %part_16 = stablehlo.add %acc_16, %elt_16 : tensor<f32>
        %part_17 = stablehlo.add %acc_17, %elt_17 : tensor<f32>
        stablehlo.return %part_16, %part_17 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.gamma_inv = stablehlo.multiply %blocks.1.1.project.bn.gamma.flat, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.gamma_inv_n = stablehlo.multiply %blocks.1.1.project.gamma_inv, %blocks.1.1.project.bcast_8 : tensor<4xf32>
    %blocks.1.1.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.n_du = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.t1 = stablehlo.subtract %blocks.1.1.project.n_du, %blocks.1.1.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xhat_dgamma = stablehlo.multiply %blocks.1.1.project.xhat, %blocks.1.1.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.t2 = stablehlo.subtract %blocks.1.1.project.t1, %blocks.1.1.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.1.project.k_b = stablehlo.broadcast_in_dim %blocks.1.1.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_z = stablehlo.multiply %blocks.1.1.project.t2, %blocks.1.1.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.x_pieces = stablehlo.reshape %blocks.1.1.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.1.project.dy_pieces = stablehlo.reshape %blocks.1.1.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.1.project.d_w_pieces = stablehlo.dot_general %blocks.1.1.project.x_pieces, %blocks.1.1.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.d_w_sum = stablehlo.reduce(%blocks.1.1.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.d_w = stablehlo.reshape %blocks.1.1.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.w_flip = stablehlo.reverse %blocks.1.1.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.1.project.d_x = stablehlo.convolution(%blocks.1.1.project.d_z, %blocks.1.1.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_h_gated = stablehlo.multiply %blocks.1.1.project.d_x, %blocks.1.1.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.1.se.dy_h = stablehlo.multiply %blocks.1.1.project.d_x, %blocks.1.1.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_gate_w = stablehlo.reduce(%blocks.1.1.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.se.d_gate = stablehlo.reduce(%blocks.1.1.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.one_minus_g = stablehlo.subtract %blocks.1.1.se.bcast_1, %blocks.1.1.se.gate : tensor<4x4xf32>
    %blocks.1.1.se.dsigmoid = stablehlo.multiply %blocks.1.1.se.gate, %blocks.1.1.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.1.se.d_expand_z = stablehlo.multiply %blocks.1.1.se.d_gate, %blocks.1.1.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.1.se.d_expand_w = stablehlo.dot_general %blocks.1.1.se.swish, %blocks.1.1.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.1.se.d_expand_b = stablehlo.reduce(%blocks.1.1.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.se.d_a1 = stablehlo.dot_general %blocks.1.1.se.d_expand_z, %blocks.1.1.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.bcast_2 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.1.se.one_minus_s = stablehlo.subtract %blocks.1.1.se.bcast_2, %blocks.1.1.se.sigmoid : tensor<4x2xf32>
    %blocks.1.1.se.z_1ms = stablehlo.multiply %blocks.1.1.se.reduce_z, %blocks.1.1.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.1.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.1.se.one_plus = stablehlo.add %blocks.1.1.se.bcast_3, %blocks.1.1.se.z_1ms : tensor<4x2xf32>
    %blocks.1.1.se.dswish = stablehlo.multiply %blocks.1.1.se.sigmoid, %blocks.1.1.se.one_plus : tensor<4x2xf32>
    %blocks.1.1.se.d_swish = stablehlo.multiply %blocks.1.1.se.d_a1, %blocks.1.1.se.dswish : tensor<4x2xf32>
    %blocks.1.1.se.d_reduce_w = stablehlo.dot_general %blocks.1.1.se.squeeze, %blocks.1.1.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.d_reduce_b = stablehlo.reduce(%blocks.1.1.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.1.se.d_squeeze = stablehlo.dot_general %blocks.1.1.se.d_swish, %blocks.1.1.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast_4 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.d_squeeze_p = stablehlo.multiply %blocks.1.1.se.d_squeeze, %blocks.1.1.se.bcast_4 : tensor<4x4xf32>
    %blocks.1.1.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.1.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_h = stablehlo.add %blocks.1.1.se.d_h_gated, %blocks.1.1.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.mean_inv = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.z_inv = stablehlo.multiply %blocks.1.1.dw.conv, %blocks.1.1.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xhat = stablehlo.subtract %blocks.1.1.dw.z_inv, %blocks.1.1.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.gamma_xhat = stablehlo.multiply %blocks.1.1.dw.xhat, %blocks.1.1.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.u = stablehlo.add %blocks.1.1.dw.gamma_xhat, %blocks.1.1.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sigmoid_r = stablehlo.logistic %blocks.1.1.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_minus_s = stablehlo.subtract %blocks.1.1.dw.bcast_8, %blocks.1.1.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.z_1ms = stablehlo.multiply %blocks.1.1.dw.u, %blocks.1.1.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_plus = stablehlo.add %blocks.1.1.dw.bcast_9, %blocks.1.1.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.dswish = stablehlo.multiply %blocks.1.1.dw.sigmoid_r, %blocks.1.1.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_swish = stablehlo.multiply %blocks.1.1.se.d_h, %blocks.1.1.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.du_xhat = stablehlo.multiply %blocks.1.1.dw.d_swish, %blocks.1.1.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.dw.d_swish init: %cst_1), (%blocks.1.1.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_18: tensor<f32>, %elt_18: tensor<f32>) (%acc_19: tensor<f32>, %elt_19: tensor<f32>) {
        %part_18 = stablehlo.add %acc_18, %elt_18 : tensor<f32>
        %part_19 = stablehlo.add %acc_19, %elt_19 : tensor<f32>
        stablehlo.return %part_18, %part_19 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_20: tensor<f32>, %elt_20: tensor<f32>) (%acc_21: tensor<f32>, %elt_21: tensor<f32>) {
        %part_20 = stablehlo.add %acc_20, %elt_20 : tensor<f32>
        %part_21 = stablehlo.add %acc_21, %elt_21 : tensor<f32>
        stablehlo.return %part_20, %part_21 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_22: tensor<f32>, %elt_22: tensor<f32>) (%acc_23: tensor<f32>, %elt_23: tensor<f32>) {
        %part_22 = stablehlo.add %acc_22, %elt_22 : tensor<f32>
        %part_23 = stablehlo.add %acc_23, %elt_23 : tensor<f32>
        stablehlo.return %part_22, %part_23 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.gamma_inv = stablehlo.multiply %blocks.1.1.dw.bn.gamma.flat, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.gamma_inv_n = stablehlo.multiply %blocks.1.1.dw.gamma_inv, %blocks.1.1.dw.bcast_10 : tensor<4xf32>
    %blocks.1.1.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.n_du = stablehlo.multiply %blocks.1.1.dw.d_swish, %blocks.1.1.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.t1 = stablehlo.subtract %blocks.1.1.dw.n_du, %blocks.1.1.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xhat_dgamma = stablehlo.multiply %blocks.1.1.dw.xhat, %blocks.1.1.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.t2 = stablehlo.subtract %blocks.1.1.dw.t1, %blocks.1.1.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_z = stablehlo.multiply %blocks.1.1.dw.t2, %blocks.1.1.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.x_n = stablehlo.slice %blocks.1.0.residual [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n = stablehlo.slice %blocks.1.1.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w = stablehlo.convolution(%blocks.1.1.dw.x_n, %blocks.1.1.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_1 = stablehlo.slice %blocks.1.0.residual [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_1 = stablehlo.slice %blocks.1.1.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_1 = stablehlo.convolution(%blocks.1.1.dw.x_n_1, %blocks.1.1.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum = stablehlo.add %blocks.1.1.dw.d_w, %blocks.1.1.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_2 = stablehlo.slice %blocks.1.0.residual [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_2 = stablehlo.slice %blocks.1.1.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_2 = stablehlo.convolution(%blocks.1.1.dw.x_n_2, %blocks.1.1.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum_1 = stablehlo.add %blocks.1.1.dw.d_w_sum, %blocks.1.1.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_3 = stablehlo.slice %blocks.1.0.residual [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_3 = stablehlo.slice %blocks.1.1.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_3 = stablehlo.convolution(%blocks.1.1.dw.x_n_3, %blocks.1.1.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum_2 = stablehlo.add %blocks.1.1.dw.d_w_sum_1, %blocks.1.1.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.w_flip = stablehlo.reverse %blocks.1.1.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_x = stablehlo.convolution(%blocks.1.1.dw.d_z, %blocks.1.1.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.d_residual = stablehlo.add %blocks.1.1.dw.d_x, %blocks.1.2.d_residual : tensor<4x4x4x4xf32>
    %blocks.1.0.project.mean_inv = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.z_inv = stablehlo.multiply %blocks.1.0.project.conv, %blocks.1.0.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xhat = stablehlo.subtract %blocks.1.0.project.z_inv, %blocks.1.0.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.du_xhat = stablehlo.multiply %blocks.1.1.d_residual, %blocks.1.0.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_residual init: %cst_1), (%blocks.1.0.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_24: tensor<f32>, %elt_24: tensor<f32>) (%acc_25: tensor<f32>, %elt_25: tensor<f32>) {
        %part_24 = stablehlo.add %acc_24, %elt_24 : tensor<f32>
        %part_25 = stablehlo.add %acc_25, %elt_25 : tensor<f32>
        stablehlo.return %part_24, %part_25 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_26: tensor<f32>, %elt_26: tensor<f32>) (%acc_27: tensor<f32>, %elt_27: tensor<f32>) {
        %part_26 = stablehlo.add %acc_26, %elt_26 : tensor<f32>
        %part_27 = stablehlo.add %acc_27, %elt_27 : tensor<f32>
        stablehlo.return %part_26, %part_27 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_28: tensor<f32>, %elt_28: tensor<f32>) (%acc_29: tensor<f32>, %elt_29: tensor<f32>) {
        %part_28 = stablehlo.add %acc_28, %elt_28 : tensor<f32>
        %part_29 = stablehlo.add %acc_29, %elt_29 : tensor<f32>
        stablehlo.return %part_28, %part_29 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.gamma_inv = stablehlo.multiply %blocks.1.0.project.bn.gamma.flat, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.gamma_inv_n = stablehlo.multiply %blocks.1.0.project.gamma_inv, %blocks.1.0.project.bcast_8 : tensor<4xf32>
    %blocks.1.0.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.n_du = stablehlo.multiply %blocks.1.1.d_residual, %blocks.1.0.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.t1 = stablehlo.subtract %blocks.1.0.project.n_du, %blocks.1.0.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xhat_dgamma = stablehlo.multiply %blocks.1.0.project.xhat, %blocks.1.0.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.t2 = stablehlo.subtract %blocks.1.0.project.t1, %blocks.1.0.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.0.project.k_b = stablehlo.broadcast_in_dim %blocks.1.0.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_z = stablehlo.multiply %blocks.1.0.project.t2, %blocks.1.0.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.x_pieces = stablehlo.reshape %blocks.1.0.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.0.project.dy_pieces = stablehlo.reshape %blocks.1.0.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.0.project.d_w_pieces = stablehlo.dot_general %blocks.1.0.project.x_pieces, %blocks.1.0.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.d_w_sum = stablehlo.reduce(%blocks.1.0.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.d_w = stablehlo.reshape %blocks.1.0.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.w_flip = stablehlo.reverse %blocks.1.0.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.0.project.d_x = stablehlo.convolution(%blocks.1.0.project.d_z, %blocks.1.0.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_h_gated = stablehlo.multiply %blocks.1.0.project.d_x, %blocks.1.0.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.0.se.dy_h = stablehlo.multiply %blocks.1.0.project.d_x, %blocks.1.0.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_gate_w = stablehlo.reduce(%blocks.1.0.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.se.d_gate = stablehlo.reduce(%blocks.1.0.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.one_minus_g = stablehlo.subtract %blocks.1.0.se.bcast_1, %blocks.1.0.se.gate : tensor<4x4xf32>
    %blocks.1.0.se.dsigmoid = stablehlo.multiply %blocks.1.0.se.gate, %blocks.1.0.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.0.se.d_expand_z = stablehlo.multiply %blocks.1.0.se.d_gate, %blocks.1.0.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.0.se.d_expand_w = stablehlo.dot_general %blocks.1.0.se.swish, %blocks.1.0.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.0.se.d_expand_b = stablehlo.reduce(%blocks.1.0.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.se.d_a1 = stablehlo.dot_general %blocks.1.0.se.d_expand_z, %blocks.1.0.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.bcast_2 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.0.se.one_minus_s = stablehlo.subtract %blocks.1.0.se.bcast_2, %blocks.1.0.se.sigmoid : tensor<4x2xf32>
    %blocks.1.0.se.z_1ms = stablehlo.multiply %blocks.1.0.se.reduce_z, %blocks.1.0.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.0.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.0.se.one_plus = stablehlo.add %blocks.1.0.se.bcast_3, %blocks.1.0.se.z_1ms : tensor<4x2xf32>
    %blocks.1.0.se.dswish = stablehlo.multiply %blocks.1.0.se.sigmoid, %blocks.1.0.se.one_plus : tensor<4x2xf32>
    %blocks.1.0.se.d_swish = stablehlo.multiply %blocks.1.0.se.d_a1, %blocks.1.0.se.dswish : tensor<4x2xf32>
    %blocks.1.0.se.d_reduce_w = stablehlo.dot_general %blocks.1.0.se.squeeze, %blocks.1.0.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.d_reduce_b = stablehlo.reduce(%blocks.1.0.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.0.se.d_squeeze = stablehlo.dot_general %blocks.1.0.se.d_swish, %blocks.1.0.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.bcast_4 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.d_squeeze_p = stablehlo.multiply %blocks.1.0.se.d_squeeze, %blocks.1.0.se.bcast_4 : tensor<4x4xf32>
    %blocks.1.0.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.0.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_h = stablehlo.add %blocks.1.0.se.d_h_gated, %blocks.1.0.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.mean_inv = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.z_inv = stablehlo.multiply %blocks.1.0.dw.conv, %blocks.1.0.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xhat = stablehlo.subtract %blocks.1.0.dw.z_inv, %blocks.1.0.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.gamma_xhat = stablehlo.multiply %blocks.1.0.dw.xhat, %blocks.1.0.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.u = stablehlo.add %blocks.1.0.dw.gamma_xhat, %blocks.1.0.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sigmoid_r = stablehlo.logistic %blocks.1.0.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_minus_s = stablehlo.subtract %blocks.1.0.dw.bcast_8, %blocks.1.0.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.z_1ms = stablehlo.multiply %blocks.1.0.dw.u, %blocks.1.0.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_plus = stablehlo.add %blocks.1.0.dw.bcast_9, %blocks.1.0.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.dswish = stablehlo.multiply %blocks.1.0.dw.sigmoid_r, %blocks.1.0.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_swish = stablehlo.multiply %blocks.1.0.se.d_h, %blocks.1.0.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.du_xhat = stablehlo.multiply %blocks.1.0.dw.d_swish, %blocks.1.0.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.dw.d_swish init: %cst_1), (%blocks.1.0.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_30: tensor<f32>, %elt_30: tensor<f32>) (%acc_31: tensor<f32>, %elt_31: tensor<f32>) {
        %part_30 = stablehlo.add %acc_30, %elt_30 : tensor<f32>
        %part_31 = stablehlo.add %acc_31, %elt_31 : tensor<f32>
        stablehlo.return %part_30, %part_31 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_32: tensor<f32>, %elt_32: tensor<f32>) (%acc_33: tensor<f32>, %elt_33: tensor<f32>) {
        %part_32 = stablehlo.add %acc_32, %elt_32 : tensor<f32>
        %part_33 = stablehlo.add %acc_33, %elt_33 : tensor<f32>
        stablehlo.return %part_32, %part_33 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_34: tensor<f32>, %elt_34: tensor<f32>) (%acc_35: tensor<f32>, %elt_35: tensor<f32>) {
        %part_34 = stablehlo.add %acc_34, %elt_34 : tensor<f32>
        %part_35 = stablehlo.add %acc_35, %elt_35 : tensor<f32>
        stablehlo.return %part_34, %part_35 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.gamma_inv = stablehlo.multiply %blocks.1.0.dw.bn.gamma.flat, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.gamma_inv_n = stablehlo.multiply %blocks.1.0.dw.gamma_inv, %blocks.1.0.dw.bcast_10 : tensor<4xf32>
    %blocks.1.0.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.n_du = stablehlo.multiply %blocks.1.0.dw.d_swish, %blocks.1.0.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.t1 = stablehlo.subtract %blocks.1.0.dw.n_du, %blocks.1.0.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xhat_dgamma = stablehlo.multiply %blocks.1.0.dw.xhat, %blocks.1.0.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.t2 = stablehlo.subtract %blocks.1.0.dw.t1, %blocks.1.0.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_z = stablehlo.multiply %blocks.1.0.dw.t2, %blocks.1.0.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.x_n = stablehlo.slice %conv.0.swish [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n = stablehlo.slice %blocks.1.0.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w = stablehlo.convolution(%blocks.1.0.dw.x_n, %blocks.1.0.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_1 = stablehlo.slice %conv.0.swish [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_1 = stablehlo.slice %blocks.1.0.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_1 = stablehlo.convolution(%blocks.1.0.dw.x_n_1, %blocks.1.0.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum = stablehlo.add %blocks.1.0.dw.d_w, %blocks.1.0.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_2 = stablehlo.slice %conv.0.swish [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_2 = stablehlo.slice %blocks.1.0.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_2 = stablehlo.convolution(%blocks.1.0.dw.x_n_2, %blocks.1.0.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum_1 = stablehlo.add %blocks.1.0.dw.d_w_sum, %blocks.1.0.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_3 = stablehlo.slice %conv.0.swish [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_3 = stablehlo.slice %blocks.1.0.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_3 = stablehlo.convolution(%blocks.1.0.dw.x_n_3, %blocks.1.0.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum_2 = stablehlo.add %blocks.1.0.dw.d_w_sum_1, %blocks.1.0.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.w_flip = stablehlo.reverse %blocks.1.0.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_x = stablehlo.convolution(%blocks.1.0.dw.d_z, %blocks.1.0.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.d_residual = stablehlo.add %blocks.1.0.dw.d_x, %blocks.1.1.d_residual : tensor<4x4x4x4xf32>
    %conv.0.mean_inv = stablehlo.multiply %conv.0.mean, %conv.0.inv_std : tensor<4xf32>
    %conv.0.inv_b = stablehlo.broadcast_in_dim %conv.0.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.z_inv = stablehlo.multiply %conv.0.conv, %conv.0.inv_b : tensor<4x4x4x4xf32>
    %conv.0.mean_inv_b = stablehlo.broadcast_in_dim %conv.0.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xhat = stablehlo.subtract %conv.0.z_inv, %conv.0.mean_inv_b : tensor<4x4x4x4xf32>
    %conv.0.gamma_b = stablehlo.broadcast_in_dim %conv.0.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.gamma_xhat = stablehlo.multiply %conv.0.xhat, %conv.0.gamma_b : tensor<4x4x4x4xf32>
    %conv.0.beta_b = stablehlo.broadcast_in_dim %conv.0.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.u = stablehlo.add %conv.0.gamma_xhat, %conv.0.beta_b : tensor<4x4x4x4xf32>
    %conv.0.sigmoid_r = stablehlo.logistic %conv.0.u : tensor<4x4x4x4xf32>
    %conv.0.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.one_minus_s = stablehlo.subtract %conv.0.bcast_8, %conv.0.sigmoid_r : tensor<4x4x4x4xf32>
    %conv.0.z_1ms = stablehlo.multiply %conv.0.u, %conv.0.one_minus_s : tensor<4x4x4x4xf32>
    %conv.0.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.one_plus = stablehlo.add %conv.0.bcast_9, %conv.0.z_1ms : tensor<4x4x4x4xf32>
    %conv.0.dswish = stablehlo.multiply %conv.0.sigmoid_r, %conv.0.one_plus : tensor<4x4x4x4xf32>
    %conv.0.d_swish = stablehlo.multiply %blocks.1.0.d_residual, %conv.0.dswish : tensor<4x4x4x4xf32>
    %conv.0.du_xhat = stablehlo.multiply %conv.0.d_swish, %conv.0.xhat : tensor<4x4x4x4xf32>
    %conv.0.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%conv.0.d_swish init: %cst_1), (%conv.0.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_36: tensor<f32>, %elt_36: tensor<f32>) (%acc_37: tensor<f32>, %elt_37: tensor<f32>) {
        %part_36 = stablehlo.add %acc_36, %elt_36 : tensor<f32>
        %part_37 = stablehlo.add %acc_37, %elt_37 : tensor<f32>
        stablehlo.return %part_36, %part_37 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%conv.0.d_beta_w_d_gamma_w#0 init: %cst_1), (%conv.0.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_38: tensor<f32>, %elt_38: tensor<f32>) (%acc_39: tensor<f32>, %elt_39: tensor<f32>) {
        %part_38 = stablehlo.add %acc_38, %elt_38 : tensor<f32>
        %part_39 = stablehlo.add %acc_39, %elt_39 : tensor<f32>
        stablehlo.return %part_38, %part_39 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_d_gamma:2 = stablehlo.reduce(%conv.0.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%conv.0.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_40: tensor<f32>, %elt_40: tensor<f32>) (%acc_41: tensor<f32>, %elt_41: tensor<f32>) {
        %part_40 = stablehlo.add %acc_40, %elt_40 : tensor<f32>
        %part_41 = stablehlo.add %acc_41, %elt_41 : tensor<f32>
        stablehlo.return %part_40, %part_41 : tensor<f32>, tensor<f32>
      }
    %conv.0.gamma_inv = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.gamma_inv_n = stablehlo.multiply %conv.0.gamma_inv, %conv.0.bcast_10 : tensor<4xf32>
    %conv.0.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.n_du = stablehlo.multiply %conv.0.d_swish, %conv.0.bcast_11 : tensor<4x4x4x4xf32>
    %conv.0.d_beta_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.t1 = stablehlo.subtract %conv.0.n_du, %conv.0.d_beta_b : tensor<4x4x4x4xf32>
    %conv.0.d_gamma_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xhat_dgamma = stablehlo.multiply %conv.0.xhat, %conv.0.d_gamma_b : tensor<4x4x4x4xf32>
    %conv.0.t2 = stablehlo.subtract %conv.0.t1, %conv.0.xhat_dgamma : tensor<4x4x4x4xf32>
    %conv.0.k_b = stablehlo.broadcast_in_dim %conv.0.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.d_z = stablehlo.multiply %conv.0.t2, %conv.0.k_b : tensor<4x4x4x4xf32>
    %conv.0.x_pieces = stablehlo.reshape %images : (tensor<4x4x4x2xf32>) -> tensor<4x16x2xf32>
    %conv.0.dy_pieces = stablehlo.reshape %conv.0.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %conv.0.d_w_pieces = stablehlo.dot_general %conv.0.x_pieces, %conv.0.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x2xf32>, tensor<4x16x4xf32>) -> tensor<4x2x4xf32>
    %conv.0.d_w_sum = stablehlo.reduce(%conv.0.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
    %conv.0.d_w = stablehlo.reshape %conv.0.d_w_sum : (tensor<2x4xf32>) -> tensor<1x1x2x4xf32>
    %grads.conv.0.conv.w = stablehlo.reshape %conv.0.d_w : (tensor<1x1x2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.dw.conv.w = stablehlo.reshape %blocks.1.0.dw.d_w_sum_2 : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.0.se.reduce.w = stablehlo.reshape %blocks.1.0.se.d_reduce_w : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.se.expand.w = stablehlo.reshape %blocks.1.0.se.d_expand_w : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.project.conv.w = stablehlo.reshape %blocks.1.0.project.d_w : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.blocks.1.1.dw.conv.w = stablehlo.reshape %blocks.1.1.dw.d_w_sum_2 : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.1.se.reduce.w = stablehlo.reshape %blocks.1.1.se.d_reduce_w : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.1.se.expand.w = stablehlo.reshape %blocks.1.1.se.d_expand_w : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.1.project.conv.w = stablehlo.reshape %blocks.1.1.project.d_w : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.blocks.1.2.dw.conv.w = stablehlo.reshape %blocks.1.2.dw.d_w_sum_2 : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.2.se.reduce.w = stablehlo.reshape %blocks.1.2.se.d_reduce_w : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.2.se.expand.w = stablehlo.reshape %blocks.1.2.se.d_expand_w : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.2.project.conv.w = stablehlo.reshape %blocks.1.2.project.d_w : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.fc.3.w = stablehlo.reshape %fc.3.d_w : (tensor<4x3xf32>) -> tensor<12xf32>
    %grads.flat = stablehlo.concatenate %grads.conv.0.conv.w, %conv.0.d_beta_d_gamma#1, %conv.0.d_beta_d_gamma#0, %grads.blocks.1.0.dw.conv.w, %blocks.1.0.dw.d_beta_d_gamma#1, %blocks.1.0.dw.d_beta_d_gamma#0, %grads.blocks.1.0.se.reduce.w, %blocks.1.0.se.d_reduce_b, %grads.blocks.1.0.se.expand.w, %blocks.1.0.se.d_expand_b, %grads.blocks.1.0.project.conv.w, %blocks.1.0.project.d_beta_d_gamma#1, %blocks.1.0.project.d_beta_d_gamma#0, %grads.blocks.1.1.dw.conv.w, %blocks.1.1.dw.d_beta_d_gamma#1, %blocks.1.1.dw.d_beta_d_gamma#0, %grads.blocks.1.1.se.reduce.w, %blocks.1.1.se.d_reduce_b, %grads.blocks.1.1.se.expand.w, %blocks.1.1.se.d_expand_b, %grads.blocks.1.1.project.conv.w, %blocks.1.1.project.d_beta_d_gamma#1, %blocks.1.1.project.d_beta_d_gamma#0, %grads.blocks.1.2.dw.conv.w, %blocks.1.2.dw.d_beta_d_gamma#1, %blocks.1.2.dw.d_beta_d_gamma#0, %grads.blocks.1.2.se.reduce.w, %blocks.1.2.se.d_reduce_b, %grads.blocks.1.2.se.expand.w, %blocks.1.2.se.d_expand_b, %grads.blocks.1.2.project.conv.w, %blocks.1.2.project.d_beta_d_gamma#1, %blocks.1.2.project.d_beta_d_gamma#0, %grads.fc.3.w, %fc.3.d_b, dim = 0 : (tensor<8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<12xf32>, tensor<3xf32>) -> tensor<301xf32>
    %bn.updated = stablehlo.concatenate %conv.0.running_mean, %conv.0.running_var, %blocks.1.0.dw.running_mean, %blocks.1.0.dw.running_var, %blocks.1.0.project.running_mean, %blocks.1.0.project.running_var, %blocks.1.1.dw.running_mean, %blocks.1.1.dw.running_var, %blocks.1.1.project.running_mean, %blocks.1.1.project.running_var, %blocks.1.2.dw.running_mean, %blocks.1.2.dw.running_var, %blocks.1.2.project.running_mean, %blocks.1.2.project.running_var, dim = 0 : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<56xf32>
    return %loss.loss, %loss.correct, %grads.flat, %bn.updated : tensor<f32>, tensor<i32>, tensor<301xf32>, tensor<56xf32>
  }
  func.func @train_step(%params: tensor<301xf32>, %m: tensor<301xf32>, %v: tensor<301xf32>, %bn: tensor<56xf32>, %images: tensor<4x4x4x2xf32>, %labels: tensor<4xi32>, %rand: tensor<4x2xf32>, %hyper: tensor<12xf32>) -> (tensor<301xf32>, tensor<301xf32>, tensor<301xf32>, tensor<56xf32>, tensor<f32>, tensor<i32>) {
    %hyper.lr.v = stablehlo.slice %hyper [0:1] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.lr = stablehlo.reshape %hyper.lr.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.weight_decay.v = stablehlo.slice %hyper [1:2] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.weight_decay = stablehlo.reshape %hyper.weight_decay.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.label_smoothing.v = stablehlo.slice %hyper [2:3] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.label_smoothing = stablehlo.reshape %hyper.label_smoothing.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bn_momentum.v = stablehlo.slice %hyper [3:4] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bn_momentum = stablehlo.reshape %hyper.bn_momentum.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.momentum.v = stablehlo.slice %hyper [4:5] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.momentum = stablehlo.reshape %hyper.momentum.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.nesterov.v = stablehlo.slice %hyper [5:6] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.nesterov = stablehlo.reshape %hyper.nesterov.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.beta1.v = stablehlo.slice %hyper [6:7] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.beta1 = stablehlo.reshape %hyper.beta1.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.beta2.v = stablehlo.slice %hyper [7:8] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.beta2 = stablehlo.reshape %hyper.beta2.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.eps.v = stablehlo.slice %hyper [8:9] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.eps = stablehlo.reshape %hyper.eps.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bias_correction1.v = stablehlo.slice %hyper [9:10] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bias_correction1 = stablehlo.reshape %hyper.bias_correction1.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.bias_correction2.v = stablehlo.slice %hyper [10:11] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.bias_correction2 = stablehlo.reshape %hyper.bias_correction2.v : (tensor<1xf32>) -> tensor<f32>
    %hyper.rms_decay.v = stablehlo.slice %hyper [11:12] : (tensor<12xf32>) -> tensor<1xf32>
    %hyper.rms_decay = stablehlo.reshape %hyper.rms_decay.v : (tensor<1xf32>) -> tensor<f32>
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<301xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<301xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.conv.w.flat = stablehlo.slice %params [16:52] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.0.dw.conv.w = stablehlo.reshape %blocks.1.0.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.bn.gamma.flat = stablehlo.slice %params [52:56] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.beta.flat = stablehlo.slice %params [56:60] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.se.reduce.w.flat = stablehlo.slice %params [60:68] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.reduce.w = stablehlo.reshape %blocks.1.0.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce.b.flat = stablehlo.slice %params [68:70] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.0.se.expand.w.flat = stablehlo.slice %params [70:78] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.0.se.expand.w = stablehlo.reshape %blocks.1.0.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.0.se.expand.b.flat = stablehlo.slice %params [78:82] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.conv.w.flat = stablehlo.slice %params [82:98] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.0.project.conv.w = stablehlo.reshape %blocks.1.0.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.bn.gamma.flat = stablehlo.slice %params [98:102] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.beta.flat = stablehlo.slice %params [102:106] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.conv.w.flat = stablehlo.slice %params [106:142] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.1.dw.conv.w = stablehlo.reshape %blocks.1.1.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.bn.gamma.flat = stablehlo.slice %params [142:146] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.beta.flat = stablehlo.slice %params [146:150] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.se.reduce.w.flat = stablehlo.slice %params [150:158] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.reduce.w = stablehlo.reshape %blocks.1.1.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce.b.flat = stablehlo.slice %params [158:160] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.1.se.expand.w.flat = stablehlo.slice %params [160:168] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.1.se.expand.w = stablehlo.reshape %blocks.1.1.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.1.se.expand.b.flat = stablehlo.slice %params [168:172] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.conv.w.flat = stablehlo.slice %params [172:188] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.1.project.conv.w = stablehlo.reshape %blocks.1.1.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.bn.gamma.flat = stablehlo.slice %params [188:192] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.beta.flat = stablehlo.slice %params [192:196] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.conv.w.flat = stablehlo.slice %params [196:232] : (tensor<301xf32>) -> tensor<36xf32>
    %blocks.1.2.dw.conv.w = stablehlo.reshape %blocks.1.2.dw.conv.w.flat : (tensor<36xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.bn.gamma.flat = stablehlo.slice %params [232:236] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.beta.flat = stablehlo.slice %params [236:240] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.se.reduce.w.flat = stablehlo.slice %params [240:248] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.reduce.w = stablehlo.reshape %blocks.1.2.se.reduce.w.flat : (tensor<8xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce.b.flat = stablehlo.slice %params [248:250] : (tensor<301xf32>) -> tensor<2xf32>
    %blocks.1.2.se.expand.w.flat = stablehlo.slice %params [250:258] : (tensor<301xf32>) -> tensor<8xf32>
    %blocks.1.2.se.expand.w = stablehlo.reshape %blocks.1.2.se.expand.w.flat : (tensor<8xf32>) -> tensor<2x4xf32>
    %blocks.1.2.se.expand.b.flat = stablehlo.slice %params [258:262] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.conv.w.flat = stablehlo.slice %params [262:278] : (tensor<301xf32>) -> tensor<16xf32>
    %blocks.1.2.project.conv.w = stablehlo.reshape %blocks.1.2.project.conv.w.flat : (tensor<16xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.bn.gamma.flat = stablehlo.slice %params [278:282] : (tensor<301xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.beta.flat = stablehlo.slice %params [282:286] : (tensor<301xf32>) -> tensor<4xf32>
    %fc.3.w.flat = stablehlo.slice %params [286:298] : (tensor<301xf32>) -> tensor<12xf32>
    %fc.3.w = stablehlo.reshape %fc.3.w.flat : (tensor<12xf32>) -> tensor<4x3xf32>
    %fc.3.b.flat = stablehlo.slice %params [298:301] : (tensor<301xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.dw.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.0.project.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.dw.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.1.project.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_mean = stablehlo.slice %bn [40:44] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.dw.bn.running_var = stablehlo.slice %bn [44:48] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_mean = stablehlo.slice %bn [48:52] : (tensor<56xf32>) -> tensor<4xf32>
    %blocks.1.2.project.bn.running_var = stablehlo.slice %bn [52:56] : (tensor<56xf32>) -> tensor<4xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x4x4x4xf32>
    %cst = stablehlo.constant dense<1.56250000e-02> : tensor<f32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %conv.0.sum_x_w = stablehlo.reduce(%conv.0.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %conv.0.sum_x_hw = stablehlo.reduce(%conv.0.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_x = stablehlo.reduce(%conv.0.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.mean = stablehlo.multiply %conv.0.sum_x, %conv.0.bcast : tensor<4xf32>
    %conv.0.mean_b = stablehlo.broadcast_in_dim %conv.0.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xc = stablehlo.subtract %conv.0.conv, %conv.0.mean_b : tensor<4x4x4x4xf32>
    %conv.0.xc2 = stablehlo.multiply %conv.0.xc, %conv.0.xc : tensor<4x4x4x4xf32>
    %conv.0.sum_xc2_w = stablehlo.reduce(%conv.0.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %conv.0.sum_xc2_hw = stablehlo.reduce(%conv.0.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_xc2 = stablehlo.reduce(%conv.0.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var = stablehlo.multiply %conv.0.sum_xc2, %conv.0.bcast_1 : tensor<4xf32>
    %cst_2 = stablehlo.constant dense<1.00000000e-05> : tensor<f32>
    %conv.0.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_eps = stablehlo.add %conv.0.var, %conv.0.bcast_2 : tensor<4xf32>
    %conv.0.inv_std = stablehlo.rsqrt %conv.0.var_eps : tensor<4xf32>
    %conv.0.scale = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.mean_scale = stablehlo.multiply %conv.0.mean, %conv.0.scale : tensor<4xf32>
    %conv.0.shift = stablehlo.subtract %conv.0.bn.beta.flat, %conv.0.mean_scale : tensor<4xf32>
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x4x4x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x4x4x4xf32>
    %cst_3 = stablehlo.constant dense<1.00000000e+00> : tensor<f32>
    %conv.0.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_4 = stablehlo.constant dense<1.01587302e+00> : tensor<f32>
    %conv.0.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_unbiased = stablehlo.multiply %conv.0.var, %conv.0.bcast_3 : tensor<4xf32>
    %conv.0.bcast_4 = stablehlo.broadcast_in_dim %conv.0.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rm_keep = stablehlo.multiply %conv.0.bn.running_mean, %conv.0.bcast_4 : tensor<4xf32>
    %conv.0.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rm_new = stablehlo.multiply %conv.0.mean, %conv.0.bcast_5 : tensor<4xf32>
    %conv.0.running_mean = stablehlo.add %conv.0.rm_keep, %conv.0.rm_new : tensor<4xf32>
    %conv.0.bcast_6 = stablehlo.broadcast_in_dim %conv.0.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rv_keep = stablehlo.multiply %conv.0.bn.running_var, %conv.0.bcast_6 : tensor<4xf32>
    %conv.0.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.rv_new = stablehlo.multiply %conv.0.var_unbiased, %conv.0.bcast_7 : tensor<4xf32>
    %conv.0.running_var = stablehlo.add %conv.0.rv_keep, %conv.0.rv_new : tensor<4xf32>
    %conv.0.sigmoid = stablehlo.logistic %conv.0.bn : tensor<4x4x4x4xf32>
    %conv.0.swish = stablehlo.multiply %conv.0.bn, %conv.0.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.conv = stablehlo.convolution(%conv.0.swish, %blocks.1.0.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sum_x_w = stablehlo.reduce(%blocks.1.0.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.dw.sum_x_hw = stablehlo.reduce(%blocks.1.0.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.dw.sum_x = stablehlo.reduce(%blocks.1.0.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.mean = stablehlo.multiply %blocks.1.0.dw.sum_x, %blocks.1.0.dw.bcast : tensor<4xf32>
    %blocks.1.0.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xc = stablehlo.subtract %blocks.1.0.dw.conv, %blocks.1.0.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xc2 = stablehlo.multiply %blocks.1.0.dw.xc, %blocks.1.0.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.0.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.dw.sum_xc2 = stablehlo.reduce(%blocks.1.0.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var = stablehlo.multiply %blocks.1.0.dw.sum_xc2, %blocks.1.0.dw.bcast_1 : tensor<4xf32>
    %blocks.1.0.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var_eps = stablehlo.add %blocks.1.0.dw.var, %blocks.1.0.dw.bcast_2 : tensor<4xf32>
    %blocks.1.0.dw.inv_std = stablehlo.rsqrt %blocks.1.0.dw.var_eps : tensor<4xf32>
    %blocks.1.0.dw.scale = stablehlo.multiply %blocks.1.0.dw.bn.gamma.flat, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.mean_scale = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.scale : tensor<4xf32>
    %blocks.1.0.dw.shift = stablehlo.subtract %blocks.1.0.dw.bn.beta.flat, %blocks.1.0.dw.mean_scale : tensor<4xf32>
    %blocks.1.0.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.scaled = stablehlo.multiply %blocks.1.0.dw.conv, %blocks.1.0.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bn = stablehlo.add %blocks.1.0.dw.scaled, %blocks.1.0.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.var_unbiased = stablehlo.multiply %blocks.1.0.dw.var, %blocks.1.0.dw.bcast_3 : tensor<4xf32>
    %blocks.1.0.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rm_keep = stablehlo.multiply %blocks.1.0.dw.bn.running_mean, %blocks.1.0.dw.bcast_4 : tensor<4xf32>
    %blocks.1.0.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rm_new = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.bcast_5 : tensor<4xf32>
    %blocks.1.0.dw.running_mean = stablehlo.add %blocks.1.0.dw.rm_keep, %blocks.1.0.dw.rm_new : tensor<4xf32>
    %blocks.1.0.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rv_keep = stablehlo.multiply %blocks.1.0.dw.bn.running_var, %blocks.1.0.dw.bcast_6 : tensor<4xf32>
    %blocks.1.0.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.rv_new = stablehlo.multiply %blocks.1.0.dw.var_unbiased, %blocks.1.0.dw.bcast_7 : tensor<4xf32>
    %blocks.1.0.dw.running_var = stablehlo.add %blocks.1.0.dw.rv_keep, %blocks.1.0.dw.rv_new : tensor<4xf32>
    %blocks.1.0.dw.sigmoid = stablehlo.logistic %blocks.1.0.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.swish = stablehlo.multiply %blocks.1.0.dw.bn, %blocks.1.0.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.0.se.sum_hw_w = stablehlo.reduce(%blocks.1.0.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.se.sum_hw = stablehlo.reduce(%blocks.1.0.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %cst_5 = stablehlo.constant dense<6.25000000e-02> : tensor<f32>
    %blocks.1.0.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.squeeze = stablehlo.multiply %blocks.1.0.se.sum_hw, %blocks.1.0.se.bcast : tensor<4x4xf32>
    %blocks.1.0.se.reduce_mm = stablehlo.dot_general %blocks.1.0.se.squeeze, %blocks.1.0.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.reduce_z = stablehlo.add %blocks.1.0.se.reduce_mm, %blocks.1.0.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.0.se.sigmoid = stablehlo.logistic %blocks.1.0.se.reduce_z : tensor<4x2xf32>
    %blocks.1.0.se.swish = stablehlo.multiply %blocks.1.0.se.reduce_z, %blocks.1.0.se.sigmoid : tensor<4x2xf32>
    %blocks.1.0.se.expand_mm = stablehlo.dot_general %blocks.1.0.se.swish, %blocks.1.0.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.0.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.expand_z = stablehlo.add %blocks.1.0.se.expand_mm, %blocks.1.0.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.0.se.gate = stablehlo.logistic %blocks.1.0.se.expand_z : tensor<4x4xf32>
    %blocks.1.0.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.0.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.excited = stablehlo.multiply %blocks.1.0.dw.swish, %blocks.1.0.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.conv = stablehlo.convolution(%blocks.1.0.se.excited, %blocks.1.0.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.sum_x_w = stablehlo.reduce(%blocks.1.0.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.sum_x_hw = stablehlo.reduce(%blocks.1.0.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.sum_x = stablehlo.reduce(%blocks.1.0.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.mean = stablehlo.multiply %blocks.1.0.project.sum_x, %blocks.1.0.project.bcast : tensor<4xf32>
    %blocks.1.0.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xc = stablehlo.subtract %blocks.1.0.project.conv, %blocks.1.0.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.xc2 = stablehlo.multiply %blocks.1.0.project.xc, %blocks.1.0.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.0.project.sum_xc2_w = stablehlo.reduce(%blocks.1.0.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.sum_xc2 = stablehlo.reduce(%blocks.1.0.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var = stablehlo.multiply %blocks.1.0.project.sum_xc2, %blocks.1.0.project.bcast_1 : tensor<4xf32>
    %blocks.1.0.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var_eps = stablehlo.add %blocks.1.0.project.var, %blocks.1.0.project.bcast_2 : tensor<4xf32>
    %blocks.1.0.project.inv_std = stablehlo.rsqrt %blocks.1.0.project.var_eps : tensor<4xf32>
    %blocks.1.0.project.scale = stablehlo.multiply %blocks.1.0.project.bn.gamma.flat, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.mean_scale = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.scale : tensor<4xf32>
    %blocks.1.0.project.shift = stablehlo.subtract %blocks.1.0.project.bn.beta.flat, %blocks.1.0.project.mean_scale : tensor<4xf32>
    %blocks.1.0.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.scaled = stablehlo.multiply %blocks.1.0.project.conv, %blocks.1.0.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.bn = stablehlo.add %blocks.1.0.project.scaled, %blocks.1.0.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.var_unbiased = stablehlo.multiply %blocks.1.0.project.var, %blocks.1.0.project.bcast_3 : tensor<4xf32>
    %blocks.1.0.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rm_keep = stablehlo.multiply %blocks.1.0.project.bn.running_mean, %blocks.1.0.project.bcast_4 : tensor<4xf32>
    %blocks.1.0.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rm_new = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.bcast_5 : tensor<4xf32>
    %blocks.1.0.project.running_mean = stablehlo.add %blocks.1.0.project.rm_keep, %blocks.1.0.project.rm_new : tensor<4xf32>
    %blocks.1.0.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rv_keep = stablehlo.multiply %blocks.1.0.project.bn.running_var, %blocks.1.0.project.bcast_6 : tensor<4xf32>
    %blocks.1.0.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.rv_new = stablehlo.multiply %blocks.1.0.project.var_unbiased, %blocks.1.0.project.bcast_7 : tensor<4xf32>
    %blocks.1.0.project.running_var = stablehlo.add %blocks.1.0.project.rv_keep, %blocks.1.0.project.rv_new : tensor<4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.project.bn, %conv.0.swish : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.conv = stablehlo.convolution(%blocks.1.0.residual, %blocks.1.1.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sum_x_w = stablehlo.reduce(%blocks.1.1.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.dw.sum_x_hw = stablehlo.reduce(%blocks.1.1.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.dw.sum_x = stablehlo.reduce(%blocks.1.1.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.mean = stablehlo.multiply %blocks.1.1.dw.sum_x, %blocks.1.1.dw.bcast : tensor<4xf32>
    %blocks.1.1.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xc = stablehlo.subtract %blocks.1.1.dw.conv, %blocks.1.1.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xc2 = stablehlo.multiply %blocks.1.1.dw.xc, %blocks.1.1.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.1.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.dw.sum_xc2 = stablehlo.reduce(%blocks.1.1.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var = stablehlo.multiply %blocks.1.1.dw.sum_xc2, %blocks.1.1.dw.bcast_1 : tensor<4xf32>
    %blocks.1.1.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var_eps = stablehlo.add %blocks.1.1.dw.var, %blocks.1.1.dw.bcast_2 : tensor<4xf32>
    %blocks.1.1.dw.inv_std = stablehlo.rsqrt %blocks.1.1.dw.var_eps : tensor<4xf32>
    %blocks.1.1.dw.scale = stablehlo.multiply %blocks.1.1.dw.bn.gamma.flat, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.mean_scale = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.scale : tensor<4xf32>
    %blocks.1.1.dw.shift = stablehlo.subtract %blocks.1.1.dw.bn.beta.flat, %blocks.1.1.dw.mean_scale : tensor<4xf32>
    %blocks.1.1.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.scaled = stablehlo.multiply %blocks.1.1.dw.conv, %blocks.1.1.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bn = stablehlo.add %blocks.1.1.dw.scaled, %blocks.1.1.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.var_unbiased = stablehlo.multiply %blocks.1.1.dw.var, %blocks.1.1.dw.bcast_3 : tensor<4xf32>
    %blocks.1.1.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rm_keep = stablehlo.multiply %blocks.1.1.dw.bn.running_mean, %blocks.1.1.dw.bcast_4 : tensor<4xf32>
    %blocks.1.1.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rm_new = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.bcast_5 : tensor<4xf32>
    %blocks.1.1.dw.running_mean = stablehlo.add %blocks.1.1.dw.rm_keep, %blocks.1.1.dw.rm_new : tensor<4xf32>
    %blocks.1.1.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rv_keep = stablehlo.multiply %blocks.1.1.dw.bn.running_var, %blocks.1.1.dw.bcast_6 : tensor<4xf32>
    %blocks.1.1.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.rv_new = stablehlo.multiply %blocks.1.1.dw.var_unbiased, %blocks.1.1.dw.bcast_7 : tensor<4xf32>
    %blocks.1.1.dw.running_var = stablehlo.add %blocks.1.1.dw.rv_keep, %blocks.1.1.dw.rv_new : tensor<4xf32>
    %blocks.1.1.dw.sigmoid = stablehlo.logistic %blocks.1.1.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.swish = stablehlo.multiply %blocks.1.1.dw.bn, %blocks.1.1.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.1.se.sum_hw_w = stablehlo.reduce(%blocks.1.1.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.se.sum_hw = stablehlo.reduce(%blocks.1.1.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.squeeze = stablehlo.multiply %blocks.1.1.se.sum_hw, %blocks.1.1.se.bcast : tensor<4x4xf32>
    %blocks.1.1.se.reduce_mm = stablehlo.dot_general %blocks.1.1.se.squeeze, %blocks.1.1.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.reduce_z = stablehlo.add %blocks.1.1.se.reduce_mm, %blocks.1.1.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.1.se.sigmoid = stablehlo.logistic %blocks.1.1.se.reduce_z : tensor<4x2xf32>
    %blocks.1.1.se.swish = stablehlo.multiply %blocks.1.1.se.reduce_z, %blocks.1.1.se.sigmoid : tensor<4x2xf32>
    %blocks.1.1.se.expand_mm = stablehlo.dot_general %blocks.1.1.se.swish, %blocks.1.1.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.1.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.expand_z = stablehlo.add %blocks.1.1.se.expand_mm, %blocks.1.1.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.1.se.gate = stablehlo.logistic %blocks.1.1.se.expand_z : tensor<4x4xf32>
    %blocks.1.1.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.1.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.excited = stablehlo.multiply %blocks.1.1.dw.swish, %blocks.1.1.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.conv = stablehlo.convolution(%blocks.1.1.se.excited, %blocks.1.1.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.sum_x_w = stablehlo.reduce(%blocks.1.1.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.sum_x_hw = stablehlo.reduce(%blocks.1.1.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.sum_x = stablehlo.reduce(%blocks.1.1.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.mean = stablehlo.multiply %blocks.1.1.project.sum_x, %blocks.1.1.project.bcast : tensor<4xf32>
    %blocks.1.1.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xc = stablehlo.subtract %blocks.1.1.project.conv, %blocks.1.1.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.xc2 = stablehlo.multiply %blocks.1.1.project.xc, %blocks.1.1.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.1.project.sum_xc2_w = stablehlo.reduce(%blocks.1.1.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.sum_xc2 = stablehlo.reduce(%blocks.1.1.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var = stablehlo.multiply %blocks.1.1.project.sum_xc2, %blocks.1.1.project.bcast_1 : tensor<4xf32>
    %blocks.1.1.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var_eps = stablehlo.add %blocks.1.1.project.var, %blocks.1.1.project.bcast_2 : tensor<4xf32>
    %blocks.1.1.project.inv_std = stablehlo.rsqrt %blocks.1.1.project.var_eps : tensor<4xf32>
    %blocks.1.1.project.scale = stablehlo.multiply %blocks.1.1.project.bn.gamma.flat, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.mean_scale = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.scale : tensor<4xf32>
    %blocks.1.1.project.shift = stablehlo.subtract %blocks.1.1.project.bn.beta.flat, %blocks.1.1.project.mean_scale : tensor<4xf32>
    %blocks.1.1.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.scaled = stablehlo.multiply %blocks.1.1.project.conv, %blocks.1.1.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.bn = stablehlo.add %blocks.1.1.project.scaled, %blocks.1.1.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.var_unbiased = stablehlo.multiply %blocks.1.1.project.var, %blocks.1.1.project.bcast_3 : tensor<4xf32>
    %blocks.1.1.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rm_keep = stablehlo.multiply %blocks.1.1.project.bn.running_mean, %blocks.1.1.project.bcast_4 : tensor<4xf32>
    %blocks.1.1.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rm_new = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.bcast_5 : tensor<4xf32>
    %blocks.1.1.project.running_mean = stablehlo.add %blocks.1.1.project.rm_keep, %blocks.1.1.project.rm_new : tensor<4xf32>
    %blocks.1.1.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rv_keep = stablehlo.multiply %blocks.1.1.project.bn.running_var, %blocks.1.1.project.bcast_6 : tensor<4xf32>
    %blocks.1.1.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.rv_new = stablehlo.multiply %blocks.1.1.project.var_unbiased, %blocks.1.1.project.bcast_7 : tensor<4xf32>
    %blocks.1.1.project.running_var = stablehlo.add %blocks.1.1.project.rv_keep, %blocks.1.1.project.rv_new : tensor<4xf32>
    %blocks.1.1.u_col = stablehlo.slice %rand [0:4, 0:1] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.1.u = stablehlo.reshape %blocks.1.1.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_6 = stablehlo.constant dense<2.00000000e-01> : tensor<f32>
    %blocks.1.1.bcast = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.keep = stablehlo.compare GE, %blocks.1.1.u, %blocks.1.1.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_7 = stablehlo.constant dense<1.25000000e+00> : tensor<f32>
    %blocks.1.1.inv_keep = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.drop_mask = stablehlo.select %blocks.1.1.keep, %blocks.1.1.inv_keep, %blocks.1.1.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.1.drop_b = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dropped = stablehlo.multiply %blocks.1.1.project.bn, %blocks.1.1.drop_b : tensor<4x4x4x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.dropped, %blocks.1.0.residual : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.conv = stablehlo.convolution(%blocks.1.1.residual, %blocks.1.2.dw.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sum_x_w = stablehlo.reduce(%blocks.1.2.dw.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.dw.sum_x_hw = stablehlo.reduce(%blocks.1.2.dw.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.dw.sum_x = stablehlo.reduce(%blocks.1.2.dw.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.mean = stablehlo.multiply %blocks.1.2.dw.sum_x, %blocks.1.2.dw.bcast : tensor<4xf32>
    %blocks.1.2.dw.mean_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xc = stablehlo.subtract %blocks.1.2.dw.conv, %blocks.1.2.dw.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xc2 = stablehlo.multiply %blocks.1.2.dw.xc, %blocks.1.2.dw.xc : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sum_xc2_w = stablehlo.reduce(%blocks.1.2.dw.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.dw.sum_xc2_hw = stablehlo.reduce(%blocks.1.2.dw.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.dw.sum_xc2 = stablehlo.reduce(%blocks.1.2.dw.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var = stablehlo.multiply %blocks.1.2.dw.sum_xc2, %blocks.1.2.dw.bcast_1 : tensor<4xf32>
    %blocks.1.2.dw.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var_eps = stablehlo.add %blocks.1.2.dw.var, %blocks.1.2.dw.bcast_2 : tensor<4xf32>
    %blocks.1.2.dw.inv_std = stablehlo.rsqrt %blocks.1.2.dw.var_eps : tensor<4xf32>
    %blocks.1.2.dw.scale = stablehlo.multiply %blocks.1.2.dw.bn.gamma.flat, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.mean_scale = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.scale : tensor<4xf32>
    %blocks.1.2.dw.shift = stablehlo.subtract %blocks.1.2.dw.bn.beta.flat, %blocks.1.2.dw.mean_scale : tensor<4xf32>
    %blocks.1.2.dw.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.scaled = stablehlo.multiply %blocks.1.2.dw.conv, %blocks.1.2.dw.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bn = stablehlo.add %blocks.1.2.dw.scaled, %blocks.1.2.dw.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.2.dw.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.var_unbiased = stablehlo.multiply %blocks.1.2.dw.var, %blocks.1.2.dw.bcast_3 : tensor<4xf32>
    %blocks.1.2.dw.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.2.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rm_keep = stablehlo.multiply %blocks.1.2.dw.bn.running_mean, %blocks.1.2.dw.bcast_4 : tensor<4xf32>
    %blocks.1.2.dw.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rm_new = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.bcast_5 : tensor<4xf32>
    %blocks.1.2.dw.running_mean = stablehlo.add %blocks.1.2.dw.rm_keep, %blocks.1.2.dw.rm_new : tensor<4xf32>
    %blocks.1.2.dw.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.2.dw.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rv_keep = stablehlo.multiply %blocks.1.2.dw.bn.running_var, %blocks.1.2.dw.bcast_6 : tensor<4xf32>
    %blocks.1.2.dw.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.rv_new = stablehlo.multiply %blocks.1.2.dw.var_unbiased, %blocks.1.2.dw.bcast_7 : tensor<4xf32>
    %blocks.1.2.dw.running_var = stablehlo.add %blocks.1.2.dw.rv_keep, %blocks.1.2.dw.rv_new : tensor<4xf32>
    %blocks.1.2.dw.sigmoid = stablehlo.logistic %blocks.1.2.dw.bn : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.swish = stablehlo.multiply %blocks.1.2.dw.bn, %blocks.1.2.dw.sigmoid : tensor<4x4x4x4xf32>
    %blocks.1.2.se.sum_hw_w = stablehlo.reduce(%blocks.1.2.dw.swish init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.se.sum_hw = stablehlo.reduce(%blocks.1.2.se.sum_hw_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.squeeze = stablehlo.multiply %blocks.1.2.se.sum_hw, %blocks.1.2.se.bcast : tensor<4x4xf32>
    %blocks.1.2.se.reduce_mm = stablehlo.dot_general %blocks.1.2.se.squeeze, %blocks.1.2.se.reduce.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.reduce.b.flat, dims = [1] : (tensor<2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.reduce_z = stablehlo.add %blocks.1.2.se.reduce_mm, %blocks.1.2.se.reduce_b_b : tensor<4x2xf32>
    %blocks.1.2.se.sigmoid = stablehlo.logistic %blocks.1.2.se.reduce_z : tensor<4x2xf32>
    %blocks.1.2.se.swish = stablehlo.multiply %blocks.1.2.se.reduce_z, %blocks.1.2.se.sigmoid : tensor<4x2xf32>
    %blocks.1.2.se.expand_mm = stablehlo.dot_general %blocks.1.2.se.swish, %blocks.1.2.se.expand.w, contracting_dims = [1] x [0] : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_b_b = stablehlo.broadcast_in_dim %blocks.1.2.se.expand.b.flat, dims = [1] : (tensor<4xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.expand_z = stablehlo.add %blocks.1.2.se.expand_mm, %blocks.1.2.se.expand_b_b : tensor<4x4xf32>
    %blocks.1.2.se.gate = stablehlo.logistic %blocks.1.2.se.expand_z : tensor<4x4xf32>
    %blocks.1.2.se.gate_b = stablehlo.broadcast_in_dim %blocks.1.2.se.gate, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.excited = stablehlo.multiply %blocks.1.2.dw.swish, %blocks.1.2.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.conv = stablehlo.convolution(%blocks.1.2.se.excited, %blocks.1.2.project.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.sum_x_w = stablehlo.reduce(%blocks.1.2.project.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.sum_x_hw = stablehlo.reduce(%blocks.1.2.project.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.sum_x = stablehlo.reduce(%blocks.1.2.project.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.mean = stablehlo.multiply %blocks.1.2.project.sum_x, %blocks.1.2.project.bcast : tensor<4xf32>
    %blocks.1.2.project.mean_b = stablehlo.broadcast_in_dim %blocks.1.2.project.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xc = stablehlo.subtract %blocks.1.2.project.conv, %blocks.1.2.project.mean_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.xc2 = stablehlo.multiply %blocks.1.2.project.xc, %blocks.1.2.project.xc : tensor<4x4x4x4xf32>
    %blocks.1.2.project.sum_xc2_w = stablehlo.reduce(%blocks.1.2.project.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.sum_xc2_hw = stablehlo.reduce(%blocks.1.2.project.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.sum_xc2 = stablehlo.reduce(%blocks.1.2.project.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var = stablehlo.multiply %blocks.1.2.project.sum_xc2, %blocks.1.2.project.bcast_1 : tensor<4xf32>
    %blocks.1.2.project.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var_eps = stablehlo.add %blocks.1.2.project.var, %blocks.1.2.project.bcast_2 : tensor<4xf32>
    %blocks.1.2.project.inv_std = stablehlo.rsqrt %blocks.1.2.project.var_eps : tensor<4xf32>
    %blocks.1.2.project.scale = stablehlo.multiply %blocks.1.2.project.bn.gamma.flat, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.mean_scale = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.scale : tensor<4xf32>
    %blocks.1.2.project.shift = stablehlo.subtract %blocks.1.2.project.bn.beta.flat, %blocks.1.2.project.mean_scale : tensor<4xf32>
    %blocks.1.2.project.scale_b = stablehlo.broadcast_in_dim %blocks.1.2.project.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.scaled = stablehlo.multiply %blocks.1.2.project.conv, %blocks.1.2.project.scale_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.shift_b = stablehlo.broadcast_in_dim %blocks.1.2.project.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.bn = stablehlo.add %blocks.1.2.project.scaled, %blocks.1.2.project.shift_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.2.project.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.var_unbiased = stablehlo.multiply %blocks.1.2.project.var, %blocks.1.2.project.bcast_3 : tensor<4xf32>
    %blocks.1.2.project.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.2.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rm_keep = stablehlo.multiply %blocks.1.2.project.bn.running_mean, %blocks.1.2.project.bcast_4 : tensor<4xf32>
    %blocks.1.2.project.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rm_new = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.bcast_5 : tensor<4xf32>
    %blocks.1.2.project.running_mean = stablehlo.add %blocks.1.2.project.rm_keep, %blocks.1.2.project.rm_new : tensor<4xf32>
    %blocks.1.2.project.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.2.project.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rv_keep = stablehlo.multiply %blocks.1.2.project.bn.running_var, %blocks.1.2.project.bcast_6 : tensor<4xf32>
    %blocks.1.2.project.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.rv_new = stablehlo.multiply %blocks.1.2.project.var_unbiased, %blocks.1.2.project.bcast_7 : tensor<4xf32>
    %blocks.1.2.project.running_var = stablehlo.add %blocks.1.2.project.rv_keep, %blocks.1.2.project.rv_new : tensor<4xf32>
    %blocks.1.2.u_col = stablehlo.slice %rand [0:4, 1:2] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.2.u = stablehlo.reshape %blocks.1.2.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_8 = stablehlo.constant dense<4.00000000e-01> : tensor<f32>
    %blocks.1.2.bcast = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.keep = stablehlo.compare GE, %blocks.1.2.u, %blocks.1.2.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_9 = stablehlo.constant dense<1.66666667e+00> : tensor<f32>
    %blocks.1.2.inv_keep = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.drop_mask = stablehlo.select %blocks.1.2.keep, %blocks.1.2.inv_keep, %blocks.1.2.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.2.drop_b = stablehlo.broadcast_in_dim %blocks.1.2.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dropped = stablehlo.multiply %blocks.1.2.project.bn, %blocks.1.2.drop_b : tensor<4x4x4x4xf32>
    %blocks.1.2.residual = stablehlo.add %blocks.1.2.dropped, %blocks.1.1.residual : tensor<4x4x4x4xf32>
    %pool.2.sum_hw = stablehlo.reduce(%blocks.1.2.residual init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %pool.2.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %pool.2.mean = stablehlo.multiply %pool.2.sum_hw, %pool.2.bcast : tensor<4x4xf32>
    %fc.3.mm = stablehlo.dot_general %pool.2.mean, %fc.3.w, contracting_dims = [1] x [0] : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %fc.3.bias_b = stablehlo.broadcast_in_dim %fc.3.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.3.z = stablehlo.add %fc.3.mm, %fc.3.bias_b : tensor<4x3xf32>
    %loss.class = stablehlo.iota dim = 1 : tensor<4x3xi32>
    %loss.label_b = stablehlo.broadcast_in_dim %labels, dims = [0] : (tensor<4xi32>) -> tensor<4x3xi32>
    %loss.is_label = stablehlo.compare EQ, %loss.class, %loss.label_b : (tensor<4x3xi32>, tensor<4x3xi32>) -> tensor<4x3xi1>
    %loss.onehot = stablehlo.convert %loss.is_label : (tensor<4x3xi1>) -> tensor<4x3xf32>
    %loss.one_minus_eps = stablehlo.subtract %cst_3, %hyper.label_smoothing : tensor<f32>
    %loss.bcast = stablehlo.broadcast_in_dim %loss.one_minus_eps, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.t_main = stablehlo.multiply %loss.onehot, %loss.bcast : tensor<4x3xf32>
    %cst_10 = stablehlo.constant dense<3.33333333e-01> : tensor<f32>
    %loss.eps_over_k = stablehlo.multiply %hyper.label_smoothing, %cst_10 : tensor<f32>
    %loss.bcast_1 = stablehlo.broadcast_in_dim %loss.eps_over_k, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.target = stablehlo.add %loss.t_main, %loss.bcast_1 : tensor<4x3xf32>
    %cst_neg_inf = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %loss.z_max = stablehlo.reduce(%fc.3.z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.z_max_b = stablehlo.broadcast_in_dim %loss.z_max, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.shifted = stablehlo.subtract %fc.3.z, %loss.z_max_b : tensor<4x3xf32>
    %loss.exp = stablehlo.exponential %loss.shifted : tensor<4x3xf32>
    %loss.sum_exp = stablehlo.reduce(%loss.exp init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.lse = stablehlo.log %loss.sum_exp : tensor<4xf32>
    %loss.lse_b = stablehlo.broadcast_in_dim %loss.lse, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.logp = stablehlo.subtract %loss.shifted, %loss.lse_b : tensor<4x3xf32>
    %loss.t_logp = stablehlo.multiply %loss.target, %loss.logp : tensor<4x3xf32>
    %loss.sum_t_logp = stablehlo.reduce(%loss.t_logp init: %cst_1) applies stablehlo.add across dimensions = [0, 1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<f32>
    %cst_11 = stablehlo.constant dense<-2.50000000e-01> : tensor<f32>
    %loss.loss = stablehlo.multiply %loss.sum_t_logp, %cst_11 : tensor<f32>
    %loss.softmax = stablehlo.exponential %loss.logp : tensor<4x3xf32>
    %loss.p_minus_t = stablehlo.subtract %loss.softmax, %loss.target : tensor<4x3xf32>
    %cst_12 = stablehlo.constant dense<2.50000000e-01> : tensor<f32>
    %loss.bcast_2 = stablehlo.broadcast_in_dim %cst_12, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.d_logits = stablehlo.multiply %loss.p_minus_t, %loss.bcast_2 : tensor<4x3xf32>
    %cst_13 = stablehlo.constant dense<-3.00000000e+38> : tensor<f32>
    %loss.very_neg = stablehlo.broadcast_in_dim %cst_13, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.label_z = stablehlo.select %loss.is_label, %fc.3.z, %loss.very_neg : (tensor<4x3xi1>, tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %loss.label_logit = stablehlo.reduce(%loss.label_z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.hit = stablehlo.compare GE, %loss.label_logit, %loss.z_max : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %loss.hit_i32 = stablehlo.convert %loss.hit : (tensor<4xi1>) -> tensor<4xi32>
    %cst_14 = stablehlo.constant dense<0> : tensor<i32>
    %loss.correct = stablehlo.reduce(%loss.hit_i32 init: %cst_14) applies stablehlo.add across dimensions = [0] : (tensor<4xi32>, tensor<i32>) -> tensor<i32>
    %fc.3.d_w = stablehlo.dot_general %pool.2.mean, %loss.d_logits, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %fc.3.bcast = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %fc.3.wd_p = stablehlo.multiply %fc.3.w, %fc.3.bcast : tensor<4x3xf32>
    %fc.3.d_wd = stablehlo.add %fc.3.d_w, %fc.3.wd_p : tensor<4x3xf32>
    %fc.3.d_b = stablehlo.reduce(%loss.d_logits init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x3xf32>, tensor<f32>) -> tensor<3xf32>
    %fc.3.d_x = stablehlo.dot_general %loss.d_logits, %fc.3.w, contracting_dims = [1] x [1] : (tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x4xf32>
    %pool.2.bcast_1 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %pool.2.d_mean = stablehlo.multiply %fc.3.d_x, %pool.2.bcast_1 : tensor<4x4xf32>
    %pool.2.d_x = stablehlo.broadcast_in_dim %pool.2.d_mean, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.2.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.d_dropped = stablehlo.multiply %pool.2.d_x, %blocks.1.2.drop_b_1 : tensor<4x4x4x4xf32>
    %blocks.1.2.project.mean_inv = stablehlo.multiply %blocks.1.2.project.mean, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.2.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.z_inv = stablehlo.multiply %blocks.1.2.project.conv, %blocks.1.2.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.2.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xhat = stablehlo.subtract %blocks.1.2.project.z_inv, %blocks.1.2.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.du_xhat = stablehlo.multiply %blocks.1.2.d_dropped, %blocks.1.2.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.2.d_dropped init: %cst_1), (%blocks.1.2.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc: tensor<f32>, %elt: tensor<f32>) (%acc_1: tensor<f32>, %elt_1: tensor<f32>) {
        %part = stablehlo.add %acc, %elt : tensor<f32>
        %part_1 = stablehlo.add %acc_1, %elt_1 : tensor<f32>
        stablehlo.return %part, %part_1 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.2.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.2.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_2: tensor<f32>, %elt_2: tensor<f32>) (%acc_3: tensor<f32>, %elt_3: tensor<f32>) {
        %part_2 = stablehlo.add %acc_2, %elt_2 : tensor<f32>
        %part_3 = stablehlo.add %acc_3, %elt_3 : tensor<f32>
        stablehlo.return %part_2, %part_3 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.2.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.2.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_4: tensor<f32>, %elt_4: tensor<f32>) (%acc_5: tensor<f32>, %elt_5: tensor<f32>) {
        %part_4 = stablehlo.add %acc_4, %elt_4 : tensor<f32>
        %part_5 = stablehlo.add %acc_5, %elt_5 : tensor<f32>
        stablehlo.return %part_4, %part_5 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.project.gamma_inv = stablehlo.multiply %blocks.1.2.project.bn.gamma.flat, %blocks.1.2.project.inv_std : tensor<4xf32>
    %blocks.1.2.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.project.gamma_inv_n = stablehlo.multiply %blocks.1.2.project.gamma_inv, %blocks.1.2.project.bcast_8 : tensor<4xf32>
    %cst_15 = stablehlo.constant dense<6.40000000e+01> : tensor<f32>
    %blocks.1.2.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.n_du = stablehlo.multiply %blocks.1.2.d_dropped, %blocks.1.2.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.2.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.t1 = stablehlo.subtract %blocks.1.2.project.n_du, %blocks.1.2.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.xhat_dgamma = stablehlo.multiply %blocks.1.2.project.xhat, %blocks.1.2.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.t2 = stablehlo.subtract %blocks.1.2.project.t1, %blocks.1.2.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.2.project.k_b = stablehlo.broadcast_in_dim %blocks.1.2.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.project.d_z = stablehlo.multiply %blocks.1.2.project.t2, %blocks.1.2.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.2.project.x_pieces = stablehlo.reshape %blocks.1.2.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.2.project.dy_pieces = stablehlo.reshape %blocks.1.2.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.2.project.d_w_pieces = stablehlo.dot_general %blocks.1.2.project.x_pieces, %blocks.1.2.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.2.project.d_w_sum = stablehlo.reduce(%blocks.1.2.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.project.d_w = stablehlo.reshape %blocks.1.2.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x4x4xf32>
    %blocks.1.2.project.wd_p = stablehlo.multiply %blocks.1.2.project.conv.w, %blocks.1.2.project.bcast_10 : tensor<1x1x4x4xf32>
    %blocks.1.2.project.d_wd = stablehlo.add %blocks.1.2.project.d_w, %blocks.1.2.project.wd_p : tensor<1x1x4x4xf32>
    %blocks.1.2.project.w_flip = stablehlo.reverse %blocks.1.2.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.2.project.d_x = stablehlo.convolution(%blocks.1.2.project.d_z, %blocks.1.2.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_h_gated = stablehlo.multiply %blocks.1.2.project.d_x, %blocks.1.2.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.2.se.dy_h = stablehlo.multiply %blocks.1.2.project.d_x, %blocks.1.2.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_gate_w = stablehlo.reduce(%blocks.1.2.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.2.se.d_gate = stablehlo.reduce(%blocks.1.2.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.one_minus_g = stablehlo.subtract %blocks.1.2.se.bcast_1, %blocks.1.2.se.gate : tensor<4x4xf32>
    %blocks.1.2.se.dsigmoid = stablehlo.multiply %blocks.1.2.se.gate, %blocks.1.2.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.2.se.d_expand_z = stablehlo.multiply %blocks.1.2.se.d_gate, %blocks.1.2.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.2.se.d_expand_w = stablehlo.dot_general %blocks.1.2.se.swish, %blocks.1.2.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.2.se.bcast_2 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
    %blocks.1.2.se.wd_p = stablehlo.multiply %blocks.1.2.se.expand.w, %blocks.1.2.se.bcast_2 : tensor<2x4xf32>
    %blocks.1.2.se.d_wd = stablehlo.add %blocks.1.2.se.d_expand_w, %blocks.1.2.se.wd_p : tensor<2x4xf32>
    %blocks.1.2.se.d_expand_b = stablehlo.reduce(%blocks.1.2.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.se.d_a1 = stablehlo.dot_general %blocks.1.2.se.d_expand_z, %blocks.1.2.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.2.se.one_minus_s = stablehlo.subtract %blocks.1.2.se.bcast_3, %blocks.1.2.se.sigmoid : tensor<4x2xf32>
    %blocks.1.2.se.z_1ms = stablehlo.multiply %blocks.1.2.se.reduce_z, %blocks.1.2.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.2.se.bcast_4 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.2.se.one_plus = stablehlo.add %blocks.1.2.se.bcast_4, %blocks.1.2.se.z_1ms : tensor<4x2xf32>
    %blocks.1.2.se.dswish = stablehlo.multiply %blocks.1.2.se.sigmoid, %blocks.1.2.se.one_plus : tensor<4x2xf32>
    %blocks.1.2.se.d_swish = stablehlo.multiply %blocks.1.2.se.d_a1, %blocks.1.2.se.dswish : tensor<4x2xf32>
    %blocks.1.2.se.d_reduce_w = stablehlo.dot_general %blocks.1.2.se.squeeze, %blocks.1.2.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.2.se.bcast_5 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.2.se.wd_p_1 = stablehlo.multiply %blocks.1.2.se.reduce.w, %blocks.1.2.se.bcast_5 : tensor<4x2xf32>
    %blocks.1.2.se.d_wd_1 = stablehlo.add %blocks.1.2.se.d_reduce_w, %blocks.1.2.se.wd_p_1 : tensor<4x2xf32>
    %blocks.1.2.se.d_reduce_b = stablehlo.reduce(%blocks.1.2.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.2.se.d_squeeze = stablehlo.dot_general %blocks.1.2.se.d_swish, %blocks.1.2.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.2.se.bcast_6 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.2.se.d_squeeze_p = stablehlo.multiply %blocks.1.2.se.d_squeeze, %blocks.1.2.se.bcast_6 : tensor<4x4xf32>
    %blocks.1.2.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.2.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.se.d_h = stablehlo.add %blocks.1.2.se.d_h_gated, %blocks.1.2.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.mean_inv = stablehlo.multiply %blocks.1.2.dw.mean, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.z_inv = stablehlo.multiply %blocks.1.2.dw.conv, %blocks.1.2.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xhat = stablehlo.subtract %blocks.1.2.dw.z_inv, %blocks.1.2.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.gamma_xhat = stablehlo.multiply %blocks.1.2.dw.xhat, %blocks.1.2.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.u = stablehlo.add %blocks.1.2.dw.gamma_xhat, %blocks.1.2.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.sigmoid_r = stablehlo.logistic %blocks.1.2.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_minus_s = stablehlo.subtract %blocks.1.2.dw.bcast_8, %blocks.1.2.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.z_1ms = stablehlo.multiply %blocks.1.2.dw.u, %blocks.1.2.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.one_plus = stablehlo.add %blocks.1.2.dw.bcast_9, %blocks.1.2.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.dswish = stablehlo.multiply %blocks.1.2.dw.sigmoid_r, %blocks.1.2.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_swish = stablehlo.multiply %blocks.1.2.se.d_h, %blocks.1.2.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.du_xhat = stablehlo.multiply %blocks.1.2.dw.d_swish, %blocks.1.2.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.2.dw.d_swish init: %cst_1), (%blocks.1.2.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_6: tensor<f32>, %elt_6: tensor<f32>) (%acc_7: tensor<f32>, %elt_7: tensor<f32>) {
        %part_6 = stablehlo.add %acc_6, %elt_6 : tensor<f32>
        %part_7 = stablehlo.add %acc_7, %elt_7 : tensor<f32>
        stablehlo.return %part_6, %part_7 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.2.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.2.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_8: tensor<f32>, %elt_8: tensor<f32>) (%acc_9: tensor<f32>, %elt_9: tensor<f32>) {
        %part_8 = stablehlo.add %acc_8, %elt_8 : tensor<f32>
        %part_9 = stablehlo.add %acc_9, %elt_9 : tensor<f32>
        stablehlo.return %part_8, %part_9 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.2.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.2.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_10: tensor<f32>, %elt_10: tensor<f32>) (%acc_11: tensor<f32>, %elt_11: tensor<f32>) {
        %part_10 = stablehlo.add %acc_10, %elt_10 : tensor<f32>
        %part_11 = stablehlo.add %acc_11, %elt_11 : tensor<f32>
        stablehlo.return %part_10, %part_11 : tensor<f32>, tensor<f32>
      }
    %blocks.1.2.dw.gamma_inv = stablehlo.multiply %blocks.1.2.dw.bn.gamma.flat, %blocks.1.2.dw.inv_std : tensor<4xf32>
    %blocks.1.2.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.2.dw.gamma_inv_n = stablehlo.multiply %blocks.1.2.dw.gamma_inv, %blocks.1.2.dw.bcast_10 : tensor<4xf32>
    %blocks.1.2.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.n_du = stablehlo.multiply %blocks.1.2.dw.d_swish, %blocks.1.2.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.t1 = stablehlo.subtract %blocks.1.2.dw.n_du, %blocks.1.2.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.xhat_dgamma = stablehlo.multiply %blocks.1.2.dw.xhat, %blocks.1.2.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.t2 = stablehlo.subtract %blocks.1.2.dw.t1, %blocks.1.2.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.2.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.dw.d_z = stablehlo.multiply %blocks.1.2.dw.t2, %blocks.1.2.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.2.dw.x_n = stablehlo.slice %blocks.1.1.residual [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n = stablehlo.slice %blocks.1.2.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w = stablehlo.convolution(%blocks.1.2.dw.x_n, %blocks.1.2.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_1 = stablehlo.slice %blocks.1.1.residual [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_1 = stablehlo.slice %blocks.1.2.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_1 = stablehlo.convolution(%blocks.1.2.dw.x_n_1, %blocks.1.2.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum = stablehlo.add %blocks.1.2.dw.d_w, %blocks.1.2.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_2 = stablehlo.slice %blocks.1.1.residual [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_2 = stablehlo.slice %blocks.1.2.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_2 = stablehlo.convolution(%blocks.1.2.dw.x_n_2, %blocks.1.2.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum_1 = stablehlo.add %blocks.1.2.dw.d_w_sum, %blocks.1.2.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.x_n_3 = stablehlo.slice %blocks.1.1.residual [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.dy_n_3 = stablehlo.slice %blocks.1.2.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.2.dw.d_w_3 = stablehlo.convolution(%blocks.1.2.dw.x_n_3, %blocks.1.2.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_w_sum_2 = stablehlo.add %blocks.1.2.dw.d_w_sum_1, %blocks.1.2.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x1x4xf32>
    %blocks.1.2.dw.wd_p = stablehlo.multiply %blocks.1.2.dw.conv.w, %blocks.1.2.dw.bcast_12 : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_wd = stablehlo.add %blocks.1.2.dw.d_w_sum_2, %blocks.1.2.dw.wd_p : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.w_flip = stablehlo.reverse %blocks.1.2.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.2.dw.d_x = stablehlo.convolution(%blocks.1.2.dw.d_z, %blocks.1.2.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.2.d_residual = stablehlo.add %blocks.1.2.dw.d_x, %pool.2.d_x : tensor<4x4x4x4xf32>
    %blocks.1.1.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.d_dropped = stablehlo.multiply %blocks.1.2.d_residual, %blocks.1.1.drop_b_1 : tensor<4x4x4x4xf32>
    %blocks.1.1.project.mean_inv = stablehlo.multiply %blocks.1.1.project.mean, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.z_inv = stablehlo.multiply %blocks.1.1.project.conv, %blocks.1.1.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xhat = stablehlo.subtract %blocks.1.1.project.z_inv, %blocks.1.1.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.du_xhat = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_dropped init: %cst_1), (%blocks.1.1.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_12: tensor<f32>, %elt_12: tensor<f32>) (%acc_13: tensor<f32>, %elt_13: tensor<f32>) {
        %part_12 = stablehlo.add %acc_12, %elt_12 : tensor<f32>
        %part_13 = stablehlo.add %acc_13, %elt_13 : tensor<f32>
        stablehlo.return %part_12, %part_13 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_14: tensor<f32>, %elt_14: tensor<f32>) (%acc_15: tensor<f32>, %elt_15: tensor<f32>) {
        %part_14 = stablehlo.add %acc_14, %elt_14 : tensor<f32>
        %part_15 = stablehlo.add %acc_15, %elt_15 : tensor<f32>
        stablehlo.return %part_14, %part_15 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_16: tensor<f32>, %elt_16: tensor<f32>) (%acc_17: tensor<f32>, %elt_17: tensor<f32>) {
        %part_16 = stablehlo.add %acc_16, %elt_16 : tensor<f32>
        %part_17 = stablehlo.add %acc_17, %elt_17 : tensor<f32>
        stablehlo.return %part_16, %part_17 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.project.gamma_inv = stablehlo.multiply %blocks.1.1.project.bn.gamma.flat, %blocks.1.1.project.inv_std : tensor<4xf32>
    %blocks.1.1.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.project.gamma_inv_n = stablehlo.multiply %blocks.1.1.project.gamma_inv, %blocks.1.1.project.bcast_8 : tensor<4xf32>
    %blocks.1.1.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.n_du = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.t1 = stablehlo.subtract %blocks.1.1.project.n_du, %blocks.1.1.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.xhat_dgamma = stablehlo.multiply %blocks.1.1.project.xhat, %blocks.1.1.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.t2 = stablehlo.subtract %blocks.1.1.project.t1, %blocks.1.1.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.1.project.k_b = stablehlo.broadcast_in_dim %blocks.1.1.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.project.d_z = stablehlo.multiply %blocks.1.1.project.t2, %blocks.1.1.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.1.project.x_pieces = stablehlo.reshape %blocks.1.1.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.1.project.dy_pieces = stablehlo.reshape %blocks.1.1.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.1.project.d_w_pieces = stablehlo.dot_general %blocks.1.1.project.x_pieces, %blocks.1.1.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.1.project.d_w_sum = stablehlo.reduce(%blocks.1.1.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.project.d_w = stablehlo.reshape %blocks.1.1.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x4x4xf32>
    %blocks.1.1.project.wd_p = stablehlo.multiply %blocks.1.1.project.conv.w, %blocks.1.1.project.bcast_10 : tensor<1x1x4x4xf32>
    %blocks.1.1.project.d_wd = stablehlo.add %blocks.1.1.project.d_w, %blocks.1.1.project.wd_p : tensor<1x1x4x4xf32>
    %blocks.1.1.project.w_flip = stablehlo.reverse %blocks.1.1.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.1.project.d_x = stablehlo.convolution(%blocks.1.1.project.d_z, %blocks.1.1.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_h_gated = stablehlo.multiply %blocks.1.1.project.d_x, %blocks.1.1.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.1.se.dy_h = stablehlo.multiply %blocks.1.1.project.d_x, %blocks.1.1.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_gate_w = stablehlo.reduce(%blocks.1.1.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.1.se.d_gate = stablehlo.reduce(%blocks.1.1.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.one_minus_g = stablehlo.subtract %blocks.1.1.se.bcast_1, %blocks.1.1.se.gate : tensor<4x4xf32>
    %blocks.1.1.se.dsigmoid = stablehlo.multiply %blocks.1.1.se.gate, %blocks.1.1.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.1.se.d_expand_z = stablehlo.multiply %blocks.1.1.se.d_gate, %blocks.1.1.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.1.se.d_expand_w = stablehlo.dot_general %blocks.1.1.se.swish, %blocks.1.1.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.1.se.bcast_2 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
    %blocks.1.1.se.wd_p = stablehlo.multiply %blocks.1.1.se.expand.w, %blocks.1.1.se.bcast_2 : tensor<2x4xf32>
    %blocks.1.1.se.d_wd = stablehlo.add %blocks.1.1.se.d_expand_w, %blocks.1.1.se.wd_p : tensor<2x4xf32>
    %blocks.1.1.se.d_expand_b = stablehlo.reduce(%blocks.1.1.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.se.d_a1 = stablehlo.dot_general %blocks.1.1.se.d_expand_z, %blocks.1.1.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.1.se.one_minus_s = stablehlo.subtract %blocks.1.1.se.bcast_3, %blocks.1.1.se.sigmoid : tensor<4x2xf32>
    %blocks.1.1.se.z_1ms = stablehlo.multiply %blocks.1.1.se.reduce_z, %blocks.1.1.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.1.se.bcast_4 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.1.se.one_plus = stablehlo.add %blocks.1.1.se.bcast_4, %blocks.1.1.se.z_1ms : tensor<4x2xf32>
    %blocks.1.1.se.dswish = stablehlo.multiply %blocks.1.1.se.sigmoid, %blocks.1.1.se.one_plus : tensor<4x2xf32>
    %blocks.1.1.se.d_swish = stablehlo.multiply %blocks.1.1.se.d_a1, %blocks.1.1.se.dswish : tensor<4x2xf32>
    %blocks.1.1.se.d_reduce_w = stablehlo.dot_general %blocks.1.1.se.squeeze, %blocks.1.1.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.1.se.bcast_5 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.1.se.wd_p_1 = stablehlo.multiply %blocks.1.1.se.reduce.w, %blocks.1.1.se.bcast_5 : tensor<4x2xf32>
    %blocks.1.1.se.d_wd_1 = stablehlo.add %blocks.1.1.se.d_reduce_w, %blocks.1.1.se.wd_p_1 : tensor<4x2xf32>
    %blocks.1.1.se.d_reduce_b = stablehlo.reduce(%blocks.1.1.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.1.se.d_squeeze = stablehlo.dot_general %blocks.1.1.se.d_swish, %blocks.1.1.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.1.se.bcast_6 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.se.d_squeeze_p = stablehlo.multiply %blocks.1.1.se.d_squeeze, %blocks.1.1.se.bcast_6 : tensor<4x4xf32>
    %blocks.1.1.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.1.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.se.d_h = stablehlo.add %blocks.1.1.se.d_h_gated, %blocks.1.1.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.mean_inv = stablehlo.multiply %blocks.1.1.dw.mean, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.z_inv = stablehlo.multiply %blocks.1.1.dw.conv, %blocks.1.1.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xhat = stablehlo.subtract %blocks.1.1.dw.z_inv, %blocks.1.1.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.gamma_xhat = stablehlo.multiply %blocks.1.1.dw.xhat, %blocks.1.1.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.u = stablehlo.add %blocks.1.1.dw.gamma_xhat, %blocks.1.1.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.sigmoid_r = stablehlo.logistic %blocks.1.1.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_minus_s = stablehlo.subtract %blocks.1.1.dw.bcast_8, %blocks.1.1.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.z_1ms = stablehlo.multiply %blocks.1.1.dw.u, %blocks.1.1.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.one_plus = stablehlo.add %blocks.1.1.dw.bcast_9, %blocks.1.1.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.dswish = stablehlo.multiply %blocks.1.1.dw.sigmoid_r, %blocks.1.1.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_swish = stablehlo.multiply %blocks.1.1.se.d_h, %blocks.1.1.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.du_xhat = stablehlo.multiply %blocks.1.1.dw.d_swish, %blocks.1.1.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.dw.d_swish init: %cst_1), (%blocks.1.1.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_18: tensor<f32>, %elt_18: tensor<f32>) (%acc_19: tensor<f32>, %elt_19: tensor<f32>) {
        %part_18 = stablehlo.add %acc_18, %elt_18 : tensor<f32>
        %part_19 = stablehlo.add %acc_19, %elt_19 : tensor<f32>
        stablehlo.return %part_18, %part_19 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_20: tensor<f32>, %elt_20: tensor<f32>) (%acc_21: tensor<f32>, %elt_21: tensor<f32>) {
        %part_20 = stablehlo.add %acc_20, %elt_20 : tensor<f32>
        %part_21 = stablehlo.add %acc_21, %elt_21 : tensor<f32>
        stablehlo.return %part_20, %part_21 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_22: tensor<f32>, %elt_22: tensor<f32>) (%acc_23: tensor<f32>, %elt_23: tensor<f32>) {
        %part_22 = stablehlo.add %acc_22, %elt_22 : tensor<f32>
        %part_23 = stablehlo.add %acc_23, %elt_23 : tensor<f32>
        stablehlo.return %part_22, %part_23 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.dw.gamma_inv = stablehlo.multiply %blocks.1.1.dw.bn.gamma.flat, %blocks.1.1.dw.inv_std : tensor<4xf32>
    %blocks.1.1.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.dw.gamma_inv_n = stablehlo.multiply %blocks.1.1.dw.gamma_inv, %blocks.1.1.dw.bcast_10 : tensor<4xf32>
    %blocks.1.1.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.n_du = stablehlo.multiply %blocks.1.1.dw.d_swish, %blocks.1.1.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.t1 = stablehlo.subtract %blocks.1.1.dw.n_du, %blocks.1.1.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.xhat_dgamma = stablehlo.multiply %blocks.1.1.dw.xhat, %blocks.1.1.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.t2 = stablehlo.subtract %blocks.1.1.dw.t1, %blocks.1.1.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.1.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.dw.d_z = stablehlo.multiply %blocks.1.1.dw.t2, %blocks.1.1.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.1.dw.x_n = stablehlo.slice %blocks.1.0.residual [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n = stablehlo.slice %blocks.1.1.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w = stablehlo.convolution(%blocks.1.1.dw.x_n, %blocks.1.1.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_1 = stablehlo.slice %blocks.1.0.residual [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_1 = stablehlo.slice %blocks.1.1.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_1 = stablehlo.convolution(%blocks.1.1.dw.x_n_1, %blocks.1.1.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum = stablehlo.add %blocks.1.1.dw.d_w, %blocks.1.1.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_2 = stablehlo.slice %blocks.1.0.residual [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_2 = stablehlo.slice %blocks.1.1.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_2 = stablehlo.convolution(%blocks.1.1.dw.x_n_2, %blocks.1.1.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum_1 = stablehlo.add %blocks.1.1.dw.d_w_sum, %blocks.1.1.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.x_n_3 = stablehlo.slice %blocks.1.0.residual [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.dy_n_3 = stablehlo.slice %blocks.1.1.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.1.dw.d_w_3 = stablehlo.convolution(%blocks.1.1.dw.x_n_3, %blocks.1.1.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_w_sum_2 = stablehlo.add %blocks.1.1.dw.d_w_sum_1, %blocks.1.1.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x1x4xf32>
    %blocks.1.1.dw.wd_p = stablehlo.multiply %blocks.1.1.dw.conv.w, %blocks.1.1.dw.bcast_12 : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_wd = stablehlo.add %blocks.1.1.dw.d_w_sum_2, %blocks.1.1.dw.wd_p : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.w_flip = stablehlo.reverse %blocks.1.1.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.1.dw.d_x = stablehlo.convolution(%blocks.1.1.dw.d_z, %blocks.1.1.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.1.d_residual = stablehlo.add %blocks.1.1.dw.d_x, %blocks.1.2.d_residual : tensor<4x4x4x4xf32>
    %blocks.1.0.project.mean_inv = stablehlo.multiply %blocks.1.0.project.mean, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.project.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.z_inv = stablehlo.multiply %blocks.1.0.project.conv, %blocks.1.0.project.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.project.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xhat = stablehlo.subtract %blocks.1.0.project.z_inv, %blocks.1.0.project.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.du_xhat = stablehlo.multiply %blocks.1.1.d_residual, %blocks.1.0.project.xhat : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_residual init: %cst_1), (%blocks.1.0.project.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_24: tensor<f32>, %elt_24: tensor<f32>) (%acc_25: tensor<f32>, %elt_25: tensor<f32>) {
        %part_24 = stablehlo.add %acc_24, %elt_24 : tensor<f32>
        %part_25 = stablehlo.add %acc_25, %elt_25 : tensor<f32>
        stablehlo.return %part_24, %part_25 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.project.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.project.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_26: tensor<f32>, %elt_26: tensor<f32>) (%acc_27: tensor<f32>, %elt_27: tensor<f32>) {
        %part_26 = stablehlo.add %acc_26, %elt_26 : tensor<f32>
        %part_27 = stablehlo.add %acc_27, %elt_27 : tensor<f32>
        stablehlo.return %part_26, %part_27 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.project.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.project.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_28: tensor<f32>, %elt_28: tensor<f32>) (%acc_29: tensor<f32>, %elt_29: tensor<f32>) {
        %part_28 = stablehlo.add %acc_28, %elt_28 : tensor<f32>
        %part_29 = stablehlo.add %acc_29, %elt_29 : tensor<f32>
        stablehlo.return %part_28, %part_29 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.project.gamma_inv = stablehlo.multiply %blocks.1.0.project.bn.gamma.flat, %blocks.1.0.project.inv_std : tensor<4xf32>
    %blocks.1.0.project.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.project.gamma_inv_n = stablehlo.multiply %blocks.1.0.project.gamma_inv, %blocks.1.0.project.bcast_8 : tensor<4xf32>
    %blocks.1.0.project.bcast_9 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.n_du = stablehlo.multiply %blocks.1.1.d_residual, %blocks.1.0.project.bcast_9 : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.project.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.t1 = stablehlo.subtract %blocks.1.0.project.n_du, %blocks.1.0.project.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.project.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.xhat_dgamma = stablehlo.multiply %blocks.1.0.project.xhat, %blocks.1.0.project.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.t2 = stablehlo.subtract %blocks.1.0.project.t1, %blocks.1.0.project.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.0.project.k_b = stablehlo.broadcast_in_dim %blocks.1.0.project.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.project.d_z = stablehlo.multiply %blocks.1.0.project.t2, %blocks.1.0.project.k_b : tensor<4x4x4x4xf32>
    %blocks.1.0.project.x_pieces = stablehlo.reshape %blocks.1.0.se.excited : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.0.project.dy_pieces = stablehlo.reshape %blocks.1.0.project.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %blocks.1.0.project.d_w_pieces = stablehlo.dot_general %blocks.1.0.project.x_pieces, %blocks.1.0.project.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x4xf32>, tensor<4x16x4xf32>) -> tensor<4x4x4xf32>
    %blocks.1.0.project.d_w_sum = stablehlo.reduce(%blocks.1.0.project.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.project.d_w = stablehlo.reshape %blocks.1.0.project.d_w_sum : (tensor<4x4xf32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x4x4xf32>
    %blocks.1.0.project.wd_p = stablehlo.multiply %blocks.1.0.project.conv.w, %blocks.1.0.project.bcast_10 : tensor<1x1x4x4xf32>
    %blocks.1.0.project.d_wd = stablehlo.add %blocks.1.0.project.d_w, %blocks.1.0.project.wd_p : tensor<1x1x4x4xf32>
    %blocks.1.0.project.w_flip = stablehlo.reverse %blocks.1.0.project.conv.w, dims = [0, 1] : tensor<1x1x4x4xf32>
    %blocks.1.0.project.d_x = stablehlo.convolution(%blocks.1.0.project.d_z, %blocks.1.0.project.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x4x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_h_gated = stablehlo.multiply %blocks.1.0.project.d_x, %blocks.1.0.se.gate_b : tensor<4x4x4x4xf32>
    %blocks.1.0.se.dy_h = stablehlo.multiply %blocks.1.0.project.d_x, %blocks.1.0.dw.swish : tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_gate_w = stablehlo.reduce(%blocks.1.0.se.dy_h init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<f32>) -> tensor<4x4x4xf32>
    %blocks.1.0.se.d_gate = stablehlo.reduce(%blocks.1.0.se.d_gate_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x4x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.bcast_1 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.one_minus_g = stablehlo.subtract %blocks.1.0.se.bcast_1, %blocks.1.0.se.gate : tensor<4x4xf32>
    %blocks.1.0.se.dsigmoid = stablehlo.multiply %blocks.1.0.se.gate, %blocks.1.0.se.one_minus_g : tensor<4x4xf32>
    %blocks.1.0.se.d_expand_z = stablehlo.multiply %blocks.1.0.se.d_gate, %blocks.1.0.se.dsigmoid : tensor<4x4xf32>
    %blocks.1.0.se.d_expand_w = stablehlo.dot_general %blocks.1.0.se.swish, %blocks.1.0.se.d_expand_z, contracting_dims = [0] x [0] : (tensor<4x2xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
    %blocks.1.0.se.bcast_2 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
    %blocks.1.0.se.wd_p = stablehlo.multiply %blocks.1.0.se.expand.w, %blocks.1.0.se.bcast_2 : tensor<2x4xf32>
    %blocks.1.0.se.d_wd = stablehlo.add %blocks.1.0.se.d_expand_w, %blocks.1.0.se.wd_p : tensor<2x4xf32>
    %blocks.1.0.se.d_expand_b = stablehlo.reduce(%blocks.1.0.se.d_expand_z init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.se.d_a1 = stablehlo.dot_general %blocks.1.0.se.d_expand_z, %blocks.1.0.se.expand.w, contracting_dims = [1] x [1] : (tensor<4x4xf32>, tensor<2x4xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.bcast_3 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.0.se.one_minus_s = stablehlo.subtract %blocks.1.0.se.bcast_3, %blocks.1.0.se.sigmoid : tensor<4x2xf32>
    %blocks.1.0.se.z_1ms = stablehlo.multiply %blocks.1.0.se.reduce_z, %blocks.1.0.se.one_minus_s : tensor<4x2xf32>
    %blocks.1.0.se.bcast_4 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.0.se.one_plus = stablehlo.add %blocks.1.0.se.bcast_4, %blocks.1.0.se.z_1ms : tensor<4x2xf32>
    %blocks.1.0.se.dswish = stablehlo.multiply %blocks.1.0.se.sigmoid, %blocks.1.0.se.one_plus : tensor<4x2xf32>
    %blocks.1.0.se.d_swish = stablehlo.multiply %blocks.1.0.se.d_a1, %blocks.1.0.se.dswish : tensor<4x2xf32>
    %blocks.1.0.se.d_reduce_w = stablehlo.dot_general %blocks.1.0.se.squeeze, %blocks.1.0.se.d_swish, contracting_dims = [0] x [0] : (tensor<4x4xf32>, tensor<4x2xf32>) -> tensor<4x2xf32>
    %blocks.1.0.se.bcast_5 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<4x2xf32>
    %blocks.1.0.se.wd_p_1 = stablehlo.multiply %blocks.1.0.se.reduce.w, %blocks.1.0.se.bcast_5 : tensor<4x2xf32>
    %blocks.1.0.se.d_wd_1 = stablehlo.add %blocks.1.0.se.d_reduce_w, %blocks.1.0.se.wd_p_1 : tensor<4x2xf32>
    %blocks.1.0.se.d_reduce_b = stablehlo.reduce(%blocks.1.0.se.d_swish init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2xf32>, tensor<f32>) -> tensor<2xf32>
    %blocks.1.0.se.d_squeeze = stablehlo.dot_general %blocks.1.0.se.d_swish, %blocks.1.0.se.reduce.w, contracting_dims = [1] x [1] : (tensor<4x2xf32>, tensor<4x2xf32>) -> tensor<4x4xf32>
    %blocks.1.0.se.bcast_6 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.se.d_squeeze_p = stablehlo.multiply %blocks.1.0.se.d_squeeze, %blocks.1.0.se.bcast_6 : tensor<4x4xf32>
    %blocks.1.0.se.d_squeeze_b = stablehlo.broadcast_in_dim %blocks.1.0.se.d_squeeze_p, dims = [0, 3] : (tensor<4x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.se.d_h = stablehlo.add %blocks.1.0.se.d_h_gated, %blocks.1.0.se.d_squeeze_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.mean_inv = stablehlo.multiply %blocks.1.0.dw.mean, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.z_inv = stablehlo.multiply %blocks.1.0.dw.conv, %blocks.1.0.dw.inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xhat = stablehlo.subtract %blocks.1.0.dw.z_inv, %blocks.1.0.dw.mean_inv_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.gamma_xhat = stablehlo.multiply %blocks.1.0.dw.xhat, %blocks.1.0.dw.gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.beta_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.u = stablehlo.add %blocks.1.0.dw.gamma_xhat, %blocks.1.0.dw.beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.sigmoid_r = stablehlo.logistic %blocks.1.0.dw.u : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_minus_s = stablehlo.subtract %blocks.1.0.dw.bcast_8, %blocks.1.0.dw.sigmoid_r : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.z_1ms = stablehlo.multiply %blocks.1.0.dw.u, %blocks.1.0.dw.one_minus_s : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.one_plus = stablehlo.add %blocks.1.0.dw.bcast_9, %blocks.1.0.dw.z_1ms : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.dswish = stablehlo.multiply %blocks.1.0.dw.sigmoid_r, %blocks.1.0.dw.one_plus : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_swish = stablehlo.multiply %blocks.1.0.se.d_h, %blocks.1.0.dw.dswish : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.du_xhat = stablehlo.multiply %blocks.1.0.dw.d_swish, %blocks.1.0.dw.xhat : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.dw.d_swish init: %cst_1), (%blocks.1.0.dw.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_30: tensor<f32>, %elt_30: tensor<f32>) (%acc_31: tensor<f32>, %elt_31: tensor<f32>) {
        %part_30 = stablehlo.add %acc_30, %elt_30 : tensor<f32>
        %part_31 = stablehlo.add %acc_31, %elt_31 : tensor<f32>
        stablehlo.return %part_30, %part_31 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.dw.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.dw.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_32: tensor<f32>, %elt_32: tensor<f32>) (%acc_33: tensor<f32>, %elt_33: tensor<f32>) {
        %part_32 = stablehlo.add %acc_32, %elt_32 : tensor<f32>
        %part_33 = stablehlo.add %acc_33, %elt_33 : tensor<f32>
        stablehlo.return %part_32, %part_33 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.dw.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.dw.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_34: tensor<f32>, %elt_34: tensor<f32>) (%acc_35: tensor<f32>, %elt_35: tensor<f32>) {
        %part_34 = stablehlo.add %acc_34, %elt_34 : tensor<f32>
        %part_35 = stablehlo.add %acc_35, %elt_35 : tensor<f32>
        stablehlo.return %part_34, %part_35 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.dw.gamma_inv = stablehlo.multiply %blocks.1.0.dw.bn.gamma.flat, %blocks.1.0.dw.inv_std : tensor<4xf32>
    %blocks.1.0.dw.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.dw.gamma_inv_n = stablehlo.multiply %blocks.1.0.dw.gamma_inv, %blocks.1.0.dw.bcast_10 : tensor<4xf32>
    %blocks.1.0.dw.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.n_du = stablehlo.multiply %blocks.1.0.dw.d_swish, %blocks.1.0.dw.bcast_11 : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.t1 = stablehlo.subtract %blocks.1.0.dw.n_du, %blocks.1.0.dw.d_beta_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.xhat_dgamma = stablehlo.multiply %blocks.1.0.dw.xhat, %blocks.1.0.dw.d_gamma_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.t2 = stablehlo.subtract %blocks.1.0.dw.t1, %blocks.1.0.dw.xhat_dgamma : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.k_b = stablehlo.broadcast_in_dim %blocks.1.0.dw.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.dw.d_z = stablehlo.multiply %blocks.1.0.dw.t2, %blocks.1.0.dw.k_b : tensor<4x4x4x4xf32>
    %blocks.1.0.dw.x_n = stablehlo.slice %conv.0.swish [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n = stablehlo.slice %blocks.1.0.dw.d_z [0:1, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w = stablehlo.convolution(%blocks.1.0.dw.x_n, %blocks.1.0.dw.dy_n) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_1 = stablehlo.slice %conv.0.swish [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_1 = stablehlo.slice %blocks.1.0.dw.d_z [1:2, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_1 = stablehlo.convolution(%blocks.1.0.dw.x_n_1, %blocks.1.0.dw.dy_n_1) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum = stablehlo.add %blocks.1.0.dw.d_w, %blocks.1.0.dw.d_w_1 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_2 = stablehlo.slice %conv.0.swish [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_2 = stablehlo.slice %blocks.1.0.dw.d_z [2:3, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_2 = stablehlo.convolution(%blocks.1.0.dw.x_n_2, %blocks.1.0.dw.dy_n_2) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum_1 = stablehlo.add %blocks.1.0.dw.d_w_sum, %blocks.1.0.dw.d_w_2 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.x_n_3 = stablehlo.slice %conv.0.swish [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.dy_n_3 = stablehlo.slice %blocks.1.0.dw.d_z [3:4, 0:4, 0:4, 0:4] : (tensor<4x4x4x4xf32>) -> tensor<1x4x4x4xf32>
    %blocks.1.0.dw.d_w_3 = stablehlo.convolution(%blocks.1.0.dw.x_n_3, %blocks.1.0.dw.dy_n_3) dim_numbers = [b, 0, 1, f]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_w_sum_2 = stablehlo.add %blocks.1.0.dw.d_w_sum_1, %blocks.1.0.dw.d_w_3 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x1x4xf32>
    %blocks.1.0.dw.wd_p = stablehlo.multiply %blocks.1.0.dw.conv.w, %blocks.1.0.dw.bcast_12 : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_wd = stablehlo.add %blocks.1.0.dw.d_w_sum_2, %blocks.1.0.dw.wd_p : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.w_flip = stablehlo.reverse %blocks.1.0.dw.conv.w, dims = [0, 1] : tensor<3x3x1x4xf32>
    %blocks.1.0.dw.d_x = stablehlo.convolution(%blocks.1.0.dw.d_z, %blocks.1.0.dw.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<4x4x4x4xf32>, tensor<3x3x1x4xf32>) -> tensor<4x4x4x4xf32>
    %blocks.1.0.d_residual = stablehlo.add %blocks.1.0.dw.d_x, %blocks.1.1.d_residual : tensor<4x4x4x4xf32>
    %conv.0.mean_inv = stablehlo.multiply %conv.0.mean, %conv.0.inv_std : tensor<4xf32>
    %conv.0.inv_b = stablehlo.broadcast_in_dim %conv.0.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.z_inv = stablehlo.multiply %conv.0.conv, %conv.0.inv_b : tensor<4x4x4x4xf32>
    %conv.0.mean_inv_b = stablehlo.broadcast_in_dim %conv.0.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xhat = stablehlo.subtract %conv.0.z_inv, %conv.0.mean_inv_b : tensor<4x4x4x4xf32>
    %conv.0.gamma_b = stablehlo.broadcast_in_dim %conv.0.bn.gamma.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.gamma_xhat = stablehlo.multiply %conv.0.xhat, %conv.0.gamma_b : tensor<4x4x4x4xf32>
    %conv.0.beta_b = stablehlo.broadcast_in_dim %conv.0.bn.beta.flat, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.u = stablehlo.add %conv.0.gamma_xhat, %conv.0.beta_b : tensor<4x4x4x4xf32>
    %conv.0.sigmoid_r = stablehlo.logistic %conv.0.u : tensor<4x4x4x4xf32>
    %conv.0.bcast_8 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.one_minus_s = stablehlo.subtract %conv.0.bcast_8, %conv.0.sigmoid_r : tensor<4x4x4x4xf32>
    %conv.0.z_1ms = stablehlo.multiply %conv.0.u, %conv.0.one_minus_s : tensor<4x4x4x4xf32>
    %conv.0.bcast_9 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.one_plus = stablehlo.add %conv.0.bcast_9, %conv.0.z_1ms : tensor<4x4x4x4xf32>
    %conv.0.dswish = stablehlo.multiply %conv.0.sigmoid_r, %conv.0.one_plus : tensor<4x4x4x4xf32>
    %conv.0.d_swish = stablehlo.multiply %blocks.1.0.d_residual, %conv.0.dswish : tensor<4x4x4x4xf32>
    %conv.0.du_xhat = stablehlo.multiply %conv.0.d_swish, %conv.0.xhat : tensor<4x4x4x4xf32>
    %conv.0.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%conv.0.d_swish init: %cst_1), (%conv.0.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x4x4x4xf32>, tensor<4x4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4x4xf32>, tensor<4x4x4xf32>)
      reducer(%acc_36: tensor<f32>, %elt_36: tensor<f32>) (%acc_37: tensor<f32>, %elt_37: tensor<f32>) {
        %part_36 = stablehlo.add %acc_36, %elt_36 : tensor<f32>
        %part_37 = stablehlo.add %acc_37, %elt_37 : tensor<f32>
        stablehlo.return %part_36, %part_37 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%conv.0.d_beta_w_d_gamma_w#0 init: %cst_1), (%conv.0.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x4x4xf32>, tensor<4x4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_38: tensor<f32>, %elt_38: tensor<f32>) (%acc_39: tensor<f32>, %elt_39: tensor<f32>) {
        %part_38 = stablehlo.add %acc_38, %elt_38 : tensor<f32>
        %part_39 = stablehlo.add %acc_39, %elt_39 : tensor<f32>
        stablehlo.return %part_38, %part_39 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_d_gamma:2 = stablehlo.reduce(%conv.0.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%conv.0.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_40: tensor<f32>, %elt_40: tensor<f32>) (%acc_41: tensor<f32>, %elt_41: tensor<f32>) {
        %part_40 = stablehlo.add %acc_40, %elt_40 : tensor<f32>
        %part_41 = stablehlo.add %acc_41, %elt_41 : tensor<f32>
        stablehlo.return %part_40, %part_41 : tensor<f32>, tensor<f32>
      }
    %conv.0.gamma_inv = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.gamma_inv_n = stablehlo.multiply %conv.0.gamma_inv, %conv.0.bcast_10 : tensor<4xf32>
    %conv.0.bcast_11 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x4x4x4xf32>
    %conv.0.n_du = stablehlo.multiply %conv.0.d_swish, %conv.0.bcast_11 : tensor<4x4x4x4xf32>
    %conv.0.d_beta_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.t1 = stablehlo.subtract %conv.0.n_du, %conv.0.d_beta_b : tensor<4x4x4x4xf32>
    %conv.0.d_gamma_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.xhat_dgamma = stablehlo.multiply %conv.0.xhat, %conv.0.d_gamma_b : tensor<4x4x4x4xf32>
    %conv.0.t2 = stablehlo.subtract %conv.0.t1, %conv.0.xhat_dgamma : tensor<4x4x4x4xf32>
    %conv.0.k_b = stablehlo.broadcast_in_dim %conv.0.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x4x4x4xf32>
    %conv.0.d_z = stablehlo.multiply %conv.0.t2, %conv.0.k_b : tensor<4x4x4x4xf32>
    %conv.0.x_pieces = stablehlo.reshape %images : (tensor<4x4x4x2xf32>) -> tensor<4x16x2xf32>
    %conv.0.dy_pieces = stablehlo.reshape %conv.0.d_z : (tensor<4x4x4x4xf32>) -> tensor<4x16x4xf32>
    %conv.0.d_w_pieces = stablehlo.dot_general %conv.0.x_pieces, %conv.0.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x16x2xf32>, tensor<4x16x4xf32>) -> tensor<4x2x4xf32>
    %conv.0.d_w_sum = stablehlo.reduce(%conv.0.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
    %conv.0.d_w = stablehlo.reshape %conv.0.d_w_sum : (tensor<2x4xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x2x4xf32>
    %conv.0.wd_p = stablehlo.multiply %conv.0.conv.w, %conv.0.bcast_12 : tensor<1x1x2x4xf32>
    %conv.0.d_wd = stablehlo.add %conv.0.d_w, %conv.0.wd_p : tensor<1x1x2x4xf32>
    %grads.conv.0.conv.w = stablehlo.reshape %conv.0.d_wd : (tensor<1x1x2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.dw.conv.w = stablehlo.reshape %blocks.1.0.dw.d_wd : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.0.se.reduce.w = stablehlo.reshape %blocks.1.0.se.d_wd_1 : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.se.expand.w = stablehlo.reshape %blocks.1.0.se.d_wd : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.project.conv.w = stablehlo.reshape %blocks.1.0.project.d_wd : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.blocks.1.1.dw.conv.w = stablehlo.reshape %blocks.1.1.dw.d_wd : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.1.se.reduce.w = stablehlo.reshape %blocks.1.1.se.d_wd_1 : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.1.se.expand.w = stablehlo.reshape %blocks.1.1.se.d_wd : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.1.project.conv.w = stablehlo.reshape %blocks.1.1.project.d_wd : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.blocks.1.2.dw.conv.w = stablehlo.reshape %blocks.1.2.dw.d_wd : (tensor<3x3x1x4xf32>) -> tensor<36xf32>
    %grads.blocks.1.2.se.reduce.w = stablehlo.reshape %blocks.1.2.se.d_wd_1 : (tensor<4x2xf32>) -> tensor<8xf32>
    %grads.blocks.1.2.se.expand.w = stablehlo.reshape %blocks.1.2.se.d_wd : (tensor<2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.2.project.conv.w = stablehlo.reshape %blocks.1.2.project.d_wd : (tensor<1x1x4x4xf32>) -> tensor<16xf32>
    %grads.fc.3.w = stablehlo.reshape %fc.3.d_wd : (tensor<4x3xf32>) -> tensor<12xf32>
    %grads.flat = stablehlo.concatenate %grads.conv.0.conv.w, %conv.0.d_beta_d_gamma#1, %conv.0.d_beta_d_gamma#0, %grads.blocks.1.0.dw.conv.w, %blocks.1.0.dw.d_beta_d_gamma#1, %blocks.1.0.dw.d_beta_d_gamma#0, %grads.blocks.1.0.se.reduce.w, %blocks.1.0.se.d_reduce_b, %grads.blocks.1.0.se.expand.w, %blocks.1.0.se.d_expand_b, %grads.blocks.1.0.project.conv.w, %blocks.1.0.project.d_beta_d_gamma#1, %blocks.1.0.project.d_beta_d_gamma#0, %grads.blocks.1.1.dw.conv.w, %blocks.1.1.dw.d_beta_d_gamma#1, %blocks.1.1.dw.d_beta_d_gamma#0, %grads.blocks.1.1.se.reduce.w, %blocks.1.1.se.d_reduce_b, %grads.blocks.1.1.se.expand.w, %blocks.1.1.se.d_expand_b, %grads.blocks.1.1.project.conv.w, %blocks.1.1.project.d_beta_d_gamma#1, %blocks.1.1.project.d_beta_d_gamma#0, %grads.blocks.1.2.dw.conv.w, %blocks.1.2.dw.d_beta_d_gamma#1, %blocks.1.2.dw.d_beta_d_gamma#0, %grads.blocks.1.2.se.reduce.w, %blocks.1.2.se.d_reduce_b, %grads.blocks.1.2.se.expand.w, %blocks.1.2.se.d_expand_b, %grads.blocks.1.2.project.conv.w, %blocks.1.2.project.d_beta_d_gamma#1, %blocks.1.2.project.d_beta_d_gamma#0, %grads.fc.3.w, %fc.3.d_b, dim = 0 : (tensor<8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<36xf32>, tensor<4xf32>, tensor<4xf32>, tensor<8xf32>, tensor<2xf32>, tensor<8xf32>, tensor<4xf32>, tensor<16xf32>, tensor<4xf32>, tensor<4xf32>, tensor<12xf32>, tensor<3xf32>) -> tensor<301xf32>
    %opt.adam.bcast = stablehlo.broadcast_in_dim %hyper.beta1, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.b1_m = stablehlo.multiply %m, %opt.adam.bcast : tensor<301xf32>
    %opt.adam.one_minus_b1 = stablehlo.subtract %cst_3, %hyper.beta1 : tensor<f32>
    %opt.adam.bcast_1 = stablehlo.broadcast_in_dim %opt.adam.one_minus_b1, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.g_1mb1 = stablehlo.multiply %grads.flat, %opt.adam.bcast_1 : tensor<301xf32>
    %opt.adam.m = stablehlo.add %opt.adam.b1_m, %opt.adam.g_1mb1 : tensor<301xf32>
    %opt.adam.bcast_2 = stablehlo.broadcast_in_dim %hyper.beta2, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.b2_v = stablehlo.multiply %v, %opt.adam.bcast_2 : tensor<301xf32>
    %opt.adam.g2 = stablehlo.multiply %grads.flat, %grads.flat : tensor<301xf32>
    %opt.adam.one_minus_b2 = stablehlo.subtract %cst_3, %hyper.beta2 : tensor<f32>
    %opt.adam.bcast_3 = stablehlo.broadcast_in_dim %opt.adam.one_minus_b2, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.g2_1mb2 = stablehlo.multiply %opt.adam.g2, %opt.adam.bcast_3 : tensor<301xf32>
    %opt.adam.v = stablehlo.add %opt.adam.b2_v, %opt.adam.g2_1mb2 : tensor<301xf32>
    %opt.adam.bcast_4 = stablehlo.broadcast_in_dim %hyper.bias_correction1, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.m_hat = stablehlo.divide %opt.adam.m, %opt.adam.bcast_4 : tensor<301xf32>
    %opt.adam.bcast_5 = stablehlo.broadcast_in_dim %hyper.bias_correction2, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.v_hat = stablehlo.divide %opt.adam.v, %opt.adam.bcast_5 : tensor<301xf32>
    %opt.adam.sqrt_v_hat = stablehlo.sqrt %opt.adam.v_hat : tensor<301xf32>
    %opt.adam.bcast_6 = stablehlo.broadcast_in_dim %hyper.eps, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.denom = stablehlo.add %opt.adam.sqrt_v_hat, %opt.adam.bcast_6 : tensor<301xf32>
    %opt.adam.direction = stablehlo.divide %opt.adam.m_hat, %opt.adam.denom : tensor<301xf32>
    %opt.adam.bcast_7 = stablehlo.broadcast_in_dim %hyper.lr, dims = [] : (tensor<f32>) -> tensor<301xf32>
    %opt.adam.step = stablehlo.multiply %opt.adam.direction, %opt.adam.bcast_7 : tensor<301xf32>
    %opt.adam.p = stablehlo.subtract %params, %opt.adam.step : tensor<301xf32>
    %bn.updated = stablehlo.concatenate %conv.0.running_mean, %conv.0.running_var, %blocks.1.0.dw.running_mean, %blocks.1.0.dw.running_var, %blocks.1.0.project.running_mean, %blocks.1.0.project.running_var, %blocks.1.1.dw.running_mean, %blocks.1.1.dw.running_var, %blocks.1.1.project.running_mean, %blocks.1.1.project.running_var, %blocks.1.2.dw.running_mean, %blocks.1.2.dw.running_var, %blocks.1.2.project.running_mean, %blocks.1.2.project.running_var, dim = 0 : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<56xf32>
    return %opt.adam.p, %opt.adam.m, %opt.adam.v, %bn.updated, %loss.loss, %loss.correct : tensor<301xf32>, tensor<301xf32>, tensor<301xf32>, tensor<56xf32>, tensor<f32>, tensor<i32>
  }
}
