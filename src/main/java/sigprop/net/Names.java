package sigprop.net;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid name closest to a mistyped one, for "did you mean …" messages. */
public final class Names {
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
