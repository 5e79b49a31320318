package sigprop.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * A set of layers in words: consecutive runs as ranges ({@code 1-4, 7, 9-10}) and, for people
 * to read, regular runs compactly ({@code 1, 11, 21, …, 491 (every 10th), 500}): a schema.md
 * listing the 51 layers {@code --layers every:10} keeps of a 500-layer net buried what it said.
 */
final class LayerRuns {
  /** The fewest layers of one spacing written as a regular run: fewer read as well listed. */
  static final int REGULAR_RUN = 7;

  private LayerRuns() {}

  /** Consecutive runs written as ranges: {@code 1-4, 7, 9-10} (exact, as an option takes it). */
  static String ranges(SortedSet<Integer> values) {
    return words(List.copyOf(values), false);
  }

  /**
   * As {@link #ranges}, with every run of {@value #REGULAR_RUN} or more layers spaced alike
   * (more than 1 apart) written as its first three, an ellipsis and its last:
   * {@code 1, 11, 21, …, 491 (every 10th), 500-501}.
   */
  static String compact(SortedSet<Integer> values) {
    return words(List.copyOf(values), true);
  }

  private static String words(List<Integer> v, boolean regularRuns) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < v.size()) {
      int last = lastOfRun(v, i, 1);
      if (last > i) {
        parts.add(v.get(i) + "-" + v.get(last));
        i = last + 1;
        continue;
      }
      if (regularRuns && i + 1 < v.size()) {
        int step = v.get(i + 1) - v.get(i);
        last = lastOfRun(v, i, step);
        if (last - i + 1 >= REGULAR_RUN) {
          parts.add(v.get(i) + ", " + (v.get(i) + step) + ", " + (v.get(i) + 2 * step) + ", …, "
              + v.get(last) + " (every " + ordinal(step) + ")");
          i = last + 1;
          continue;
        }
      }
      parts.add(String.valueOf(v.get(i)));
      i++;
    }
    return String.join(", ", parts);
  }

  /** The index of the last value of the run from {@code first} whose values are step apart. */
  private static int lastOfRun(List<Integer> v, int first, int step) {
    int last = first;
    while (last + 1 < v.size() && v.get(last + 1) - v.get(last) == step) {
      last++;
    }
    return last;
  }

  /** 2nd, 3rd, 10th, 11th, 21st. */
  static String ordinal(int n) {
    int tens = n % 100;
    int units = n % 10;
    String suffix = tens >= 11 && tens <= 13 ? "th"
        : units == 1 ? "st" : units == 2 ? "nd" : units == 3 ? "rd" : "th";
    return n + suffix;
  }
}
