package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Each scheme against its formula: E[w²] as a literal worked by hand, both the scheme's formula
 * and the sample; the sample mean; and the distribution's shape by a Kolmogorov–Smirnov test.
 *
 * <p>A sample pools layers 1..17 of seed 42 at 300 × 200, N = 1,020,000 draws. Its mean square
 * has relative std √((κ − 1)/N) with κ = E[w⁴]/E[w²]² the kurtosis (3 normal, 1.8 uniform, 2.37
 * for the normal truncated at ±2σ): 1.4e-3 at most, and the bound is four such stds. The mean has
 * std √(E[w²]/N), also bounded at four. The KS test runs on layer 1's 60,000 draws, at a p-value
 * threshold of 1e-4; the seeds are fixed, so every check is deterministic.
 */
class InitSchemeTest {
  private static final int FAN_IN = 300;
  private static final int FAN_OUT = 200;
  private static final int LAYERS = 17;
  private static final double P_MIN = 1e-4;
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

  private static Matrix draw(InitSpec spec) {
    Matrix w = new Matrix(FAN_IN, FAN_OUT);
    spec.fill(w, RandomStreams.of(42, 1, Purpose.WEIGHTS));
    return w;
  }

  /** Layers 1..17's draws of seed 42 at fanIn × fanOut, one after the other. */
  private static double[] pooled(InitSpec spec, int fanIn, int fanOut) {
    double[] all = new double[LAYERS * fanIn * fanOut];
    Matrix w = new Matrix(fanIn, fanOut);
    for (int l = 1; l <= LAYERS; l++) {
      spec.fill(w, RandomStreams.of(42, l, Purpose.WEIGHTS));
      System.arraycopy(w.data, 0, all, (l - 1) * w.size(), w.size());
    }
    return all;
  }

