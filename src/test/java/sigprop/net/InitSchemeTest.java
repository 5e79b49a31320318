package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each scheme's sample second moment against its formula. With N = 300·200 = 60,000 i.i.d.
 * entries the sample mean square has relative std √(Var[w²]/N)/E[w²]: √(2/N) ≈ 0.58 % for
 * normals, √(0.8/N) ≈ 0.37 % for uniforms; the tolerance 3 % is five such stds or more.
 */
class InitSchemeTest {
  private static final int FAN_IN = 300;
  private static final int FAN_OUT = 200;

  private static Matrix draw(InitSpec spec) {
    Matrix w = new Matrix(FAN_IN, FAN_OUT);
    spec.fill(w, RandomStreams.of(42, 1, Purpose.WEIGHTS));
    return w;
  }

  private static double meanSquare(Matrix w) {
    double s = 0;
    for (double v : w.data) {
      s += v * v;
    }
    return s / w.size();
  }

  private static double maxAbs(Matrix w) {
    double m = 0;
    for (double v : w.data) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static void assertMeanSquare(double expected, InitSpec spec) {
    Matrix w = draw(spec);
    assertEquals(expected, spec.meanSquare(FAN_IN, FAN_OUT), 1e-15 * expected, spec + " formula");
    assertEquals(expected, meanSquare(w), 0.03 * expected, spec + " sample");
  }

  @Test
  void secondMomentsMatchTheirFormulas() {
    assertMeanSquare(1.0, InitSpec.of(InitScheme.NORMAL));
    assertMeanSquare(0.01 * 0.01, InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.01)));
    assertMeanSquare(1.0 / 3, InitSpec.of(InitScheme.UNIFORM));
    assertMeanSquare(1.0 / (3 * FAN_IN), InitSpec.of(InitScheme.GLOROT_STANDARD));
    assertMeanSquare(2.0 / (FAN_IN + FAN_OUT), InitSpec.of(InitScheme.XAVIER_UNIFORM));
    assertMeanSquare(2.0 / (FAN_IN + FAN_OUT), InitSpec.of(InitScheme.XAVIER_NORMAL));
    assertMeanSquare(4 * 2.0 / (FAN_IN + FAN_OUT),
        InitSpec.of(InitScheme.XAVIER_NORMAL, Map.of("gain", 2.0)));
    assertMeanSquare(2.0 / FAN_IN, InitSpec.of(InitScheme.KAIMING_NORMAL));
    assertMeanSquare(2.0 / FAN_OUT, InitSpec.of(InitScheme.KAIMING_UNIFORM,
        Map.of("mode", "fan_out")));
    assertMeanSquare(25.0 / 9 / FAN_IN, InitSpec.of(InitScheme.KAIMING_NORMAL,
        Map.of("nonlinearity", "tanh")));
    assertMeanSquare(1.0 / FAN_IN, InitSpec.of(InitScheme.LECUN_NORMAL));
    assertMeanSquare(1.0 / FAN_IN, InitSpec.of(InitScheme.LECUN_UNIFORM));
    for (String d : new String[] {"normal", "uniform", "truncated_normal"}) {
      assertMeanSquare(2.0 / (FAN_IN + FAN_OUT), InitSpec.of(InitScheme.VARIANCE_SCALING,
          Map.of("scale", 1.0, "mode", "fan_avg", "distribution", d)));
    }
    assertMeanSquare(0.8796256610342398 * 0.8796256610342398 * 4,
        InitSpec.of(InitScheme.TRUNCATED_NORMAL, Map.of("std", 2.0)));
    assertMeanSquare(0.25 * 0.9, InitSpec.of(InitScheme.SPARSE, Map.of("std", 0.5)));
  }

  @Test
  void boundsHold() {
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.UNIFORM))) <= 1.0);
    double xavier = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.XAVIER_UNIFORM))) <= xavier);
    assertTrue(maxAbs(draw(InitSpec.of(InitScheme.XAVIER_UNIFORM))) > 0.99 * xavier);
    double sigma = Math.sqrt(1.0 / FAN_IN) / InitScheme.TRUNCATED_STD_AT_2;
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
    // A tiny bound is one draw per value too (a rejection loop took ~1/bound draws per value).
    Matrix tiny = new Matrix(256, 256);
    long start = System.nanoTime();
    InitSpec.of(InitScheme.TRUNCATED_NORMAL, Map.of("bound", 1e-7))
        .fill(tiny, RandomStreams.of(1, 1, Purpose.WEIGHTS));
    assertTrue(maxAbs(tiny) <= 1e-7 && maxAbs(tiny) > 0.9e-7, "max " + maxAbs(tiny));
    // Uniform on ±1e-7 to first order: mean square b²/3.
    assertEquals(1e-14 / 3, meanSquare(tiny), 1e-14 / 3 * 0.02);
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

  @Test
  void identityAndConstant() {
    Matrix w = new Matrix(3, 4);
    InitSpec.of(InitScheme.IDENTITY, Map.of("gain", 2.0)).fill(w, RandomStreams.of(1, 1,
        Purpose.WEIGHTS));
    assertEquals(2.0, w.get(2, 2));
    assertEquals(0.0, w.get(2, 3));
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
