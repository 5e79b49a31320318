package sigprop.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sigprop.net.Activation;
import sigprop.net.InitScheme;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;

/**
 * Per-layer predictions for a deep fully-connected net at initialization, layer by layer so
 * non-uniform widths get their own σ_w² = n_{l−1}·E[w²] (forward) and n_l·E[w²] (backward).
 *
 * <p>With v_{l−1} = E[(y^{l−1})²] (v_0 = q0), Var[z^l] = σ_w²·v_{l−1} + σ_b², and per norm:
 * <ul>
 *   <li>none: q^l = Var[z^l]; y = φ(z); χ_l = σ_w² E[φ′(√q^l z)²].
 *   <li>norm before φ: y = φ(ẑ); layer norm (large width): ẑ ~ N(0, q^l) with
 *       q^l = Var[z^l]/(Var[z^l] + ε), χ_l = σ_w² E[φ′(√q z)²]/(Var[z^l] + ε); batch norm:
 *       q^l = 1, ẑ one batch-normalized entry of B ({@link BatchNormalizedEntry}: variance 1,
 *       bounded by √(B − 1)), {@link BatchNormGain#beforeActivation}.
 *   <li>norm after φ: q^l = Var[z^l]; y = norm(φ(z)) has mean 0; layer norm: variance
 *       V/(V + ε) with V = Var[φ(√q z)], χ_l = σ_w² E[φ′(√q z)²]/(V + ε); batch norm: variance
 *       1, {@link BatchNormGain#afterActivation}.
 * </ul>
 * Batch norm's gains take ε as negligible: configurations whose layers' ε/Var add up to more than
 * 0.05 (weights so small that Var[z] nears ε) get no prediction. Identity and
 * non-zero constant weights get none either: the mean field assumes i.i.d. zero-mean weights.
 * Then Var[∂L/∂y^{l−1}] = Var[∂L/∂y^l]·χ_l·n_l/n_{l−1}, accumulated in log10 from the top.
 * The gradient at the dense output z^l (before the norm) has Var[∂L/∂z^l] = Var[∂L/∂y^{l−1}] /
 * (n_l·E[w²]) = Var[∂L/∂y^l]·χ_l/σ_w²: E[φ′²]·Var[∂L/∂y^l] without a norm.
 * After φ, batch norm's outputs have mean 0 and variance 1 whatever the law of φ(z).
 * The linear regime ({@link LinearRegime}) is NaN with a norm: it has no layer that rescales.
 */
public final class Theory {
  private Theory() {}

