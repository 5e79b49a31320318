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
      b.append(visible(path)).append(": ");
    }
    return b.append(visible(message)).toString();
  }

  /**
   * The text with invisible characters (zero-width and non-breaking spaces, other odd spaces,
   * controls) written as {@code \u200b}: else "unknown key 'net\u200bwork'; did you mean
   * 'network'?" reads as 'network' twice.
   */
  static String visible(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      int type = Character.getType(c);
      boolean hidden = c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)
          || type == Character.FORMAT || type == Character.CONTROL);
      b.append(hidden ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
