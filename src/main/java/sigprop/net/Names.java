package sigprop.net;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Finds the valid name closest to a mistyped one, for "did you mean …" messages. */
public final class Names {
  /**
   * Names that other tools give to a valid name here, which no edit distance finds ("lr" for
   * learning_rate, Keras' "glorot_normal" for xavier_normal, PyTorch's "negative_slope" for
   * slope); suggested where the name is valid.
   */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("lr", "learning_rate"), Map.entry("eta", "learning_rate"),
      Map.entry("wd", "weight_decay"), Map.entry("l2", "weight_decay"),
      Map.entry("batch_size", "batch"), Map.entry("bs", "batch"),
      Map.entry("layers", "depth"), Map.entry("num_layers", "depth"),
      Map.entry("n_layers", "depth"), Map.entry("hidden_layers", "depth"),
      Map.entry("hidden_size", "width"), Map.entry("hidden_width", "width"),
      Map.entry("units", "width"), Map.entry("act", "activation"),
      Map.entry("nonlinearity", "activation"), Map.entry("initializer", "init"),
      Map.entry("initialization", "init"), Map.entry("weight_init", "init"),
      Map.entry("normalization", "norm"), Map.entry("glorot_normal", "xavier_normal"),
      Map.entry("glorot_uniform", "xavier_uniform"), Map.entry("gaussian", "normal"),
      Map.entry("randn", "normal"), Map.entry("name", "sweep"), Map.entry("seed", "seeds"),
      Map.entry("n_seeds", "seeds"), Map.entry("num_seeds", "seeds"),
      Map.entry("input_dim", "input_width"), Map.entry("in_features", "input_width"),
      Map.entry("n_classes", "classes"), Map.entry("num_classes", "classes"),
      Map.entry("out_features", "classes"), Map.entry("criterion", "loss"),
      Map.entry("ce", "cross_entropy"), Map.entry("l2_loss", "mse"),
      // PyTorch's LeakyReLU(negative_slope) and kaiming_normal_(a), Keras 2's LeakyReLU(alpha).
      Map.entry("negative_slope", "slope"), Map.entry("a", "slope"),
      Map.entry("alpha", "slope"), Map.entry("he", "he_normal"));

  private Names() {}

  /**
   * The candidate closest to name by edit distance (ignoring case), or null when none is close
   * enough to be a likely typo: within max(2, ⌈length / 3⌉) edits and not all of it rewritten;
   * or else the shortest candidate that begins with a name of three letters or more ("before" →
   * "before_activation"); or else the longest candidate of three letters or more that the name
   * begins with ("batchnorm" → "batch", "layer_norm" → "layer").
   */
  public static String closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    String synonym = SYNONYMS.get(lower);
    if (synonym != null && candidates.contains(synonym)) {
      return synonym;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String prefixed = null;
    String stem = null;
    for (String c : candidates) {
      String candidate = c.toLowerCase(Locale.ROOT);
      int d = editDistance(lower, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
      if (lower.length() >= 3 && candidate.startsWith(lower)
          && (prefixed == null || c.length() < prefixed.length())) {
        prefixed = c;
      }
      if (candidate.length() >= 3 && lower.startsWith(candidate)
          && (stem == null || c.length() > stem.length())) {
        stem = c;
      }
    }
    int allowed = Math.max(2, (lower.length() + 2) / 3);
    // Never a complete rewrite: "zz" is not a typo of "t".
    boolean close = best != null && bestDistance <= allowed
        && bestDistance < Math.max(lower.length(), best.length());
    return close ? best : prefixed != null ? prefixed : stem;
  }

  /**
   * "unknown activation 'tanhh'; did you mean 'tanh'? (valid: …)", without the question when no
   * candidate is close.
   */
  public static String unknown(String what, String name, Collection<String> candidates) {
    if (candidates.isEmpty()) {
      return "unknown " + what + " '" + name + "' (there are none)";
    }
    String closest = closest(name, candidates);
    return "unknown " + what + " '" + name + "'"
        + (closest == null ? "" : "; did you mean '" + closest + "'?")
        + " (valid: " + String.join(", ", candidates) + ")";
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
