package sigprop.experiment;

/**
 * One thing wrong with a config: the key path it concerns (e.g. {@code network.depth}), where
 * that key was written ("line 12", "--set", or empty when unknown) and what is wrong.
 */
public record Problem(String path, String location, String message) {
  /** The line the key was written on, or 0 (an override, or no single line). */
  public int line() {
    return location.startsWith("line ") ? Integer.parseInt(location.substring(5)) : 0;
  }

  /** E.g. {@code line 12: network.depth: expected an integer, got 'abc'}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!location.isEmpty()) {
      b.append(location).append(": ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }
}
