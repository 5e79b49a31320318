package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TheoryJoinTest {
  static final Configuration CONFIG = new Configuration("s", "e", "c", 0, "l", 3, List.of(),
      new StatusCounts(2, 2, 0, 0));

  /** A row whose mean log10 variance is {@code log10}. */
  static LayerRow row(int step, int layer, String site, double log10) {
    List<SeedStatistics> stats = new ArrayList<>(
        Collections.nCopies(LayerStatistic.ALL.size(), SeedStatistics.MISSING));
    stats.set(LayerStatistic.LOG10_VARIANCE.ordinal(),
        new SeedStatistics(2, log10, 0, log10, log10));
    if (site.equals("output")) { // saturation measured (a bounded activation, no norm after it)
      stats.set(LayerStatistic.FRAC_SAT90.ordinal(), new SeedStatistics(2, 0.2, 0, 0.2, 0.2));
    }
    return new LayerRow(CONFIG, new LayerKey("s", "c", step, layer, layer == 4, site),
        new LayerSummary(2, 2, stats, null), TheoryColumns.NONE);
  }

  static Map<String, Double> theory(double relative, double outputVariance) {
    Map<String, Double> t = new HashMap<>();
    t.put("log10_output_gradient_var_rel", relative);
    t.put("log10_pre_activation_gradient_var_rel", relative / 2);
    t.put("linear_backward_var_rel", Math.pow(10, relative));
    t.put("output_var", outputVariance);
    t.put("output_mean", 0.0);
    t.put("pre_activation_var", 2.0);
    t.put("linear_forward_var", 4.0);
    t.put("sat90", 0.25);
    t.put("sat99", 0.125);
    return t;
  }

  @Test
  void gradientTheoryIsAnchoredAtTheMeasuredTopLayer() {
    Map<String, Map<String, Double>> theory = new HashMap<>();
    theory.put(TheoryJoin.key("s", "c", 1), theory(2.0, 0.5));
    theory.put(TheoryJoin.key("s", "c", 2), theory(1.0, 0.4));
    theory.put(TheoryJoin.key("s", "c", 3), theory(0.0, 0.3));
    List<LayerRow> rows = TheoryJoin.join(List.of(row(0, 1, "output_gradient", -7),
        row(0, 3, "output_gradient", -5), row(0, 1, "output", -1), row(0, 2, "pre_activation", 0),
        row(0, 4, "output", 0), row(5, 1, "output", 0)), theory);
    // Layer L = 3 measured −5: layer 1 predicted −5 + 2 = −3, variance 1e-3.
    assertEquals(-3, rows.get(0).theory().log10Variance(), 1e-15);
    assertEquals(1e-3, rows.get(0).theory().variance(), 1e-18);
    assertEquals(-3, rows.get(0).theory().linearLog10Variance(), 1e-12);
    assertEquals(-5, rows.get(1).theory().log10Variance(), 1e-15);
    assertEquals(0.5, rows.get(2).theory().variance());
    assertEquals(0.25, rows.get(2).theory().fracSat90());
    assertEquals(Math.log10(2), rows.get(3).theory().log10Variance(), 1e-15);
    assertEquals(Math.log10(4), rows.get(3).theory().linearLog10Variance(), 1e-15);
    assertEquals(TheoryColumns.NONE, rows.get(4).theory(), "the head has no theory");
    assertEquals(TheoryColumns.NONE, rows.get(5).theory(), "theory is at initialization");
  }

  @Test
  void preActivationGradientsAreAnchoredAtTheirOwnTopLayer() {
    Map<String, Map<String, Double>> theory = new HashMap<>();
    theory.put(TheoryJoin.key("s", "c", 1), theory(2.0, 0.5));
    theory.put(TheoryJoin.key("s", "c", 3), theory(0.0, 0.3));
    List<LayerRow> rows = TheoryJoin.join(List.of(row(0, 1, "pre_activation_gradient", -9),
        row(0, 3, "pre_activation_gradient", -8), row(0, 3, "output_gradient", -5)), theory);
    // ∂L/∂z at L = 3 measured −8, relative +1 at layer 1: −7; ∂L/∂y's −5 plays no part.
    assertEquals(-7, rows.get(0).theory().log10Variance(), 1e-15);
    assertEquals(-8 + 2, rows.get(0).theory().linearLog10Variance(), 1e-12);
    assertEquals(-8, rows.get(1).theory().log10Variance(), 1e-15);
    assertEquals(-5, rows.get(2).theory().log10Variance(), 1e-15);
  }

  @Test
  void noSaturationIsPredictedWhereNoneWasMeasured() {
    // relu, or tanh with a norm after it: the layers table has no saturation fractions there.
    LayerRow unmeasured = row(0, 1, "pre_activation", -1);
    unmeasured = new LayerRow(CONFIG, new LayerKey("s", "c", 0, 1, false, "output"),
        unmeasured.summary(), TheoryColumns.NONE);
    LayerRow joined = TheoryJoin.join(List.of(unmeasured),
        Map.of(TheoryJoin.key("s", "c", 1), theory(0.0, 0.3))).get(0);
    assertEquals(Double.NaN, joined.theory().fracSat90());
    assertEquals(Double.NaN, joined.theory().fracSat99());
    assertEquals(0.3, joined.theory().variance(), "the rest of the prediction stays");
  }

  @Test
  void withoutTheTopLayerThereIsNoGradientTheory() {
    Map<String, Map<String, Double>> theory = Map.of(TheoryJoin.key("s", "c", 1),
        theory(2.0, 0.5));
    LayerRow row = TheoryJoin.join(List.of(row(0, 1, "output_gradient", -7)), theory).get(0);
    assertTrue(Double.isNaN(row.theory().log10Variance()));
  }

  @Test
  void gradientVarianceOutOfRangeIsOnlyGivenInLog10() {
    Map<String, Map<String, Double>> theory = Map.of(TheoryJoin.key("s", "c", 1),
        theory(-400.0, 0.5), TheoryJoin.key("s", "c", 3), theory(0.0, 0.5));
    List<LayerRow> rows = TheoryJoin.join(List.of(row(0, 1, "output_gradient", 0),
        row(0, 3, "output_gradient", 0)), theory);
    assertEquals(-400, rows.get(0).theory().log10Variance());
    assertTrue(Double.isNaN(rows.get(0).theory().variance()));
  }
}
