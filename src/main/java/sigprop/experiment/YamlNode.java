package sigprop.experiment;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value as read from the config or a {@code --set} override, with its key path
 * (e.g. {@code experiments.task1.grid.init[1]}) and where it came from ("line 12" or "--set"),
 * so that every problem can name both.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
  /** The key path of this value, as the user would write it. */
  String path();

  /** "line N" for the config file, "--set" for an override. */
  String location();

  /** A short description for "expected …, got …" messages. */
  String describe();

  /** The YAML types a plain scalar resolves to. */
  enum Kind { NULL, BOOL, INT, FLOAT, STRING }

  /** A scalar: its text as written and the type YAML resolved it to. */
  record Scalar(String text, Kind kind, String path, String location) implements YamlNode {
    /** True for {@code null}, {@code ~} and an empty value. */
    public boolean isNull() {
      return kind == Kind.NULL;
    }

    @Override
    public String describe() {
      return isNull() ? "nothing (null)" : "'" + text + "'";
    }
  }

  /** A list. */
  record Sequence(List<YamlNode> items, String path, String location) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A mapping with keys in file order; mutable so that overrides can be applied in place.
   * {@code merged} names the keys that came from a {@code <<} merge key rather than being written
   * in the mapping itself: an experiment's explicit setting wins over a merged one.
   */
  record Mapping(LinkedHashMap<String, YamlNode> entries, Set<String> merged, String path,
      String location) implements YamlNode {
    /** A mapping with no merged keys. */
    Mapping(LinkedHashMap<String, YamlNode> entries, String path, String location) {
      this(entries, new HashSet<>(), path, location);
    }

    /** An empty mapping at the given place. */
    static Mapping empty(String path, String location) {
      return new Mapping(new LinkedHashMap<>(), path, location);
    }

    /** Whether the key's value came from a {@code <<} merge key. */
    public boolean isMerged(String key) {
      return merged.contains(key);
    }

    /** The value under key, or null. */
    public YamlNode get(String key) {
      return entries.get(key);
    }

    /** The entries in file order. */
    public Map<String, YamlNode> view() {
      return java.util.Collections.unmodifiableMap(entries);
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** The path of a child key under a parent path. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
