package sigprop.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which layers a summary keeps: all of them, a list ({@code 1,2,5}, ranges {@code 10-20}), every
 * k-th ({@code every:K}: layers 1, 1+K, 1+2K, … plus the top hidden layer L and the head L+1, so
 * each curve still spans the whole net and the output-gradient theory keeps its anchor at L), or
 * N evenly spaced hidden layers of each net ({@code spread:N}, first and last included: the
 * layers a histogram figure draws at N = {@link FigureLayers#DEFAULT_COUNT}).
 *
 * @param layers the listed layers, increasing; empty unless a list was given
 * @param every K of {@code every:K}; 0 otherwise
 * @param spread N of {@code spread:N}; 0 otherwise
 */
public record LayerSelection(List<Integer> layers, int every, int spread) {
  /** Every layer. */
  public static final LayerSelection ALL = new LayerSelection(List.of(), 0, 0);

  /** Checks at most one of list, K and N is given. */
  public LayerSelection {
    layers = List.copyOf(layers);
    int forms = (layers.isEmpty() ? 0 : 1) + (every > 0 ? 1 : 0) + (spread > 0 ? 1 : 0);
    if (every < 0 || spread < 0 || spread == 1 || forms > 1) {
      throw new IllegalArgumentException(
          "either a layer list, every:K with K >= 1 or spread:N with N >= 2");
    }
  }

  /**
   * Parses {@code all}, {@code every:K}, {@code spread:N} or a comma list of layers and ranges
   * a-b (layers ≥ 1).
   */
  public static LayerSelection parse(String text) {
    return parse("--layers", text);
  }

  /** The same, an error naming the option the text was given to. */
  public static LayerSelection parse(String option, String text) {
    String t = text.trim();
    if (t.equals("all")) {
      return ALL;
    }
    if (t.startsWith("every:")) {
      int k = positive(t.substring("every:".length()), option, text);
      return new LayerSelection(List.of(), k, 0);
    }
    if (t.startsWith("spread:")) {
      int n = positive(t.substring("spread:".length()), option, text);
      if (n < 2) {
        throw new IllegalArgumentException(option + ": spread:N needs N >= 2 (the first and the"
            + " last hidden layer), got '" + text + "'");
      }
      return new LayerSelection(List.of(), 0, n);
    }
    TreeSet<Integer> layers = new TreeSet<>();
    for (String part : t.split(",", -1)) {
      String p = part.trim();
      int dash = p.indexOf('-', 1);
      if (dash < 0) {
        layers.add(positive(p, option, text));
        continue;
      }
      int from = positive(p.substring(0, dash), option, text);
      int to = positive(p.substring(dash + 1), option, text);
      if (to < from || to - from > 1_000_000) {
        throw new IllegalArgumentException(option + ": bad range '" + p + "' in '" + text + "'");
      }
      for (int l = from; l <= to; l++) {
        layers.add(l);
      }
    }
    return new LayerSelection(List.copyOf(layers), 0, 0);
  }

  private static int positive(String number, String option, String text) {
    try {
      int n = Integer.parseInt(number.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole argument
    }
    throw new IllegalArgumentException(option + ": expected all, every:K, spread:N or a list"
        + " such as 1,2,10-20 (layers >= 1), got '" + text + "'");
  }

  /** Whether every layer is kept. */
  public boolean isAll() {
    return layers.isEmpty() && every == 0 && spread == 0;
  }

  /** Whether layer l of a net of depth L (hidden layers 1..L, head L+1) is kept. */
  public boolean keeps(int layer, int depth) {
    if (every > 0) {
      return (layer - 1) % every == 0 || layer == depth || layer == depth + 1;
    }
    if (spread > 0) {
      return spreadLayers(depth).contains(layer);
    }
    return layers.isEmpty() || layers.contains(layer);
  }

  /**
   * The rows whose layer this selection keeps, in their order (all of them for {@code all}).
   * {@code spread:N} spreads its N over the hidden layers each configuration's rows hold (those
   * a first selection kept), as a histogram figure of those rows chooses its layers: of
   * {@code every:10}'s layers of a 500-layer net, 1, 131, 251, 381 and 500, where spreading over
   * the whole net (1, 126, 251, 375, 500) kept only the three of them that {@code every:10} has.
   */
  public List<LayerRow> kept(List<LayerRow> rows) {
    if (isAll()) {
      return rows;
    }
    if (spread == 0) {
      return rows.stream().filter(r -> keeps(r.key().layer(), r.config().depth())).toList();
    }
    Map<Configuration, TreeSet<Integer>> hidden = new HashMap<>();
    for (LayerRow r : rows) {
      if (!r.key().head()) {
        hidden.computeIfAbsent(r.config(), c -> new TreeSet<>()).add(r.key().layer());
      }
    }
    Map<Configuration, Set<Integer>> chosen = new HashMap<>();
    hidden.forEach((c, layers) -> chosen.put(c,
        Set.copyOf(FigureLayers.evenlySpaced(List.copyOf(layers), spread))));
    return rows.stream().filter(r -> !r.key().head()
        && chosen.get(r.config()).contains(r.key().layer())).toList();
  }

  /** The hidden layers {@code spread:N} keeps of a net of depth L: those a figure would draw. */
  public List<Integer> spreadLayers(int depth) {
    List<Integer> hidden = new ArrayList<>();
    for (int l = 1; l <= depth; l++) {
      hidden.add(l);
    }
    return FigureLayers.evenlySpaced(hidden, spread);
  }

  @Override
  public String toString() {
    return isAll() ? "all" : every > 0 ? "every:" + every : spread > 0 ? "spread:" + spread
        : layers.toString();
  }
}
