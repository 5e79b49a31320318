package sigprop.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems while a config is read, so that every problem is reported at once; a problem
 * found twice (a bad default seen by two experiments) is kept once.
 */
final class Problems {
  private final Set<Problem> problems = new LinkedHashSet<>();

  /** Records a problem at a node's path and location. */
  void add(YamlNode at, String message) {
    problems.add(new Problem(at.path(), at.location(), message));
  }

  /** Records a problem at an explicit path and location. */
  void add(String path, String location, String message) {
    problems.add(new Problem(path, location, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /**
   * Throws the problems so far, if any, as one exception: those with a line in line order, then
   * those of overrides, then the rest, each group in the order found.
   */
  void throwIfAny(String source) throws ConfigException {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingLong(Problems::rank));
      throw new ConfigException(source, sorted);
    }
  }

  private static long rank(Problem p) {
    if (p.line() > 0) {
      return p.line();
    }
    return p.location().equals("--set") ? Long.MAX_VALUE - 1 : Long.MAX_VALUE;
  }
}
