package sigprop.net;

import java.util.Collection;

/** Finds the valid name closest to a mistyped one, for "did you mean …" messages. */
public final class Names {
  private Names() {}

  /** The candidate with the smallest edit distance to {@code name} (case-insensitive). */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  /** "unknown activation 'tanhh'; did you mean 'tanh'? (valid: …)". */
  public static String unknown(String what, String name, Collection<String> candidates) {
    return "unknown " + what + " '" + name + "'; did you mean '" + closest(name, candidates)
        + "'? (valid: " + String.join(", ", candidates) + ")";
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
