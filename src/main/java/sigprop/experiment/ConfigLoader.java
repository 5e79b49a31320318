package sigprop.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import sigprop.net.HeapRegions;

/**
 * Reads a sweep config (docs/CONFIG.md): parses the YAML, applies {@code --set} overrides,
 * checks every key and value, expands every experiment's grid and checks each cell against the
 * executor heap. All problems are gathered into one {@link ConfigException}, so nothing runs
 * until the whole config is right.
 */
public final class ConfigLoader {
  private static final Pattern SWEEP_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final Pattern EXPERIMENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  /**
   * The longest sweep or experiment name: both go into figure file names beside a step, a site
   * and a configuration label, which must stay within the 255 bytes most file systems allow.
   */
  static final int MAX_NAME = 64;

  private ConfigLoader() {}

  /**
   * Loads a config file.
   *
   * @param overrides {@code key.path=value} strings, applied in order before validation
   * @param heapBytes the heap one cell may use (e.g. the executor memory); 0 or less: no check
   */
  public static SweepPlan load(Path file, List<String> overrides, long heapBytes)
      throws IOException, ConfigException {
    return parse(readLocal(file), file.toString(), overrides, heapBytes,
        HeapRegions.forHeap(heapBytes));
  }

  /** A local config file's text; the IOException's message says plainly what is wrong. */
  public static String readLocal(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("it is a folder, not a config file");
    }
    if (!Files.exists(file)) {
      throw new IOException("no such file");
    }
    return decode(Files.readAllBytes(file));
  }

  /** Config bytes as text: UTF-8 (as YAML is), refused rather than garbled when it is not. */
  public static String decode(byte[] bytes) throws IOException {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text (save the file as UTF-8)");
    }
  }

  /**
   * Loads config text; {@code source} names it in messages. Cells are checked against
   * {@code heapBytes} as the whole heap of a JVM running one cell at a time (its G1 regions
   * follow from it).
   */
  public static SweepPlan parse(String text, String source, List<String> overrides,
      long heapBytes) throws ConfigException {
    return parse(text, source, overrides, heapBytes, HeapRegions.forHeap(heapBytes));
  }

  /**
   * As {@link #parse(String, String, List, long)}, with the G1 region size of the JVMs that run
   * the cells (several cells may share one JVM's heap, whose size sets the regions).
   */
  public static SweepPlan parse(String text, String source, List<String> overrides,
      long heapBytes, long regionBytes) throws ConfigException {
    Problems problems = new Problems();
    problems.orderOverrides(overrides);
    YamlNode.Mapping root = YamlTrees.parseFile(text, problems);
    if (root == null) {
      problems.throwIfAny(source);
    }
    Overrides.apply(root, overrides, problems);
    boolean multi = Schema.checkRoot(root, problems);
    String sweep = sweepName(root.get("sweep"), problems);
    List<Scope> scopes = new ArrayList<>();
    List<ExperimentConfig> configs = multi ? experiments(root, overrides, scopes, problems)
        : List.of(new ExperimentReader(new Scope(root), problems, false).read(sweep, ""));
    if (!multi) {
      scopes.add(new Scope(root));
    }
    IdleValues.report(configs, scopes, multi, problems);
    GridExpander expander = new GridExpander(sweep, heapBytes, regionBytes, problems);
    List<ExperimentPlan> plans = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      plans.add(expander.expand(c));
    }
    problems.throwIfAny(source);
    String canonical = CanonicalConfig.render(sweep, configs);
    return new SweepPlan(sweep, source, text, overrides, canonical,
        CanonicalConfig.sha256(canonical), plans);
  }

  private static String sweepName(YamlNode node, Problems problems) {
    if (node == null) {
      problems.add("sweep", "", "missing: name the sweep (its output folder), e.g. sweep: hw7");
      return "sweep";
    }
    String name = Values.text(node, problems, "a sweep name (its output folder),"
        + " e.g. sweep: hw7");
    // Not starting with '.' (a hidden folder, or ..) or '-' (read as an option by shell tools).
    if (name != null && !SWEEP_NAME.matcher(name).matches()) {
      problems.add(node, "a sweep name is a folder name of letters, digits, '.', '_' and '-', not"
          + " starting with '.' or '-', got '" + name + "'");
      name = null;
    } else if (name != null && name.length() > MAX_NAME) {
      problems.add(node, tooLong("a sweep name", "its folder and figure files", name));
      name = null;
    }
    return name == null ? "sweep" : name;
  }

  private static String tooLong(String what, String names, String name) {
    return what + " is at most " + MAX_NAME + " characters (it names " + names + "), got "
        + name.length() + ": '" + name.substring(0, 20) + "…'";
  }

  /** The experiments, each with its scope added to {@code scopes}. */
  private static List<ExperimentConfig> experiments(YamlNode.Mapping root,
      List<String> overrides, List<Scope> scopes, Problems problems) {
    YamlNode.Mapping defaults = null;
    YamlNode d = root.get("defaults");
    if (d != null && !Schema.isNull(d)) {
      defaults = Values.mapping(d, problems);
      if (defaults != null) {
        Schema.checkExperiment(defaults, Schema.DEFAULTS, problems);
      }
    }
    List<ExperimentConfig> out = new ArrayList<>();
    YamlNode node = root.get("experiments");
    if (node != null && Values.missing(node, problems, null, "each experiment's name and"
        + " settings, e.g. experiments: {task1: {grid: {depth: [4, 20]}}}")) {
      return out;
    }
    if (!(node instanceof YamlNode.Mapping exps) || exps.view().isEmpty()) {
      problems.add(node, "expected a mapping of experiment name to its settings, e.g. "
          + "experiments: {task1: {grid: {depth: [4, 20]}}}, got "
          + (node instanceof YamlNode.Mapping ? "no experiments" : node.describe())
          + (node instanceof YamlNode.Sequence ? "; write each name as a key, without '- '" : ""));
      return out;
    }
    for (Map.Entry<String, YamlNode> e : exps.view().entrySet()) {
      String name = e.getKey();
      YamlNode value = e.getValue();
      if (!EXPERIMENT_NAME.matcher(name).matches()) {
        problems.add(value, "an experiment name is letters, digits, '_' and '-', got '" + name
            + "'");
      } else if (name.length() > MAX_NAME) {
        problems.add(value, tooLong("an experiment name", "its figure files", name));
      }
      YamlNode.Mapping m = Schema.isNull(value)
          ? YamlNode.Mapping.empty(value.path(), value.location())
          : Values.mapping(value, problems);
      if (m != null) {
        Schema.checkExperiment(m, Schema.EXPERIMENT, problems);
        Scope scope = new Scope(m, defaults);
        scopes.add(scope);
        out.add(new ExperimentReader(scope, problems, true).read(name, m.path()));
      }
    }
    UnusedSharedOverrides.report(overrides, defaults, scopes, out, problems);
    UntakenDefaults.report(defaults, scopes, out, problems);
    return out;
  }
}
