package sigprop.experiment;

import java.util.List;

/**
 * A config that cannot run: every problem found, each with its key path and line, listed one per
 * line in the message.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final List<Problem> problems;

  /** An exception for the given problems (at least one) in the named config. */
  public ConfigException(String source, List<Problem> problems) {
    super(message(source, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The config's file name (or another label for an inline config). */
  public String source() {
    return source;
  }

  /** Every problem, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    StringBuilder b = new StringBuilder(source).append(": ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      b.append('\n').append("  ").append(p);
    }
    return b.toString();
  }
}