  /** The table of predictions for {@code in}. */
  public static TheoryTable predict(TheoryInput in) {
    Activation phi = in.activation();
    List<Integer> n = in.widths();
    int depth = in.depth();
    Saturation at90 = Saturation.of(phi, 0.9);
    Saturation at99 = Saturation.of(phi, 0.99);
    refuseWeightsNotIid(in);
    LayerLaw law = new LayerLaw(in);
    // Glorot and Bengio's products chain the init's ratios through unnormalized layers; a norm
    // rescales every layer (with batch norm and N(0, 0.1²) weights they said 10^12.2 at layer 30
    // of a width-256 net that measured 10^0.01), so with one there is no linear regime.
    double[] linearForward = in.norm() == Norm.NONE ? LinearRegime.forwardVariances(n, in.init(),
        in.inputVariance(), in.biasVariance()) : unknown(depth);
    double[] linearBackward = in.norm() == Norm.NONE
        ? LinearRegime.backwardVariances(n, in.init()) : unknown(depth);

    double[] q = new double[depth + 1];
    double[] pre = new double[depth + 1];
    double[] chi = new double[depth + 1];
    double[] factor = new double[depth + 1];
    double[] log10PreGradientRatio = new double[depth + 1];
    ActivationMoments[] out = new ActivationMoments[depth + 1];
    double inputSecondMoment = in.inputVariance();
    for (int l = 1; l <= depth; l++) {
      double weightVariance = weightVariance(in, l);
      pre[l] = normalOrZero(weightVariance * inputSecondMoment + in.biasVariance());
      q[l] = !law.normBefore() ? pre[l]
          : in.norm() == Norm.LAYER ? pre[l] / (pre[l] + in.normEps()) : 1.0;
      out[l] = law.batchBefore() ? law.batchNormalizedMoments() : ActivationMoments.of(phi, q[l]);
      law.checkBatchEps(l, pre[l], out[l]);
      chi[l] = law.chi(l, weightVariance, pre[l], out[l]);
      factor[l] = chi[l] * n.get(l) / n.get(l - 1);
      log10PreGradientRatio[l] = Math.log10(in.norm() == Norm.NONE
          ? out[l].derivativeMeanSquare()
          : weightVariance > 0 ? chi[l] / weightVariance : Double.NaN);
      inputSecondMoment = law.normAfter() ? law.normalizedVariance(out[l])
          : normalOrZero(out[l].meanSquare());
    }

    double[] log10Gradient = new double[depth + 1];
    for (int l = depth; l >= 2; l--) {
      log10Gradient[l - 1] = log10Gradient[l] + Math.log10(factor[l]);
    }

    List<TheoryRow> rows = new ArrayList<>(depth);
    for (int l = 1; l <= depth; l++) {
      int fanIn = n.get(l - 1);
      int fanOut = n.get(l);
      rows.add(new TheoryRow(l, fanOut, q[l], pre[l],
          law.normAfter() ? 0.0 : out[l].mean(),
          law.normAfter() ? law.normalizedVariance(out[l]) : out[l].variance(),
          chi[l], factor[l], Math.pow(10.0, log10Gradient[l]), log10Gradient[l],
          Math.pow(10.0, log10PreGradient(log10Gradient, log10PreGradientRatio, l, depth)),
          log10PreGradient(log10Gradient, log10PreGradientRatio, l, depth),
          law.saturation(at90, q[l]), law.saturation(at99, q[l]),
          linearForward[l - 1], LinearRegime.forwardRatio(in.init(), fanIn, fanOut),
          linearBackward[l - 1], LinearRegime.backwardRatio(in.init(), fanIn, fanOut)));
    }
    MeanField top = new MeanField(phi, weightVariance(in, depth), in.biasVariance());
    return new TheoryTable(in, rows, top.fixedPoint(pre[1]));
  }

  /** Identity and non-zero constant weights are neither random nor zero-mean. */
  private static void refuseWeightsNotIid(TheoryInput in) {
    InitScheme scheme = in.init().scheme();
    if (scheme == InitScheme.IDENTITY
        || scheme == InitScheme.CONSTANT && in.init().number("value") != 0) {
      throw new NoPrediction(NoPrediction.Input.INIT, name -> "the mean field assumes i.i.d."
          + " zero-mean weights; " + name + " " + in.init() + " is "
          + (scheme == InitScheme.IDENTITY ? "not random" : "the same in every entry")
          + ", so there is no prediction for it");
    }
  }

