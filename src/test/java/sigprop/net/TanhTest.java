package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TanhTest {
  private static final MathContext MC = new MathContext(50);

  /** exp(y) to 50 digits: the series of y/2^20, squared 20 times. */
  private static BigDecimal exp(BigDecimal y) {
    BigDecimal r = y.divide(BigDecimal.valueOf(1L << 20), MC);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int n = 1; n < 30; n++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < 20; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  /** tanh x to ~40 digits: x − x³/3 + 2x⁵/15 − 17x⁷/315 for tiny x, else (1 − e)/(1 + e). */
  private static BigDecimal tanh(double x) {
    BigDecimal b = new BigDecimal(x);
    if (Math.abs(x) < 1e-6) {
      return b.subtract(b.pow(3, MC).divide(BigDecimal.valueOf(3), MC), MC)
          .add(b.pow(5, MC).multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(15), MC),
              MC)
          .subtract(b.pow(7, MC).multiply(BigDecimal.valueOf(17))
              .divide(BigDecimal.valueOf(315), MC), MC);
    }
    BigDecimal e = exp(b.abs().multiply(BigDecimal.valueOf(-2)));
    BigDecimal t = BigDecimal.ONE.subtract(e, MC).divide(BigDecimal.ONE.add(e, MC), MC);
    return x < 0 ? t.negate() : t;
  }

  private static double ulps(double got, BigDecimal exact) {
    return new BigDecimal(got).subtract(exact, MC).abs().doubleValue()
        / Math.ulp(exact.doubleValue());
  }

  private static double sample(SplittableRandom rng, int i) {
    switch (i % 4) {
      case 0: return (rng.nextDouble() * 2 - 1) * 1.2; // both branches and the switch point
      case 1: return (rng.nextDouble() * 2 - 1) * 20; // the tails up to where tanh rounds to 1
      case 2: return Math.scalb(1 + rng.nextDouble(), -rng.nextInt(60)) * (i % 8 < 4 ? 1 : -1);
      default: return 0.55 + rng.nextDouble() * 0.1; // around 0.625 where the branches meet
    }
  }

  @Test
  void withinTwoUlpOfTheExactValueAndNoWorseThanStrictMath() {
    // Measured on 200 000 such points: max 1.41 ulp here, 1.99 ulp for StrictMath.tanh.
    SplittableRandom rng = new SplittableRandom(7);
    double worst = 0;
    double worstStrict = 0;
    for (int i = 0; i < 2500; i++) {
      double x = sample(rng, i);
      BigDecimal exact = tanh(x);
      worst = Math.max(worst, ulps(Tanh.tanh(x), exact));
      worstStrict = Math.max(worstStrict, ulps(StrictMath.tanh(x), exact));
    }
    assertTrue(worst <= 1.5, "max error " + worst + " ulp");
    assertTrue(worst <= worstStrict + 0.5, worst + " vs StrictMath " + worstStrict);
  }

  @Test
  void closeToStrictMathOnADenseGrid() {
    double worst = 0;
    for (int i = -2_000_000; i <= 2_000_000; i++) {
      double x = i * 1e-5; // [−20, 20] in steps of 1e-5
      double a = Tanh.tanh(x);
      double b = StrictMath.tanh(x);
      worst = Math.max(worst, Math.abs(a - b) / Math.ulp(b == 0 ? Double.MIN_NORMAL : b));
    }
    // Both within 2 ulp of the exact value, so at most 4 apart; measured 2.
    assertTrue(worst <= 3, "max " + worst + " ulp from StrictMath");
  }

  @Test
  void tailsAndSpecialValues() {
    assertEquals(1.0, Tanh.tanh(19.1));
    assertEquals(-1.0, Tanh.tanh(-40));
    assertEquals(1.0, Tanh.tanh(800));
    assertEquals(1.0, Tanh.tanh(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, Tanh.tanh(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(Tanh.tanh(Double.NaN)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Tanh.tanh(-0.0)));
    assertEquals(0.0, Tanh.tanh(0.0));
    assertEquals(1e-310, Tanh.tanh(1e-310)); // tanh x = x below 2^-26
    assertEquals(-3e-9, Tanh.tanh(-3e-9));
  }

  @Test
  void expWithinOneUlpIncludingSubnormalResults() {
    double worst = 0;
    for (int i = 0; i <= 1_000_000; i++) {
      double a = -i * 7.46e-4; // [−746, 0]: down to where exp underflows to 0
      double want = StrictMath.exp(a);
      double got = Tanh.expOfNonPositive(a);
      double ulp = Math.ulp(want == 0 ? Double.MIN_VALUE : want);
      worst = Math.max(worst, Math.abs(got - want) / ulp);
    }
    // StrictMath.exp is within 1 ulp too, so ours is within 2 of it; measured 1.
    assertTrue(worst <= 1, "max " + worst + " ulp from StrictMath.exp");
    assertEquals(0.0, Tanh.expOfNonPositive(-800));
    assertEquals(0.0, Tanh.expOfNonPositive(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, Tanh.expOfNonPositive(-0.0));
  }

  @Test
  void derivativeMatchesSechSquaredDeepInTheTails() {
    for (double x : new double[] {-300, -40, -7.5, -0.6, 0.3, 0.55, 6, 19.5, 30}) {
      double sech = 1 / Math.cosh(x);
      assertEquals(sech * sech, Tanh.derivative(x, Tanh.tanh(x)), 1e-14 * sech * sech, "at " + x);
    }
  }

  @Test
  void bulkKernelGivesTheScalarBitsAfterWarmUp() {
    // Enough calls for C2 to compile the Vector API code, whose bits must not differ from the
    // interpreted ones: compared on every call, at an offset and with a ragged tail.
    SplittableRandom rng = new SplittableRandom(3);
    int n = 4099;
    double[] x = new double[n + 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = sample(rng, i) * (i % 3 == 0 ? 30 : 1);
    }
    x[7] = Double.NaN;
    x[8] = -0.0;
    x[9] = Double.NEGATIVE_INFINITY;
    double[] wantY = new double[n];
    double[] wantD = new double[n];
    ScalarTanhKernel.INSTANCE.tanhWithDerivative(x, 5, wantY, 0, wantD, 0, n);
    TanhKernel kernel = TanhKernels.best();
    double[] y = new double[n];
    double[] d = new double[n];
    double[] plain = new double[n];
    for (int call = 0; call < 300; call++) {
      kernel.tanhWithDerivative(x, 5, y, 0, d, 0, n);
      kernel.tanh(x, 5, plain, 0, n);
      assertArrayEquals(wantY, y, 0.0, kernel.name() + " call " + call);
      assertArrayEquals(wantD, d, 0.0, kernel.name() + " call " + call);
      assertArrayEquals(wantY, plain, 0.0, kernel.name() + " call " + call);
    }
  }

  @Test
  void activationScalarAndBulkAgree() {
    double[] x = {-3, -0.7, -0.2, 0, 0.4, 0.62, 0.63, 2, 25};
    double[] y = new double[x.length];
    double[] d = new double[x.length];
    StandardActivation.TANH.applyAllWithDerivative(x, 0, y, 0, d, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(StandardActivation.TANH.apply(x[i]), y[i], 0.0);
      assertEquals(StandardActivation.TANH.derivative(x[i], y[i]), d[i], 0.0);
    }
  }
}
