package sigprop.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sigprop.net.Site;

/**
 * Puts the theory beside the measurements: each row at step 0 of a hidden layer with a theory row
 * gets {@link TheoryColumns#at}; each gradient site (output_gradient, pre_activation_gradient)
 * is anchored at its own measured mean log10 variance in the same configuration at the top
 * hidden layer L (no anchor, no gradient theory: keep layer L among the selected layers).
 */
public final class TheoryJoin {
  /** The sites whose theory is relative to the top hidden layer and needs an anchor. */
  private static final Set<String> GRADIENT_SITES =
      Set.of(Site.OUTPUT_GRADIENT.key(), Site.PRE_ACTIVATION_GRADIENT.key());

  private TheoryJoin() {}

  private static String anchorKey(LayerKey k) {
    return SourceTable.key(k.sweep(), k.configId()) + "\u0000" + k.site();
  }

  /** The key of a theory row in the map {@link #join} takes. */
  public static String key(String sweep, String configId, int layer) {
    return SourceTable.key(sweep, configId) + "\u0000" + layer;
  }

  /** The rows with their theory columns set. */
  public static List<LayerRow> join(List<LayerRow> rows, Map<String, Map<String, Double>> theory) {
    Map<String, Double> anchors = new HashMap<>();
    for (LayerRow row : rows) {
      LayerKey k = row.key();
      if (k.step() == 0 && GRADIENT_SITES.contains(k.site()) && !k.head()
          && k.layer() == row.config().depth()) {
        anchors.put(anchorKey(k),
            row.summary().statistic(LayerStatistic.LOG10_VARIANCE).mean());
      }
    }
    List<LayerRow> joined = new ArrayList<>(rows.size());
    for (LayerRow row : rows) {
      LayerKey k = row.key();
      Map<String, Double> values = k.step() == 0 && !k.head()
          ? theory.get(key(k.sweep(), k.configId(), k.layer())) : null;
      if (values == null) {
        joined.add(row.withTheory(TheoryColumns.NONE));
        continue;
      }
      double anchor = anchors.getOrDefault(anchorKey(k), Double.NaN);
      TheoryColumns columns = TheoryColumns.at(k.site(), values, anchor);
      if (row.summary().statistic(LayerStatistic.FRAC_SAT90).n() == 0) {
        columns = columns.withoutSaturation(); // nothing measured to compare with
      }
      joined.add(row.withTheory(columns));
    }
    return joined;
  }
}
