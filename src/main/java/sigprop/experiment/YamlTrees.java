package sigprop.experiment;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML text into {@link YamlNode} trees with SnakeYAML's composer, which keeps every
 * node's line and resolves each plain scalar's type (int, float, bool, null, string). Duplicate
 * keys, non-scalar keys and syntax errors become problems; {@code <<} merge keys are applied.
 */
final class YamlTrees {
  /** Deeper nesting than this can only come from a recursive alias. */
  private static final int MAX_DEPTH = 64;
  /**
   * More values than this can only come from aliases of aliases (each alias copies its anchor's
   * whole value: 25 lists of two aliases each make 2^25 values).
   */
  static final int MAX_VALUES = 1_000_000;

  private final Problems problems;
  private final String location;
  /** The nodes being converted (this one's ancestors): an alias to one of them recurses. */
  private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private int values;

  /** Thrown when aliases expand beyond {@link #MAX_VALUES}: the conversion stops at once. */
  private static final class TooManyValues extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyValues() {
      super(null, null, false, false);
    }
  }

  private YamlTrees(Problems problems, String location) {
    this.problems = problems;
    this.location = location;
  }

  /** The root mapping of a config file, or null after recording why there is none. */
  static YamlNode.Mapping parseFile(String text, Problems problems) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      // SnakeYAML's "but found another document" reads as a syntax slip; say what to do.
      boolean documents = String.valueOf(e.getContext()).contains("single document");
      problems.add("", lineOf(e.getProblemMark()), documents
          ? "a config is one YAML document, and another begins here ('---'); several experiments"
              + " go under 'experiments:' in one document (docs/CONFIG.md)"
          : "YAML syntax: " + syntaxProblem(e.getProblem(), e.getContext()));
      return null;
    } catch (YAMLException e) {
      problems.add("", "", "YAML syntax: " + e.getMessage());
      return null;
    }
    if (root == null) {
      problems.add("", "", "the config is empty; it needs at least 'sweep:' (see docs/CONFIG.md)");
      return null;
    }
    YamlNode tree;
    try {
      tree = new YamlTrees(problems, null).convert(root, "", 0, lineOf(root.getStartMark()));
    } catch (TooManyValues e) {
      problems.add("", "", tooManyValues());
      return null;
    }
    if (tree instanceof YamlNode.Mapping m) {
      return m;
    }
    problems.add(tree, "a config must be a mapping of keys (sweep:, network:, …), got "
        + tree.describe());
    return null;
  }

  /**
   * The value of a {@code --set path=value} override: a YAML flow value, where values separated by
   * top-level commas make a list ({@code 4,60} → [4, 60]); null after recording a problem.
   */
  static YamlNode parseOverrideValue(String value, String path, Problems problems) {
    if (value.isBlank()) {
      problems.add(path, "--set", "no value given (write --set " + path + "=VALUE)");
      return null;
    }
    String empty = unbalanced(value) ? null : emptyItem(value);
    if (empty != null) { // YAML drops a trailing comma: "4," would quietly be [4]
      problems.add(path, "--set", "cannot read value '" + value + "': " + empty);
      return null;
    }
    if (!unbalanced(value) && comment(value)) { // YAML would quietly drop the rest of the value
      problems.add(path, "--set", "cannot read value '" + value + "': a '#' at the start or"
          + " after a space begins a YAML comment, which would drop the rest; quote the value"
          + " ('\"#…\"')");
      return null;
    }
    Node node;
    try {
      // The line break keeps a '#' in the value from commenting out the closing bracket.
      node = new Yaml(new LoaderOptions()).compose(new StringReader("[" + value + "\n]"));
    } catch (YAMLException e) {
      String why = unbalanced(value) ? "unbalanced brackets"
          : e instanceof MarkedYAMLException m ? m.getProblem() : e.getMessage();
      problems.add(path, "--set", "cannot read value '" + value + "': " + why);
      return null;
    }
    List<Node> items = ((SequenceNode) node).getValue();
    Node single = items.size() == 1 ? items.get(0) : node; // one value stands for itself
    try {
      return new YamlTrees(problems, "--set").convert(single, path, 0, "--set");
    } catch (TooManyValues e) {
      problems.add(path, "--set", tooManyValues());
      return null;
    }
  }

  /**
   * SnakeYAML's problem, with what usually causes it in a hand-written config: its wording names
   * the parser's state ("mapping values are not allowed here"), not the slip.
   */
  static String syntaxProblem(String problem, String context) {
    String p = String.valueOf(problem);
    if (p.contains("\\t(TAB)") || p.contains("\t")) {
      return "a tab character: YAML indents with spaces only; replace the tabs with spaces";
    }
    String hint = p.startsWith("mapping values are not allowed")
        ? "; a key indented more than the keys beside it, or an unquoted value holding ': '?"
            + " Align the keys, or quote the value"
        : p.startsWith("could not find expected ':'")
            ? "; a key without its ':', or a line indented less than the keys beside it?" : "";
    return p + (context == null ? "" : " (" + context + ")") + hint;
  }

  private static String tooManyValues() {
    return "the YAML expands to more than " + MAX_VALUES + " values (aliases of aliases?)";
  }

  /** Whether [ ] or { } outside quotes fail to pair up (a stray ']' ends the wrapping list). */
  private static boolean unbalanced(String value) {
    int square = 0;
    int curly = 0;
    char quote = 0;
    for (char c : value.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else {
        square += c == '[' ? 1 : c == ']' ? -1 : 0;
        curly += c == '{' ? 1 : c == '}' ? -1 : 0;
        if (square < 0 || curly < 0) {
          return true;
        }
      }
    }
    return square != 0 || curly != 0;
  }

  /** Whether a '#' outside quotes begins a YAML comment (at the start, or after a space). */
  private static boolean comment(String value) {
    char quote = 0;
    char before = ' ';
    for (char c : value.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && Character.isWhitespace(before)) {
        return true;
      }
      before = c;
    }
    return false;
  }

  /**
   * Why a top-level comma has no value on one side ("4," or "4,,60"), or null: a list item the
   * user meant to write (or a shell variable that came out empty).
   */
  private static String emptyItem(String value) {
    int nesting = 0;
    char quote = 0;
    boolean valueSeen = false;
    boolean comma = false;
    for (char c : value.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == ',' && nesting == 0) {
        if (!valueSeen) {
          return "a comma with no value before it";
        }
        valueSeen = false;
        comma = true;
        continue;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else {
        nesting += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
      }
      valueSeen |= !Character.isWhitespace(c);
    }
    return comma && !valueSeen ? "a comma with no value after it" : null;
  }

  /** Converts a node; {@code where} is its key's line for a mapping's value, else its own. */
  private YamlNode convert(Node node, String path, int depth, String where) {
    if (++values > MAX_VALUES) {
      throw new TooManyValues();
    }
    if (depth > MAX_DEPTH) {
      problems.add(path, where, "nested too deeply (a recursive alias?)");
      return new YamlNode.Scalar("", YamlNode.Kind.NULL, path, where);
    }
    if (node instanceof ScalarNode s) {
      return new YamlNode.Scalar(s.getValue(), kind(s.getTag()), path, where);
    }
    // Checked here rather than left to MAX_DEPTH: [*a, *a] would double at every level.
    if (!open.add(node)) {
      problems.add(path, where, "a recursive alias: this value contains itself");
      return new YamlNode.Scalar("", YamlNode.Kind.NULL, path, where);
    }
    try {
      return collection(node, path, depth, where);
    } finally {
      open.remove(node);
    }
  }

  private YamlNode collection(Node node, String path, int depth, String where) {
    if (node instanceof SequenceNode s) {
      List<YamlNode> items = new ArrayList<>();
      for (Node item : s.getValue()) {
        items.add(convert(item, path + "[" + items.size() + "]", depth + 1, where(item)));
      }
      return new YamlNode.Sequence(items, path, where);
    }
    return mapping((MappingNode) node, path, where, depth);
  }

  /** One entry of a mapping as written: a key and its value, or a merge key's mappings. */
  private record Part(String key, YamlNode value, List<YamlNode.Mapping> merged) {}

  private YamlNode.Mapping mapping(MappingNode node, String path, String where, int depth) {
    Map<String, String> firstSeen = new HashMap<>();
    List<Part> parts = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      Node keyNode = t.getKeyNode();
      String keyWhere = where(keyNode);
      if (keyNode.getTag().equals(Tag.MERGE)) {
        parts.add(new Part(null, null, mergeSources(t.getValueNode(), path, depth)));
        continue;
      }
      if (!(keyNode instanceof ScalarNode k)) {
        problems.add(path, keyWhere, "keys must be plain names, got a list or mapping as a key");
        continue;
      }
      String key = k.getValue();
      if (firstSeen.containsKey(key)) {
        problems.add(YamlNode.child(path, key), keyWhere, (path.equals("experiments")
            ? "duplicate experiment name '" : "duplicate key '") + key + "' (first at "
            + firstSeen.get(key) + ")");
        continue;
      }
      firstSeen.put(key, keyWhere);
      String child = YamlNode.child(path, key);
      parts.add(new Part(key, convert(t.getValueNode(), child, depth + 1, keyWhere), null));
    }
    // Merged keys sit where their '<<' is written (the order of grid axes is the cells' order);
    // explicit keys win over merged ones, and earlier merge sources over later ones, as in YAML.
    LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
    Set<String> mergedKeys = new HashSet<>();
    for (Part part : parts) {
      if (part.key() != null) {
        entries.put(part.key(), part.value());
        continue;
      }
      for (YamlNode.Mapping m : part.merged()) {
        m.entries().forEach((key, value) -> {
          if (!firstSeen.containsKey(key) && entries.putIfAbsent(key, value) == null) {
            mergedKeys.add(key);
          }
        });
      }
    }
    return new YamlNode.Mapping(entries, mergedKeys, path, where);
  }

  private List<YamlNode.Mapping> mergeSources(Node value, String path, int depth) {
    List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
    List<YamlNode.Mapping> out = new ArrayList<>();
    for (Node source : sources) {
      if (source instanceof MappingNode m && !open.add(m)) {
        problems.add(path, where(source), "'<<' merges a mapping that contains it (a recursive"
            + " alias)");
      } else if (source instanceof MappingNode m) {
        try {
          out.add(mapping(m, path, where(m), depth + 1));
        } finally {
          open.remove(m);
        }
      } else {
        problems.add(path, where(source), "'<<' must merge a mapping");
      }
    }
    return out;
  }

  private String where(Node node) {
    return location != null ? location : lineOf(node.getStartMark());
  }

  private static YamlNode.Kind kind(Tag tag) {
    if (tag.equals(Tag.NULL)) {
      return YamlNode.Kind.NULL;
    } else if (tag.equals(Tag.BOOL)) {
      return YamlNode.Kind.BOOL;
    } else if (tag.equals(Tag.INT)) {
      return YamlNode.Kind.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      return YamlNode.Kind.FLOAT;
    }
    return YamlNode.Kind.STRING;
  }

  private static String lineOf(Mark mark) {
    return mark == null ? "" : "line " + (mark.getLine() + 1);
  }
}
