package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;

/** Glorot and Bengio's variance products. */
class LinearRegimeTest {
  private static final InitSpec STANDARD = InitSpec.of(InitScheme.GLOROT_STANDARD);

  @Test
  void standardInitShrinksByAThirdPerLayerExactly() {
    // a = 1/√256 = 1/16 is exact, so n·a²/3 = 1/3 without rounding.
    assertEquals(1.0 / 3.0, LinearRegime.forwardRatio(STANDARD, 256, 256), 0.0);
    assertEquals(1.0 / 3.0, LinearRegime.backwardRatio(STANDARD, 256, 256), 0.0);
    assertEquals(1.0 / 3.0, LinearRegime.forwardRatio(STANDARD, 300, 300), 1e-15);
    double[] forward = LinearRegime.forwardVariances(TheoryInput.uniformWidths(10, 256),
        STANDARD, 1.0, 0.0);
    double[] backward = LinearRegime.backwardVariances(TheoryInput.uniformWidths(10, 256),
        STANDARD);
    for (int l = 1; l <= 10; l++) {
      assertEquals(Math.pow(3, -l), forward[l - 1], 1e-15 * Math.pow(3, -l));
      assertEquals(Math.pow(3, -(10 - l)), backward[l - 1], 1e-15 * Math.pow(3, -(10 - l)));
    }
  }

  @Test
  void xavierKeepsTheMeanOfForwardAndBackwardRatiosAtOne() {
    // Var[W] = 2/(n_in + n_out) (Glorot and Bengio 2010, eq. 12 as a compromise).
    InitSpec xavier = InitSpec.of(InitScheme.XAVIER_UNIFORM, Map.of("gain", 1.0));
    double forward = LinearRegime.forwardRatio(xavier, 100, 300);
    double backward = LinearRegime.backwardRatio(xavier, 100, 300);
    assertEquals(0.5, forward, 1e-15);
    assertEquals(1.5, backward, 1e-15);
    assertEquals(1.0, (forward + backward) / 2, 1e-15);
  }

  @Test
  void biasAddsItsVariancePerLayer() {
    double[] v = LinearRegime.forwardVariances(List.of(4, 4, 4),
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.5)), 2.0, 0.1);
    assertEquals(4 * 0.25 * 2.0 + 0.1, v[0], 1e-15);
    assertEquals(4 * 0.25 * v[0] + 0.1, v[1], 1e-15);
  }
}
