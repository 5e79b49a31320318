package sigprop.experiment;

/**
 * A typed setting value and the node it was read from (null for a built-in default), so that a
 * problem found later — when values are combined into cells — can still name its key and line.
 */
record SettingValue(Object value, YamlNode node) {
  /** The canonical text of the value. */
  String text() {
    return Setting.text(value);
  }

  /** "input.batch (line 3)", "input.batch (--set)", or the given key for a built-in default. */
  String where(String defaultKey) {
    if (node == null) {
      return defaultKey + " (default)";
    }
    return node.path() + (node.location().isEmpty() ? "" : " (" + node.location() + ")");
  }
}
