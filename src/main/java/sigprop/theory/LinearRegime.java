package sigprop.theory;

import java.util.List;
import sigprop.net.InitSpec;

/**
 * The linear regime of Glorot and Bengio (2010, §4.2.1): with φ′ = 1, Var[z^l] = Var[x]·Π_{l′≤l}
 * n_{l′−1}Var[W^{l′}] forward and Var[∂L/∂y^l] = Var[∂L/∂y^L]·Π_{l′>l} n_{l′}Var[W^{l′}]
 * backward. Exact for the linear activation, the small-signal limit of tanh. The "standard" init
 * U[±1/√n] has n·Var[W] = 1/3, so variances shrink ×1/3 per layer both ways.
 */
public final class LinearRegime {
  private LinearRegime() {}

  /** n_{l−1}·Var[W^l] = Var[z^l]/Var[z^{l−1}] (σ_b = 0). */
  public static double forwardRatio(InitSpec init, int fanIn, int fanOut) {
    return fanIn * init.meanSquare(fanIn, fanOut);
  }

  /** n_l·Var[W^l] = Var[∂L/∂y^{l−1}]/Var[∂L/∂y^l]. */
  public static double backwardRatio(InitSpec init, int fanIn, int fanOut) {
    return fanOut * init.meanSquare(fanIn, fanOut);
  }

  /**
   * Var[z^l] for l = 1..L at index l − 1, from widths n_0..n_L and Var[x] = q0. A bias adds σ_b²
   * per layer (Var[z^l] = ratio·Var[z^{l−1}] + σ_b²), still exact for the linear activation.
   */
  public static double[] forwardVariances(
      List<Integer> widths, InitSpec init, double q0, double biasVariance) {
    double[] out = new double[widths.size() - 1];
    double v = q0;
    for (int l = 1; l < widths.size(); l++) {
      v = Theory.normalOrZero(forwardRatio(init, widths.get(l - 1), widths.get(l)) * v
          + biasVariance);
      out[l - 1] = v;
    }
    return out;
  }

  /** Var[∂L/∂y^l] relative to layer L = 1, for l = 1..L at index l − 1. */
  public static double[] backwardVariances(List<Integer> widths, InitSpec init) {
    int depth = widths.size() - 1;
    double[] out = new double[depth];
    double v = 1.0;
    out[depth - 1] = v;
    for (int l = depth; l >= 2; l--) {
      v = Theory.normalOrZero(v * backwardRatio(init, widths.get(l - 1), widths.get(l)));
      out[l - 2] = v;
    }
    return out;
  }
}
