package sigprop.summary;

import java.util.List;
import java.util.TreeSet;

/**
 * Which layers a summary keeps: all of them, a list ({@code 1,2,5}, ranges {@code 10-20}), or
 * every k-th ({@code every:K}: layers 1, 1+K, 1+2K, … plus the top hidden layer L and the head
 * L+1, so each curve still spans the whole net and the output-gradient theory keeps its anchor
 * at L).
 *
 * @param layers the listed layers, increasing; empty unless a list was given
 * @param every K of {@code every:K}; 0 otherwise
 */
public record LayerSelection(List<Integer> layers, int every) {
  /** Every layer. */
  public static final LayerSelection ALL = new LayerSelection(List.of(), 0);

  /** Checks at most one of list and K is given. */
  public LayerSelection {
    layers = List.copyOf(layers);
    if (every < 0 || (every > 0 && !layers.isEmpty())) {
      throw new IllegalArgumentException("either a layer list or every:K with K >= 1");
    }
  }

  /** Parses {@code all}, {@code every:K} or a comma list of layers and ranges a-b (layers ≥ 1). */
  public static LayerSelection parse(String text) {
    String t = text.trim();
    if (t.equals("all")) {
      return ALL;
    }
    if (t.startsWith("every:")) {
      int k = positive(t.substring("every:".length()), text);
      return new LayerSelection(List.of(), k);
    }
    TreeSet<Integer> layers = new TreeSet<>();
    for (String part : t.split(",", -1)) {
      String p = part.trim();
      int dash = p.indexOf('-', 1);
      if (dash < 0) {
        layers.add(positive(p, text));
        continue;
      }
      int from = positive(p.substring(0, dash), text);
      int to = positive(p.substring(dash + 1), text);
      if (to < from || to - from > 1_000_000) {
        throw new IllegalArgumentException("--layers: bad range '" + p + "' in '" + text + "'");
      }
      for (int l = from; l <= to; l++) {
        layers.add(l);
      }
    }
    return new LayerSelection(List.copyOf(layers), 0);
  }

  private static int positive(String number, String text) {
    try {
      int n = Integer.parseInt(number.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole argument
    }
    throw new IllegalArgumentException("--layers: expected all, every:K or a list such as"
        + " 1,2,10-20 (layers >= 1), got '" + text + "'");
  }

  /** Whether every layer is kept. */
  public boolean isAll() {
    return layers.isEmpty() && every == 0;
  }

  /** Whether layer l of a net of depth L (hidden layers 1..L, head L+1) is kept. */
  public boolean keeps(int layer, int depth) {
    if (every > 0) {
      return (layer - 1) % every == 0 || layer == depth || layer == depth + 1;
    }
    return layers.isEmpty() || layers.contains(layer);
  }

  @Override
  public String toString() {
    return isAll() ? "all" : every > 0 ? "every:" + every : layers.toString();
  }
}
