package sigprop.summary;

import java.util.ArrayList;
import java.util.List;

/** Which layers a histogram figure shows: a few evenly spaced ones, first and last included. */
public final class FigureLayers {
  /** Layers per histogram figure, as Glorot & Bengio's Figs. 6–7 show five. */
  public static final int DEFAULT_COUNT = 5;

  private FigureLayers() {}

  /** Up to {@code count} of the increasing layers, evenly spaced by position, ends included. */
  public static List<Integer> evenlySpaced(List<Integer> layers, int count) {
    if (layers.size() <= count) {
      return List.copyOf(layers);
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int position = (int) Math.round(i * (layers.size() - 1) / (double) (count - 1));
      chosen.add(layers.get(position));
    }
    return chosen;
  }
}
