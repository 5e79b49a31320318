package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import sigprop.net.Activation;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.StandardActivation;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;

/** The per-layer table: known values, conventions per norm, and internal consistency. */
class TheoryTest {
  private static final InitSpec LECUN = InitSpec.of(InitScheme.LECUN_NORMAL); // σ_w² = 1
  private static final Activation TANH = StandardActivation.TANH;
  private static final Activation RELU = StandardActivation.RELU;

  @Test
  void anOrderedNetsVariancesKeepFallingPastTheSmallestIntegratedVariance() {
    // σ_w² = 0.5 (normal std √(0.5/100)): q halves per layer once tanh is linear, past 1e−200
    // (near layer 670) and on toward double's smallest values.
    TheoryTable t = Theory.predict(TheoryInput.plain(TANH,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", Math.sqrt(0.005))),
        TheoryInput.uniformWidths(1000, 100)));
    for (int l = 660; l <= 1000; l++) {
      double ratio = t.row(l).outputVariance() / t.row(l - 1).outputVariance();
      if (t.row(l).outputVariance() > 1e-290) {
        assertEquals(0.5, ratio, 1e-9, "layer " + l);
      }
    }
    assertTrue(t.row(700).outputVariance() < 1e-205, "no floor at 1e-200: "
        + t.row(700).outputVariance());
  }