  private static double meanSquare(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v * v;
    }
    return s / w.length;
  }

  private static double mean(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    return s / w.length;
  }

  private static double maxAbs(Matrix w) {
    double m = 0;
    for (double v : w.data) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** The shape of a scheme's entries: its kurtosis and its CDF at a given E[w²]. */
  private record Family(String name, double kurtosis, Cdf cdf) {
    interface Cdf {
      double at(double x, double meanSquare);
    }
  }

  private static final Family NORMAL = new Family("normal", 3.0,
      (x, ms) -> STANDARD_NORMAL.cumulativeProbability(x / Math.sqrt(ms)));

  /** U[−a, a] with a²/3 = E[w²]. */
  private static final Family UNIFORM = new Family("uniform", 1.8, (x, ms) -> {
    double a = Math.sqrt(3 * ms);
    return Math.max(0, Math.min(1, (x + a) / (2 * a)));
  });

  /**
   * N(0, σ²) cut at ±bσ: with Z = 2Φ(b) − 1, E[z²] = 1 − 2bϕ(b)/Z and E[z⁴] = 3 − 2b(b² + 3)ϕ(b)/Z
   * for the standard normal z cut at ±b.
   */
  private static Family truncatedNormal(double b) {
    double z = 2 * STANDARD_NORMAL.cumulativeProbability(b) - 1;
    double pdf = STANDARD_NORMAL.density(b);
    double m2 = 1 - 2 * b * pdf / z;
    double m4 = 3 - 2 * b * (b * b + 3) * pdf / z;
    return new Family("normal cut at ±" + b + "σ", m4 / (m2 * m2), (x, ms) -> {
      double sigma = Math.sqrt(ms / m2);
      double low = STANDARD_NORMAL.cumulativeProbability(-b);
      double u = (STANDARD_NORMAL.cumulativeProbability(x / sigma) - low) / z;
      return Math.max(0, Math.min(1, u));
    });
  }

  private static final Family TRUNCATED_AT_2 = truncatedNormal(2.0);

  /** The KS p-value of the sample against the CDF, by the probability integral transform. */
  private static double ksPValue(double[] sample, DoubleUnaryOperator cdf) {
    double[] u = new double[sample.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = cdf.applyAsDouble(sample[i]);
    }
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(0, 1), u, false);
  }

  /**
   * The scheme's formula at 300 × 200 equals {@code expected}; its pooled sample has that mean
   * square, mean 0, and layer 1's draws the family's distribution.
   */
  private static void assertScheme(double expected, InitSpec spec, Family family) {
    assertEquals(expected, spec.meanSquare(FAN_IN, FAN_OUT), 1e-15 * expected, spec + " formula");
    double[] w = pooled(spec, FAN_IN, FAN_OUT);
    int n = w.length;
    double relative = 4 * Math.sqrt((family.kurtosis() - 1) / n);
    assertEquals(expected, meanSquare(w), relative * expected, spec + " sample mean square");
    assertEquals(0.0, mean(w), 4 * Math.sqrt(expected / n), spec + " sample mean");
    double p = ksPValue(Arrays.copyOf(w, FAN_IN * FAN_OUT), x -> family.cdf().at(x, expected));
    assertTrue(p > P_MIN, spec + " is not " + family.name() + ": KS p-value " + p);
  }

  @Test
  void normalSchemes() {
    assertScheme(1.0, InitSpec.of(InitScheme.NORMAL), NORMAL);
    assertScheme(0.01 * 0.01, InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.01)), NORMAL);
    // 2 / (300 + 200)
    assertScheme(0.004, InitSpec.of(InitScheme.XAVIER_NORMAL), NORMAL);
    assertScheme(4 * 0.004, InitSpec.of(InitScheme.XAVIER_NORMAL, Map.of("gain", 2.0)), NORMAL);
    assertScheme(1.0 / 300, InitSpec.of(InitScheme.LECUN_NORMAL), NORMAL);
  }

  @Test
  void uniformSchemes() {
    assertScheme(1.0 / 3, InitSpec.of(InitScheme.UNIFORM), UNIFORM);
    assertScheme(0.25 / 3, InitSpec.of(InitScheme.UNIFORM, Map.of("a", 0.5)), UNIFORM);
    // (1/√300)²/3
    assertScheme(1.0 / 900, InitSpec.of(InitScheme.GLOROT_STANDARD), UNIFORM);
    // (√(6/500))²/3 = 2/500, times gain² = 9
    assertScheme(0.004, InitSpec.of(InitScheme.XAVIER_UNIFORM), UNIFORM);
    assertScheme(9 * 0.004, InitSpec.of(InitScheme.XAVIER_UNIFORM, Map.of("gain", 3.0)),
        UNIFORM);
    assertScheme(1.0 / 300, InitSpec.of(InitScheme.LECUN_UNIFORM), UNIFORM);
  }

  /** Kaiming: gain²/fan_mode with torch's calculate_gain; gain² for leaky relu 2/(1 + s²). */
  @Test
  void kaimingGainsAndModes() {
    InitScheme[] schemes = {InitScheme.KAIMING_NORMAL, InitScheme.KAIMING_UNIFORM};
    Family[] families = {NORMAL, UNIFORM};
    for (int k = 0; k < 2; k++) {
      InitScheme s = schemes[k];
      Family f = families[k];
      assertScheme(2.0 / 300, InitSpec.of(s), f);
      assertScheme(2.0 / 200, InitSpec.of(s, Map.of("mode", "fan_out")), f);
      assertScheme(2.0 / 250, InitSpec.of(s, Map.of("mode", "fan_avg")), f);
      assertScheme(25.0 / 9 / 300, InitSpec.of(s, Map.of("nonlinearity", "tanh")), f);
      // default slope 0.01: 2/1.0001; slope 0.2: 2/1.04
      assertScheme(2.0 / 1.0001 / 300, InitSpec.of(s, Map.of("nonlinearity", "leaky_relu")), f);
      assertScheme(2.0 / 1.04 / 200, InitSpec.of(s,
          Map.of("nonlinearity", "leaky_relu", "slope", 0.2, "mode", "fan_out")), f);
      // selu: gain 3/4
      assertScheme(0.5625 / 300, InitSpec.of(s, Map.of("nonlinearity", "selu")), f);
      assertScheme(1.0 / 300, InitSpec.of(s, Map.of("nonlinearity", "sigmoid")), f);
      assertScheme(1.0 / 300, InitSpec.of(s, Map.of("nonlinearity", "linear")), f);
    }
  }

  /** scale/n for n = fan_in 300, fan_out 200, fan_avg 250, in each distribution. */
  @Test
  void varianceScalingModesAndDistributions() {
    Map<String, Family> families = Map.of("normal", NORMAL, "uniform", UNIFORM,
        "truncated_normal", TRUNCATED_AT_2);
    for (Map.Entry<String, Family> d : families.entrySet()) {
      String dist = d.getKey();
      assertScheme(1.0 / 300, InitSpec.of(InitScheme.VARIANCE_SCALING,
          Map.of("distribution", dist)), d.getValue());
      assertScheme(2.0 / 200, InitSpec.of(InitScheme.VARIANCE_SCALING,
          Map.of("scale", 2.0, "mode", "fan_out", "distribution", dist)), d.getValue());
      assertScheme(0.5 / 250, InitSpec.of(InitScheme.VARIANCE_SCALING,
          Map.of("scale", 0.5, "mode", "fan_avg", "distribution", dist)), d.getValue());
    }
  }

  /**
   * Without correction the std shrinks: the variance of N(0, 1) cut at ±2 is
   * 1 − 4ϕ(2)/(2Φ(2) − 1) = 0.7737413035499232, at ±1 it is 1 − 2ϕ(1)/(2Φ(1) − 1) =
   * 0.29112509477279314.
   */
  @Test
  void truncatedNormalShrinksTheVarianceByTheTruncatedFactor() {
    assertScheme(4 * 0.7737413035499232, InitSpec.of(InitScheme.TRUNCATED_NORMAL,
        Map.of("std", 2.0)), TRUNCATED_AT_2);
    assertScheme(0.25 * 0.29112509477279314, InitSpec.of(InitScheme.TRUNCATED_NORMAL,
        Map.of("std", 0.5, "bound", 1.0)), truncatedNormal(1.0));
  }

  /**
   * Sparse at 301 × 200 with fraction 0.1: ⌈30.1⌉ = 31 zeros per column, so E[w²] =
   * std²·270/301; the nonzero entries are N(0, std²).
   */
  @Test
  void sparseRoundsTheZeroCountUpAndKeepsTheRestNormal() {
    InitSpec spec = InitSpec.of(InitScheme.SPARSE, Map.of("fraction", 0.1, "std", 0.5));
    double expected = 0.25 * 270 / 301;
    assertEquals(expected, spec.meanSquare(301, FAN_OUT), 1e-15 * expected);
    assertEquals(0.25 * 0.9, InitSpec.of(InitScheme.SPARSE, Map.of("std", 0.5))
        .meanSquare(FAN_IN, FAN_OUT), 1e-15);
    double[] w = pooled(spec, 301, FAN_OUT);
    // A share q = 270/301 of N(0, std²): kurtosis 3/q.
    double kurtosis = 3.0 * 301 / 270;
    assertEquals(expected, meanSquare(w), 4 * Math.sqrt((kurtosis - 1) / w.length) * expected);
    assertEquals(0.0, mean(w), 4 * Math.sqrt(expected / w.length));
    Matrix first = new Matrix(301, FAN_OUT);
    spec.fill(first, RandomStreams.of(42, 1, Purpose.WEIGHTS));
    double[] nonzero = Arrays.stream(first.data).filter(v -> v != 0.0).toArray();
    assertEquals(FAN_OUT * 270, nonzero.length, "31 zeros in each of the 200 columns");
    double p = ksPValue(nonzero, x -> STANDARD_NORMAL.cumulativeProbability(x / 0.5));
    assertTrue(p > P_MIN, "sparse nonzeros are not N(0, 0.25): KS p-value " + p);
  }

  @Test
  void sparseZeroesTheStatedFractionOfEveryColumn() {
    Matrix w = draw(InitSpec.of(InitScheme.SPARSE, Map.of("fraction", 0.25)));
    for (int j = 0; j < FAN_OUT; j++) {
      int zeros = 0;
      for (int i = 0; i < FAN_IN; i++) {
        zeros += w.get(i, j) == 0.0 ? 1 : 0;
      }
      assertEquals(75, zeros);
    }
  }

  /** Exact for a fixed matrix: the formula and the matrix's own mean square. */
  private static void assertExactMeanSquare(double expected, InitSpec spec, int fanIn,
      int fanOut) {
    assertEquals(expected, spec.meanSquare(fanIn, fanOut), 1e-15 * Math.max(expected, 1e-300),
        spec + " formula at " + fanIn + "×" + fanOut);
    Matrix w = new Matrix(fanIn, fanOut);
    spec.fill(w, RandomStreams.of(3, 1, Purpose.WEIGHTS));
    assertEquals(expected, meanSquare(w.data), 1e-12 * Math.max(expected, 1e-300),
        spec + " draw at " + fanIn + "×" + fanOut);
  }

  /**
   * gain²·I: min(fan_in, fan_out) entries gain, the rest 0. Orthogonal: ‖W‖²_F =
   * gain²·min(fan_in, fan_out), over fan_in·fan_out entries, = gain²/max(fan_in, fan_out).
   */
  @Test
  void deterministicAndOrthogonalSchemesHaveTheirExactMeanSquare() {
    assertExactMeanSquare(0.0, InitSpec.of(InitScheme.ZEROS), 30, 20);
    // (−0.5)²
    assertExactMeanSquare(0.25, InitSpec.of(InitScheme.CONSTANT, Map.of("value", -0.5)), 30, 20);
    assertExactMeanSquare(0.0, InitSpec.of(InitScheme.CONSTANT), 30, 20);
    InitSpec identity = InitSpec.of(InitScheme.IDENTITY, Map.of("gain", 2.0));
    // 4 · 20 / 600 on both non-square shapes, 4 · 25 / 625 square
    assertExactMeanSquare(4.0 * 20 / 600, identity, 30, 20);
    assertExactMeanSquare(4.0 * 20 / 600, identity, 20, 30);
    assertExactMeanSquare(4.0 / 25, identity, 25, 25);
    InitSpec orthogonal = InitSpec.of(InitScheme.ORTHOGONAL, Map.of("gain", 1.5));
    // 2.25 · 20 / 600 = 2.25/30 on both non-square shapes, 2.25/25 square
    assertExactMeanSquare(2.25 / 30, orthogonal, 30, 20);
    assertExactMeanSquare(2.25 / 30, orthogonal, 20, 30);
    assertExactMeanSquare(2.25 / 25, orthogonal, 25, 25);
  }

  @Test
  void boundsHold() {
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.UNIFORM))) <= 1.0);
    double xavier = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.XAVIER_UNIFORM))) <= xavier);
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.XAVIER_UNIFORM))) > 0.99 * xavier);
    // σ = √(1/fan_in) / 0.8796256610342398, the std of N(0, 1) cut at ±2 being
    // √(1 − 4ϕ(2)/(2Φ(2) − 1)) = 0.8796256610342398.
    double sigma = Math.sqrt(1.0 / FAN_IN) / 0.8796256610342398;
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.VARIANCE_SCALING))) <= 2 * sigma);
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.TRUNCATED_NORMAL))) <= 2.0);
  }

  @Test
  void truncatedNormalKeepsTheNormalDrawsInsideItsBound() {
    Matrix normal = draw(InitSpec.of(InitScheme.NORMAL));
    Matrix truncated = draw(InitSpec.of(InitScheme.TRUNCATED_NORMAL, Map.of("bound", 1.5)));
    int inside = 0;
    int outside = 0;
    for (int i = 0; i < normal.size(); i++) {
      if (Math.abs(normal.data[i]) <= 1.5) {
        assertEquals(normal.data[i], truncated.data[i], "paired with normal at " + i);
        inside++;
      } else {
        assertTrue(Math.abs(truncated.data[i]) <= 1.5, "redrawn inside at " + i);
        outside++;
      }
    }
    assertTrue(inside > 0 && outside > 0, inside + " inside, " + outside + " outside");
  }

  /**
   * A tiny bound costs one uniform per value outside it (a rejection loop took ~1/bound draws
   * per value): after the fill the stream stands where 65,536 normals and one uniform per
   * normal beyond the bound leave it.
   */
  @Test
  void truncatedNormalDrawsOneUniformPerValueOutsideItsBound() {
    Matrix tiny = new Matrix(256, 256);
    SplittableRandom rng = RandomStreams.of(1, 1, Purpose.WEIGHTS);
    InitSpec.of(InitScheme.TRUNCATED_NORMAL, Map.of("bound", 1e-7)).fill(tiny, rng);
    SplittableRandom expected = RandomStreams.of(1, 1, Purpose.WEIGHTS);
    int outside = 0;
    for (int i = 0; i < tiny.size(); i++) {
      outside += Math.abs(expected.nextGaussian()) > 1e-7 ? 1 : 0;
    }
    for (int i = 0; i < outside; i++) {
      expected.nextDouble();
    }
    assertTrue(outside > 65_000, outside + " outside");
    assertEquals(expected.nextLong(), rng.nextLong(), "the stream's next value");
    assertTrue(maxAbs(tiny) <= 1e-7 && maxAbs(tiny) > 0.9e-7, "max " + maxAbs(tiny));
    // Uniform on ±1e-7 to first order: mean square b²/3.
    assertEquals(1e-14 / 3, meanSquare(tiny.data), 1e-14 / 3 * 0.02);
  }

  @Test
  void orthogonalIsOrthogonalUpToGain() {
    double gain = 1.5;
    for (int[] shape : new int[][] {{40, 40}, {50, 20}, {20, 50}}) {
      Matrix w = new Matrix(shape[0], shape[1]);
      InitSpec.of(InitScheme.ORTHOGONAL, Map.of("gain", gain))
          .fill(w, RandomStreams.of(7, 1, Purpose.WEIGHTS));
      boolean tall = w.rows >= w.cols;
      Matrix gram = new Matrix(Math.min(w.rows, w.cols), Math.min(w.rows, w.cols));
      if (tall) {
        PlainMatMul.INSTANCE.aTb(w, w, gram);
      } else {
        PlainMatMul.INSTANCE.abT(w, w, gram);
      }
      for (int i = 0; i < gram.rows; i++) {
        for (int j = 0; j < gram.cols; j++) {
          assertEquals(i == j ? gain * gain : 0.0, gram.get(i, j), 1e-12, "WᵀW at " + i + "," + j);
        }
      }
    }
  }

  /**
   * Haar-distributed W has E[w_jj] = 0, and each entry variance 1/max(fan_in, fan_out). A QR
   * without the sign correction is biased on the diagonal (Householder makes diag R one sign).
   * 400 seeds × 5 diagonal entries: the mean's std is √(1/(n·2000)), bounded at four.
   */
  @Test
  void orthogonalDiagonalHasMeanZeroOverSeeds() {
    InitSpec spec = InitSpec.of(InitScheme.ORTHOGONAL);
    for (int[] shape : new int[][] {{8, 5}, {5, 5}, {5, 8}}) {
      Matrix w = new Matrix(shape[0], shape[1]);
      double sum = 0;
      int count = 0;
      for (int seed = 0; seed < 400; seed++) {
        spec.fill(w, RandomStreams.of(seed, 1, Purpose.WEIGHTS));
        for (int j = 0; j < 5; j++) {
          sum += w.get(j, j);
          count++;
        }
      }
      int n = Math.max(shape[0], shape[1]);
      assertEquals(0.0, sum / count, 4 * Math.sqrt(1.0 / n / count),
          "mean of diag W at " + shape[0] + "×" + shape[1]);
    }
  }

  @Test
  void identityAndConstant() {
    Matrix w = new Matrix(3, 4);
    InitSpec.of(InitScheme.IDENTITY, Map.of("gain", 2.0)).fill(w, RandomStreams.of(1, 1,
        Purpose.WEIGHTS));
    assertEquals(2.0, w.get(2, 2));
    assertEquals(0.0, w.get(2, 3));
    Matrix t = new Matrix(4, 3);
    InitSpec.of(InitScheme.IDENTITY, Map.of("gain", 2.0)).fill(t, null);
    assertEquals(2.0, t.get(2, 2));
    assertEquals(0.0, t.get(3, 2));
    InitSpec.of(InitScheme.CONSTANT, Map.of("value", -0.5)).fill(w, null);
    assertEquals(-0.5, w.get(1, 3));
  }

  @Test
  void normalFamilySharesDraws() {
    Matrix normal = draw(InitSpec.of(InitScheme.NORMAL));
    Matrix xavier = draw(InitSpec.of(InitScheme.XAVIER_NORMAL));
    double std = Math.sqrt(2.0 / (FAN_IN + FAN_OUT));
    for (int i = 0; i < normal.size(); i++) {
      assertEquals(normal.data[i] * std, xavier.data[i], 1e-15);
    }
    Matrix uniform = draw(InitSpec.of(InitScheme.UNIFORM));
    Matrix glorot = draw(InitSpec.of(InitScheme.GLOROT_STANDARD));
    for (int i = 0; i < uniform.size(); i++) {
      assertEquals(uniform.data[i] / Math.sqrt(FAN_IN), glorot.data[i], 1e-15);
    }
  }

  @Test
  void badNamesAndParametersAreRejectedClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InitScheme.fromKey("xavier_norml"));
    assertTrue(e.getMessage().contains("did you mean 'xavier_normal'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> InitSpec.of(InitScheme.NORMAL, Map.of("sdt", 1.0)));
    assertTrue(e.getMessage().contains("did you mean 'std'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> InitSpec.of(InitScheme.NORMAL, Map.of("std", -1.0)));
    assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> InitSpec.of(InitScheme.KAIMING_NORMAL, Map.of("mode", "fan_ni")));
    assertTrue(e.getMessage().contains("did you mean 'fan_in'"), e.getMessage());
    assertEquals(InitScheme.KAIMING_NORMAL, InitScheme.fromKey("he_normal"));
    assertEquals("xavier_normal(gain=1.0)", InitSpec.of(InitScheme.XAVIER_NORMAL).toString());
  }
}
