package sigprop.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects problems while a config is read, so that every problem is reported at once; a problem
 * found twice (a bad default seen by two experiments) is kept once.
 */
final class Problems {
  private final Set<Problem> problems = new LinkedHashSet<>();
  /** The --set paths in the order given, which orders the overrides' problems. */
  private List<String> overridePaths = List.of();
  /**
   * Where the config's own values that overrides replaced were written ("line 3"), by the
   * override's path: what leaving an override out gives, for a problem of its value.
   */
  private final Map<String, Set<String>> replaced = new LinkedHashMap<>();

  /** Lists the problems of overrides in the order of these {@code key.path=value} strings. */
  void orderOverrides(List<String> overrides) {
    overridePaths = overrides.stream().map(o -> o.indexOf('=') < 0 ? o.trim()
        : o.substring(0, o.indexOf('=')).trim()).toList();
  }

  /** Notes that the override at {@code path} replaced {@code old}, a value of the config file. */
  void overrode(String path, YamlNode old) {
    replaced.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(old.location());
  }

  /** Where the config's values that the override at {@code path} replaced were written. */
  Set<String> overridden(String path) {
    return replaced.getOrDefault(path, Set.of());
  }

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
   * those of overrides in the order of their flags, then the rest, each in the order found.
   */
  void throwIfAny(String source) throws ConfigException {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator.comparingLong(this::rank));
      throw new ConfigException(source, sorted);
    }
  }

  /**
   * Lines first, then overrides by the flag whose path is (or holds) the problem's, the last
   * such flag winning as it does when applied, then the rest.
   */
  private long rank(Problem p) {
    if (p.line() > 0) {
      return p.line();
    }
    if (!p.location().equals("--set")) {
      return Long.MAX_VALUE;
    }
    int flag = -1;
    int within = -1; // a flag below the problem's path ("netwrk" of netwrk.depth=3)
    for (int i = 0; i < overridePaths.size(); i++) {
      String path = overridePaths.get(i);
      if (p.path().equals(path) || p.path().startsWith(path + ".")
          || p.path().startsWith(path + "[")) {
        flag = i;
      } else if (path.startsWith(p.path() + ".")) {
        within = i;
      }
    }
    return Long.MAX_VALUE / 2 + (flag >= 0 ? flag : within >= 0 ? within
        : overridePaths.size());
  }
}