  @Test
  void varianceBeyondDoublesRangeIsZeroNotAStuckSubnormal() {
    // relu with σ_w² = 1.8: q falls by 0.9 a layer, below 2^-1022 near layer 6700. A subnormal
    // times 0.9 rounds back to itself, so it rested at 4.9e-324 instead of leaving the range;
    // the linear regime's products did the same.
    TheoryTable t = Theory.predict(TheoryInput.plain(RELU,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", Math.sqrt(0.018))),
        TheoryInput.uniformWidths(7500, 100)));
    assertTrue(t.row(6000).q() > 1e-290, "still normal: " + t.row(6000).q());
    assertEquals(0.0, t.row(7500).q(), "past double's range: " + t.row(7500).q());
    assertEquals(0.0, t.row(7500).preActivationVariance());
    TheoryTable linear = Theory.predict(TheoryInput.plain(TANH,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.05)), TheoryInput.uniformWidths(2000, 256)));
    // σ_w² = 256 · 0.0025 = 0.64 a layer: 0.64^2000 ≈ 1e-388.
    assertEquals(0.0, linear.row(2000).linearForwardVariance());
    assertEquals(0.0, linear.row(1).linearBackwardVariance());
    assertTrue(linear.row(1000).linearForwardVariance() > 1e-200);
  }

  @Test
  void criticalTanhOutputVarianceDecaysLikeOneOverTwoL() {
    // The numbers are Var[y^l] = E[tanh²(z^l)] with q¹ = q0 = 1 (equivalently q^{l+1}):
    // 0.128 at l = 4, 0.052 at l = 10, 0.0085 at l = 60. References from scipy.integrate.quad.
    TheoryTable t = Theory.predict(TheoryInput.plain(TANH, LECUN,
        TheoryInput.uniformWidths(60, 256)));
    assertEquals(0.12790473529941496, t.row(4).outputVariance(), 1e-12);
    assertEquals(0.052200082787028694, t.row(10).outputVariance(), 1e-12);
    assertEquals(0.008496012483217151, t.row(60).outputVariance(), 1e-12);
    assertEquals(0.128, t.row(4).outputVariance(), 5e-4);
    assertEquals(0.052, t.row(10).outputVariance(), 5e-4);
    assertEquals(0.0085, t.row(60).outputVariance(), 5e-5);
    for (int l = 1; l < 60; l++) {
      assertEquals(t.row(l).outputVariance(), t.row(l + 1).q(), 1e-15, "q^{l+1} = Var[y^l]");
    }
    assertEquals(1.0, 2 * 60 * t.row(60).outputVariance(), 0.025, "≈ 1/(2l)");
    assertEquals(0.0, t.fixedPoint().qStar(), 0.0);
    assertEquals(1.0, t.fixedPoint().chi1(), 1e-13);
  }

  @Test
  void kaimingReluKeepsVarianceAndGradientConstant() {
    TheoryTable t = Theory.predict(TheoryInput.plain(RELU, InitSpec.of(InitScheme.KAIMING_NORMAL),
        TheoryInput.uniformWidths(20, 128)));
    for (TheoryRow r : t.rows()) {
      assertEquals(2.0, r.q(), 1e-13);
      assertEquals(1.0, r.chi(), 1e-13);
      assertEquals(1.0, r.outputGradientVariance(), 1e-12);
      assertEquals(0.0, r.saturated90(), 0.0);
    }
  }

  @Test
  void gradientVariancesAreTheProductOfFactorsFromTheTop() {
    InitSpec xavier = InitSpec.of(InitScheme.XAVIER_NORMAL, Map.of("gain", 1.2));
    List<Integer> widths = List.of(100, 200, 50, 80, 80);
    TheoryTable t = Theory.predict(new TheoryInput(TANH, xavier, 0.01, widths, 2.0, Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, 32, 0.0));
    assertEquals(1.0, t.row(4).outputGradientVariance(), 0.0);
    for (int l = 2; l <= 4; l++) {
      TheoryRow r = t.row(l);
      double sigmaW2 = widths.get(l - 1) * xavier.meanSquare(widths.get(l - 1), widths.get(l));
      assertEquals(sigmaW2 * ActivationMoments.of(TANH, r.q()).derivativeMeanSquare(), r.chi(),
          1e-15);
      assertEquals(r.chi() * widths.get(l) / widths.get(l - 1), r.gradientFactor(), 1e-15);
      assertEquals(t.row(l).outputGradientVariance() * r.gradientFactor(),
          t.row(l - 1).outputGradientVariance(), 1e-13);
      assertEquals(Math.log10(t.row(l - 1).outputGradientVariance()),
          t.row(l - 1).log10OutputGradientVariance(), 1e-13);
      assertEquals(sigmaW2 * t.row(l - 1).outputVariance() + 0.01, r.q(), 1e-15,
          "E[y] = 0 for tanh, so E[y²] = Var[y]");
    }
    assertEquals(xavier.meanSquare(100, 200) * 100 * 2.0 + 0.01, t.row(1).q(), 1e-15);
    // ∂L/∂z = φ′(z)⊙∂L/∂y: Var[∂L/∂z^l] ∝ E[φ′²]_l·Var[∂L/∂y^l], relative to layer 4.
    double top = ActivationMoments.of(TANH, t.row(4).q()).derivativeMeanSquare();
    for (int l = 1; l <= 4; l++) {
      TheoryRow r = t.row(l);
      double expected = r.outputGradientVariance()
          * ActivationMoments.of(TANH, r.q()).derivativeMeanSquare() / top;
      assertEquals(expected, r.preActivationGradientVariance(), 1e-13 * expected);
      assertEquals(Math.log10(expected), r.log10PreActivationGradientVariance(), 1e-13);
    }
    assertEquals(1.0, t.row(4).preActivationGradientVariance(), 0.0);
  }

  @Test
  void preActivationGradientWithANormFollowsTheSameFactor() {
    // Var[∂L/∂z^l] = Var[∂L/∂y^l]·χ_l/σ_w²; with equal widths σ_w² is the same at every layer.
    TheoryTable t = Theory.predict(new TheoryInput(TANH, InitSpec.of(InitScheme.NORMAL), 0.0,
        TheoryInput.uniformWidths(6, 64), 1.0, Norm.BATCH, NormPlacement.BEFORE_ACTIVATION, 64,
        1e-5));
    TheoryRow top = t.row(6);
    for (int l = 1; l <= 6; l++) {
      TheoryRow r = t.row(l);
      double expected = r.outputGradientVariance() * r.chi() / top.chi();
      assertEquals(expected, r.preActivationGradientVariance(), 1e-12 * expected, "layer " + l);
    }
  }

  @Test
  void noLinearRegimeWithANorm() {
    // N(0, 0.1²) at width 256: σ_w² = 2.56 a layer, so the products said 10^12.2 at layer 30,
    // where a batch-normalized net measured Var[z] = 10^0.01. The init's ratios stay.
    TheoryInput plain = TheoryInput.plain(TANH,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.1)), TheoryInput.uniformWidths(30, 256));
    assertEquals(Math.pow(2.56, 30), Theory.predict(plain).row(30).linearForwardVariance(),
        1e-9 * Math.pow(2.56, 30));
    for (Norm norm : List.of(Norm.BATCH, Norm.LAYER)) {
      for (NormPlacement placement : NormPlacement.values()) {
        TheoryTable t = Theory.predict(plain.withNorm(norm, placement, 256));
        for (TheoryRow r : t.rows()) {
          String where = norm + " " + placement + " layer " + r.layer();
          assertEquals(Double.NaN, r.linearForwardVariance(), where);
          assertEquals(Double.NaN, r.linearBackwardVariance(), where);
          assertEquals(2.56, r.linearForwardRatio(), 1e-12, where);
          assertEquals(2.56, r.linearBackwardRatio(), 1e-12, where);
        }
      }
    }
  }

  @Test
  void saturationAndLinearColumns() {
    TheoryTable t = Theory.predict(TheoryInput.plain(TANH,
        InitSpec.of(InitScheme.GLOROT_STANDARD), TheoryInput.uniformWidths(5, 256)));
    TheoryRow first = t.row(1);
    assertEquals(1.0 / 3.0, first.q(), 1e-15);
    double threshold = 0.5 * Math.log(1.9 / 0.1);
    assertEquals(Erf.erfc(threshold / Math.sqrt(2 * first.q())), first.saturated90(), 1e-15);
    assertEquals(1.0 / 3.0, first.linearForwardRatio(), 0.0);
    assertEquals(1.0 / 3.0, first.linearForwardVariance(), 0.0);
    assertEquals(Math.pow(3, -4), first.linearBackwardVariance(), 1e-17);
  }

  @Test
  void layerNormBeforeReluKeepsGradients() {
    // χ = σ_w² E[φ′²]/Var[z] with Var[z] = σ_w²·E[relu(z)²] = σ_w²/2: exactly 1 for any σ_w
    // (with ε = 0; ε is the next test's).
    InitSpec init = InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.3));
    TheoryTable t = Theory.predict(new TheoryInput(RELU, init, 0.0,
        TheoryInput.uniformWidths(8, 64), 1.0, Norm.LAYER, NormPlacement.BEFORE_ACTIVATION, 1,
        0.0));
    for (int l = 2; l <= 8; l++) {
      assertEquals(1.0, t.row(l).q(), 0.0, "φ sees unit variance");
      assertEquals(64 * 0.09 * 0.5, t.row(l).preActivationVariance(), 1e-13);
      assertEquals(1.0, t.row(l).chi(), 1e-13);
    }
  }

  @Test
  void layerNormAfterTanhHasUnitOutputsAndItsOwnChi() {
    TheoryTable t = Theory.predict(new TheoryInput(TANH, LECUN, 0.5,
        TheoryInput.uniformWidths(6, 64), 1.0, Norm.LAYER, NormPlacement.AFTER_ACTIVATION, 1,
        0.0));
    ActivationMoments m = ActivationMoments.of(TANH, 1.5);
    for (int l = 2; l <= 6; l++) {
      TheoryRow r = t.row(l);
      assertEquals(1.5, r.q(), 1e-15, "σ_w²·1 + σ_b²");
      assertEquals(1.0, r.outputVariance(), 0.0);
      assertEquals(0.0, r.outputMean(), 0.0);
      assertEquals(m.derivativeMeanSquare() / m.variance(), r.chi(), 1e-15);
    }
  }

  /**
   * Layer norm divides by √(Var + ε): with ε = 1 and Var[z] = 1 (xavier, q0 = 1) before tanh
   * the normalized values have variance 1/2, and χ = σ_w² E[φ′(√½ z)²]/2; after tanh the
   * outputs V/(V + 1). A sweep measured this (layer 10: 10^−1.475 against 10^−1.473).
   */
  @Test
  void layerNormDividesByTheVariancePlusEps() {
    TheoryInput in = new TheoryInput(TANH, InitSpec.of(InitScheme.XAVIER_NORMAL), 0.0,
        TheoryInput.uniformWidths(3, 64), 1.0, Norm.LAYER, NormPlacement.BEFORE_ACTIVATION, 1,
        1.0);
    TheoryRow first = Theory.predict(in).row(1);
    assertEquals(1.0, first.preActivationVariance(), 1e-15);
    assertEquals(0.5, first.q(), 1e-15);
    assertEquals(ActivationMoments.of(TANH, 0.5).derivativeMeanSquare() / 2, first.chi(), 1e-15);
    assertEquals(ActivationMoments.of(TANH, 0.5).variance(), first.outputVariance(), 1e-15);
    TheoryTable after = Theory.predict(in.withNorm(Norm.LAYER, NormPlacement.AFTER_ACTIVATION, 1));
    ActivationMoments m = ActivationMoments.of(TANH, 1.0);
    assertEquals(m.variance() / (m.variance() + 1), after.row(1).outputVariance(), 1e-15);
    assertEquals(m.derivativeMeanSquare() / (m.variance() + 1), after.row(1).chi(), 1e-15);
    assertEquals(m.variance() / (m.variance() + 1), after.row(2).preActivationVariance(), 1e-15,
        "the next layer's Var[z] = σ_w²·E[y²] with σ_w² = 1");
  }

  /** Batch norm's gains ignore ε: where ε is not small against Var[z], no prediction. */
  @Test
  void batchNormWithEpsNearTheVarianceAndWeightsNotIidHaveNoPrediction() {
    TheoryInput tiny = new TheoryInput(TANH, InitSpec.of(InitScheme.NORMAL,
        java.util.Map.of("std", 0.0002)), 0.0, TheoryInput.uniformWidths(3, 512), 1.0,
        Norm.BATCH, NormPlacement.BEFORE_ACTIVATION, 64, 1e-5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Theory.predict(tiny));
    assertTrue(e.getMessage().contains("batch norm theory takes ε as negligible against the"
        + " variance it divides by, but ε/Var adds up to 0.488 over layers 1..1 (Var 2.05e-05 at"
        + " layer 1, eps 1.00e-05), more than 0.05"), e.getMessage());
    assertEquals(NoPrediction.Input.NORM_EPS, ((NoPrediction) e).input());
    // ε/Var of 2.5e-5 a layer, 0.0127 over 500 layers: covered (homework task 3's net).
    Theory.predict(new TheoryInput(TANH, InitSpec.of(InitScheme.XAVIER_NORMAL), 0.0,
        TheoryInput.uniformWidths(500, 256), 1.0, Norm.BATCH, NormPlacement.BEFORE_ACTIVATION,
        256, 1e-5));
    for (InitSpec init : List.of(InitSpec.of(InitScheme.IDENTITY),
        InitSpec.of(InitScheme.CONSTANT, java.util.Map.of("value", 0.002)))) {
      e = assertThrows(IllegalArgumentException.class, () -> Theory.predict(
          TheoryInput.plain(TANH, init, TheoryInput.uniformWidths(3, 64))));
      assertTrue(e.getMessage().startsWith("the mean field assumes i.i.d. zero-mean weights"),
          e.getMessage());
    }
    Theory.predict(TheoryInput.plain(TANH, InitSpec.of(InitScheme.CONSTANT),
        TheoryInput.uniformWidths(3, 64))); // zeros: σ_w² = 0, covered
  }

  @Test
  void batchNormUsesTheMonteCarloGainAndUnitVarianceIntoPhi() {
    TheoryInput plain = TheoryInput.plain(TANH, InitSpec.of(InitScheme.XAVIER_NORMAL),
        TheoryInput.uniformWidths(10, 128));
    TheoryTable before = Theory.predict(plain.withNorm(Norm.BATCH,
        NormPlacement.BEFORE_ACTIVATION, 64));
    BatchNormGain.BeforeActivation gain = BatchNormGain.beforeActivation(TANH, 64);
    assertEquals(gain.gain(1.0), before.row(1).chi(), 0.0, "layer 1 sees x with spread q0");
    for (int l = 2; l <= 10; l++) {
      assertEquals(1.0, before.row(l).q(), 0.0);
      assertEquals(gain.gain(), before.row(l).chi(), 0.0);
    }
    assertTrue(before.row(1).outputGradientVariance() > 4, "grows ≈ 1.19⁹ toward the input");
    TheoryTable after = Theory.predict(plain.withNorm(Norm.BATCH,
        NormPlacement.AFTER_ACTIVATION, 64));
    for (int l = 2; l <= 10; l++) {
      assertEquals(1.0, after.row(l).q(), 1e-15, "σ_w² = 1 times unit-variance input");
      assertEquals(1.0, after.row(l).outputVariance(), 0.0);
      assertEquals(BatchNormGain.afterActivation(TANH, 64, 1.0, 0.0), after.row(l).chi(), 1e-14);
    }
  }

  @Test
  void explodingReluOverflowsToInfinityButKeepsLogGradients() {
    TheoryTable t = Theory.predict(TheoryInput.plain(RELU, InitSpec.of(InitScheme.NORMAL),
        TheoryInput.uniformWidths(500, 256)));
    assertEquals(Double.POSITIVE_INFINITY, t.row(500).q());
    assertEquals(128.0, t.row(500).chi(), 1e-10);
    assertEquals(499 * Math.log10(128.0), t.row(1).log10OutputGradientVariance(), 1e-9);
    assertEquals(Double.POSITIVE_INFINITY, t.fixedPoint().qStar());
  }
}