  /** n NaNs: no prediction. */
  private static double[] unknown(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** log10 of Var[∂L/∂z^l] relative to Var[∂L/∂z^L]. */
  private static double log10PreGradient(double[] log10Gradient, double[] log10Ratio, int l,
      int depth) {
    return log10Gradient[l] + log10Ratio[l] - log10Ratio[depth];
  }

  /** σ_w² = n_{l−1}·E[w²] of layer l. */
  static double weightVariance(TheoryInput in, int l) {
    int fanIn = in.widths().get(l - 1);
    return fanIn * in.init().meanSquare(fanIn, in.widths().get(l));
  }

  /**
   * 0 for a variance below double's smallest normal: there the true value has left double's
   * range, and a subnormal times a ratio above 1/2 rounds back to itself, so a deep ordered net
   * would rest at 4.9e−324 instead of falling on.
   */
  static double normalOrZero(double variance) {
    return variance < Double.MIN_NORMAL ? 0.0 : variance;
  }

  /** χ_l for the input's norm and placement, with the batch-norm estimates computed once. */
  private static final class LayerLaw {
    private final TheoryInput in;
    private BatchNormGain.BeforeActivation before;
    private ActivationMoments batchMoments;
    private double epsShare;
    /** The most that the layers' ε/Var may add up to for batch norm's gains to hold. */
    static final double EPS_SHARE = 0.05;
    private final Map<Double, Double> after = new HashMap<>();

    LayerLaw(TheoryInput in) {
      this.in = in;
    }

    boolean normBefore() {
      return in.norm() != Norm.NONE && in.placement() == NormPlacement.BEFORE_ACTIVATION;
    }

    boolean normAfter() {
      return in.norm() != Norm.NONE && in.placement() == NormPlacement.AFTER_ACTIVATION;
    }

    boolean batchBefore() {
      return in.norm() == Norm.BATCH && normBefore();
    }

    /** φ's moments over one batch-normalized entry at the input's batch, computed once. */
    ActivationMoments batchNormalizedMoments() {
      if (batchMoments == null) {
        batchMoments = BatchNormalizedEntry.moments(in.activation(), in.batch());
      }
      return batchMoments;
    }

    /** The saturated fraction: over a batch-normalized entry, or N(0, q). */
    double saturation(Saturation at, double q) {
      return batchBefore() ? BatchNormalizedEntry.saturation(at, in.batch()) : at.fraction(q);
    }

    /** The variance of a layer norm's output after φ, V/(V + ε); 1 for batch norm. */
    double normalizedVariance(ActivationMoments m) {
      return in.norm() == Norm.LAYER ? m.variance() / (m.variance() + in.normEps()) : 1.0;
    }

    /**
     * Batch norm's gains take ε as negligible: each layer's ε/Var shifts χ by about that share,
     * so while the shares add up to at most {@link #EPS_SHARE} the gradients stay within about
     * 0.02 decades over the whole net; beyond it, no prediction.
     */
    void checkBatchEps(int l, double pre, ActivationMoments m) {
      if (in.norm() != Norm.BATCH || in.normEps() == 0) {
        return;
      }
      double divided = normBefore() ? pre : m.variance();
      epsShare += in.normEps() / divided;
      if (!(epsShare <= EPS_SHARE)) {
        double share = epsShare;
        throw new NoPrediction(NoPrediction.Input.NORM_EPS, name -> String.format(
            Locale.ROOT, "batch norm theory takes ε as negligible against the variance"
            + " it divides by, but ε/Var adds up to %.3g over layers 1..%d (Var %.3g at layer %d,"
            + " %s %.3g), more than %.2f, so there is no prediction; a smaller %s would be"
            + " covered", share, l, divided, l, name, in.normEps(), EPS_SHARE, name));
      }
    }

    double chi(int l, double weightVariance, double pre, ActivationMoments m) {
      double derivative = weightVariance * m.derivativeMeanSquare();
      switch (in.norm()) {
        case LAYER:
          return derivative / ((normBefore() ? pre : m.variance()) + in.normEps());
        case BATCH:
          return normBefore() ? batchBefore(l) : batchAfter(l, weightVariance);
        default:
          return derivative;
      }
    }

    private double batchBefore(int l) {
      if (before == null) {
        before = BatchNormGain.beforeActivation(in.activation(), in.batch());
      }
      return l == 1 ? before.gain(in.inputVariance()) : before.gain();
    }

    private double batchAfter(int l, double weightVariance) {
      if (l == 1) {
        return BatchNormGain.afterActivationFirstLayer(in.activation(), in.batch(),
            weightVariance, in.biasVariance(), in.inputVariance());
      }
      return after.computeIfAbsent(weightVariance, w ->
          BatchNormGain.afterActivation(in.activation(), in.batch(), w, in.biasVariance()));
    }
  }
}
