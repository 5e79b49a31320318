package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The theory columns a summary row gets, including where the theory left double's range. */
class TheoryColumnsTest {
  @Test
  void finiteForwardPredictionsArePassedOnWithTheirLog10() {
    TheoryColumns c = TheoryColumns.at("pre_activation",
        Map.of("pre_activation_var", 100.0, "linear_forward_var", 1000.0), Double.NaN);
    assertEquals(100.0, c.variance());
    assertEquals(2.0, c.log10Variance(), 1e-15);
    assertEquals(3.0, c.linearLog10Variance(), 1e-15);
  }

  @Test
  void anOverflowedForwardPredictionIsEmptyNotInfinite() {
    TheoryColumns pre = TheoryColumns.at("pre_activation", Map.of("pre_activation_var",
        Double.POSITIVE_INFINITY, "linear_forward_var", Double.POSITIVE_INFINITY), Double.NaN);
    assertEquals(Double.NaN, pre.variance());
    assertEquals(Double.NaN, pre.log10Variance());
    assertEquals(Double.NaN, pre.linearLog10Variance());
    TheoryColumns gone = TheoryColumns.at("pre_activation", Map.of("pre_activation_var", 0.0,
        "linear_forward_var", 4.9e-324), Double.NaN);
    assertEquals(Double.NaN, gone.log10Variance(), "0: left double's range, not log10 −∞");
    assertEquals(Double.NaN, gone.linearLog10Variance(), "a subnormal has no reliable log10");
    TheoryColumns out = TheoryColumns.at("output", Map.of("output_var",
        Double.POSITIVE_INFINITY, "output_mean", Double.POSITIVE_INFINITY), Double.NaN);
    assertEquals(Double.NaN, out.variance());
    assertEquals(Double.NaN, out.mean());
  }

  @Test
  void anUnderflowedForwardPredictionIsEmptyNotZero() {
    // std 0.001 in a deep relu net: the theory table's double variance underflows to 0.
    for (double v : new double[] {0.0, 4.9e-324}) {
      TheoryColumns pre = TheoryColumns.at("pre_activation", Map.of("pre_activation_var", v),
          Double.NaN);
      assertEquals(Double.NaN, pre.variance(), "pre_activation_var " + v);
      TheoryColumns out = TheoryColumns.at("output", Map.of("output_var", v, "output_mean", 0.0),
          Double.NaN);
      assertEquals(Double.NaN, out.variance(), "output_var " + v);
      assertEquals(Double.NaN, out.mean(), "a mean that underflowed with it");
    }
    TheoryColumns tanh = TheoryColumns.at("output", Map.of("output_var", 0.39,
        "output_mean", 0.0), Double.NaN);
    assertEquals(0.0, tanh.mean(), "an odd activation's mean is 0 exactly");
  }

  @Test
  void gradientsKeepTheirLog10BeyondDoublesRange() {
    TheoryColumns g = TheoryColumns.at("output_gradient", Map.of(
        "log10_output_gradient_var_rel", 400.0, "linear_backward_var_rel", 1.0), -10.0);
    assertEquals(Double.NaN, g.variance(), "1e390 is no double");
    assertEquals(390.0, g.log10Variance(), 0.0);
    // The linear regime's product is a double in the theory table: past its range, no log10.
    for (double product : new double[] {Double.POSITIVE_INFINITY, 0.0}) {
      TheoryColumns linear = TheoryColumns.at("output_gradient", Map.of(
          "log10_output_gradient_var_rel", 400.0, "linear_backward_var_rel", product), -10.0);
      assertEquals(Double.NaN, linear.linearLog10Variance(), "product " + product);
    }
  }
}
