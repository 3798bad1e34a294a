// netspec 0.1.0 — basic_droppath_r3
// batch 4, input 6x6x2 (NHWC), activations NHWC, optimizer adam, dtype f32
// params 1245 (flat), BN layers 8 (76 stat floats), classes 3, dropout uniforms 2
// stochastic depth 0.6: block i of 3 drops with 0.6*i/3, residual blocks only: blocks.1.1 0.2 (u0), blocks.2.0 0.4 (u1)
// hyper = [lr, weight_decay, label_smoothing, bn_momentum, momentum, nesterov, beta1, beta2, eps, bias_correction1, bias_correction2, rms_decay]
// Backward pass written out op by op by netspec's VJP emitters; no autodiff.
module {
  func.func @predict(%params: tensor<1245xf32>, %bn: tensor<76xf32>, %images: tensor<4x6x6x2xf32>) -> (tensor<4x3xf32>) {
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<1245xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<1245xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.conv.w.flat = stablehlo.slice %params [16:160] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv1.conv.w = stablehlo.reshape %blocks.1.0.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.bn.gamma.flat = stablehlo.slice %params [160:164] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.beta.flat = stablehlo.slice %params [164:168] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.conv.w.flat = stablehlo.slice %params [168:312] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv2.conv.w = stablehlo.reshape %blocks.1.0.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.bn.gamma.flat = stablehlo.slice %params [312:316] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.beta.flat = stablehlo.slice %params [316:320] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.conv.w.flat = stablehlo.slice %params [320:464] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv1.conv.w = stablehlo.reshape %blocks.1.1.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.bn.gamma.flat = stablehlo.slice %params [464:468] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.beta.flat = stablehlo.slice %params [468:472] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.conv.w.flat = stablehlo.slice %params [472:616] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv2.conv.w = stablehlo.reshape %blocks.1.1.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.bn.gamma.flat = stablehlo.slice %params [616:620] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.beta.flat = stablehlo.slice %params [620:624] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.conv.w.flat = stablehlo.slice %params [624:840] : (tensor<1245xf32>) -> tensor<216xf32>
    %blocks.2.0.conv1.conv.w = stablehlo.reshape %blocks.2.0.conv1.conv.w.flat : (tensor<216xf32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.bn.gamma.flat = stablehlo.slice %params [840:846] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.beta.flat = stablehlo.slice %params [846:852] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.conv.w.flat = stablehlo.slice %params [852:1176] : (tensor<1245xf32>) -> tensor<324xf32>
    %blocks.2.0.conv2.conv.w = stablehlo.reshape %blocks.2.0.conv2.conv.w.flat : (tensor<324xf32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.bn.gamma.flat = stablehlo.slice %params [1176:1182] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.beta.flat = stablehlo.slice %params [1182:1188] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.conv.w.flat = stablehlo.slice %params [1188:1212] : (tensor<1245xf32>) -> tensor<24xf32>
    %blocks.2.0.down.conv.w = stablehlo.reshape %blocks.2.0.down.conv.w.flat : (tensor<24xf32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.bn.gamma.flat = stablehlo.slice %params [1212:1218] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.beta.flat = stablehlo.slice %params [1218:1224] : (tensor<1245xf32>) -> tensor<6xf32>
    %fc.4.w.flat = stablehlo.slice %params [1224:1242] : (tensor<1245xf32>) -> tensor<18xf32>
    %fc.4.w = stablehlo.reshape %fc.4.w.flat : (tensor<18xf32>) -> tensor<6x3xf32>
    %fc.4.b.flat = stablehlo.slice %params [1242:1245] : (tensor<1245xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<76xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.bn.running_mean = stablehlo.slice %bn [40:46] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.running_var = stablehlo.slice %bn [46:52] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_mean = stablehlo.slice %bn [52:58] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_var = stablehlo.slice %bn [58:64] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_mean = stablehlo.slice %bn [64:70] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_var = stablehlo.slice %bn [70:76] : (tensor<76xf32>) -> tensor<6xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x6x6x4xf32>
    %cst = stablehlo.constant dense<1.00000000e-05> : tensor<f32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.var_eps = stablehlo.add %conv.0.bn.running_var, %conv.0.bcast : tensor<4xf32>
    %conv.0.inv_std = stablehlo.rsqrt %conv.0.var_eps : tensor<4xf32>
    %conv.0.scale = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.mean_scale = stablehlo.multiply %conv.0.bn.running_mean, %conv.0.scale : tensor<4xf32>
    %conv.0.shift = stablehlo.subtract %conv.0.bn.beta.flat, %conv.0.mean_scale : tensor<4xf32>
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x6x6x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x6x6x4xf32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %conv.0.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.relu = stablehlo.maximum %conv.0.bn, %conv.0.bcast_1 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.conv = stablehlo.convolution(%conv.0.relu, %blocks.1.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var_eps = stablehlo.add %blocks.1.0.conv1.bn.running_var, %blocks.1.0.conv1.bcast : tensor<4xf32>
    %blocks.1.0.conv1.inv_std = stablehlo.rsqrt %blocks.1.0.conv1.var_eps : tensor<4xf32>
    %blocks.1.0.conv1.scale = stablehlo.multiply %blocks.1.0.conv1.bn.gamma.flat, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.mean_scale = stablehlo.multiply %blocks.1.0.conv1.bn.running_mean, %blocks.1.0.conv1.scale : tensor<4xf32>
    %blocks.1.0.conv1.shift = stablehlo.subtract %blocks.1.0.conv1.bn.beta.flat, %blocks.1.0.conv1.mean_scale : tensor<4xf32>
    %blocks.1.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.scaled = stablehlo.multiply %blocks.1.0.conv1.conv, %blocks.1.0.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bn = stablehlo.add %blocks.1.0.conv1.scaled, %blocks.1.0.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.relu = stablehlo.maximum %blocks.1.0.conv1.bn, %blocks.1.0.conv1.bcast_1 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.conv = stablehlo.convolution(%blocks.1.0.conv1.relu, %blocks.1.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var_eps = stablehlo.add %blocks.1.0.conv2.bn.running_var, %blocks.1.0.conv2.bcast : tensor<4xf32>
    %blocks.1.0.conv2.inv_std = stablehlo.rsqrt %blocks.1.0.conv2.var_eps : tensor<4xf32>
    %blocks.1.0.conv2.scale = stablehlo.multiply %blocks.1.0.conv2.bn.gamma.flat, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.mean_scale = stablehlo.multiply %blocks.1.0.conv2.bn.running_mean, %blocks.1.0.conv2.scale : tensor<4xf32>
    %blocks.1.0.conv2.shift = stablehlo.subtract %blocks.1.0.conv2.bn.beta.flat, %blocks.1.0.conv2.mean_scale : tensor<4xf32>
    %blocks.1.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.scaled = stablehlo.multiply %blocks.1.0.conv2.conv, %blocks.1.0.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.bn = stablehlo.add %blocks.1.0.conv2.scaled, %blocks.1.0.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.conv2.bn, %conv.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.0.bcast = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.relu = stablehlo.maximum %blocks.1.0.residual, %blocks.1.0.bcast : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.conv = stablehlo.convolution(%blocks.1.0.relu, %blocks.1.1.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var_eps = stablehlo.add %blocks.1.1.conv1.bn.running_var, %blocks.1.1.conv1.bcast : tensor<4xf32>
    %blocks.1.1.conv1.inv_std = stablehlo.rsqrt %blocks.1.1.conv1.var_eps : tensor<4xf32>
    %blocks.1.1.conv1.scale = stablehlo.multiply %blocks.1.1.conv1.bn.gamma.flat, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.mean_scale = stablehlo.multiply %blocks.1.1.conv1.bn.running_mean, %blocks.1.1.conv1.scale : tensor<4xf32>
    %blocks.1.1.conv1.shift = stablehlo.subtract %blocks.1.1.conv1.bn.beta.flat, %blocks.1.1.conv1.mean_scale : tensor<4xf32>
    %blocks.1.1.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.scaled = stablehlo.multiply %blocks.1.1.conv1.conv, %blocks.1.1.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bn = stablehlo.add %blocks.1.1.conv1.scaled, %blocks.1.1.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.relu = stablehlo.maximum %blocks.1.1.conv1.bn, %blocks.1.1.conv1.bcast_1 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.conv = stablehlo.convolution(%blocks.1.1.conv1.relu, %blocks.1.1.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var_eps = stablehlo.add %blocks.1.1.conv2.bn.running_var, %blocks.1.1.conv2.bcast : tensor<4xf32>
    %blocks.1.1.conv2.inv_std = stablehlo.rsqrt %blocks.1.1.conv2.var_eps : tensor<4xf32>
    %blocks.1.1.conv2.scale = stablehlo.multiply %blocks.1.1.conv2.bn.gamma.flat, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.mean_scale = stablehlo.multiply %blocks.1.1.conv2.bn.running_mean, %blocks.1.1.conv2.scale : tensor<4xf32>
    %blocks.1.1.conv2.shift = stablehlo.subtract %blocks.1.1.conv2.bn.beta.flat, %blocks.1.1.conv2.mean_scale : tensor<4xf32>
    %blocks.1.1.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.scaled = stablehlo.multiply %blocks.1.1.conv2.conv, %blocks.1.1.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.bn = stablehlo.add %blocks.1.1.conv2.scaled, %blocks.1.1.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.conv2.bn, %blocks.1.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.1.bcast = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.relu = stablehlo.maximum %blocks.1.1.residual, %blocks.1.1.bcast : tensor<4x6x6x4xf32>
    %blocks.2.0.conv1.conv = stablehlo.convolution(%blocks.1.1.relu, %blocks.2.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 0], [1, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var_eps = stablehlo.add %blocks.2.0.conv1.bn.running_var, %blocks.2.0.conv1.bcast : tensor<6xf32>
    %blocks.2.0.conv1.inv_std = stablehlo.rsqrt %blocks.2.0.conv1.var_eps : tensor<6xf32>
    %blocks.2.0.conv1.scale = stablehlo.multiply %blocks.2.0.conv1.bn.gamma.flat, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.mean_scale = stablehlo.multiply %blocks.2.0.conv1.bn.running_mean, %blocks.2.0.conv1.scale : tensor<6xf32>
    %blocks.2.0.conv1.shift = stablehlo.subtract %blocks.2.0.conv1.bn.beta.flat, %blocks.2.0.conv1.mean_scale : tensor<6xf32>
    %blocks.2.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.scaled = stablehlo.multiply %blocks.2.0.conv1.conv, %blocks.2.0.conv1.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bn = stablehlo.add %blocks.2.0.conv1.scaled, %blocks.2.0.conv1.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.relu = stablehlo.maximum %blocks.2.0.conv1.bn, %blocks.2.0.conv1.bcast_1 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.conv = stablehlo.convolution(%blocks.2.0.conv1.relu, %blocks.2.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x6x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var_eps = stablehlo.add %blocks.2.0.conv2.bn.running_var, %blocks.2.0.conv2.bcast : tensor<6xf32>
    %blocks.2.0.conv2.inv_std = stablehlo.rsqrt %blocks.2.0.conv2.var_eps : tensor<6xf32>
    %blocks.2.0.conv2.scale = stablehlo.multiply %blocks.2.0.conv2.bn.gamma.flat, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.mean_scale = stablehlo.multiply %blocks.2.0.conv2.bn.running_mean, %blocks.2.0.conv2.scale : tensor<6xf32>
    %blocks.2.0.conv2.shift = stablehlo.subtract %blocks.2.0.conv2.bn.beta.flat, %blocks.2.0.conv2.mean_scale : tensor<6xf32>
    %blocks.2.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.scaled = stablehlo.multiply %blocks.2.0.conv2.conv, %blocks.2.0.conv2.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.bn = stablehlo.add %blocks.2.0.conv2.scaled, %blocks.2.0.conv2.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.x_read = stablehlo.slice %blocks.1.1.relu [0:4, 0:5, 0:5, 0:4] : (tensor<4x6x6x4xf32>) -> tensor<4x5x5x4xf32>
    %blocks.2.0.down.conv = stablehlo.convolution(%blocks.2.0.down.x_read, %blocks.2.0.down.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x5x5x4xf32>, tensor<1x1x4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var_eps = stablehlo.add %blocks.2.0.down.bn.running_var, %blocks.2.0.down.bcast : tensor<6xf32>
    %blocks.2.0.down.inv_std = stablehlo.rsqrt %blocks.2.0.down.var_eps : tensor<6xf32>
    %blocks.2.0.down.scale = stablehlo.multiply %blocks.2.0.down.bn.gamma.flat, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.mean_scale = stablehlo.multiply %blocks.2.0.down.bn.running_mean, %blocks.2.0.down.scale : tensor<6xf32>
    %blocks.2.0.down.shift = stablehlo.subtract %blocks.2.0.down.bn.beta.flat, %blocks.2.0.down.mean_scale : tensor<6xf32>
    %blocks.2.0.down.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.down.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.scaled = stablehlo.multiply %blocks.2.0.down.conv, %blocks.2.0.down.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.down.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.bn = stablehlo.add %blocks.2.0.down.scaled, %blocks.2.0.down.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.residual = stablehlo.add %blocks.2.0.conv2.bn, %blocks.2.0.down.bn : tensor<4x3x3x6xf32>
    %blocks.2.0.bcast = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.relu = stablehlo.maximum %blocks.2.0.residual, %blocks.2.0.bcast : tensor<4x3x3x6xf32>
    %pool.3.sum_hw = stablehlo.reduce(%blocks.2.0.relu init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %cst_2 = stablehlo.constant dense<1.11111111e-01> : tensor<f32>
    %pool.3.bcast = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x6xf32>
    %pool.3.mean = stablehlo.multiply %pool.3.sum_hw, %pool.3.bcast : tensor<4x6xf32>
    %fc.4.mm = stablehlo.dot_general %pool.3.mean, %fc.4.w, contracting_dims = [1] x [0] : (tensor<4x6xf32>, tensor<6x3xf32>) -> tensor<4x3xf32>
    %fc.4.bias_b = stablehlo.broadcast_in_dim %fc.4.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.4.z = stablehlo.add %fc.4.mm, %fc.4.bias_b : tensor<4x3xf32>
    return %fc.4.z : tensor<4x3xf32>
  }
  func.func @grads(%params: tensor<1245xf32>, %bn: tensor<76xf32>, %images: tensor<4x6x6x2xf32>, %labels: tensor<4xi32>, %rand: tensor<4x2xf32>, %hyper: tensor<12xf32>) -> (tensor<f32>, tensor<i32>, tensor<1245xf32>, tensor<76xf32>) {
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
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<1245xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<1245xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.conv.w.flat = stablehlo.slice %params [16:160] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv1.conv.w = stablehlo.reshape %blocks.1.0.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.bn.gamma.flat = stablehlo.slice %params [160:164] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.beta.flat = stablehlo.slice %params [164:168] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.conv.w.flat = stablehlo.slice %params [168:312] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv2.conv.w = stablehlo.reshape %blocks.1.0.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.bn.gamma.flat = stablehlo.slice %params [312:316] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.beta.flat = stablehlo.slice %params [316:320] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.conv.w.flat = stablehlo.slice %params [320:464] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv1.conv.w = stablehlo.reshape %blocks.1.1.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.bn.gamma.flat = stablehlo.slice %params [464:468] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.beta.flat = stablehlo.slice %params [468:472] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.conv.w.flat = stablehlo.slice %params [472:616] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv2.conv.w = stablehlo.reshape %blocks.1.1.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.bn.gamma.flat = stablehlo.slice %params [616:620] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.beta.flat = stablehlo.slice %params [620:624] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.conv.w.flat = stablehlo.slice %params [624:840] : (tensor<1245xf32>) -> tensor<216xf32>
    %blocks.2.0.conv1.conv.w = stablehlo.reshape %blocks.2.0.conv1.conv.w.flat : (tensor<216xf32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.bn.gamma.flat = stablehlo.slice %params [840:846] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.beta.flat = stablehlo.slice %params [846:852] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.conv.w.flat = stablehlo.slice %params [852:1176] : (tensor<1245xf32>) -> tensor<324xf32>
    %blocks.2.0.conv2.conv.w = stablehlo.reshape %blocks.2.0.conv2.conv.w.flat : (tensor<324xf32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.bn.gamma.flat = stablehlo.slice %params [1176:1182] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.beta.flat = stablehlo.slice %params [1182:1188] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.conv.w.flat = stablehlo.slice %params [1188:1212] : (tensor<1245xf32>) -> tensor<24xf32>
    %blocks.2.0.down.conv.w = stablehlo.reshape %blocks.2.0.down.conv.w.flat : (tensor<24xf32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.bn.gamma.flat = stablehlo.slice %params [1212:1218] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.beta.flat = stablehlo.slice %params [1218:1224] : (tensor<1245xf32>) -> tensor<6xf32>
    %fc.4.w.flat = stablehlo.slice %params [1224:1242] : (tensor<1245xf32>) -> tensor<18xf32>
    %fc.4.w = stablehlo.reshape %fc.4.w.flat : (tensor<18xf32>) -> tensor<6x3xf32>
    %fc.4.b.flat = stablehlo.slice %params [1242:1245] : (tensor<1245xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<76xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.bn.running_mean = stablehlo.slice %bn [40:46] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.running_var = stablehlo.slice %bn [46:52] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_mean = stablehlo.slice %bn [52:58] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_var = stablehlo.slice %bn [58:64] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_mean = stablehlo.slice %bn [64:70] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_var = stablehlo.slice %bn [70:76] : (tensor<76xf32>) -> tensor<6xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x6x6x4xf32>
    %cst = stablehlo.constant dense<6.94444444e-03> : tensor<f32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %conv.0.sum_x_w = stablehlo.reduce(%conv.0.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %conv.0.sum_x_hw = stablehlo.reduce(%conv.0.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_x = stablehlo.reduce(%conv.0.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.mean = stablehlo.multiply %conv.0.sum_x, %conv.0.bcast : tensor<4xf32>
    %conv.0.mean_b = stablehlo.broadcast_in_dim %conv.0.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xc = stablehlo.subtract %conv.0.conv, %conv.0.mean_b : tensor<4x6x6x4xf32>
    %conv.0.xc2 = stablehlo.multiply %conv.0.xc, %conv.0.xc : tensor<4x6x6x4xf32>
    %conv.0.sum_xc2_w = stablehlo.reduce(%conv.0.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %conv.0.sum_xc2_hw = stablehlo.reduce(%conv.0.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
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
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x6x6x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x6x6x4xf32>
    %cst_3 = stablehlo.constant dense<1.00000000e+00> : tensor<f32>
    %conv.0.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_4 = stablehlo.constant dense<1.00699301e+00> : tensor<f32>
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
    %conv.0.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.relu = stablehlo.maximum %conv.0.bn, %conv.0.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.conv = stablehlo.convolution(%conv.0.relu, %blocks.1.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.sum_x_w = stablehlo.reduce(%blocks.1.0.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv1.sum_x_hw = stablehlo.reduce(%blocks.1.0.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv1.sum_x = stablehlo.reduce(%blocks.1.0.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.mean = stablehlo.multiply %blocks.1.0.conv1.sum_x, %blocks.1.0.conv1.bcast : tensor<4xf32>
    %blocks.1.0.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xc = stablehlo.subtract %blocks.1.0.conv1.conv, %blocks.1.0.conv1.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xc2 = stablehlo.multiply %blocks.1.0.conv1.xc, %blocks.1.0.conv1.xc : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.sum_xc2_w = stablehlo.reduce(%blocks.1.0.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv1.sum_xc2 = stablehlo.reduce(%blocks.1.0.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var = stablehlo.multiply %blocks.1.0.conv1.sum_xc2, %blocks.1.0.conv1.bcast_1 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var_eps = stablehlo.add %blocks.1.0.conv1.var, %blocks.1.0.conv1.bcast_2 : tensor<4xf32>
    %blocks.1.0.conv1.inv_std = stablehlo.rsqrt %blocks.1.0.conv1.var_eps : tensor<4xf32>
    %blocks.1.0.conv1.scale = stablehlo.multiply %blocks.1.0.conv1.bn.gamma.flat, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.mean_scale = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.scale : tensor<4xf32>
    %blocks.1.0.conv1.shift = stablehlo.subtract %blocks.1.0.conv1.bn.beta.flat, %blocks.1.0.conv1.mean_scale : tensor<4xf32>
    %blocks.1.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.scaled = stablehlo.multiply %blocks.1.0.conv1.conv, %blocks.1.0.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bn = stablehlo.add %blocks.1.0.conv1.scaled, %blocks.1.0.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var_unbiased = stablehlo.multiply %blocks.1.0.conv1.var, %blocks.1.0.conv1.bcast_3 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rm_keep = stablehlo.multiply %blocks.1.0.conv1.bn.running_mean, %blocks.1.0.conv1.bcast_4 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rm_new = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.bcast_5 : tensor<4xf32>
    %blocks.1.0.conv1.running_mean = stablehlo.add %blocks.1.0.conv1.rm_keep, %blocks.1.0.conv1.rm_new : tensor<4xf32>
    %blocks.1.0.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rv_keep = stablehlo.multiply %blocks.1.0.conv1.bn.running_var, %blocks.1.0.conv1.bcast_6 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rv_new = stablehlo.multiply %blocks.1.0.conv1.var_unbiased, %blocks.1.0.conv1.bcast_7 : tensor<4xf32>
    %blocks.1.0.conv1.running_var = stablehlo.add %blocks.1.0.conv1.rv_keep, %blocks.1.0.conv1.rv_new : tensor<4xf32>
    %blocks.1.0.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.relu = stablehlo.maximum %blocks.1.0.conv1.bn, %blocks.1.0.conv1.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.conv = stablehlo.convolution(%blocks.1.0.conv1.relu, %blocks.1.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.sum_x_w = stablehlo.reduce(%blocks.1.0.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv2.sum_x_hw = stablehlo.reduce(%blocks.1.0.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv2.sum_x = stablehlo.reduce(%blocks.1.0.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.mean = stablehlo.multiply %blocks.1.0.conv2.sum_x, %blocks.1.0.conv2.bcast : tensor<4xf32>
    %blocks.1.0.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xc = stablehlo.subtract %blocks.1.0.conv2.conv, %blocks.1.0.conv2.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xc2 = stablehlo.multiply %blocks.1.0.conv2.xc, %blocks.1.0.conv2.xc : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.sum_xc2_w = stablehlo.reduce(%blocks.1.0.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv2.sum_xc2 = stablehlo.reduce(%blocks.1.0.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var = stablehlo.multiply %blocks.1.0.conv2.sum_xc2, %blocks.1.0.conv2.bcast_1 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var_eps = stablehlo.add %blocks.1.0.conv2.var, %blocks.1.0.conv2.bcast_2 : tensor<4xf32>
    %blocks.1.0.conv2.inv_std = stablehlo.rsqrt %blocks.1.0.conv2.var_eps : tensor<4xf32>
    %blocks.1.0.conv2.scale = stablehlo.multiply %blocks.1.0.conv2.bn.gamma.flat, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.mean_scale = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.scale : tensor<4xf32>
    %blocks.1.0.conv2.shift = stablehlo.subtract %blocks.1.0.conv2.bn.beta.flat, %blocks.1.0.conv2.mean_scale : tensor<4xf32>
    %blocks.1.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.scaled = stablehlo.multiply %blocks.1.0.conv2.conv, %blocks.1.0.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.bn = stablehlo.add %blocks.1.0.conv2.scaled, %blocks.1.0.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var_unbiased = stablehlo.multiply %blocks.1.0.conv2.var, %blocks.1.0.conv2.bcast_3 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rm_keep = stablehlo.multiply %blocks.1.0.conv2.bn.running_mean, %blocks.1.0.conv2.bcast_4 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rm_new = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.bcast_5 : tensor<4xf32>
    %blocks.1.0.conv2.running_mean = stablehlo.add %blocks.1.0.conv2.rm_keep, %blocks.1.0.conv2.rm_new : tensor<4xf32>
    %blocks.1.0.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rv_keep = stablehlo.multiply %blocks.1.0.conv2.bn.running_var, %blocks.1.0.conv2.bcast_6 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rv_new = stablehlo.multiply %blocks.1.0.conv2.var_unbiased, %blocks.1.0.conv2.bcast_7 : tensor<4xf32>
    %blocks.1.0.conv2.running_var = stablehlo.add %blocks.1.0.conv2.rv_keep, %blocks.1.0.conv2.rv_new : tensor<4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.conv2.bn, %conv.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.0.bcast = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.relu = stablehlo.maximum %blocks.1.0.residual, %blocks.1.0.bcast : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.conv = stablehlo.convolution(%blocks.1.0.relu, %blocks.1.1.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.sum_x_w = stablehlo.reduce(%blocks.1.1.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv1.sum_x_hw = stablehlo.reduce(%blocks.1.1.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv1.sum_x = stablehlo.reduce(%blocks.1.1.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.mean = stablehlo.multiply %blocks.1.1.conv1.sum_x, %blocks.1.1.conv1.bcast : tensor<4xf32>
    %blocks.1.1.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xc = stablehlo.subtract %blocks.1.1.conv1.conv, %blocks.1.1.conv1.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xc2 = stablehlo.multiply %blocks.1.1.conv1.xc, %blocks.1.1.conv1.xc : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.sum_xc2_w = stablehlo.reduce(%blocks.1.1.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv1.sum_xc2 = stablehlo.reduce(%blocks.1.1.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var = stablehlo.multiply %blocks.1.1.conv1.sum_xc2, %blocks.1.1.conv1.bcast_1 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var_eps = stablehlo.add %blocks.1.1.conv1.var, %blocks.1.1.conv1.bcast_2 : tensor<4xf32>
    %blocks.1.1.conv1.inv_std = stablehlo.rsqrt %blocks.1.1.conv1.var_eps : tensor<4xf32>
    %blocks.1.1.conv1.scale = stablehlo.multiply %blocks.1.1.conv1.bn.gamma.flat, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.mean_scale = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.scale : tensor<4xf32>
    %blocks.1.1.conv1.shift = stablehlo.subtract %blocks.1.1.conv1.bn.beta.flat, %blocks.1.1.conv1.mean_scale : tensor<4xf32>
    %blocks.1.1.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.scaled = stablehlo.multiply %blocks.1.1.conv1.conv, %blocks.1.1.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bn = stablehlo.add %blocks.1.1.conv1.scaled, %blocks.1.1.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var_unbiased = stablehlo.multiply %blocks.1.1.conv1.var, %blocks.1.1.conv1.bcast_3 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rm_keep = stablehlo.multiply %blocks.1.1.conv1.bn.running_mean, %blocks.1.1.conv1.bcast_4 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rm_new = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.bcast_5 : tensor<4xf32>
    %blocks.1.1.conv1.running_mean = stablehlo.add %blocks.1.1.conv1.rm_keep, %blocks.1.1.conv1.rm_new : tensor<4xf32>
    %blocks.1.1.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rv_keep = stablehlo.multiply %blocks.1.1.conv1.bn.running_var, %blocks.1.1.conv1.bcast_6 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rv_new = stablehlo.multiply %blocks.1.1.conv1.var_unbiased, %blocks.1.1.conv1.bcast_7 : tensor<4xf32>
    %blocks.1.1.conv1.running_var = stablehlo.add %blocks.1.1.conv1.rv_keep, %blocks.1.1.conv1.rv_new : tensor<4xf32>
    %blocks.1.1.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.relu = stablehlo.maximum %blocks.1.1.conv1.bn, %blocks.1.1.conv1.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.conv = stablehlo.convolution(%blocks.1.1.conv1.relu, %blocks.1.1.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.sum_x_w = stablehlo.reduce(%blocks.1.1.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv2.sum_x_hw = stablehlo.reduce(%blocks.1.1.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv2.sum_x = stablehlo.reduce(%blocks.1.1.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.mean = stablehlo.multiply %blocks.1.1.conv2.sum_x, %blocks.1.1.conv2.bcast : tensor<4xf32>
    %blocks.1.1.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xc = stablehlo.subtract %blocks.1.1.conv2.conv, %blocks.1.1.conv2.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xc2 = stablehlo.multiply %blocks.1.1.conv2.xc, %blocks.1.1.conv2.xc : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.sum_xc2_w = stablehlo.reduce(%blocks.1.1.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv2.sum_xc2 = stablehlo.reduce(%blocks.1.1.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var = stablehlo.multiply %blocks.1.1.conv2.sum_xc2, %blocks.1.1.conv2.bcast_1 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var_eps = stablehlo.add %blocks.1.1.conv2.var, %blocks.1.1.conv2.bcast_2 : tensor<4xf32>
    %blocks.1.1.conv2.inv_std = stablehlo.rsqrt %blocks.1.1.conv2.var_eps : tensor<4xf32>
    %blocks.1.1.conv2.scale = stablehlo.multiply %blocks.1.1.conv2.bn.gamma.flat, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.mean_scale = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.scale : tensor<4xf32>
    %blocks.1.1.conv2.shift = stablehlo.subtract %blocks.1.1.conv2.bn.beta.flat, %blocks.1.1.conv2.mean_scale : tensor<4xf32>
    %blocks.1.1.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.scaled = stablehlo.multiply %blocks.1.1.conv2.conv, %blocks.1.1.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.bn = stablehlo.add %blocks.1.1.conv2.scaled, %blocks.1.1.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var_unbiased = stablehlo.multiply %blocks.1.1.conv2.var, %blocks.1.1.conv2.bcast_3 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rm_keep = stablehlo.multiply %blocks.1.1.conv2.bn.running_mean, %blocks.1.1.conv2.bcast_4 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rm_new = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.bcast_5 : tensor<4xf32>
    %blocks.1.1.conv2.running_mean = stablehlo.add %blocks.1.1.conv2.rm_keep, %blocks.1.1.conv2.rm_new : tensor<4xf32>
    %blocks.1.1.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rv_keep = stablehlo.multiply %blocks.1.1.conv2.bn.running_var, %blocks.1.1.conv2.bcast_6 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rv_new = stablehlo.multiply %blocks.1.1.conv2.var_unbiased, %blocks.1.1.conv2.bcast_7 : tensor<4xf32>
    %blocks.1.1.conv2.running_var = stablehlo.add %blocks.1.1.conv2.rv_keep, %blocks.1.1.conv2.rv_new : tensor<4xf32>
    %blocks.1.1.u_col = stablehlo.slice %rand [0:4, 0:1] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.1.u = stablehlo.reshape %blocks.1.1.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_5 = stablehlo.constant dense<2.00000000e-01> : tensor<f32>
    %blocks.1.1.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.keep = stablehlo.compare GE, %blocks.1.1.u, %blocks.1.1.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_6 = stablehlo.constant dense<1.25000000e+00> : tensor<f32>
    %blocks.1.1.inv_keep = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.drop_mask = stablehlo.select %blocks.1.1.keep, %blocks.1.1.inv_keep, %blocks.1.1.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.1.drop_b = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.dropped = stablehlo.multiply %blocks.1.1.conv2.bn, %blocks.1.1.drop_b : tensor<4x6x6x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.dropped, %blocks.1.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.1.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.relu = stablehlo.maximum %blocks.1.1.residual, %blocks.1.1.bcast_1 : tensor<4x6x6x4xf32>
    %blocks.2.0.conv1.conv = stablehlo.convolution(%blocks.1.1.relu, %blocks.2.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 0], [1, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x6xf32>) -> tensor<4x3x3x6xf32>
    %cst_7 = stablehlo.constant dense<2.77777778e-02> : tensor<f32>
    %blocks.2.0.conv1.sum_x_w = stablehlo.reduce(%blocks.2.0.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv1.sum_x_hw = stablehlo.reduce(%blocks.2.0.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv1.sum_x = stablehlo.reduce(%blocks.2.0.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.mean = stablehlo.multiply %blocks.2.0.conv1.sum_x, %blocks.2.0.conv1.bcast : tensor<6xf32>
    %blocks.2.0.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xc = stablehlo.subtract %blocks.2.0.conv1.conv, %blocks.2.0.conv1.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xc2 = stablehlo.multiply %blocks.2.0.conv1.xc, %blocks.2.0.conv1.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.sum_xc2_w = stablehlo.reduce(%blocks.2.0.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv1.sum_xc2 = stablehlo.reduce(%blocks.2.0.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var = stablehlo.multiply %blocks.2.0.conv1.sum_xc2, %blocks.2.0.conv1.bcast_1 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var_eps = stablehlo.add %blocks.2.0.conv1.var, %blocks.2.0.conv1.bcast_2 : tensor<6xf32>
    %blocks.2.0.conv1.inv_std = stablehlo.rsqrt %blocks.2.0.conv1.var_eps : tensor<6xf32>
    %blocks.2.0.conv1.scale = stablehlo.multiply %blocks.2.0.conv1.bn.gamma.flat, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.mean_scale = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.scale : tensor<6xf32>
    %blocks.2.0.conv1.shift = stablehlo.subtract %blocks.2.0.conv1.bn.beta.flat, %blocks.2.0.conv1.mean_scale : tensor<6xf32>
    %blocks.2.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.scaled = stablehlo.multiply %blocks.2.0.conv1.conv, %blocks.2.0.conv1.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bn = stablehlo.add %blocks.2.0.conv1.scaled, %blocks.2.0.conv1.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_8 = stablehlo.constant dense<1.02857143e+00> : tensor<f32>
    %blocks.2.0.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var_unbiased = stablehlo.multiply %blocks.2.0.conv1.var, %blocks.2.0.conv1.bcast_3 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rm_keep = stablehlo.multiply %blocks.2.0.conv1.bn.running_mean, %blocks.2.0.conv1.bcast_4 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rm_new = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.bcast_5 : tensor<6xf32>
    %blocks.2.0.conv1.running_mean = stablehlo.add %blocks.2.0.conv1.rm_keep, %blocks.2.0.conv1.rm_new : tensor<6xf32>
    %blocks.2.0.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rv_keep = stablehlo.multiply %blocks.2.0.conv1.bn.running_var, %blocks.2.0.conv1.bcast_6 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rv_new = stablehlo.multiply %blocks.2.0.conv1.var_unbiased, %blocks.2.0.conv1.bcast_7 : tensor<6xf32>
    %blocks.2.0.conv1.running_var = stablehlo.add %blocks.2.0.conv1.rv_keep, %blocks.2.0.conv1.rv_new : tensor<6xf32>
    %blocks.2.0.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.relu = stablehlo.maximum %blocks.2.0.conv1.bn, %blocks.2.0.conv1.bcast_8 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.conv = stablehlo.convolution(%blocks.2.0.conv1.relu, %blocks.2.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x6x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.sum_x_w = stablehlo.reduce(%blocks.2.0.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv2.sum_x_hw = stablehlo.reduce(%blocks.2.0.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv2.sum_x = stablehlo.reduce(%blocks.2.0.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.mean = stablehlo.multiply %blocks.2.0.conv2.sum_x, %blocks.2.0.conv2.bcast : tensor<6xf32>
    %blocks.2.0.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xc = stablehlo.subtract %blocks.2.0.conv2.conv, %blocks.2.0.conv2.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xc2 = stablehlo.multiply %blocks.2.0.conv2.xc, %blocks.2.0.conv2.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.sum_xc2_w = stablehlo.reduce(%blocks.2.0.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv2.sum_xc2 = stablehlo.reduce(%blocks.2.0.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var = stablehlo.multiply %blocks.2.0.conv2.sum_xc2, %blocks.2.0.conv2.bcast_1 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var_eps = stablehlo.add %blocks.2.0.conv2.var, %blocks.2.0.conv2.bcast_2 : tensor<6xf32>
    %blocks.2.0.conv2.inv_std = stablehlo.rsqrt %blocks.2.0.conv2.var_eps : tensor<6xf32>
    %blocks.2.0.conv2.scale = stablehlo.multiply %blocks.2.0.conv2.bn.gamma.flat, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.mean_scale = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.scale : tensor<6xf32>
    %blocks.2.0.conv2.shift = stablehlo.subtract %blocks.2.0.conv2.bn.beta.flat, %blocks.2.0.conv2.mean_scale : tensor<6xf32>
    %blocks.2.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.scaled = stablehlo.multiply %blocks.2.0.conv2.conv, %blocks.2.0.conv2.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.bn = stablehlo.add %blocks.2.0.conv2.scaled, %blocks.2.0.conv2.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.2.0.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var_unbiased = stablehlo.multiply %blocks.2.0.conv2.var, %blocks.2.0.conv2.bcast_3 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rm_keep = stablehlo.multiply %blocks.2.0.conv2.bn.running_mean, %blocks.2.0.conv2.bcast_4 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rm_new = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.bcast_5 : tensor<6xf32>
    %blocks.2.0.conv2.running_mean = stablehlo.add %blocks.2.0.conv2.rm_keep, %blocks.2.0.conv2.rm_new : tensor<6xf32>
    %blocks.2.0.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rv_keep = stablehlo.multiply %blocks.2.0.conv2.bn.running_var, %blocks.2.0.conv2.bcast_6 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rv_new = stablehlo.multiply %blocks.2.0.conv2.var_unbiased, %blocks.2.0.conv2.bcast_7 : tensor<6xf32>
    %blocks.2.0.conv2.running_var = stablehlo.add %blocks.2.0.conv2.rv_keep, %blocks.2.0.conv2.rv_new : tensor<6xf32>
    %blocks.2.0.down.x_read = stablehlo.slice %blocks.1.1.relu [0:4, 0:5, 0:5, 0:4] : (tensor<4x6x6x4xf32>) -> tensor<4x5x5x4xf32>
    %blocks.2.0.down.conv = stablehlo.convolution(%blocks.2.0.down.x_read, %blocks.2.0.down.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x5x5x4xf32>, tensor<1x1x4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.sum_x_w = stablehlo.reduce(%blocks.2.0.down.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.down.sum_x_hw = stablehlo.reduce(%blocks.2.0.down.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.down.sum_x = stablehlo.reduce(%blocks.2.0.down.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.mean = stablehlo.multiply %blocks.2.0.down.sum_x, %blocks.2.0.down.bcast : tensor<6xf32>
    %blocks.2.0.down.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.down.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xc = stablehlo.subtract %blocks.2.0.down.conv, %blocks.2.0.down.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.xc2 = stablehlo.multiply %blocks.2.0.down.xc, %blocks.2.0.down.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.down.sum_xc2_w = stablehlo.reduce(%blocks.2.0.down.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.down.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.down.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.down.sum_xc2 = stablehlo.reduce(%blocks.2.0.down.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var = stablehlo.multiply %blocks.2.0.down.sum_xc2, %blocks.2.0.down.bcast_1 : tensor<6xf32>
    %blocks.2.0.down.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var_eps = stablehlo.add %blocks.2.0.down.var, %blocks.2.0.down.bcast_2 : tensor<6xf32>
    %blocks.2.0.down.inv_std = stablehlo.rsqrt %blocks.2.0.down.var_eps : tensor<6xf32>
    %blocks.2.0.down.scale = stablehlo.multiply %blocks.2.0.down.bn.gamma.flat, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.mean_scale = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.scale : tensor<6xf32>
    %blocks.2.0.down.shift = stablehlo.subtract %blocks.2.0.down.bn.beta.flat, %blocks.2.0.down.mean_scale : tensor<6xf32>
    %blocks.2.0.down.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.down.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.scaled = stablehlo.multiply %blocks.2.0.down.conv, %blocks.2.0.down.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.down.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.bn = stablehlo.add %blocks.2.0.down.scaled, %blocks.2.0.down.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.2.0.down.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var_unbiased = stablehlo.multiply %blocks.2.0.down.var, %blocks.2.0.down.bcast_3 : tensor<6xf32>
    %blocks.2.0.down.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.down.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rm_keep = stablehlo.multiply %blocks.2.0.down.bn.running_mean, %blocks.2.0.down.bcast_4 : tensor<6xf32>
    %blocks.2.0.down.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rm_new = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.bcast_5 : tensor<6xf32>
    %blocks.2.0.down.running_mean = stablehlo.add %blocks.2.0.down.rm_keep, %blocks.2.0.down.rm_new : tensor<6xf32>
    %blocks.2.0.down.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.down.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rv_keep = stablehlo.multiply %blocks.2.0.down.bn.running_var, %blocks.2.0.down.bcast_6 : tensor<6xf32>
    %blocks.2.0.down.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rv_new = stablehlo.multiply %blocks.2.0.down.var_unbiased, %blocks.2.0.down.bcast_7 : tensor<6xf32>
    %blocks.2.0.down.running_var = stablehlo.add %blocks.2.0.down.rv_keep, %blocks.2.0.down.rv_new : tensor<6xf32>
    %blocks.2.0.u_col = stablehlo.slice %rand [0:4, 1:2] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.2.0.u = stablehlo.reshape %blocks.2.0.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_9 = stablehlo.constant dense<4.00000000e-01> : tensor<f32>
    %blocks.2.0.bcast = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.keep = stablehlo.compare GE, %blocks.2.0.u, %blocks.2.0.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_10 = stablehlo.constant dense<1.66666667e+00> : tensor<f32>
    %blocks.2.0.inv_keep = stablehlo.broadcast_in_dim %cst_10, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.drop_mask = stablehlo.select %blocks.2.0.keep, %blocks.2.0.inv_keep, %blocks.2.0.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.2.0.drop_b = stablehlo.broadcast_in_dim %blocks.2.0.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.dropped = stablehlo.multiply %blocks.2.0.conv2.bn, %blocks.2.0.drop_b : tensor<4x3x3x6xf32>
    %blocks.2.0.residual = stablehlo.add %blocks.2.0.dropped, %blocks.2.0.down.bn : tensor<4x3x3x6xf32>
    %blocks.2.0.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.relu = stablehlo.maximum %blocks.2.0.residual, %blocks.2.0.bcast_1 : tensor<4x3x3x6xf32>
    %pool.3.sum_hw = stablehlo.reduce(%blocks.2.0.relu init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %cst_11 = stablehlo.constant dense<1.11111111e-01> : tensor<f32>
    %pool.3.bcast = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<4x6xf32>
    %pool.3.mean = stablehlo.multiply %pool.3.sum_hw, %pool.3.bcast : tensor<4x6xf32>
    %fc.4.mm = stablehlo.dot_general %pool.3.mean, %fc.4.w, contracting_dims = [1] x [0] : (tensor<4x6xf32>, tensor<6x3xf32>) -> tensor<4x3xf32>
    %fc.4.bias_b = stablehlo.broadcast_in_dim %fc.4.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.4.z = stablehlo.add %fc.4.mm, %fc.4.bias_b : tensor<4x3xf32>
    %loss.class = stablehlo.iota dim = 1 : tensor<4x3xi32>
    %loss.label_b = stablehlo.broadcast_in_dim %labels, dims = [0] : (tensor<4xi32>) -> tensor<4x3xi32>
    %loss.is_label = stablehlo.compare EQ, %loss.class, %loss.label_b : (tensor<4x3xi32>, tensor<4x3xi32>) -> tensor<4x3xi1>
    %loss.onehot = stablehlo.convert %loss.is_label : (tensor<4x3xi1>) -> tensor<4x3xf32>
    %loss.one_minus_eps = stablehlo.subtract %cst_3, %hyper.label_smoothing : tensor<f32>
    %loss.bcast = stablehlo.broadcast_in_dim %loss.one_minus_eps, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.t_main = stablehlo.multiply %loss.onehot, %loss.bcast : tensor<4x3xf32>
    %cst_12 = stablehlo.constant dense<3.33333333e-01> : tensor<f32>
    %loss.eps_over_k = stablehlo.multiply %hyper.label_smoothing, %cst_12 : tensor<f32>
    %loss.bcast_1 = stablehlo.broadcast_in_dim %loss.eps_over_k, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.target = stablehlo.add %loss.t_main, %loss.bcast_1 : tensor<4x3xf32>
    %cst_neg_inf = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %loss.z_max = stablehlo.reduce(%fc.4.z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.z_max_b = stablehlo.broadcast_in_dim %loss.z_max, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.shifted = stablehlo.subtract %fc.4.z, %loss.z_max_b : tensor<4x3xf32>
    %loss.exp = stablehlo.exponential %loss.shifted : tensor<4x3xf32>
    %loss.sum_exp = stablehlo.reduce(%loss.exp init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.lse = stablehlo.log %loss.sum_exp : tensor<4xf32>
    %loss.lse_b = stablehlo.broadcast_in_dim %loss.lse, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.logp = stablehlo.subtract %loss.shifted, %loss.lse_b : tensor<4x3xf32>
    %loss.t_logp = stablehlo.multiply %loss.target, %loss.logp : tensor<4x3xf32>
    %loss.sum_t_logp = stablehlo.reduce(%loss.t_logp init: %cst_1) applies stablehlo.add across dimensions = [0, 1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<f32>
    %cst_13 = stablehlo.constant dense<-2.50000000e-01> : tensor<f32>
    %loss.loss = stablehlo.multiply %loss.sum_t_logp, %cst_13 : tensor<f32>
    %loss.softmax = stablehlo.exponential %loss.logp : tensor<4x3xf32>
    %loss.p_minus_t = stablehlo.subtract %loss.softmax, %loss.target : tensor<4x3xf32>
    %cst_14 = stablehlo.constant dense<2.50000000e-01> : tensor<f32>
    %loss.bcast_2 = stablehlo.broadcast_in_dim %cst_14, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.d_logits = stablehlo.multiply %loss.p_minus_t, %loss.bcast_2 : tensor<4x3xf32>
    %cst_15 = stablehlo.constant dense<-3.00000000e+38> : tensor<f32>
    %loss.very_neg = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.label_z = stablehlo.select %loss.is_label, %fc.4.z, %loss.very_neg : (tensor<4x3xi1>, tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %loss.label_logit = stablehlo.reduce(%loss.label_z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.hit = stablehlo.compare GE, %loss.label_logit, %loss.z_max : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %loss.hit_i32 = stablehlo.convert %loss.hit : (tensor<4xi1>) -> tensor<4xi32>
    %cst_16 = stablehlo.constant dense<0> : tensor<i32>
    %loss.correct = stablehlo.reduce(%loss.hit_i32 init: %cst_16) applies stablehlo.add across dimensions = [0] : (tensor<4xi32>, tensor<i32>) -> tensor<i32>
    %fc.4.d_w = stablehlo.dot_general %pool.3.mean, %loss.d_logits, contracting_dims = [0] x [0] : (tensor<4x6xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
    %fc.4.d_b = stablehlo.reduce(%loss.d_logits init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x3xf32>, tensor<f32>) -> tensor<3xf32>
    %fc.4.d_x = stablehlo.dot_general %loss.d_logits, %fc.4.w, contracting_dims = [1] x [1] : (tensor<4x3xf32>, tensor<6x3xf32>) -> tensor<4x6xf32>
    %pool.3.bcast_1 = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<4x6xf32>
    %pool.3.d_mean = stablehlo.multiply %fc.4.d_x, %pool.3.bcast_1 : tensor<4x6xf32>
    %pool.3.d_x = stablehlo.broadcast_in_dim %pool.3.d_mean, dims = [0, 3] : (tensor<4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.bcast_2 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.relu_on = stablehlo.compare GT, %blocks.2.0.relu, %blocks.2.0.bcast_2 : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xi1>
    %blocks.2.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.d_relu = stablehlo.select %blocks.2.0.relu_on, %pool.3.d_x, %blocks.2.0.full : (tensor<4x3x3x6xi1>, tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.drop_b_1 = stablehlo.broadcast_in_dim %blocks.2.0.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.d_dropped = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.drop_b_1 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.mean_inv = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.z_inv = stablehlo.multiply %blocks.2.0.conv2.conv, %blocks.2.0.conv2.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xhat = stablehlo.subtract %blocks.2.0.conv2.z_inv, %blocks.2.0.conv2.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.du_xhat = stablehlo.multiply %blocks.2.0.d_dropped, %blocks.2.0.conv2.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.d_dropped init: %cst_1), (%blocks.2.0.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc: tensor<f32>, %elt: tensor<f32>) (%acc_1: tensor<f32>, %elt_1: tensor<f32>) {
        %part = stablehlo.add %acc, %elt : tensor<f32>
        %part_1 = stablehlo.add %acc_1, %elt_1 : tensor<f32>
        stablehlo.return %part, %part_1 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_2: tensor<f32>, %elt_2: tensor<f32>) (%acc_3: tensor<f32>, %elt_3: tensor<f32>) {
        %part_2 = stablehlo.add %acc_2, %elt_2 : tensor<f32>
        %part_3 = stablehlo.add %acc_3, %elt_3 : tensor<f32>
        stablehlo.return %part_2, %part_3 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_4: tensor<f32>, %elt_4: tensor<f32>) (%acc_5: tensor<f32>, %elt_5: tensor<f32>) {
        %part_4 = stablehlo.add %acc_4, %elt_4 : tensor<f32>
        %part_5 = stablehlo.add %acc_5, %elt_5 : tensor<f32>
        stablehlo.return %part_4, %part_5 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.gamma_inv = stablehlo.multiply %blocks.2.0.conv2.bn.gamma.flat, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.gamma_inv_n = stablehlo.multiply %blocks.2.0.conv2.gamma_inv, %blocks.2.0.conv2.bcast_8 : tensor<6xf32>
    %cst_17 = stablehlo.constant dense<3.60000000e+01> : tensor<f32>
    %blocks.2.0.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.n_du = stablehlo.multiply %blocks.2.0.d_dropped, %blocks.2.0.conv2.bcast_9 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.t1 = stablehlo.subtract %blocks.2.0.conv2.n_du, %blocks.2.0.conv2.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xhat_dgamma = stablehlo.multiply %blocks.2.0.conv2.xhat, %blocks.2.0.conv2.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.t2 = stablehlo.subtract %blocks.2.0.conv2.t1, %blocks.2.0.conv2.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.k_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_z = stablehlo.multiply %blocks.2.0.conv2.t2, %blocks.2.0.conv2.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_w = stablehlo.convolution(%blocks.2.0.conv1.relu, %blocks.2.0.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.w_flip = stablehlo.reverse %blocks.2.0.conv2.conv.w, dims = [0, 1] : tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.d_x = stablehlo.convolution(%blocks.2.0.conv2.d_z, %blocks.2.0.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x6x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.mean_inv = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.z_inv = stablehlo.multiply %blocks.2.0.conv1.conv, %blocks.2.0.conv1.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xhat = stablehlo.subtract %blocks.2.0.conv1.z_inv, %blocks.2.0.conv1.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.relu_on = stablehlo.compare GT, %blocks.2.0.conv1.relu, %blocks.2.0.conv1.bcast_9 : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xi1>
    %blocks.2.0.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_relu = stablehlo.select %blocks.2.0.conv1.relu_on, %blocks.2.0.conv2.d_x, %blocks.2.0.conv1.full : (tensor<4x3x3x6xi1>, tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.du_xhat = stablehlo.multiply %blocks.2.0.conv1.d_relu, %blocks.2.0.conv1.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.conv1.d_relu init: %cst_1), (%blocks.2.0.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc_6: tensor<f32>, %elt_6: tensor<f32>) (%acc_7: tensor<f32>, %elt_7: tensor<f32>) {
        %part_6 = stablehlo.add %acc_6, %elt_6 : tensor<f32>
        %part_7 = stablehlo.add %acc_7, %elt_7 : tensor<f32>
        stablehlo.return %part_6, %part_7 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_8: tensor<f32>, %elt_8: tensor<f32>) (%acc_9: tensor<f32>, %elt_9: tensor<f32>) {
        %part_8 = stablehlo.add %acc_8, %elt_8 : tensor<f32>
        %part_9 = stablehlo.add %acc_9, %elt_9 : tensor<f32>
        stablehlo.return %part_8, %part_9 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_10: tensor<f32>, %elt_10: tensor<f32>) (%acc_11: tensor<f32>, %elt_11: tensor<f32>) {
        %part_10 = stablehlo.add %acc_10, %elt_10 : tensor<f32>
        %part_11 = stablehlo.add %acc_11, %elt_11 : tensor<f32>
        stablehlo.return %part_10, %part_11 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.gamma_inv = stablehlo.multiply %blocks.2.0.conv1.bn.gamma.flat, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.gamma_inv_n = stablehlo.multiply %blocks.2.0.conv1.gamma_inv, %blocks.2.0.conv1.bcast_10 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.n_du = stablehlo.multiply %blocks.2.0.conv1.d_relu, %blocks.2.0.conv1.bcast_11 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.t1 = stablehlo.subtract %blocks.2.0.conv1.n_du, %blocks.2.0.conv1.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xhat_dgamma = stablehlo.multiply %blocks.2.0.conv1.xhat, %blocks.2.0.conv1.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.t2 = stablehlo.subtract %blocks.2.0.conv1.t1, %blocks.2.0.conv1.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.k_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_z = stablehlo.multiply %blocks.2.0.conv1.t2, %blocks.2.0.conv1.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_w = stablehlo.convolution(%blocks.1.1.relu, %blocks.2.0.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 0], [1, 0]], lhs_dilate = [1, 1], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x3x3x6xf32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.w_flip = stablehlo.reverse %blocks.2.0.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.d_x = stablehlo.convolution(%blocks.2.0.conv1.d_z, %blocks.2.0.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 2], [1, 2]], lhs_dilate = [2, 2], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x4x6xf32>) -> tensor<4x6x6x4xf32>
    %blocks.2.0.down.mean_inv = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.down.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.z_inv = stablehlo.multiply %blocks.2.0.down.conv, %blocks.2.0.down.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.down.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xhat = stablehlo.subtract %blocks.2.0.down.z_inv, %blocks.2.0.down.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.du_xhat = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.down.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.d_relu init: %cst_1), (%blocks.2.0.down.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc_12: tensor<f32>, %elt_12: tensor<f32>) (%acc_13: tensor<f32>, %elt_13: tensor<f32>) {
        %part_12 = stablehlo.add %acc_12, %elt_12 : tensor<f32>
        %part_13 = stablehlo.add %acc_13, %elt_13 : tensor<f32>
        stablehlo.return %part_12, %part_13 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.down.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.down.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_14: tensor<f32>, %elt_14: tensor<f32>) (%acc_15: tensor<f32>, %elt_15: tensor<f32>) {
        %part_14 = stablehlo.add %acc_14, %elt_14 : tensor<f32>
        %part_15 = stablehlo.add %acc_15, %elt_15 : tensor<f32>
        stablehlo.return %part_14, %part_15 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.down.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.down.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_16: tensor<f32>, %elt_16: tensor<f32>) (%acc_17: tensor<f32>, %elt_17: tensor<f32>) {
        %part_16 = stablehlo.add %acc_16, %elt_16 : tensor<f32>
        %part_17 = stablehlo.add %acc_17, %elt_17 : tensor<f32>
        stablehlo.return %part_16, %part_17 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.gamma_inv = stablehlo.multiply %blocks.2.0.down.bn.gamma.flat, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.bcast_8 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.gamma_inv_n = stablehlo.multiply %blocks.2.0.down.gamma_inv, %blocks.2.0.down.bcast_8 : tensor<6xf32>
    %blocks.2.0.down.bcast_9 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.n_du = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.down.bcast_9 : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.down.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.t1 = stablehlo.subtract %blocks.2.0.down.n_du, %blocks.2.0.down.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.down.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xhat_dgamma = stablehlo.multiply %blocks.2.0.down.xhat, %blocks.2.0.down.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.t2 = stablehlo.subtract %blocks.2.0.down.t1, %blocks.2.0.down.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.down.k_b = stablehlo.broadcast_in_dim %blocks.2.0.down.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_z = stablehlo.multiply %blocks.2.0.down.t2, %blocks.2.0.down.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.x_read_1 = stablehlo.slice %blocks.1.1.relu [0:4, 0:5, 0:5, 0:4] : (tensor<4x6x6x4xf32>) -> tensor<4x5x5x4xf32>
    %blocks.2.0.down.d_w = stablehlo.convolution(%blocks.2.0.down.x_read_1, %blocks.2.0.down.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x5x5x4xf32>, tensor<4x3x3x6xf32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.w_flip = stablehlo.reverse %blocks.2.0.down.conv.w, dims = [0, 1] : tensor<1x1x4x6xf32>
    %blocks.2.0.down.d_x = stablehlo.convolution(%blocks.2.0.down.d_z, %blocks.2.0.down.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 1], [0, 1]], lhs_dilate = [2, 2], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<1x1x4x6xf32>) -> tensor<4x6x6x4xf32>
    %blocks.2.0.d_residual = stablehlo.add %blocks.2.0.conv1.d_x, %blocks.2.0.down.d_x : tensor<4x6x6x4xf32>
    %blocks.1.1.bcast_2 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.relu_on = stablehlo.compare GT, %blocks.1.1.relu, %blocks.1.1.bcast_2 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_relu = stablehlo.select %blocks.1.1.relu_on, %blocks.2.0.d_residual, %blocks.1.1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_dropped = stablehlo.multiply %blocks.1.1.d_relu, %blocks.1.1.drop_b_1 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.mean_inv = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.z_inv = stablehlo.multiply %blocks.1.1.conv2.conv, %blocks.1.1.conv2.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xhat = stablehlo.subtract %blocks.1.1.conv2.z_inv, %blocks.1.1.conv2.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.du_xhat = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.conv2.xhat : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_dropped init: %cst_1), (%blocks.1.1.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_18: tensor<f32>, %elt_18: tensor<f32>) (%acc_19: tensor<f32>, %elt_19: tensor<f32>) {
        %part_18 = stablehlo.add %acc_18, %elt_18 : tensor<f32>
        %part_19 = stablehlo.add %acc_19, %elt_19 : tensor<f32>
        stablehlo.return %part_18, %part_19 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_20: tensor<f32>, %elt_20: tensor<f32>) (%acc_21: tensor<f32>, %elt_21: tensor<f32>) {
        %part_20 = stablehlo.add %acc_20, %elt_20 : tensor<f32>
        %part_21 = stablehlo.add %acc_21, %elt_21 : tensor<f32>
        stablehlo.return %part_20, %part_21 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_22: tensor<f32>, %elt_22: tensor<f32>) (%acc_23: tensor<f32>, %elt_23: tensor<f32>) {
        %part_22 = stablehlo.add %acc_22, %elt_22 : tensor<f32>
        %part_23 = stablehlo.add %acc_23, %elt_23 : tensor<f32>
        stablehlo.return %part_22, %part_23 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.gamma_inv = stablehlo.multiply %blocks.1.1.conv2.bn.gamma.flat, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.gamma_inv_n = stablehlo.multiply %blocks.1.1.conv2.gamma_inv, %blocks.1.1.conv2.bcast_8 : tensor<4xf32>
    %cst_18 = stablehlo.constant dense<1.44000000e+02> : tensor<f32>
    %blocks.1.1.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.n_du = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.conv2.bcast_9 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.t1 = stablehlo.subtract %blocks.1.1.conv2.n_du, %blocks.1.1.conv2.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xhat_dgamma = stablehlo.multiply %blocks.1.1.conv2.xhat, %blocks.1.1.conv2.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.t2 = stablehlo.subtract %blocks.1.1.conv2.t1, %blocks.1.1.conv2.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.k_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_z = stablehlo.multiply %blocks.1.1.conv2.t2, %blocks.1.1.conv2.k_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_w = stablehlo.convolution(%blocks.1.1.conv1.relu, %blocks.1.1.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.w_flip = stablehlo.reverse %blocks.1.1.conv2.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.d_x = stablehlo.convolution(%blocks.1.1.conv2.d_z, %blocks.1.1.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.mean_inv = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.z_inv = stablehlo.multiply %blocks.1.1.conv1.conv, %blocks.1.1.conv1.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xhat = stablehlo.subtract %blocks.1.1.conv1.z_inv, %blocks.1.1.conv1.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.relu_on = stablehlo.compare GT, %blocks.1.1.conv1.relu, %blocks.1.1.conv1.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.1.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_relu = stablehlo.select %blocks.1.1.conv1.relu_on, %blocks.1.1.conv2.d_x, %blocks.1.1.conv1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.du_xhat = stablehlo.multiply %blocks.1.1.conv1.d_relu, %blocks.1.1.conv1.xhat : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.conv1.d_relu init: %cst_1), (%blocks.1.1.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_24: tensor<f32>, %elt_24: tensor<f32>) (%acc_25: tensor<f32>, %elt_25: tensor<f32>) {
        %part_24 = stablehlo.add %acc_24, %elt_24 : tensor<f32>
        %part_25 = stablehlo.add %acc_25, %elt_25 : tensor<f32>
        stablehlo.return %part_24, %part_25 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_26: tensor<f32>, %elt_26: tensor<f32>) (%acc_27: tensor<f32>, %elt_27: tensor<f32>) {
        %part_26 = stablehlo.add %acc_26, %elt_26 : tensor<f32>
        %part_27 = stablehlo.add %acc_27, %elt_27 : tensor<f32>
        stablehlo.return %part_26, %part_27 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_28: tensor<f32>, %elt_28: tensor<f32>) (%acc_29: tensor<f32>, %elt_29: tensor<f32>) {
        %part_28 = stablehlo.add %acc_28, %elt_28 : tensor<f32>
        %part_29 = stablehlo.add %acc_29, %elt_29 : tensor<f32>
        stablehlo.return %part_28, %part_29 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.gamma_inv = stablehlo.multiply %blocks.1.1.conv1.bn.gamma.flat, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.gamma_inv_n = stablehlo.multiply %blocks.1.1.conv1.gamma_inv, %blocks.1.1.conv1.bcast_10 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.n_du = stablehlo.multiply %blocks.1.1.conv1.d_relu, %blocks.1.1.conv1.bcast_11 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.t1 = stablehlo.subtract %blocks.1.1.conv1.n_du, %blocks.1.1.conv1.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xhat_dgamma = stablehlo.multiply %blocks.1.1.conv1.xhat, %blocks.1.1.conv1.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.t2 = stablehlo.subtract %blocks.1.1.conv1.t1, %blocks.1.1.conv1.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.k_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_z = stablehlo.multiply %blocks.1.1.conv1.t2, %blocks.1.1.conv1.k_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_w = stablehlo.convolution(%blocks.1.0.relu, %blocks.1.1.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.w_flip = stablehlo.reverse %blocks.1.1.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.d_x = stablehlo.convolution(%blocks.1.1.conv1.d_z, %blocks.1.1.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_residual = stablehlo.add %blocks.1.1.conv1.d_x, %blocks.1.1.d_relu : tensor<4x6x6x4xf32>
    %blocks.1.0.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.relu_on = stablehlo.compare GT, %blocks.1.0.relu, %blocks.1.0.bcast_1 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.d_relu = stablehlo.select %blocks.1.0.relu_on, %blocks.1.1.d_residual, %blocks.1.0.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.mean_inv = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.z_inv = stablehlo.multiply %blocks.1.0.conv2.conv, %blocks.1.0.conv2.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xhat = stablehlo.subtract %blocks.1.0.conv2.z_inv, %blocks.1.0.conv2.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.du_xhat = stablehlo.multiply %blocks.1.0.d_relu, %blocks.1.0.conv2.xhat : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.d_relu init: %cst_1), (%blocks.1.0.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_30: tensor<f32>, %elt_30: tensor<f32>) (%acc_31: tensor<f32>, %elt_31: tensor<f32>) {
        %part_30 = stablehlo.add %acc_30, %elt_30 : tensor<f32>
        %part_31 = stablehlo.add %acc_31, %elt_31 : tensor<f32>
        stablehlo.return %part_30, %part_31 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_32: tensor<f32>, %elt_32: tensor<f32>) (%acc_33: tensor<f32>, %elt_33: tensor<f32>) {
        %part_32 = stablehlo.add %acc_32, %elt_32 : tensor<f32>
        %part_33 = stablehlo.add %acc_33, %elt_33 : tensor<f32>
        stablehlo.return %part_32, %part_33 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_34: tensor<f32>, %elt_34: tensor<f32>) (%acc_35: tensor<f32>, %elt_35: tensor<f32>) {
        %part_34 = stablehlo.add %acc_34, %elt_34 : tensor<f32>
        %part_35 = stablehlo.add %acc_35, %elt_35 : tensor<f32>
        stablehlo.return %part_34, %part_35 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.gamma_inv = stablehlo.multiply %blocks.1.0.conv2.bn.gamma.flat, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.gamma_inv_n = stablehlo.multiply %blocks.1.0.conv2.gamma_inv, %blocks.1.0.conv2.bcast_8 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.n_du = stablehlo.multiply %blocks.1.0.d_relu, %blocks.1.0.conv2.bcast_9 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.t1 = stablehlo.subtract %blocks.1.0.conv2.n_du, %blocks.1.0.conv2.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xhat_dgamma = stablehlo.multiply %blocks.1.0.conv2.xhat, %blocks.1.0.conv2.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.t2 = stablehlo.subtract %blocks.1.0.conv2.t1, %blocks.1.0.conv2.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.k_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_z = stablehlo.multiply %blocks.1.0.conv2.t2, %blocks.1.0.conv2.k_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_w = stablehlo.convolution(%blocks.1.0.conv1.relu, %blocks.1.0.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.w_flip = stablehlo.reverse %blocks.1.0.conv2.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.d_x = stablehlo.convolution(%blocks.1.0.conv2.d_z, %blocks.1.0.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.mean_inv = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.z_inv = stablehlo.multiply %blocks.1.0.conv1.conv, %blocks.1.0.conv1.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xhat = stablehlo.subtract %blocks.1.0.conv1.z_inv, %blocks.1.0.conv1.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.relu_on = stablehlo.compare GT, %blocks.1.0.conv1.relu, %blocks.1.0.conv1.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.0.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_relu = stablehlo.select %blocks.1.0.conv1.relu_on, %blocks.1.0.conv2.d_x, %blocks.1.0.conv1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.du_xhat = stablehlo.multiply %blocks.1.0.conv1.d_relu, %blocks.1.0.conv1.xhat : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.conv1.d_relu init: %cst_1), (%blocks.1.0.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_36: tensor<f32>, %elt_36: tensor<f32>) (%acc_37: tensor<f32>, %elt_37: tensor<f32>) {
        %part_36 = stablehlo.add %acc_36, %elt_36 : tensor<f32>
        %part_37 = stablehlo.add %acc_37, %elt_37 : tensor<f32>
        stablehlo.return %part_36, %part_37 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_38: tensor<f32>, %elt_38: tensor<f32>) (%acc_39: tensor<f32>, %elt_39: tensor<f32>) {
        %part_38 = stablehlo.add %acc_38, %elt_38 : tensor<f32>
        %part_39 = stablehlo.add %acc_39, %elt_39 : tensor<f32>
        stablehlo.return %part_38, %part_39 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_40: tensor<f32>, %elt_40: tensor<f32>) (%acc_41: tensor<f32>, %elt_41: tensor<f32>) {
        %part_40 = stablehlo.add %acc_40, %elt_40 : tensor<f32>
        %part_41 = stablehlo.add %acc_41, %elt_41 : tensor<f32>
        stablehlo.return %part_40, %part_41 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.gamma_inv = stablehlo.multiply %blocks.1.0.conv1.bn.gamma.flat, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.gamma_inv_n = stablehlo.multiply %blocks.1.0.conv1.gamma_inv, %blocks.1.0.conv1.bcast_10 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.n_du = stablehlo.multiply %blocks.1.0.conv1.d_relu, %blocks.1.0.conv1.bcast_11 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.t1 = stablehlo.subtract %blocks.1.0.conv1.n_du, %blocks.1.0.conv1.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xhat_dgamma = stablehlo.multiply %blocks.1.0.conv1.xhat, %blocks.1.0.conv1.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.t2 = stablehlo.subtract %blocks.1.0.conv1.t1, %blocks.1.0.conv1.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.k_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_z = stablehlo.multiply %blocks.1.0.conv1.t2, %blocks.1.0.conv1.k_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_w = stablehlo.convolution(%conv.0.relu, %blocks.1.0.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.w_flip = stablehlo.reverse %blocks.1.0.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.d_x = stablehlo.convolution(%blocks.1.0.conv1.d_z, %blocks.1.0.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.d_residual = stablehlo.add %blocks.1.0.conv1.d_x, %blocks.1.0.d_relu : tensor<4x6x6x4xf32>
    %conv.0.mean_inv = stablehlo.multiply %conv.0.mean, %conv.0.inv_std : tensor<4xf32>
    %conv.0.inv_b = stablehlo.broadcast_in_dim %conv.0.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.z_inv = stablehlo.multiply %conv.0.conv, %conv.0.inv_b : tensor<4x6x6x4xf32>
    %conv.0.mean_inv_b = stablehlo.broadcast_in_dim %conv.0.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xhat = stablehlo.subtract %conv.0.z_inv, %conv.0.mean_inv_b : tensor<4x6x6x4xf32>
    %conv.0.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.relu_on = stablehlo.compare GT, %conv.0.relu, %conv.0.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %conv.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.d_relu = stablehlo.select %conv.0.relu_on, %blocks.1.0.d_residual, %conv.0.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.du_xhat = stablehlo.multiply %conv.0.d_relu, %conv.0.xhat : tensor<4x6x6x4xf32>
    %conv.0.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%conv.0.d_relu init: %cst_1), (%conv.0.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_42: tensor<f32>, %elt_42: tensor<f32>) (%acc_43: tensor<f32>, %elt_43: tensor<f32>) {
        %part_42 = stablehlo.add %acc_42, %elt_42 : tensor<f32>
        %part_43 = stablehlo.add %acc_43, %elt_43 : tensor<f32>
        stablehlo.return %part_42, %part_43 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%conv.0.d_beta_w_d_gamma_w#0 init: %cst_1), (%conv.0.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_44: tensor<f32>, %elt_44: tensor<f32>) (%acc_45: tensor<f32>, %elt_45: tensor<f32>) {
        %part_44 = stablehlo.add %acc_44, %elt_44 : tensor<f32>
        %part_45 = stablehlo.add %acc_45, %elt_45 : tensor<f32>
        stablehlo.return %part_44, %part_45 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_d_gamma:2 = stablehlo.reduce(%conv.0.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%conv.0.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_46: tensor<f32>, %elt_46: tensor<f32>) (%acc_47: tensor<f32>, %elt_47: tensor<f32>) {
        %part_46 = stablehlo.add %acc_46, %elt_46 : tensor<f32>
        %part_47 = stablehlo.add %acc_47, %elt_47 : tensor<f32>
        stablehlo.return %part_46, %part_47 : tensor<f32>, tensor<f32>
      }
    %conv.0.gamma_inv = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.gamma_inv_n = stablehlo.multiply %conv.0.gamma_inv, %conv.0.bcast_10 : tensor<4xf32>
    %conv.0.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.n_du = stablehlo.multiply %conv.0.d_relu, %conv.0.bcast_11 : tensor<4x6x6x4xf32>
    %conv.0.d_beta_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.t1 = stablehlo.subtract %conv.0.n_du, %conv.0.d_beta_b : tensor<4x6x6x4xf32>
    %conv.0.d_gamma_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xhat_dgamma = stablehlo.multiply %conv.0.xhat, %conv.0.d_gamma_b : tensor<4x6x6x4xf32>
    %conv.0.t2 = stablehlo.subtract %conv.0.t1, %conv.0.xhat_dgamma : tensor<4x6x6x4xf32>
    %conv.0.k_b = stablehlo.broadcast_in_dim %conv.0.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.d_z = stablehlo.multiply %conv.0.t2, %conv.0.k_b : tensor<4x6x6x4xf32>
    %conv.0.x_pieces = stablehlo.reshape %images : (tensor<4x6x6x2xf32>) -> tensor<4x36x2xf32>
    %conv.0.dy_pieces = stablehlo.reshape %conv.0.d_z : (tensor<4x6x6x4xf32>) -> tensor<4x36x4xf32>
    %conv.0.d_w_pieces = stablehlo.dot_general %conv.0.x_pieces, %conv.0.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x36x2xf32>, tensor<4x36x4xf32>) -> tensor<4x2x4xf32>
    %conv.0.d_w_sum = stablehlo.reduce(%conv.0.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
    %conv.0.d_w = stablehlo.reshape %conv.0.d_w_sum : (tensor<2x4xf32>) -> tensor<1x1x2x4xf32>
    %grads.conv.0.conv.w = stablehlo.reshape %conv.0.d_w : (tensor<1x1x2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.conv1.conv.w = stablehlo.reshape %blocks.1.0.conv1.d_w : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.0.conv2.conv.w = stablehlo.reshape %blocks.1.0.conv2.d_w : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.1.conv1.conv.w = stablehlo.reshape %blocks.1.1.conv1.d_w : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.1.conv2.conv.w = stablehlo.reshape %blocks.1.1.conv2.d_w : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.2.0.conv1.conv.w = stablehlo.reshape %blocks.2.0.conv1.d_w : (tensor<3x3x4x6xf32>) -> tensor<216xf32>
    %grads.blocks.2.0.conv2.conv.w = stablehlo.reshape %blocks.2.0.conv2.d_w : (tensor<3x3x6x6xf32>) -> tensor<324xf32>
    %grads.blocks.2.0.down.conv.w = stablehlo.reshape %blocks.2.0.down.d_w : (tensor<1x1x4x6xf32>) -> tensor<24xf32>
    %grads.fc.4.w = stablehlo.reshape %fc.4.d_w : (tensor<6x3xf32>) -> tensor<18xf32>
    %grads.flat = stablehlo.concatenate %grads.conv.0.conv.w, %conv.0.d_beta_d_gamma#1, %conv.0.d_beta_d_gamma#0, %grads.blocks.1.0.conv1.conv.w, %blocks.1.0.conv1.d_beta_d_gamma#1, %blocks.1.0.conv1.d_beta_d_gamma#0, %grads.blocks.1.0.conv2.conv.w, %blocks.1.0.conv2.d_beta_d_gamma#1, %blocks.1.0.conv2.d_beta_d_gamma#0, %grads.blocks.1.1.conv1.conv.w, %blocks.1.1.conv1.d_beta_d_gamma#1, %blocks.1.1.conv1.d_beta_d_gamma#0, %grads.blocks.1.1.conv2.conv.w, %blocks.1.1.conv2.d_beta_d_gamma#1, %blocks.1.1.conv2.d_beta_d_gamma#0, %grads.blocks.2.0.conv1.conv.w, %blocks.2.0.conv1.d_beta_d_gamma#1, %blocks.2.0.conv1.d_beta_d_gamma#0, %grads.blocks.2.0.conv2.conv.w, %blocks.2.0.conv2.d_beta_d_gamma#1, %blocks.2.0.conv2.d_beta_d_gamma#0, %grads.blocks.2.0.down.conv.w, %blocks.2.0.down.d_beta_d_gamma#1, %blocks.2.0.down.d_beta_d_gamma#0, %grads.fc.4.w, %fc.4.d_b, dim = 0 : (tensor<8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<216xf32>, tensor<6xf32>, tensor<6xf32>, tensor<324xf32>, tensor<6xf32>, tensor<6xf32>, tensor<24xf32>, tensor<6xf32>, tensor<6xf32>, tensor<18xf32>, tensor<3xf32>) -> tensor<1245xf32>
    %bn.updated = stablehlo.concatenate %conv.0.running_mean, %conv.0.running_var, %blocks.1.0.conv1.running_mean, %blocks.1.0.conv1.running_var, %blocks.1.0.conv2.running_mean, %blocks.1.0.conv2.running_var, %blocks.1.1.conv1.running_mean, %blocks.1.1.conv1.running_var, %blocks.1.1.conv2.running_mean, %blocks.1.1.conv2.running_var, %blocks.2.0.conv1.running_mean, %blocks.2.0.conv1.running_var, %blocks.2.0.conv2.running_mean, %blocks.2.0.conv2.running_var, %blocks.2.0.down.running_mean, %blocks.2.0.down.running_var, dim = 0 : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<76xf32>
    return %loss.loss, %loss.correct, %grads.flat, %bn.updated : tensor<f32>, tensor<i32>, tensor<1245xf32>, tensor<76xf32>
  }
  func.func @train_step(%params: tensor<1245xf32>, %m: tensor<1245xf32>, %v: tensor<1245xf32>, %bn: tensor<76xf32>, %images: tensor<4x6x6x2xf32>, %labels: tensor<4xi32>, %rand: tensor<4x2xf32>, %hyper: tensor<12xf32>) -> (tensor<1245xf32>, tensor<1245xf32>, tensor<1245xf32>, tensor<76xf32>, tensor<f32>, tensor<i32>) {
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
    %conv.0.conv.w.flat = stablehlo.slice %params [0:8] : (tensor<1245xf32>) -> tensor<8xf32>
    %conv.0.conv.w = stablehlo.reshape %conv.0.conv.w.flat : (tensor<8xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bn.gamma.flat = stablehlo.slice %params [8:12] : (tensor<1245xf32>) -> tensor<4xf32>
    %conv.0.bn.beta.flat = stablehlo.slice %params [12:16] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.conv.w.flat = stablehlo.slice %params [16:160] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv1.conv.w = stablehlo.reshape %blocks.1.0.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.bn.gamma.flat = stablehlo.slice %params [160:164] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.beta.flat = stablehlo.slice %params [164:168] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.conv.w.flat = stablehlo.slice %params [168:312] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.0.conv2.conv.w = stablehlo.reshape %blocks.1.0.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.bn.gamma.flat = stablehlo.slice %params [312:316] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.beta.flat = stablehlo.slice %params [316:320] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.conv.w.flat = stablehlo.slice %params [320:464] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv1.conv.w = stablehlo.reshape %blocks.1.1.conv1.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.bn.gamma.flat = stablehlo.slice %params [464:468] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.beta.flat = stablehlo.slice %params [468:472] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.conv.w.flat = stablehlo.slice %params [472:616] : (tensor<1245xf32>) -> tensor<144xf32>
    %blocks.1.1.conv2.conv.w = stablehlo.reshape %blocks.1.1.conv2.conv.w.flat : (tensor<144xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.bn.gamma.flat = stablehlo.slice %params [616:620] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.beta.flat = stablehlo.slice %params [620:624] : (tensor<1245xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.conv.w.flat = stablehlo.slice %params [624:840] : (tensor<1245xf32>) -> tensor<216xf32>
    %blocks.2.0.conv1.conv.w = stablehlo.reshape %blocks.2.0.conv1.conv.w.flat : (tensor<216xf32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.bn.gamma.flat = stablehlo.slice %params [840:846] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.beta.flat = stablehlo.slice %params [846:852] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.conv.w.flat = stablehlo.slice %params [852:1176] : (tensor<1245xf32>) -> tensor<324xf32>
    %blocks.2.0.conv2.conv.w = stablehlo.reshape %blocks.2.0.conv2.conv.w.flat : (tensor<324xf32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.bn.gamma.flat = stablehlo.slice %params [1176:1182] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.beta.flat = stablehlo.slice %params [1182:1188] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.conv.w.flat = stablehlo.slice %params [1188:1212] : (tensor<1245xf32>) -> tensor<24xf32>
    %blocks.2.0.down.conv.w = stablehlo.reshape %blocks.2.0.down.conv.w.flat : (tensor<24xf32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.bn.gamma.flat = stablehlo.slice %params [1212:1218] : (tensor<1245xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.beta.flat = stablehlo.slice %params [1218:1224] : (tensor<1245xf32>) -> tensor<6xf32>
    %fc.4.w.flat = stablehlo.slice %params [1224:1242] : (tensor<1245xf32>) -> tensor<18xf32>
    %fc.4.w = stablehlo.reshape %fc.4.w.flat : (tensor<18xf32>) -> tensor<6x3xf32>
    %fc.4.b.flat = stablehlo.slice %params [1242:1245] : (tensor<1245xf32>) -> tensor<3xf32>
    %conv.0.bn.running_mean = stablehlo.slice %bn [0:4] : (tensor<76xf32>) -> tensor<4xf32>
    %conv.0.bn.running_var = stablehlo.slice %bn [4:8] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_mean = stablehlo.slice %bn [8:12] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bn.running_var = stablehlo.slice %bn [12:16] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_mean = stablehlo.slice %bn [16:20] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bn.running_var = stablehlo.slice %bn [20:24] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_mean = stablehlo.slice %bn [24:28] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bn.running_var = stablehlo.slice %bn [28:32] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_mean = stablehlo.slice %bn [32:36] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bn.running_var = stablehlo.slice %bn [36:40] : (tensor<76xf32>) -> tensor<4xf32>
    %blocks.2.0.conv1.bn.running_mean = stablehlo.slice %bn [40:46] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bn.running_var = stablehlo.slice %bn [46:52] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_mean = stablehlo.slice %bn [52:58] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bn.running_var = stablehlo.slice %bn [58:64] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_mean = stablehlo.slice %bn [64:70] : (tensor<76xf32>) -> tensor<6xf32>
    %blocks.2.0.down.bn.running_var = stablehlo.slice %bn [70:76] : (tensor<76xf32>) -> tensor<6xf32>
    %conv.0.conv = stablehlo.convolution(%images, %conv.0.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x2xf32>, tensor<1x1x2x4xf32>) -> tensor<4x6x6x4xf32>
    %cst = stablehlo.constant dense<6.94444444e-03> : tensor<f32>
    %cst_1 = stablehlo.constant dense<0.00000000e+00> : tensor<f32>
    %conv.0.sum_x_w = stablehlo.reduce(%conv.0.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %conv.0.sum_x_hw = stablehlo.reduce(%conv.0.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %conv.0.sum_x = stablehlo.reduce(%conv.0.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %conv.0.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.mean = stablehlo.multiply %conv.0.sum_x, %conv.0.bcast : tensor<4xf32>
    %conv.0.mean_b = stablehlo.broadcast_in_dim %conv.0.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xc = stablehlo.subtract %conv.0.conv, %conv.0.mean_b : tensor<4x6x6x4xf32>
    %conv.0.xc2 = stablehlo.multiply %conv.0.xc, %conv.0.xc : tensor<4x6x6x4xf32>
    %conv.0.sum_xc2_w = stablehlo.reduce(%conv.0.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %conv.0.sum_xc2_hw = stablehlo.reduce(%conv.0.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
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
    %conv.0.scale_b = stablehlo.broadcast_in_dim %conv.0.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.scaled = stablehlo.multiply %conv.0.conv, %conv.0.scale_b : tensor<4x6x6x4xf32>
    %conv.0.shift_b = stablehlo.broadcast_in_dim %conv.0.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.bn = stablehlo.add %conv.0.scaled, %conv.0.shift_b : tensor<4x6x6x4xf32>
    %cst_3 = stablehlo.constant dense<1.00000000e+00> : tensor<f32>
    %conv.0.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_4 = stablehlo.constant dense<1.00699301e+00> : tensor<f32>
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
    %conv.0.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.relu = stablehlo.maximum %conv.0.bn, %conv.0.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.conv = stablehlo.convolution(%conv.0.relu, %blocks.1.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.sum_x_w = stablehlo.reduce(%blocks.1.0.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv1.sum_x_hw = stablehlo.reduce(%blocks.1.0.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv1.sum_x = stablehlo.reduce(%blocks.1.0.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.mean = stablehlo.multiply %blocks.1.0.conv1.sum_x, %blocks.1.0.conv1.bcast : tensor<4xf32>
    %blocks.1.0.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xc = stablehlo.subtract %blocks.1.0.conv1.conv, %blocks.1.0.conv1.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xc2 = stablehlo.multiply %blocks.1.0.conv1.xc, %blocks.1.0.conv1.xc : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.sum_xc2_w = stablehlo.reduce(%blocks.1.0.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv1.sum_xc2 = stablehlo.reduce(%blocks.1.0.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var = stablehlo.multiply %blocks.1.0.conv1.sum_xc2, %blocks.1.0.conv1.bcast_1 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var_eps = stablehlo.add %blocks.1.0.conv1.var, %blocks.1.0.conv1.bcast_2 : tensor<4xf32>
    %blocks.1.0.conv1.inv_std = stablehlo.rsqrt %blocks.1.0.conv1.var_eps : tensor<4xf32>
    %blocks.1.0.conv1.scale = stablehlo.multiply %blocks.1.0.conv1.bn.gamma.flat, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.mean_scale = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.scale : tensor<4xf32>
    %blocks.1.0.conv1.shift = stablehlo.subtract %blocks.1.0.conv1.bn.beta.flat, %blocks.1.0.conv1.mean_scale : tensor<4xf32>
    %blocks.1.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.scaled = stablehlo.multiply %blocks.1.0.conv1.conv, %blocks.1.0.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bn = stablehlo.add %blocks.1.0.conv1.scaled, %blocks.1.0.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.var_unbiased = stablehlo.multiply %blocks.1.0.conv1.var, %blocks.1.0.conv1.bcast_3 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rm_keep = stablehlo.multiply %blocks.1.0.conv1.bn.running_mean, %blocks.1.0.conv1.bcast_4 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rm_new = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.bcast_5 : tensor<4xf32>
    %blocks.1.0.conv1.running_mean = stablehlo.add %blocks.1.0.conv1.rm_keep, %blocks.1.0.conv1.rm_new : tensor<4xf32>
    %blocks.1.0.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rv_keep = stablehlo.multiply %blocks.1.0.conv1.bn.running_var, %blocks.1.0.conv1.bcast_6 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.rv_new = stablehlo.multiply %blocks.1.0.conv1.var_unbiased, %blocks.1.0.conv1.bcast_7 : tensor<4xf32>
    %blocks.1.0.conv1.running_var = stablehlo.add %blocks.1.0.conv1.rv_keep, %blocks.1.0.conv1.rv_new : tensor<4xf32>
    %blocks.1.0.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.relu = stablehlo.maximum %blocks.1.0.conv1.bn, %blocks.1.0.conv1.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.conv = stablehlo.convolution(%blocks.1.0.conv1.relu, %blocks.1.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.sum_x_w = stablehlo.reduce(%blocks.1.0.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv2.sum_x_hw = stablehlo.reduce(%blocks.1.0.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv2.sum_x = stablehlo.reduce(%blocks.1.0.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.mean = stablehlo.multiply %blocks.1.0.conv2.sum_x, %blocks.1.0.conv2.bcast : tensor<4xf32>
    %blocks.1.0.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xc = stablehlo.subtract %blocks.1.0.conv2.conv, %blocks.1.0.conv2.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xc2 = stablehlo.multiply %blocks.1.0.conv2.xc, %blocks.1.0.conv2.xc : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.sum_xc2_w = stablehlo.reduce(%blocks.1.0.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.0.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.1.0.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.0.conv2.sum_xc2 = stablehlo.reduce(%blocks.1.0.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var = stablehlo.multiply %blocks.1.0.conv2.sum_xc2, %blocks.1.0.conv2.bcast_1 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var_eps = stablehlo.add %blocks.1.0.conv2.var, %blocks.1.0.conv2.bcast_2 : tensor<4xf32>
    %blocks.1.0.conv2.inv_std = stablehlo.rsqrt %blocks.1.0.conv2.var_eps : tensor<4xf32>
    %blocks.1.0.conv2.scale = stablehlo.multiply %blocks.1.0.conv2.bn.gamma.flat, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.mean_scale = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.scale : tensor<4xf32>
    %blocks.1.0.conv2.shift = stablehlo.subtract %blocks.1.0.conv2.bn.beta.flat, %blocks.1.0.conv2.mean_scale : tensor<4xf32>
    %blocks.1.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.scaled = stablehlo.multiply %blocks.1.0.conv2.conv, %blocks.1.0.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.bn = stablehlo.add %blocks.1.0.conv2.scaled, %blocks.1.0.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.0.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.var_unbiased = stablehlo.multiply %blocks.1.0.conv2.var, %blocks.1.0.conv2.bcast_3 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rm_keep = stablehlo.multiply %blocks.1.0.conv2.bn.running_mean, %blocks.1.0.conv2.bcast_4 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rm_new = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.bcast_5 : tensor<4xf32>
    %blocks.1.0.conv2.running_mean = stablehlo.add %blocks.1.0.conv2.rm_keep, %blocks.1.0.conv2.rm_new : tensor<4xf32>
    %blocks.1.0.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rv_keep = stablehlo.multiply %blocks.1.0.conv2.bn.running_var, %blocks.1.0.conv2.bcast_6 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.rv_new = stablehlo.multiply %blocks.1.0.conv2.var_unbiased, %blocks.1.0.conv2.bcast_7 : tensor<4xf32>
    %blocks.1.0.conv2.running_var = stablehlo.add %blocks.1.0.conv2.rv_keep, %blocks.1.0.conv2.rv_new : tensor<4xf32>
    %blocks.1.0.residual = stablehlo.add %blocks.1.0.conv2.bn, %conv.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.0.bcast = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.relu = stablehlo.maximum %blocks.1.0.residual, %blocks.1.0.bcast : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.conv = stablehlo.convolution(%blocks.1.0.relu, %blocks.1.1.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.sum_x_w = stablehlo.reduce(%blocks.1.1.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv1.sum_x_hw = stablehlo.reduce(%blocks.1.1.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv1.sum_x = stablehlo.reduce(%blocks.1.1.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.mean = stablehlo.multiply %blocks.1.1.conv1.sum_x, %blocks.1.1.conv1.bcast : tensor<4xf32>
    %blocks.1.1.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xc = stablehlo.subtract %blocks.1.1.conv1.conv, %blocks.1.1.conv1.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xc2 = stablehlo.multiply %blocks.1.1.conv1.xc, %blocks.1.1.conv1.xc : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.sum_xc2_w = stablehlo.reduce(%blocks.1.1.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv1.sum_xc2 = stablehlo.reduce(%blocks.1.1.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var = stablehlo.multiply %blocks.1.1.conv1.sum_xc2, %blocks.1.1.conv1.bcast_1 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var_eps = stablehlo.add %blocks.1.1.conv1.var, %blocks.1.1.conv1.bcast_2 : tensor<4xf32>
    %blocks.1.1.conv1.inv_std = stablehlo.rsqrt %blocks.1.1.conv1.var_eps : tensor<4xf32>
    %blocks.1.1.conv1.scale = stablehlo.multiply %blocks.1.1.conv1.bn.gamma.flat, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.mean_scale = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.scale : tensor<4xf32>
    %blocks.1.1.conv1.shift = stablehlo.subtract %blocks.1.1.conv1.bn.beta.flat, %blocks.1.1.conv1.mean_scale : tensor<4xf32>
    %blocks.1.1.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.scaled = stablehlo.multiply %blocks.1.1.conv1.conv, %blocks.1.1.conv1.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bn = stablehlo.add %blocks.1.1.conv1.scaled, %blocks.1.1.conv1.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.var_unbiased = stablehlo.multiply %blocks.1.1.conv1.var, %blocks.1.1.conv1.bcast_3 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rm_keep = stablehlo.multiply %blocks.1.1.conv1.bn.running_mean, %blocks.1.1.conv1.bcast_4 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rm_new = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.bcast_5 : tensor<4xf32>
    %blocks.1.1.conv1.running_mean = stablehlo.add %blocks.1.1.conv1.rm_keep, %blocks.1.1.conv1.rm_new : tensor<4xf32>
    %blocks.1.1.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rv_keep = stablehlo.multiply %blocks.1.1.conv1.bn.running_var, %blocks.1.1.conv1.bcast_6 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.rv_new = stablehlo.multiply %blocks.1.1.conv1.var_unbiased, %blocks.1.1.conv1.bcast_7 : tensor<4xf32>
    %blocks.1.1.conv1.running_var = stablehlo.add %blocks.1.1.conv1.rv_keep, %blocks.1.1.conv1.rv_new : tensor<4xf32>
    %blocks.1.1.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.relu = stablehlo.maximum %blocks.1.1.conv1.bn, %blocks.1.1.conv1.bcast_8 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.conv = stablehlo.convolution(%blocks.1.1.conv1.relu, %blocks.1.1.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.sum_x_w = stablehlo.reduce(%blocks.1.1.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv2.sum_x_hw = stablehlo.reduce(%blocks.1.1.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv2.sum_x = stablehlo.reduce(%blocks.1.1.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bcast = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.mean = stablehlo.multiply %blocks.1.1.conv2.sum_x, %blocks.1.1.conv2.bcast : tensor<4xf32>
    %blocks.1.1.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.mean, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xc = stablehlo.subtract %blocks.1.1.conv2.conv, %blocks.1.1.conv2.mean_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xc2 = stablehlo.multiply %blocks.1.1.conv2.xc, %blocks.1.1.conv2.xc : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.sum_xc2_w = stablehlo.reduce(%blocks.1.1.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<f32>) -> tensor<4x6x4xf32>
    %blocks.1.1.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.1.1.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x6x4xf32>, tensor<f32>) -> tensor<4x4xf32>
    %blocks.1.1.conv2.sum_xc2 = stablehlo.reduce(%blocks.1.1.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x4xf32>, tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var = stablehlo.multiply %blocks.1.1.conv2.sum_xc2, %blocks.1.1.conv2.bcast_1 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var_eps = stablehlo.add %blocks.1.1.conv2.var, %blocks.1.1.conv2.bcast_2 : tensor<4xf32>
    %blocks.1.1.conv2.inv_std = stablehlo.rsqrt %blocks.1.1.conv2.var_eps : tensor<4xf32>
    %blocks.1.1.conv2.scale = stablehlo.multiply %blocks.1.1.conv2.bn.gamma.flat, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.mean_scale = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.scale : tensor<4xf32>
    %blocks.1.1.conv2.shift = stablehlo.subtract %blocks.1.1.conv2.bn.beta.flat, %blocks.1.1.conv2.mean_scale : tensor<4xf32>
    %blocks.1.1.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.scale, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.scaled = stablehlo.multiply %blocks.1.1.conv2.conv, %blocks.1.1.conv2.scale_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.shift, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.bn = stablehlo.add %blocks.1.1.conv2.scaled, %blocks.1.1.conv2.shift_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.1.1.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.var_unbiased = stablehlo.multiply %blocks.1.1.conv2.var, %blocks.1.1.conv2.bcast_3 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.1.1.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rm_keep = stablehlo.multiply %blocks.1.1.conv2.bn.running_mean, %blocks.1.1.conv2.bcast_4 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rm_new = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.bcast_5 : tensor<4xf32>
    %blocks.1.1.conv2.running_mean = stablehlo.add %blocks.1.1.conv2.rm_keep, %blocks.1.1.conv2.rm_new : tensor<4xf32>
    %blocks.1.1.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.1.1.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rv_keep = stablehlo.multiply %blocks.1.1.conv2.bn.running_var, %blocks.1.1.conv2.bcast_6 : tensor<4xf32>
    %blocks.1.1.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.rv_new = stablehlo.multiply %blocks.1.1.conv2.var_unbiased, %blocks.1.1.conv2.bcast_7 : tensor<4xf32>
    %blocks.1.1.conv2.running_var = stablehlo.add %blocks.1.1.conv2.rv_keep, %blocks.1.1.conv2.rv_new : tensor<4xf32>
    %blocks.1.1.u_col = stablehlo.slice %rand [0:4, 0:1] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.1.1.u = stablehlo.reshape %blocks.1.1.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_5 = stablehlo.constant dense<2.00000000e-01> : tensor<f32>
    %blocks.1.1.bcast = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.keep = stablehlo.compare GE, %blocks.1.1.u, %blocks.1.1.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_6 = stablehlo.constant dense<1.25000000e+00> : tensor<f32>
    %blocks.1.1.inv_keep = stablehlo.broadcast_in_dim %cst_6, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.drop_mask = stablehlo.select %blocks.1.1.keep, %blocks.1.1.inv_keep, %blocks.1.1.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.1.1.drop_b = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.dropped = stablehlo.multiply %blocks.1.1.conv2.bn, %blocks.1.1.drop_b : tensor<4x6x6x4xf32>
    %blocks.1.1.residual = stablehlo.add %blocks.1.1.dropped, %blocks.1.0.relu : tensor<4x6x6x4xf32>
    %blocks.1.1.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.relu = stablehlo.maximum %blocks.1.1.residual, %blocks.1.1.bcast_1 : tensor<4x6x6x4xf32>
    %blocks.2.0.conv1.conv = stablehlo.convolution(%blocks.1.1.relu, %blocks.2.0.conv1.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 0], [1, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x6xf32>) -> tensor<4x3x3x6xf32>
    %cst_7 = stablehlo.constant dense<2.77777778e-02> : tensor<f32>
    %blocks.2.0.conv1.sum_x_w = stablehlo.reduce(%blocks.2.0.conv1.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv1.sum_x_hw = stablehlo.reduce(%blocks.2.0.conv1.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv1.sum_x = stablehlo.reduce(%blocks.2.0.conv1.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.mean = stablehlo.multiply %blocks.2.0.conv1.sum_x, %blocks.2.0.conv1.bcast : tensor<6xf32>
    %blocks.2.0.conv1.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xc = stablehlo.subtract %blocks.2.0.conv1.conv, %blocks.2.0.conv1.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xc2 = stablehlo.multiply %blocks.2.0.conv1.xc, %blocks.2.0.conv1.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.sum_xc2_w = stablehlo.reduce(%blocks.2.0.conv1.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv1.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.conv1.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv1.sum_xc2 = stablehlo.reduce(%blocks.2.0.conv1.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var = stablehlo.multiply %blocks.2.0.conv1.sum_xc2, %blocks.2.0.conv1.bcast_1 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var_eps = stablehlo.add %blocks.2.0.conv1.var, %blocks.2.0.conv1.bcast_2 : tensor<6xf32>
    %blocks.2.0.conv1.inv_std = stablehlo.rsqrt %blocks.2.0.conv1.var_eps : tensor<6xf32>
    %blocks.2.0.conv1.scale = stablehlo.multiply %blocks.2.0.conv1.bn.gamma.flat, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.mean_scale = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.scale : tensor<6xf32>
    %blocks.2.0.conv1.shift = stablehlo.subtract %blocks.2.0.conv1.bn.beta.flat, %blocks.2.0.conv1.mean_scale : tensor<6xf32>
    %blocks.2.0.conv1.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.scaled = stablehlo.multiply %blocks.2.0.conv1.conv, %blocks.2.0.conv1.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bn = stablehlo.add %blocks.2.0.conv1.scaled, %blocks.2.0.conv1.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %cst_8 = stablehlo.constant dense<1.02857143e+00> : tensor<f32>
    %blocks.2.0.conv1.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.var_unbiased = stablehlo.multiply %blocks.2.0.conv1.var, %blocks.2.0.conv1.bcast_3 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rm_keep = stablehlo.multiply %blocks.2.0.conv1.bn.running_mean, %blocks.2.0.conv1.bcast_4 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rm_new = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.bcast_5 : tensor<6xf32>
    %blocks.2.0.conv1.running_mean = stablehlo.add %blocks.2.0.conv1.rm_keep, %blocks.2.0.conv1.rm_new : tensor<6xf32>
    %blocks.2.0.conv1.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.conv1.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rv_keep = stablehlo.multiply %blocks.2.0.conv1.bn.running_var, %blocks.2.0.conv1.bcast_6 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.rv_new = stablehlo.multiply %blocks.2.0.conv1.var_unbiased, %blocks.2.0.conv1.bcast_7 : tensor<6xf32>
    %blocks.2.0.conv1.running_var = stablehlo.add %blocks.2.0.conv1.rv_keep, %blocks.2.0.conv1.rv_new : tensor<6xf32>
    %blocks.2.0.conv1.bcast_8 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.relu = stablehlo.maximum %blocks.2.0.conv1.bn, %blocks.2.0.conv1.bcast_8 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.conv = stablehlo.convolution(%blocks.2.0.conv1.relu, %blocks.2.0.conv2.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x6x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.sum_x_w = stablehlo.reduce(%blocks.2.0.conv2.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv2.sum_x_hw = stablehlo.reduce(%blocks.2.0.conv2.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv2.sum_x = stablehlo.reduce(%blocks.2.0.conv2.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.mean = stablehlo.multiply %blocks.2.0.conv2.sum_x, %blocks.2.0.conv2.bcast : tensor<6xf32>
    %blocks.2.0.conv2.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xc = stablehlo.subtract %blocks.2.0.conv2.conv, %blocks.2.0.conv2.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xc2 = stablehlo.multiply %blocks.2.0.conv2.xc, %blocks.2.0.conv2.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.sum_xc2_w = stablehlo.reduce(%blocks.2.0.conv2.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.conv2.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.conv2.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.conv2.sum_xc2 = stablehlo.reduce(%blocks.2.0.conv2.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var = stablehlo.multiply %blocks.2.0.conv2.sum_xc2, %blocks.2.0.conv2.bcast_1 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var_eps = stablehlo.add %blocks.2.0.conv2.var, %blocks.2.0.conv2.bcast_2 : tensor<6xf32>
    %blocks.2.0.conv2.inv_std = stablehlo.rsqrt %blocks.2.0.conv2.var_eps : tensor<6xf32>
    %blocks.2.0.conv2.scale = stablehlo.multiply %blocks.2.0.conv2.bn.gamma.flat, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.mean_scale = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.scale : tensor<6xf32>
    %blocks.2.0.conv2.shift = stablehlo.subtract %blocks.2.0.conv2.bn.beta.flat, %blocks.2.0.conv2.mean_scale : tensor<6xf32>
    %blocks.2.0.conv2.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.scaled = stablehlo.multiply %blocks.2.0.conv2.conv, %blocks.2.0.conv2.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.bn = stablehlo.add %blocks.2.0.conv2.scaled, %blocks.2.0.conv2.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.2.0.conv2.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.var_unbiased = stablehlo.multiply %blocks.2.0.conv2.var, %blocks.2.0.conv2.bcast_3 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rm_keep = stablehlo.multiply %blocks.2.0.conv2.bn.running_mean, %blocks.2.0.conv2.bcast_4 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rm_new = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.bcast_5 : tensor<6xf32>
    %blocks.2.0.conv2.running_mean = stablehlo.add %blocks.2.0.conv2.rm_keep, %blocks.2.0.conv2.rm_new : tensor<6xf32>
    %blocks.2.0.conv2.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.conv2.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rv_keep = stablehlo.multiply %blocks.2.0.conv2.bn.running_var, %blocks.2.0.conv2.bcast_6 : tensor<6xf32>
    %blocks.2.0.conv2.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.rv_new = stablehlo.multiply %blocks.2.0.conv2.var_unbiased, %blocks.2.0.conv2.bcast_7 : tensor<6xf32>
    %blocks.2.0.conv2.running_var = stablehlo.add %blocks.2.0.conv2.rv_keep, %blocks.2.0.conv2.rv_new : tensor<6xf32>
    %blocks.2.0.down.x_read = stablehlo.slice %blocks.1.1.relu [0:4, 0:5, 0:5, 0:4] : (tensor<4x6x6x4xf32>) -> tensor<4x5x5x4xf32>
    %blocks.2.0.down.conv = stablehlo.convolution(%blocks.2.0.down.x_read, %blocks.2.0.down.conv.w) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x5x5x4xf32>, tensor<1x1x4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.sum_x_w = stablehlo.reduce(%blocks.2.0.down.conv init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.down.sum_x_hw = stablehlo.reduce(%blocks.2.0.down.sum_x_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.down.sum_x = stablehlo.reduce(%blocks.2.0.down.sum_x_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.bcast = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.mean = stablehlo.multiply %blocks.2.0.down.sum_x, %blocks.2.0.down.bcast : tensor<6xf32>
    %blocks.2.0.down.mean_b = stablehlo.broadcast_in_dim %blocks.2.0.down.mean, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xc = stablehlo.subtract %blocks.2.0.down.conv, %blocks.2.0.down.mean_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.xc2 = stablehlo.multiply %blocks.2.0.down.xc, %blocks.2.0.down.xc : tensor<4x3x3x6xf32>
    %blocks.2.0.down.sum_xc2_w = stablehlo.reduce(%blocks.2.0.down.xc2 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x3x6xf32>
    %blocks.2.0.down.sum_xc2_hw = stablehlo.reduce(%blocks.2.0.down.sum_xc2_w init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %blocks.2.0.down.sum_xc2 = stablehlo.reduce(%blocks.2.0.down.sum_xc2_hw init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x6xf32>, tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.bcast_1 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var = stablehlo.multiply %blocks.2.0.down.sum_xc2, %blocks.2.0.down.bcast_1 : tensor<6xf32>
    %blocks.2.0.down.bcast_2 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var_eps = stablehlo.add %blocks.2.0.down.var, %blocks.2.0.down.bcast_2 : tensor<6xf32>
    %blocks.2.0.down.inv_std = stablehlo.rsqrt %blocks.2.0.down.var_eps : tensor<6xf32>
    %blocks.2.0.down.scale = stablehlo.multiply %blocks.2.0.down.bn.gamma.flat, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.mean_scale = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.scale : tensor<6xf32>
    %blocks.2.0.down.shift = stablehlo.subtract %blocks.2.0.down.bn.beta.flat, %blocks.2.0.down.mean_scale : tensor<6xf32>
    %blocks.2.0.down.scale_b = stablehlo.broadcast_in_dim %blocks.2.0.down.scale, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.scaled = stablehlo.multiply %blocks.2.0.down.conv, %blocks.2.0.down.scale_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.shift_b = stablehlo.broadcast_in_dim %blocks.2.0.down.shift, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.bn = stablehlo.add %blocks.2.0.down.scaled, %blocks.2.0.down.shift_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.one_minus_momentum = stablehlo.subtract %cst_3, %hyper.bn_momentum : tensor<f32>
    %blocks.2.0.down.bcast_3 = stablehlo.broadcast_in_dim %cst_8, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.var_unbiased = stablehlo.multiply %blocks.2.0.down.var, %blocks.2.0.down.bcast_3 : tensor<6xf32>
    %blocks.2.0.down.bcast_4 = stablehlo.broadcast_in_dim %blocks.2.0.down.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rm_keep = stablehlo.multiply %blocks.2.0.down.bn.running_mean, %blocks.2.0.down.bcast_4 : tensor<6xf32>
    %blocks.2.0.down.bcast_5 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rm_new = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.bcast_5 : tensor<6xf32>
    %blocks.2.0.down.running_mean = stablehlo.add %blocks.2.0.down.rm_keep, %blocks.2.0.down.rm_new : tensor<6xf32>
    %blocks.2.0.down.bcast_6 = stablehlo.broadcast_in_dim %blocks.2.0.down.one_minus_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rv_keep = stablehlo.multiply %blocks.2.0.down.bn.running_var, %blocks.2.0.down.bcast_6 : tensor<6xf32>
    %blocks.2.0.down.bcast_7 = stablehlo.broadcast_in_dim %hyper.bn_momentum, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.rv_new = stablehlo.multiply %blocks.2.0.down.var_unbiased, %blocks.2.0.down.bcast_7 : tensor<6xf32>
    %blocks.2.0.down.running_var = stablehlo.add %blocks.2.0.down.rv_keep, %blocks.2.0.down.rv_new : tensor<6xf32>
    %blocks.2.0.u_col = stablehlo.slice %rand [0:4, 1:2] : (tensor<4x2xf32>) -> tensor<4x1xf32>
    %blocks.2.0.u = stablehlo.reshape %blocks.2.0.u_col : (tensor<4x1xf32>) -> tensor<4xf32>
    %cst_9 = stablehlo.constant dense<4.00000000e-01> : tensor<f32>
    %blocks.2.0.bcast = stablehlo.broadcast_in_dim %cst_9, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.keep = stablehlo.compare GE, %blocks.2.0.u, %blocks.2.0.bcast : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %cst_10 = stablehlo.constant dense<1.66666667e+00> : tensor<f32>
    %blocks.2.0.inv_keep = stablehlo.broadcast_in_dim %cst_10, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.zeros = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.2.0.drop_mask = stablehlo.select %blocks.2.0.keep, %blocks.2.0.inv_keep, %blocks.2.0.zeros : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %blocks.2.0.drop_b = stablehlo.broadcast_in_dim %blocks.2.0.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.dropped = stablehlo.multiply %blocks.2.0.conv2.bn, %blocks.2.0.drop_b : tensor<4x3x3x6xf32>
    %blocks.2.0.residual = stablehlo.add %blocks.2.0.dropped, %blocks.2.0.down.bn : tensor<4x3x3x6xf32>
    %blocks.2.0.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.relu = stablehlo.maximum %blocks.2.0.residual, %blocks.2.0.bcast_1 : tensor<4x3x3x6xf32>
    %pool.3.sum_hw = stablehlo.reduce(%blocks.2.0.relu init: %cst_1) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x3x3x6xf32>, tensor<f32>) -> tensor<4x6xf32>
    %cst_11 = stablehlo.constant dense<1.11111111e-01> : tensor<f32>
    %pool.3.bcast = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<4x6xf32>
    %pool.3.mean = stablehlo.multiply %pool.3.sum_hw, %pool.3.bcast : tensor<4x6xf32>
    %fc.4.mm = stablehlo.dot_general %pool.3.mean, %fc.4.w, contracting_dims = [1] x [0] : (tensor<4x6xf32>, tensor<6x3xf32>) -> tensor<4x3xf32>
    %fc.4.bias_b = stablehlo.broadcast_in_dim %fc.4.b.flat, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
    %fc.4.z = stablehlo.add %fc.4.mm, %fc.4.bias_b : tensor<4x3xf32>
    %loss.class = stablehlo.iota dim = 1 : tensor<4x3xi32>
    %loss.label_b = stablehlo.broadcast_in_dim %labels, dims = [0] : (tensor<4xi32>) -> tensor<4x3xi32>
    %loss.is_label = stablehlo.compare EQ, %loss.class, %loss.label_b : (tensor<4x3xi32>, tensor<4x3xi32>) -> tensor<4x3xi1>
    %loss.onehot = stablehlo.convert %loss.is_label : (tensor<4x3xi1>) -> tensor<4x3xf32>
    %loss.one_minus_eps = stablehlo.subtract %cst_3, %hyper.label_smoothing : tensor<f32>
    %loss.bcast = stablehlo.broadcast_in_dim %loss.one_minus_eps, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.t_main = stablehlo.multiply %loss.onehot, %loss.bcast : tensor<4x3xf32>
    %cst_12 = stablehlo.constant dense<3.33333333e-01> : tensor<f32>
    %loss.eps_over_k = stablehlo.multiply %hyper.label_smoothing, %cst_12 : tensor<f32>
    %loss.bcast_1 = stablehlo.broadcast_in_dim %loss.eps_over_k, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.target = stablehlo.add %loss.t_main, %loss.bcast_1 : tensor<4x3xf32>
    %cst_neg_inf = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %loss.z_max = stablehlo.reduce(%fc.4.z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.z_max_b = stablehlo.broadcast_in_dim %loss.z_max, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.shifted = stablehlo.subtract %fc.4.z, %loss.z_max_b : tensor<4x3xf32>
    %loss.exp = stablehlo.exponential %loss.shifted : tensor<4x3xf32>
    %loss.sum_exp = stablehlo.reduce(%loss.exp init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.lse = stablehlo.log %loss.sum_exp : tensor<4xf32>
    %loss.lse_b = stablehlo.broadcast_in_dim %loss.lse, dims = [0] : (tensor<4xf32>) -> tensor<4x3xf32>
    %loss.logp = stablehlo.subtract %loss.shifted, %loss.lse_b : tensor<4x3xf32>
    %loss.t_logp = stablehlo.multiply %loss.target, %loss.logp : tensor<4x3xf32>
    %loss.sum_t_logp = stablehlo.reduce(%loss.t_logp init: %cst_1) applies stablehlo.add across dimensions = [0, 1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<f32>
    %cst_13 = stablehlo.constant dense<-2.50000000e-01> : tensor<f32>
    %loss.loss = stablehlo.multiply %loss.sum_t_logp, %cst_13 : tensor<f32>
    %loss.softmax = stablehlo.exponential %loss.logp : tensor<4x3xf32>
    %loss.p_minus_t = stablehlo.subtract %loss.softmax, %loss.target : tensor<4x3xf32>
    %cst_14 = stablehlo.constant dense<2.50000000e-01> : tensor<f32>
    %loss.bcast_2 = stablehlo.broadcast_in_dim %cst_14, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.d_logits = stablehlo.multiply %loss.p_minus_t, %loss.bcast_2 : tensor<4x3xf32>
    %cst_15 = stablehlo.constant dense<-3.00000000e+38> : tensor<f32>
    %loss.very_neg = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<4x3xf32>
    %loss.label_z = stablehlo.select %loss.is_label, %fc.4.z, %loss.very_neg : (tensor<4x3xi1>, tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>
    %loss.label_logit = stablehlo.reduce(%loss.label_z init: %cst_neg_inf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x3xf32>, tensor<f32>) -> tensor<4xf32>
    %loss.hit = stablehlo.compare GE, %loss.label_logit, %loss.z_max : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
    %loss.hit_i32 = stablehlo.convert %loss.hit : (tensor<4xi1>) -> tensor<4xi32>
    %cst_16 = stablehlo.constant dense<0> : tensor<i32>
    %loss.correct = stablehlo.reduce(%loss.hit_i32 init: %cst_16) applies stablehlo.add across dimensions = [0] : (tensor<4xi32>, tensor<i32>) -> tensor<i32>
    %fc.4.d_w = stablehlo.dot_general %pool.3.mean, %loss.d_logits, contracting_dims = [0] x [0] : (tensor<4x6xf32>, tensor<4x3xf32>) -> tensor<6x3xf32>
    %fc.4.bcast = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<6x3xf32>
    %fc.4.wd_p = stablehlo.multiply %fc.4.w, %fc.4.bcast : tensor<6x3xf32>
    %fc.4.d_wd = stablehlo.add %fc.4.d_w, %fc.4.wd_p : tensor<6x3xf32>
    %fc.4.d_b = stablehlo.reduce(%loss.d_logits init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x3xf32>, tensor<f32>) -> tensor<3xf32>
    %fc.4.d_x = stablehlo.dot_general %loss.d_logits, %fc.4.w, contracting_dims = [1] x [1] : (tensor<4x3xf32>, tensor<6x3xf32>) -> tensor<4x6xf32>
    %pool.3.bcast_1 = stablehlo.broadcast_in_dim %cst_11, dims = [] : (tensor<f32>) -> tensor<4x6xf32>
    %pool.3.d_mean = stablehlo.multiply %fc.4.d_x, %pool.3.bcast_1 : tensor<4x6xf32>
    %pool.3.d_x = stablehlo.broadcast_in_dim %pool.3.d_mean, dims = [0, 3] : (tensor<4x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.bcast_2 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.relu_on = stablehlo.compare GT, %blocks.2.0.relu, %blocks.2.0.bcast_2 : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xi1>
    %blocks.2.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.d_relu = stablehlo.select %blocks.2.0.relu_on, %pool.3.d_x, %blocks.2.0.full : (tensor<4x3x3x6xi1>, tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.drop_b_1 = stablehlo.broadcast_in_dim %blocks.2.0.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.d_dropped = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.drop_b_1 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.mean_inv = stablehlo.multiply %blocks.2.0.conv2.mean, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.z_inv = stablehlo.multiply %blocks.2.0.conv2.conv, %blocks.2.0.conv2.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xhat = stablehlo.subtract %blocks.2.0.conv2.z_inv, %blocks.2.0.conv2.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.du_xhat = stablehlo.multiply %blocks.2.0.d_dropped, %blocks.2.0.conv2.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.d_dropped init: %cst_1), (%blocks.2.0.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc: tensor<f32>, %elt: tensor<f32>) (%acc_1: tensor<f32>, %elt_1: tensor<f32>) {
        %part = stablehlo.add %acc, %elt : tensor<f32>
        %part_1 = stablehlo.add %acc_1, %elt_1 : tensor<f32>
        stablehlo.return %part, %part_1 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_2: tensor<f32>, %elt_2: tensor<f32>) (%acc_3: tensor<f32>, %elt_3: tensor<f32>) {
        %part_2 = stablehlo.add %acc_2, %elt_2 : tensor<f32>
        %part_3 = stablehlo.add %acc_3, %elt_3 : tensor<f32>
        stablehlo.return %part_2, %part_3 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_4: tensor<f32>, %elt_4: tensor<f32>) (%acc_5: tensor<f32>, %elt_5: tensor<f32>) {
        %part_4 = stablehlo.add %acc_4, %elt_4 : tensor<f32>
        %part_5 = stablehlo.add %acc_5, %elt_5 : tensor<f32>
        stablehlo.return %part_4, %part_5 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv2.gamma_inv = stablehlo.multiply %blocks.2.0.conv2.bn.gamma.flat, %blocks.2.0.conv2.inv_std : tensor<6xf32>
    %blocks.2.0.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv2.gamma_inv_n = stablehlo.multiply %blocks.2.0.conv2.gamma_inv, %blocks.2.0.conv2.bcast_8 : tensor<6xf32>
    %cst_17 = stablehlo.constant dense<3.60000000e+01> : tensor<f32>
    %blocks.2.0.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.n_du = stablehlo.multiply %blocks.2.0.d_dropped, %blocks.2.0.conv2.bcast_9 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.t1 = stablehlo.subtract %blocks.2.0.conv2.n_du, %blocks.2.0.conv2.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.xhat_dgamma = stablehlo.multiply %blocks.2.0.conv2.xhat, %blocks.2.0.conv2.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.t2 = stablehlo.subtract %blocks.2.0.conv2.t1, %blocks.2.0.conv2.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.k_b = stablehlo.broadcast_in_dim %blocks.2.0.conv2.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_z = stablehlo.multiply %blocks.2.0.conv2.t2, %blocks.2.0.conv2.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv2.d_w = stablehlo.convolution(%blocks.2.0.conv1.relu, %blocks.2.0.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.wd_p = stablehlo.multiply %blocks.2.0.conv2.conv.w, %blocks.2.0.conv2.bcast_10 : tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.d_wd = stablehlo.add %blocks.2.0.conv2.d_w, %blocks.2.0.conv2.wd_p : tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.w_flip = stablehlo.reverse %blocks.2.0.conv2.conv.w, dims = [0, 1] : tensor<3x3x6x6xf32>
    %blocks.2.0.conv2.d_x = stablehlo.convolution(%blocks.2.0.conv2.d_z, %blocks.2.0.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x6x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.mean_inv = stablehlo.multiply %blocks.2.0.conv1.mean, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.z_inv = stablehlo.multiply %blocks.2.0.conv1.conv, %blocks.2.0.conv1.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xhat = stablehlo.subtract %blocks.2.0.conv1.z_inv, %blocks.2.0.conv1.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.relu_on = stablehlo.compare GT, %blocks.2.0.conv1.relu, %blocks.2.0.conv1.bcast_9 : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xi1>
    %blocks.2.0.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_relu = stablehlo.select %blocks.2.0.conv1.relu_on, %blocks.2.0.conv2.d_x, %blocks.2.0.conv1.full : (tensor<4x3x3x6xi1>, tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.du_xhat = stablehlo.multiply %blocks.2.0.conv1.d_relu, %blocks.2.0.conv1.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.conv1.d_relu init: %cst_1), (%blocks.2.0.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc_6: tensor<f32>, %elt_6: tensor<f32>) (%acc_7: tensor<f32>, %elt_7: tensor<f32>) {
        %part_6 = stablehlo.add %acc_6, %elt_6 : tensor<f32>
        %part_7 = stablehlo.add %acc_7, %elt_7 : tensor<f32>
        stablehlo.return %part_6, %part_7 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_8: tensor<f32>, %elt_8: tensor<f32>) (%acc_9: tensor<f32>, %elt_9: tensor<f32>) {
        %part_8 = stablehlo.add %acc_8, %elt_8 : tensor<f32>
        %part_9 = stablehlo.add %acc_9, %elt_9 : tensor<f32>
        stablehlo.return %part_8, %part_9 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_10: tensor<f32>, %elt_10: tensor<f32>) (%acc_11: tensor<f32>, %elt_11: tensor<f32>) {
        %part_10 = stablehlo.add %acc_10, %elt_10 : tensor<f32>
        %part_11 = stablehlo.add %acc_11, %elt_11 : tensor<f32>
        stablehlo.return %part_10, %part_11 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.conv1.gamma_inv = stablehlo.multiply %blocks.2.0.conv1.bn.gamma.flat, %blocks.2.0.conv1.inv_std : tensor<6xf32>
    %blocks.2.0.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.conv1.gamma_inv_n = stablehlo.multiply %blocks.2.0.conv1.gamma_inv, %blocks.2.0.conv1.bcast_10 : tensor<6xf32>
    %blocks.2.0.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.n_du = stablehlo.multiply %blocks.2.0.conv1.d_relu, %blocks.2.0.conv1.bcast_11 : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.t1 = stablehlo.subtract %blocks.2.0.conv1.n_du, %blocks.2.0.conv1.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.xhat_dgamma = stablehlo.multiply %blocks.2.0.conv1.xhat, %blocks.2.0.conv1.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.t2 = stablehlo.subtract %blocks.2.0.conv1.t1, %blocks.2.0.conv1.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.k_b = stablehlo.broadcast_in_dim %blocks.2.0.conv1.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_z = stablehlo.multiply %blocks.2.0.conv1.t2, %blocks.2.0.conv1.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.conv1.d_w = stablehlo.convolution(%blocks.1.1.relu, %blocks.2.0.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 0], [1, 0]], lhs_dilate = [1, 1], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x3x3x6xf32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.wd_p = stablehlo.multiply %blocks.2.0.conv1.conv.w, %blocks.2.0.conv1.bcast_12 : tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.d_wd = stablehlo.add %blocks.2.0.conv1.d_w, %blocks.2.0.conv1.wd_p : tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.w_flip = stablehlo.reverse %blocks.2.0.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x6xf32>
    %blocks.2.0.conv1.d_x = stablehlo.convolution(%blocks.2.0.conv1.d_z, %blocks.2.0.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 2], [1, 2]], lhs_dilate = [2, 2], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<3x3x4x6xf32>) -> tensor<4x6x6x4xf32>
    %blocks.2.0.down.mean_inv = stablehlo.multiply %blocks.2.0.down.mean, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.inv_b = stablehlo.broadcast_in_dim %blocks.2.0.down.inv_std, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.z_inv = stablehlo.multiply %blocks.2.0.down.conv, %blocks.2.0.down.inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.mean_inv_b = stablehlo.broadcast_in_dim %blocks.2.0.down.mean_inv, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xhat = stablehlo.subtract %blocks.2.0.down.z_inv, %blocks.2.0.down.mean_inv_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.du_xhat = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.down.xhat : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.2.0.d_relu init: %cst_1), (%blocks.2.0.down.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x3x3x6xf32>, tensor<4x3x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x3x6xf32>, tensor<4x3x6xf32>)
      reducer(%acc_12: tensor<f32>, %elt_12: tensor<f32>) (%acc_13: tensor<f32>, %elt_13: tensor<f32>) {
        %part_12 = stablehlo.add %acc_12, %elt_12 : tensor<f32>
        %part_13 = stablehlo.add %acc_13, %elt_13 : tensor<f32>
        stablehlo.return %part_12, %part_13 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.2.0.down.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.2.0.down.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x3x6xf32>, tensor<4x3x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6xf32>, tensor<4x6xf32>)
      reducer(%acc_14: tensor<f32>, %elt_14: tensor<f32>) (%acc_15: tensor<f32>, %elt_15: tensor<f32>) {
        %part_14 = stablehlo.add %acc_14, %elt_14 : tensor<f32>
        %part_15 = stablehlo.add %acc_15, %elt_15 : tensor<f32>
        stablehlo.return %part_14, %part_15 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.2.0.down.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.2.0.down.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x6xf32>, tensor<4x6xf32>, tensor<f32>, tensor<f32>) -> (tensor<6xf32>, tensor<6xf32>)
      reducer(%acc_16: tensor<f32>, %elt_16: tensor<f32>) (%acc_17: tensor<f32>, %elt_17: tensor<f32>) {
        %part_16 = stablehlo.add %acc_16, %elt_16 : tensor<f32>
        %part_17 = stablehlo.add %acc_17, %elt_17 : tensor<f32>
        stablehlo.return %part_16, %part_17 : tensor<f32>, tensor<f32>
      }
    %blocks.2.0.down.gamma_inv = stablehlo.multiply %blocks.2.0.down.bn.gamma.flat, %blocks.2.0.down.inv_std : tensor<6xf32>
    %blocks.2.0.down.bcast_8 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<6xf32>
    %blocks.2.0.down.gamma_inv_n = stablehlo.multiply %blocks.2.0.down.gamma_inv, %blocks.2.0.down.bcast_8 : tensor<6xf32>
    %blocks.2.0.down.bcast_9 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.n_du = stablehlo.multiply %blocks.2.0.d_relu, %blocks.2.0.down.bcast_9 : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_beta_b = stablehlo.broadcast_in_dim %blocks.2.0.down.d_beta_d_gamma#0, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.t1 = stablehlo.subtract %blocks.2.0.down.n_du, %blocks.2.0.down.d_beta_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_gamma_b = stablehlo.broadcast_in_dim %blocks.2.0.down.d_beta_d_gamma#1, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.xhat_dgamma = stablehlo.multiply %blocks.2.0.down.xhat, %blocks.2.0.down.d_gamma_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.t2 = stablehlo.subtract %blocks.2.0.down.t1, %blocks.2.0.down.xhat_dgamma : tensor<4x3x3x6xf32>
    %blocks.2.0.down.k_b = stablehlo.broadcast_in_dim %blocks.2.0.down.gamma_inv_n, dims = [3] : (tensor<6xf32>) -> tensor<4x3x3x6xf32>
    %blocks.2.0.down.d_z = stablehlo.multiply %blocks.2.0.down.t2, %blocks.2.0.down.k_b : tensor<4x3x3x6xf32>
    %blocks.2.0.down.x_read_1 = stablehlo.slice %blocks.1.1.relu [0:4, 0:5, 0:5, 0:4] : (tensor<4x6x6x4xf32>) -> tensor<4x5x5x4xf32>
    %blocks.2.0.down.d_w = stablehlo.convolution(%blocks.2.0.down.x_read_1, %blocks.2.0.down.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x5x5x4xf32>, tensor<4x3x3x6xf32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x4x6xf32>
    %blocks.2.0.down.wd_p = stablehlo.multiply %blocks.2.0.down.conv.w, %blocks.2.0.down.bcast_10 : tensor<1x1x4x6xf32>
    %blocks.2.0.down.d_wd = stablehlo.add %blocks.2.0.down.d_w, %blocks.2.0.down.wd_p : tensor<1x1x4x6xf32>
    %blocks.2.0.down.w_flip = stablehlo.reverse %blocks.2.0.down.conv.w, dims = [0, 1] : tensor<1x1x4x6xf32>
    %blocks.2.0.down.d_x = stablehlo.convolution(%blocks.2.0.down.d_z, %blocks.2.0.down.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[0, 1], [0, 1]], lhs_dilate = [2, 2], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x3x3x6xf32>, tensor<1x1x4x6xf32>) -> tensor<4x6x6x4xf32>
    %blocks.2.0.d_residual = stablehlo.add %blocks.2.0.conv1.d_x, %blocks.2.0.down.d_x : tensor<4x6x6x4xf32>
    %blocks.1.1.bcast_2 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.relu_on = stablehlo.compare GT, %blocks.1.1.relu, %blocks.1.1.bcast_2 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_relu = stablehlo.select %blocks.1.1.relu_on, %blocks.2.0.d_residual, %blocks.1.1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.drop_b_1 = stablehlo.broadcast_in_dim %blocks.1.1.drop_mask, dims = [0] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_dropped = stablehlo.multiply %blocks.1.1.d_relu, %blocks.1.1.drop_b_1 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.mean_inv = stablehlo.multiply %blocks.1.1.conv2.mean, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.z_inv = stablehlo.multiply %blocks.1.1.conv2.conv, %blocks.1.1.conv2.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xhat = stablehlo.subtract %blocks.1.1.conv2.z_inv, %blocks.1.1.conv2.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.du_xhat = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.conv2.xhat : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.d_dropped init: %cst_1), (%blocks.1.1.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_18: tensor<f32>, %elt_18: tensor<f32>) (%acc_19: tensor<f32>, %elt_19: tensor<f32>) {
        %part_18 = stablehlo.add %acc_18, %elt_18 : tensor<f32>
        %part_19 = stablehlo.add %acc_19, %elt_19 : tensor<f32>
        stablehlo.return %part_18, %part_19 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_20: tensor<f32>, %elt_20: tensor<f32>) (%acc_21: tensor<f32>, %elt_21: tensor<f32>) {
        %part_20 = stablehlo.add %acc_20, %elt_20 : tensor<f32>
        %part_21 = stablehlo.add %acc_21, %elt_21 : tensor<f32>
        stablehlo.return %part_20, %part_21 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_22: tensor<f32>, %elt_22: tensor<f32>) (%acc_23: tensor<f32>, %elt_23: tensor<f32>) {
        %part_22 = stablehlo.add %acc_22, %elt_22 : tensor<f32>
        %part_23 = stablehlo.add %acc_23, %elt_23 : tensor<f32>
        stablehlo.return %part_22, %part_23 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv2.gamma_inv = stablehlo.multiply %blocks.1.1.conv2.bn.gamma.flat, %blocks.1.1.conv2.inv_std : tensor<4xf32>
    %blocks.1.1.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv2.gamma_inv_n = stablehlo.multiply %blocks.1.1.conv2.gamma_inv, %blocks.1.1.conv2.bcast_8 : tensor<4xf32>
    %cst_18 = stablehlo.constant dense<1.44000000e+02> : tensor<f32>
    %blocks.1.1.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.n_du = stablehlo.multiply %blocks.1.1.d_dropped, %blocks.1.1.conv2.bcast_9 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.t1 = stablehlo.subtract %blocks.1.1.conv2.n_du, %blocks.1.1.conv2.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.xhat_dgamma = stablehlo.multiply %blocks.1.1.conv2.xhat, %blocks.1.1.conv2.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.t2 = stablehlo.subtract %blocks.1.1.conv2.t1, %blocks.1.1.conv2.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.k_b = stablehlo.broadcast_in_dim %blocks.1.1.conv2.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_z = stablehlo.multiply %blocks.1.1.conv2.t2, %blocks.1.1.conv2.k_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv2.d_w = stablehlo.convolution(%blocks.1.1.conv1.relu, %blocks.1.1.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.wd_p = stablehlo.multiply %blocks.1.1.conv2.conv.w, %blocks.1.1.conv2.bcast_10 : tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.d_wd = stablehlo.add %blocks.1.1.conv2.d_w, %blocks.1.1.conv2.wd_p : tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.w_flip = stablehlo.reverse %blocks.1.1.conv2.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.1.conv2.d_x = stablehlo.convolution(%blocks.1.1.conv2.d_z, %blocks.1.1.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.mean_inv = stablehlo.multiply %blocks.1.1.conv1.mean, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.z_inv = stablehlo.multiply %blocks.1.1.conv1.conv, %blocks.1.1.conv1.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xhat = stablehlo.subtract %blocks.1.1.conv1.z_inv, %blocks.1.1.conv1.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.relu_on = stablehlo.compare GT, %blocks.1.1.conv1.relu, %blocks.1.1.conv1.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.1.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_relu = stablehlo.select %blocks.1.1.conv1.relu_on, %blocks.1.1.conv2.d_x, %blocks.1.1.conv1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.du_xhat = stablehlo.multiply %blocks.1.1.conv1.d_relu, %blocks.1.1.conv1.xhat : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.1.conv1.d_relu init: %cst_1), (%blocks.1.1.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_24: tensor<f32>, %elt_24: tensor<f32>) (%acc_25: tensor<f32>, %elt_25: tensor<f32>) {
        %part_24 = stablehlo.add %acc_24, %elt_24 : tensor<f32>
        %part_25 = stablehlo.add %acc_25, %elt_25 : tensor<f32>
        stablehlo.return %part_24, %part_25 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.1.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.1.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_26: tensor<f32>, %elt_26: tensor<f32>) (%acc_27: tensor<f32>, %elt_27: tensor<f32>) {
        %part_26 = stablehlo.add %acc_26, %elt_26 : tensor<f32>
        %part_27 = stablehlo.add %acc_27, %elt_27 : tensor<f32>
        stablehlo.return %part_26, %part_27 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.1.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.1.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_28: tensor<f32>, %elt_28: tensor<f32>) (%acc_29: tensor<f32>, %elt_29: tensor<f32>) {
        %part_28 = stablehlo.add %acc_28, %elt_28 : tensor<f32>
        %part_29 = stablehlo.add %acc_29, %elt_29 : tensor<f32>
        stablehlo.return %part_28, %part_29 : tensor<f32>, tensor<f32>
      }
    %blocks.1.1.conv1.gamma_inv = stablehlo.multiply %blocks.1.1.conv1.bn.gamma.flat, %blocks.1.1.conv1.inv_std : tensor<4xf32>
    %blocks.1.1.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.1.conv1.gamma_inv_n = stablehlo.multiply %blocks.1.1.conv1.gamma_inv, %blocks.1.1.conv1.bcast_10 : tensor<4xf32>
    %blocks.1.1.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.n_du = stablehlo.multiply %blocks.1.1.conv1.d_relu, %blocks.1.1.conv1.bcast_11 : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.t1 = stablehlo.subtract %blocks.1.1.conv1.n_du, %blocks.1.1.conv1.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.xhat_dgamma = stablehlo.multiply %blocks.1.1.conv1.xhat, %blocks.1.1.conv1.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.t2 = stablehlo.subtract %blocks.1.1.conv1.t1, %blocks.1.1.conv1.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.k_b = stablehlo.broadcast_in_dim %blocks.1.1.conv1.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_z = stablehlo.multiply %blocks.1.1.conv1.t2, %blocks.1.1.conv1.k_b : tensor<4x6x6x4xf32>
    %blocks.1.1.conv1.d_w = stablehlo.convolution(%blocks.1.0.relu, %blocks.1.1.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.wd_p = stablehlo.multiply %blocks.1.1.conv1.conv.w, %blocks.1.1.conv1.bcast_12 : tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.d_wd = stablehlo.add %blocks.1.1.conv1.d_w, %blocks.1.1.conv1.wd_p : tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.w_flip = stablehlo.reverse %blocks.1.1.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.1.conv1.d_x = stablehlo.convolution(%blocks.1.1.conv1.d_z, %blocks.1.1.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.1.d_residual = stablehlo.add %blocks.1.1.conv1.d_x, %blocks.1.1.d_relu : tensor<4x6x6x4xf32>
    %blocks.1.0.bcast_1 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.relu_on = stablehlo.compare GT, %blocks.1.0.relu, %blocks.1.0.bcast_1 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.d_relu = stablehlo.select %blocks.1.0.relu_on, %blocks.1.1.d_residual, %blocks.1.0.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.mean_inv = stablehlo.multiply %blocks.1.0.conv2.mean, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.z_inv = stablehlo.multiply %blocks.1.0.conv2.conv, %blocks.1.0.conv2.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xhat = stablehlo.subtract %blocks.1.0.conv2.z_inv, %blocks.1.0.conv2.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.du_xhat = stablehlo.multiply %blocks.1.0.d_relu, %blocks.1.0.conv2.xhat : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.d_relu init: %cst_1), (%blocks.1.0.conv2.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_30: tensor<f32>, %elt_30: tensor<f32>) (%acc_31: tensor<f32>, %elt_31: tensor<f32>) {
        %part_30 = stablehlo.add %acc_30, %elt_30 : tensor<f32>
        %part_31 = stablehlo.add %acc_31, %elt_31 : tensor<f32>
        stablehlo.return %part_30, %part_31 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.conv2.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.conv2.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_32: tensor<f32>, %elt_32: tensor<f32>) (%acc_33: tensor<f32>, %elt_33: tensor<f32>) {
        %part_32 = stablehlo.add %acc_32, %elt_32 : tensor<f32>
        %part_33 = stablehlo.add %acc_33, %elt_33 : tensor<f32>
        stablehlo.return %part_32, %part_33 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.conv2.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.conv2.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_34: tensor<f32>, %elt_34: tensor<f32>) (%acc_35: tensor<f32>, %elt_35: tensor<f32>) {
        %part_34 = stablehlo.add %acc_34, %elt_34 : tensor<f32>
        %part_35 = stablehlo.add %acc_35, %elt_35 : tensor<f32>
        stablehlo.return %part_34, %part_35 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv2.gamma_inv = stablehlo.multiply %blocks.1.0.conv2.bn.gamma.flat, %blocks.1.0.conv2.inv_std : tensor<4xf32>
    %blocks.1.0.conv2.bcast_8 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv2.gamma_inv_n = stablehlo.multiply %blocks.1.0.conv2.gamma_inv, %blocks.1.0.conv2.bcast_8 : tensor<4xf32>
    %blocks.1.0.conv2.bcast_9 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.n_du = stablehlo.multiply %blocks.1.0.d_relu, %blocks.1.0.conv2.bcast_9 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.t1 = stablehlo.subtract %blocks.1.0.conv2.n_du, %blocks.1.0.conv2.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.xhat_dgamma = stablehlo.multiply %blocks.1.0.conv2.xhat, %blocks.1.0.conv2.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.t2 = stablehlo.subtract %blocks.1.0.conv2.t1, %blocks.1.0.conv2.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.k_b = stablehlo.broadcast_in_dim %blocks.1.0.conv2.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_z = stablehlo.multiply %blocks.1.0.conv2.t2, %blocks.1.0.conv2.k_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv2.d_w = stablehlo.convolution(%blocks.1.0.conv1.relu, %blocks.1.0.conv2.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.bcast_10 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.wd_p = stablehlo.multiply %blocks.1.0.conv2.conv.w, %blocks.1.0.conv2.bcast_10 : tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.d_wd = stablehlo.add %blocks.1.0.conv2.d_w, %blocks.1.0.conv2.wd_p : tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.w_flip = stablehlo.reverse %blocks.1.0.conv2.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.0.conv2.d_x = stablehlo.convolution(%blocks.1.0.conv2.d_z, %blocks.1.0.conv2.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.mean_inv = stablehlo.multiply %blocks.1.0.conv1.mean, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.z_inv = stablehlo.multiply %blocks.1.0.conv1.conv, %blocks.1.0.conv1.inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.mean_inv_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xhat = stablehlo.subtract %blocks.1.0.conv1.z_inv, %blocks.1.0.conv1.mean_inv_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.relu_on = stablehlo.compare GT, %blocks.1.0.conv1.relu, %blocks.1.0.conv1.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %blocks.1.0.conv1.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_relu = stablehlo.select %blocks.1.0.conv1.relu_on, %blocks.1.0.conv2.d_x, %blocks.1.0.conv1.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.du_xhat = stablehlo.multiply %blocks.1.0.conv1.d_relu, %blocks.1.0.conv1.xhat : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%blocks.1.0.conv1.d_relu init: %cst_1), (%blocks.1.0.conv1.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_36: tensor<f32>, %elt_36: tensor<f32>) (%acc_37: tensor<f32>, %elt_37: tensor<f32>) {
        %part_36 = stablehlo.add %acc_36, %elt_36 : tensor<f32>
        %part_37 = stablehlo.add %acc_37, %elt_37 : tensor<f32>
        stablehlo.return %part_36, %part_37 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%blocks.1.0.conv1.d_beta_w_d_gamma_w#0 init: %cst_1), (%blocks.1.0.conv1.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_38: tensor<f32>, %elt_38: tensor<f32>) (%acc_39: tensor<f32>, %elt_39: tensor<f32>) {
        %part_38 = stablehlo.add %acc_38, %elt_38 : tensor<f32>
        %part_39 = stablehlo.add %acc_39, %elt_39 : tensor<f32>
        stablehlo.return %part_38, %part_39 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.d_beta_d_gamma:2 = stablehlo.reduce(%blocks.1.0.conv1.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%blocks.1.0.conv1.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_40: tensor<f32>, %elt_40: tensor<f32>) (%acc_41: tensor<f32>, %elt_41: tensor<f32>) {
        %part_40 = stablehlo.add %acc_40, %elt_40 : tensor<f32>
        %part_41 = stablehlo.add %acc_41, %elt_41 : tensor<f32>
        stablehlo.return %part_40, %part_41 : tensor<f32>, tensor<f32>
      }
    %blocks.1.0.conv1.gamma_inv = stablehlo.multiply %blocks.1.0.conv1.bn.gamma.flat, %blocks.1.0.conv1.inv_std : tensor<4xf32>
    %blocks.1.0.conv1.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %blocks.1.0.conv1.gamma_inv_n = stablehlo.multiply %blocks.1.0.conv1.gamma_inv, %blocks.1.0.conv1.bcast_10 : tensor<4xf32>
    %blocks.1.0.conv1.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.n_du = stablehlo.multiply %blocks.1.0.conv1.d_relu, %blocks.1.0.conv1.bcast_11 : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_beta_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.t1 = stablehlo.subtract %blocks.1.0.conv1.n_du, %blocks.1.0.conv1.d_beta_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_gamma_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.xhat_dgamma = stablehlo.multiply %blocks.1.0.conv1.xhat, %blocks.1.0.conv1.d_gamma_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.t2 = stablehlo.subtract %blocks.1.0.conv1.t1, %blocks.1.0.conv1.xhat_dgamma : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.k_b = stablehlo.broadcast_in_dim %blocks.1.0.conv1.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_z = stablehlo.multiply %blocks.1.0.conv1.t2, %blocks.1.0.conv1.k_b : tensor<4x6x6x4xf32>
    %blocks.1.0.conv1.d_w = stablehlo.convolution(%conv.0.relu, %blocks.1.0.conv1.d_z) dim_numbers = [f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.wd_p = stablehlo.multiply %blocks.1.0.conv1.conv.w, %blocks.1.0.conv1.bcast_12 : tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.d_wd = stablehlo.add %blocks.1.0.conv1.d_w, %blocks.1.0.conv1.wd_p : tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.w_flip = stablehlo.reverse %blocks.1.0.conv1.conv.w, dims = [0, 1] : tensor<3x3x4x4xf32>
    %blocks.1.0.conv1.d_x = stablehlo.convolution(%blocks.1.0.conv1.d_z, %blocks.1.0.conv1.w_flip) dim_numbers = [b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<4x6x6x4xf32>, tensor<3x3x4x4xf32>) -> tensor<4x6x6x4xf32>
    %blocks.1.0.d_residual = stablehlo.add %blocks.1.0.conv1.d_x, %blocks.1.0.d_relu : tensor<4x6x6x4xf32>
    %conv.0.mean_inv = stablehlo.multiply %conv.0.mean, %conv.0.inv_std : tensor<4xf32>
    %conv.0.inv_b = stablehlo.broadcast_in_dim %conv.0.inv_std, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.z_inv = stablehlo.multiply %conv.0.conv, %conv.0.inv_b : tensor<4x6x6x4xf32>
    %conv.0.mean_inv_b = stablehlo.broadcast_in_dim %conv.0.mean_inv, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xhat = stablehlo.subtract %conv.0.z_inv, %conv.0.mean_inv_b : tensor<4x6x6x4xf32>
    %conv.0.bcast_9 = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.relu_on = stablehlo.compare GT, %conv.0.relu, %conv.0.bcast_9 : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xi1>
    %conv.0.full = stablehlo.broadcast_in_dim %cst_1, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.d_relu = stablehlo.select %conv.0.relu_on, %blocks.1.0.d_residual, %conv.0.full : (tensor<4x6x6x4xi1>, tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.du_xhat = stablehlo.multiply %conv.0.d_relu, %conv.0.xhat : tensor<4x6x6x4xf32>
    %conv.0.d_beta_w_d_gamma_w:2 = stablehlo.reduce(%conv.0.d_relu init: %cst_1), (%conv.0.du_xhat init: %cst_1) across dimensions = [2] : (tensor<4x6x6x4xf32>, tensor<4x6x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x6x4xf32>, tensor<4x6x4xf32>)
      reducer(%acc_42: tensor<f32>, %elt_42: tensor<f32>) (%acc_43: tensor<f32>, %elt_43: tensor<f32>) {
        %part_42 = stablehlo.add %acc_42, %elt_42 : tensor<f32>
        %part_43 = stablehlo.add %acc_43, %elt_43 : tensor<f32>
        stablehlo.return %part_42, %part_43 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_hw_d_gamma_hw:2 = stablehlo.reduce(%conv.0.d_beta_w_d_gamma_w#0 init: %cst_1), (%conv.0.d_beta_w_d_gamma_w#1 init: %cst_1) across dimensions = [1] : (tensor<4x6x4xf32>, tensor<4x6x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4x4xf32>, tensor<4x4xf32>)
      reducer(%acc_44: tensor<f32>, %elt_44: tensor<f32>) (%acc_45: tensor<f32>, %elt_45: tensor<f32>) {
        %part_44 = stablehlo.add %acc_44, %elt_44 : tensor<f32>
        %part_45 = stablehlo.add %acc_45, %elt_45 : tensor<f32>
        stablehlo.return %part_44, %part_45 : tensor<f32>, tensor<f32>
      }
    %conv.0.d_beta_d_gamma:2 = stablehlo.reduce(%conv.0.d_beta_hw_d_gamma_hw#0 init: %cst_1), (%conv.0.d_beta_hw_d_gamma_hw#1 init: %cst_1) across dimensions = [0] : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<f32>, tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>)
      reducer(%acc_46: tensor<f32>, %elt_46: tensor<f32>) (%acc_47: tensor<f32>, %elt_47: tensor<f32>) {
        %part_46 = stablehlo.add %acc_46, %elt_46 : tensor<f32>
        %part_47 = stablehlo.add %acc_47, %elt_47 : tensor<f32>
        stablehlo.return %part_46, %part_47 : tensor<f32>, tensor<f32>
      }
    %conv.0.gamma_inv = stablehlo.multiply %conv.0.bn.gamma.flat, %conv.0.inv_std : tensor<4xf32>
    %conv.0.bcast_10 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<4xf32>
    %conv.0.gamma_inv_n = stablehlo.multiply %conv.0.gamma_inv, %conv.0.bcast_10 : tensor<4xf32>
    %conv.0.bcast_11 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<4x6x6x4xf32>
    %conv.0.n_du = stablehlo.multiply %conv.0.d_relu, %conv.0.bcast_11 : tensor<4x6x6x4xf32>
    %conv.0.d_beta_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#0, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.t1 = stablehlo.subtract %conv.0.n_du, %conv.0.d_beta_b : tensor<4x6x6x4xf32>
    %conv.0.d_gamma_b = stablehlo.broadcast_in_dim %conv.0.d_beta_d_gamma#1, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.xhat_dgamma = stablehlo.multiply %conv.0.xhat, %conv.0.d_gamma_b : tensor<4x6x6x4xf32>
    %conv.0.t2 = stablehlo.subtract %conv.0.t1, %conv.0.xhat_dgamma : tensor<4x6x6x4xf32>
    %conv.0.k_b = stablehlo.broadcast_in_dim %conv.0.gamma_inv_n, dims = [3] : (tensor<4xf32>) -> tensor<4x6x6x4xf32>
    %conv.0.d_z = stablehlo.multiply %conv.0.t2, %conv.0.k_b : tensor<4x6x6x4xf32>
    %conv.0.x_pieces = stablehlo.reshape %images : (tensor<4x6x6x2xf32>) -> tensor<4x36x2xf32>
    %conv.0.dy_pieces = stablehlo.reshape %conv.0.d_z : (tensor<4x6x6x4xf32>) -> tensor<4x36x4xf32>
    %conv.0.d_w_pieces = stablehlo.dot_general %conv.0.x_pieces, %conv.0.dy_pieces, batching_dims = [0] x [0], contracting_dims = [1] x [1] : (tensor<4x36x2xf32>, tensor<4x36x4xf32>) -> tensor<4x2x4xf32>
    %conv.0.d_w_sum = stablehlo.reduce(%conv.0.d_w_pieces init: %cst_1) applies stablehlo.add across dimensions = [0] : (tensor<4x2x4xf32>, tensor<f32>) -> tensor<2x4xf32>
    %conv.0.d_w = stablehlo.reshape %conv.0.d_w_sum : (tensor<2x4xf32>) -> tensor<1x1x2x4xf32>
    %conv.0.bcast_12 = stablehlo.broadcast_in_dim %hyper.weight_decay, dims = [] : (tensor<f32>) -> tensor<1x1x2x4xf32>
    %conv.0.wd_p = stablehlo.multiply %conv.0.conv.w, %conv.0.bcast_12 : tensor<1x1x2x4xf32>
    %conv.0.d_wd = stablehlo.add %conv.0.d_w, %conv.0.wd_p : tensor<1x1x2x4xf32>
    %grads.conv.0.conv.w = stablehlo.reshape %conv.0.d_wd : (tensor<1x1x2x4xf32>) -> tensor<8xf32>
    %grads.blocks.1.0.conv1.conv.w = stablehlo.reshape %blocks.1.0.conv1.d_wd : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.0.conv2.conv.w = stablehlo.reshape %blocks.1.0.conv2.d_wd : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.1.conv1.conv.w = stablehlo.reshape %blocks.1.1.conv1.d_wd : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.1.1.conv2.conv.w = stablehlo.reshape %blocks.1.1.conv2.d_wd : (tensor<3x3x4x4xf32>) -> tensor<144xf32>
    %grads.blocks.2.0.conv1.conv.w = stablehlo.reshape %blocks.2.0.conv1.d_wd : (tensor<3x3x4x6xf32>) -> tensor<216xf32>
    %grads.blocks.2.0.conv2.conv.w = stablehlo.reshape %blocks.2.0.conv2.d_wd : (tensor<3x3x6x6xf32>) -> tensor<324xf32>
    %grads.blocks.2.0.down.conv.w = stablehlo.reshape %blocks.2.0.down.d_wd : (tensor<1x1x4x6xf32>) -> tensor<24xf32>
    %grads.fc.4.w = stablehlo.reshape %fc.4.d_wd : (tensor<6x3xf32>) -> tensor<18xf32>
    %grads.flat = stablehlo.concatenate %grads.conv.0.conv.w, %conv.0.d_beta_d_gamma#1, %conv.0.d_beta_d_gamma#0, %grads.blocks.1.0.conv1.conv.w, %blocks.1.0.conv1.d_beta_d_gamma#1, %blocks.1.0.conv1.d_beta_d_gamma#0, %grads.blocks.1.0.conv2.conv.w, %blocks.1.0.conv2.d_beta_d_gamma#1, %blocks.1.0.conv2.d_beta_d_gamma#0, %grads.blocks.1.1.conv1.conv.w, %blocks.1.1.conv1.d_beta_d_gamma#1, %blocks.1.1.conv1.d_beta_d_gamma#0, %grads.blocks.1.1.conv2.conv.w, %blocks.1.1.conv2.d_beta_d_gamma#1, %blocks.1.1.conv2.d_beta_d_gamma#0, %grads.blocks.2.0.conv1.conv.w, %blocks.2.0.conv1.d_beta_d_gamma#1, %blocks.2.0.conv1.d_beta_d_gamma#0, %grads.blocks.2.0.conv2.conv.w, %blocks.2.0.conv2.d_beta_d_gamma#1, %blocks.2.0.conv2.d_beta_d_gamma#0, %grads.blocks.2.0.down.conv.w, %blocks.2.0.down.d_beta_d_gamma#1, %blocks.2.0.down.d_beta_d_gamma#0, %grads.fc.4.w, %fc.4.d_b, dim = 0 : (tensor<8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<144xf32>, tensor<4xf32>, tensor<4xf32>, tensor<216xf32>, tensor<6xf32>, tensor<6xf32>, tensor<324xf32>, tensor<6xf32>, tensor<6xf32>, tensor<24xf32>, tensor<6xf32>, tensor<6xf32>, tensor<18xf32>, tensor<3xf32>) -> tensor<1245xf32>
    %opt.adam.bcast = stablehlo.broadcast_in_dim %hyper.beta1, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.b1_m = stablehlo.multiply %m, %opt.adam.bcast : tensor<1245xf32>
    %opt.adam.one_minus_b1 = stablehlo.subtract %cst_3, %hyper.beta1 : tensor<f32>
    %opt.adam.bcast_1 = stablehlo.broadcast_in_dim %opt.adam.one_minus_b1, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.g_1mb1 = stablehlo.multiply %grads.flat, %opt.adam.bcast_1 : tensor<1245xf32>
    %opt.adam.m = stablehlo.add %opt.adam.b1_m, %opt.adam.g_1mb1 : tensor<1245xf32>
    %opt.adam.bcast_2 = stablehlo.broadcast_in_dim %hyper.beta2, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.b2_v = stablehlo.multiply %v, %opt.adam.bcast_2 : tensor<1245xf32>
    %opt.adam.g2 = stablehlo.multiply %grads.flat, %grads.flat : tensor<1245xf32>
    %opt.adam.one_minus_b2 = stablehlo.subtract %cst_3, %hyper.beta2 : tensor<f32>
    %opt.adam.bcast_3 = stablehlo.broadcast_in_dim %opt.adam.one_minus_b2, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.g2_1mb2 = stablehlo.multiply %opt.adam.g2, %opt.adam.bcast_3 : tensor<1245xf32>
    %opt.adam.v = stablehlo.add %opt.adam.b2_v, %opt.adam.g2_1mb2 : tensor<1245xf32>
    %opt.adam.bcast_4 = stablehlo.broadcast_in_dim %hyper.bias_correction1, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.m_hat = stablehlo.divide %opt.adam.m, %opt.adam.bcast_4 : tensor<1245xf32>
    %opt.adam.bcast_5 = stablehlo.broadcast_in_dim %hyper.bias_correction2, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.v_hat = stablehlo.divide %opt.adam.v, %opt.adam.bcast_5 : tensor<1245xf32>
    %opt.adam.sqrt_v_hat = stablehlo.sqrt %opt.adam.v_hat : tensor<1245xf32>
    %opt.adam.bcast_6 = stablehlo.broadcast_in_dim %hyper.eps, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.denom = stablehlo.add %opt.adam.sqrt_v_hat, %opt.adam.bcast_6 : tensor<1245xf32>
    %opt.adam.direction = stablehlo.divide %opt.adam.m_hat, %opt.adam.denom : tensor<1245xf32>
    %opt.adam.bcast_7 = stablehlo.broadcast_in_dim %hyper.lr, dims = [] : (tensor<f32>) -> tensor<1245xf32>
    %opt.adam.step = stablehlo.multiply %opt.adam.direction, %opt.adam.bcast_7 : tensor<1245xf32>
    %opt.adam.p = stablehlo.subtract %params, %opt.adam.step : tensor<1245xf32>
    %bn.updated = stablehlo.concatenate %conv.0.running_mean, %conv.0.running_var, %blocks.1.0.conv1.running_mean, %blocks.1.0.conv1.running_var, %blocks.1.0.conv2.running_mean, %blocks.1.0.conv2.running_var, %blocks.1.1.conv1.running_mean, %blocks.1.1.conv1.running_var, %blocks.1.1.conv2.running_mean, %blocks.1.1.conv2.running_var, %blocks.2.0.conv1.running_mean, %blocks.2.0.conv1.running_var, %blocks.2.0.conv2.running_mean, %blocks.2.0.conv2.running_var, %blocks.2.0.down.running_mean, %blocks.2.0.down.running_var, dim = 0 : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) -> tensor<76xf32>
    return %opt.adam.p, %opt.adam.m, %opt.adam.v, %bn.updated, %loss.loss, %loss.correct : tensor<1245xf32>, tensor<1245xf32>, tensor<1245xf32>, tensor<76xf32>, tensor<f32>, tensor<i32>
  }
}
