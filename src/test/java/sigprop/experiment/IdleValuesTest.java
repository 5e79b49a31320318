package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Values that no cell can use are refused where they are written (the one-line cases are rows of
 * BrokenConfigTest); shared values only when no experiment taking them uses them, and a file's
 * value made idle by an override (a sweep shrunk with --set) is left alone.
 */
class IdleValuesTest {
  private static final String SMALL = "input: {batch: 4, width: 4}\n  network: {width: 4, depth: 2,"
      + " norm_eps: 1e-3}\n  seeds: 1\n";

  @Test
  void aSharedDefaultIsFineWhenSomeExperimentUsesIt() {
    String yaml = "sweep: s\ndefaults:\n  " + SMALL
        + "experiments:\n  plain: {}\n  normed: {network: {norm: batch}}\n";
    assertEquals(2, Configs.plan(yaml).cells().size());
    ConfigException e = Configs.failure(yaml.replace("{norm: batch}", "{depth: 3}"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("line 4: defaults.network.norm_eps: has no effect: no cell of experiment 'plain'"
        + " or 'normed' has a norm (network.norm (default) is none); drop it or add a norm",
        e.problems().get(0).toString());
    // Each reason once, with the experiments it holds in.
    e = Configs.failure(yaml.replace("{norm: batch}", "{norm: none}"));
    assertEquals("line 4: defaults.network.norm_eps: has no effect: no cell of experiment 'plain'"
        + " has a norm (network.norm (default) is none); no cell of experiment 'normed' has a norm"
        + " (experiments.normed.network.norm (line 8) is none); drop it or add a norm",
        e.problems().get(0).toString(), e.getMessage());
  }

  @Test
  void aMergedValueIsFineWhenSomeExperimentThatMergesItUsesIt() {
    String yaml = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 2}, seeds: 1}
        experiments:
          a: {network: &net {norm: batch, norm_eps: 1e-3}}
          b: {network: {<<: *net, norm: none}}
        """;
    assertEquals(2, Configs.plan(yaml).cells().size());
    String bothNone = yaml.replace("norm: batch,", "norm: none,");
    ConfigException e = Configs.failure(bothNone);
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: experiments.a.network.norm_eps: has no effect: no"
        + " cell of experiment 'a' has a norm"), e.getMessage());
    // Merged into experiments that never use it: said once, at the first copy.
    String mergedOnly = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, network: &net {width: 4, depth: 2,
          norm_eps: 1e-3}, seeds: 1}
        experiments:
          a: {network: {<<: *net, depth: 3}}
          b: {grid: {width: [1, 2]}}
        """;
    e = Configs.failure(mergedOnly);
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("line 3: experiments.a.network.norm_eps: has no effect: no"
        + " cell of experiment 'a' or 'b' has a norm (network.norm (default) is none)"),
        e.getMessage());
  }

  /** A shared input seed is fine while an experiment that does not redraw x uses it. */
  @Test
  void aSharedInputSeedIsFineWhileSomeExperimentDrawsXFromIt() {
    String yaml = """
        sweep: s
        defaults: {input: {batch: 4, width: 4, seed: 3}, network: {width: 4, depth: 2}, seeds: 2}
        experiments:
          redrawn: {input: {redraw_per_seed: true}}
          fixed: {}
        """;
    assertEquals(4, Configs.plan(yaml).cells().size());
    ConfigException e = Configs.failure(yaml.replace("fixed: {}",
        "fixed: {input: {redraw_per_seed: true}}"));
    assertTrue(e.getMessage().contains("line 2: defaults.input.seed: has no effect: every cell of"
        + " experiment 'redrawn' draws x from its own seed"), e.getMessage());
  }

  /**
   * An experiment's own value (a norm's ε, training settings, Kaiming's slope) that another
   * experiment merges with {@code <<:} is shared: idle where it is written and used where it is
   * merged (or the other way round), it changes numbers, and dropping it (the remedy) would
   * change the other experiment's cells.
   */
  @Test
  void anAnchoredValueIsFineWhenAnExperimentMergingItUsesIt() {
    String yaml = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, seeds: 1}
        experiments:
          plain: {network: &net {width: 4, depth: 2, norm: none, norm_eps: 1e-3}}
          normed: {network: {<<: *net, norm: batch}}
        """;
    assertEquals(2, Configs.plan(yaml).cells().size());
    String trained = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 2}, seeds: 1}
        experiments:
          init: &base
            training: {learning_rate: 0.1, momentum: 0.9}
            record: {steps: [0]}
          trained: {<<: *base, record: {steps: [0, 5]}}
        """;
    assertEquals(2, Configs.plan(trained).cells().size());
    String kaiming = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 2}, seeds: 1}
        experiments:
          leaky: {network: {init: &k {scheme: kaiming_normal, nonlinearity: leaky_relu,
            slope: 0.2}}}
          relu: {network: {init: {<<: *k, nonlinearity: relu}}}
        """;
    assertEquals(2, Configs.plan(kaiming).cells().size());
    // Idle in both: said once, with both reasons.
    ConfigException e = Configs.failure(yaml.replace("norm: batch", "depth: 3"));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: experiments.plain.network.norm_eps: has no effect:"
        + " no cell of experiment 'plain' has a norm (experiments.plain.network.norm (line 4) is"
        + " none); no cell of experiment 'normed' has a norm"), e.getMessage());
  }

  @Test
  void anOverrideForEveryExperimentIsFineWhenSomeExperimentUsesIt() {
    String yaml = "sweep: s\ndefaults:\n  " + SMALL.replace(", norm_eps: 1e-3", "")
        + "experiments:\n  plain: {}\n  normed: {network: {norm: layer}}\n";
    Configs.plan(yaml, "network.norm_eps=1e-2");
    ConfigException e = Configs.failure(yaml.replace("{norm: layer}", "{}"),
        "network.norm_eps=1e-2", "defaults.training.momentum=0.5");
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("--set: network.norm_eps: has no effect: no cell of"
        + " experiment 'plain' or 'normed' has a norm"), e.getMessage());
    assertTrue(e.getMessage().contains("--set: defaults.training.momentum: has no effect: no cell"
        + " of experiment 'plain' or 'normed' trains (record.steps ends at 0)"), e.getMessage());
    // One experiment's own override is judged in that experiment alone.
    assertTrue(Configs.failure(yaml, "experiments.plain.network.norm_eps=1e-2").getMessage()
        .contains("--set: experiments.plain.network.norm_eps: has no effect: no cell of"
            + " experiment 'plain' has a norm"));
  }

  @Test
  void aFileValueMadeIdleByAnOverrideIsLeftAlone() {
    String yaml = """
        sweep: s
        input: {batch: 4, width: 4, redraw_per_seed: true}
        network: {width: 4, depth: 2, norm: batch, norm_eps: 1e-3}
        training: {learning_rate: 0.1, momentum: 0.9}
        record: {steps: [0, 3]}
        seeds: 2
        """;
    assertEquals(2, Configs.plan(yaml).cells().size());
    // Shrunk for a quick look: at initialization, one seed, no norm.
    assertEquals(1, Configs.plan(yaml, "record.steps=0", "seeds=1", "network.norm=none").cells()
        .size());
    // The override itself is refused when it is what no cell uses.
    ConfigException e = Configs.failure(yaml.replace("record: {steps: [0, 3]}",
        "record: {steps: [0, 1]}").replace(", momentum: 0.9", ""), "training.momentum=0.5");
    assertEquals("--set: training.momentum: has no effect: no cell of experiment 's' takes more"
        + " than one SGD step (record.steps ends at 1), and the first step is η·(g + λ·p)"
        + " whatever the momentum; drop it or record later steps",
        e.problems().get(0).toString(), e.getMessage());
  }

  /**
   * An axis of several values of an idle setting makes configurations with the same numbers in
   * its experiment's outputs: refused there even when another experiment merging it uses it, or
   * when an override made it idle.
   */
  @Test
  void anIdleAxisOfSeveralValuesIsRefusedInEachExperimentItIsIdleIn() {
    String yaml = """
        sweep: s
        defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 2}, seeds: 1}
        experiments:
          a: {network: {norm: batch}, grid: &g {norm_eps: [1e-5, 1e-3]}}
          b: {grid: {<<: *g}}
        """;
    ConfigException e = Configs.failure(yaml);
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: experiments.b.grid.norm_eps: varies norm_eps, but"
        + " no cell of experiment 'b' has a norm"), e.getMessage());
    e = Configs.failure("sweep: s\ngrid: {learning_rate: [0.1, 0.01]}\nrecord: {steps: [0, 5]}\n",
        "record.steps=0");
    assertTrue(e.getMessage().contains("line 2: grid.learning_rate: varies learning_rate, but no"
        + " cell of experiment 's' trains"), e.getMessage());
  }

  /**
   * input.seed (idle when every cell redraws x) and redraw_per_seed (idle when the one seed run
   * is the input seed) decide x together: each remedy, followed alone, gives a config that loads,
   * and where both are idle at once one problem says so (dropping both would change x). Before,
   * "drop it" of one could lead to the other's refusal, and both were listed with "drop it".
   */
  @Test
  void everyRemedyOfTheInputSeedAndRedrawLeadsToAConfigThatLoads() {
    String[][] rows = {
        // config; override; the problem's remedy; the configs that follow each remedy
        {"input: {seed: 3, redraw_per_seed: true}\nseeds: 1", "", "drop it and redraw_per_seed"
            + " (every cell runs seed 0, the default input seed), or set redraw_per_seed to false",
            "seeds: 1", "input: {seed: 3, redraw_per_seed: false}\nseeds: 1"},
        {"input: {seed: 0, redraw_per_seed: true}\nseeds: 1", "",
            "drop it, or drop input.seed and run more seeds",
            "input: {seed: 0}\nseeds: 1", "input: {redraw_per_seed: true}\nseeds: 2"},
        {"input: {seed: 5, redraw_per_seed: true}\nseeds: [5]", "",
            "drop it, or drop input.seed and run more seeds",
            "input: {seed: 5}\nseeds: [5]", "input: {redraw_per_seed: true}\nseeds: [5, 6]"},
        {"input: {seed: 5, redraw_per_seed: true}\nseeds: [5, 6]", "",
            "drop it or set redraw_per_seed to false",
            "input: {redraw_per_seed: true}\nseeds: [5, 6]",
            "input: {seed: 5, redraw_per_seed: false}\nseeds: [5, 6]"},
        {"input: {seed: 3, redraw_per_seed: true}\nseeds: [7]", "",
            "drop it or set redraw_per_seed to false", "input: {redraw_per_seed: true}\nseeds: [7]",
            "input: {seed: 3, redraw_per_seed: false}\nseeds: [7]"},
        {"input: {redraw_per_seed: true}\nseeds: 1", "", "drop it or run more seeds",
            "seeds: 1", "input: {redraw_per_seed: true}\nseeds: 2"},
        {"input: {seed: 4, redraw_per_seed: false}\nseeds: [4]", "", "drop it or run more seeds",
            "input: {seed: 4}\nseeds: [4]",
            "input: {seed: 4, redraw_per_seed: false}\nseeds: [4, 5]"},
        {"input: {redraw_per_seed: true}\ngrid: {input_seed: [1, 2]}\nseeds: 1", "",
            "drop the axis and redraw_per_seed (every cell runs seed 0, the default input seed),"
                + " or set redraw_per_seed to false",
            "seeds: 1", "input: {redraw_per_seed: false}\ngrid: {input_seed: [1, 2]}\nseeds: 1"},
        // redraw_per_seed made idle by --set seeds is left alone: input.seed is said alone.
        {"input: {seed: 5, redraw_per_seed: true}\nseeds: [5, 6]", "seeds=[5]",
            "drop it or redraw_per_seed (x is the draw of seed 5 either way)",
            "input: {redraw_per_seed: true}\nseeds: [5, 6]", "input: {seed: 5}\nseeds: [5, 6]"}};
    String base = "sweep: s\nnetwork: {width: 4, depth: 2}\n";
    for (String[] row : rows) {
      String[] set = row[1].isEmpty() ? new String[0] : new String[] {row[1]};
      ConfigException e = Configs.failure(base + small(row[0]), set);
      assertEquals(1, e.problems().size(), e.getMessage());
      assertTrue(e.problems().get(0).message().endsWith("; " + row[2]), e.getMessage());
      for (int i = 3; i < row.length; i++) {
        Configs.plan(base + small(row[i]), set);
      }
    }
  }

  /** The lines with a batch and input of 4. */
  private static String small(String lines) {
    return (lines.contains("input: {") ? lines.replace("input: {", "input: {batch: 4, width: 4, ")
        : "input: {batch: 4, width: 4}\n" + lines) + "\n";
  }

  /**
   * The older refusals follow the rule of the idle ones: a file's value that an override makes
   * idle is left alone, and a shared value (defaults:, an override for every experiment) is
   * refused only when no experiment taking it uses it; an experiment's own value is refused.
   * Before, a histogram entry of a site left out by --set record.sites, a --set network.depth
   * where one of several experiments varies depth, a Kaiming slope beside --set nonlinearity
   * were refused, and a one-value depth axis beside widths accepted.
   */
  @Test
  void olderRefusalsFollowTheRuleForOverridesAndSharedValues() {
    String one = "sweep: s\ninput: {batch: 4, width: 4}\nnetwork: {width: 4, depth: 2}\n"
        + "seeds: 1\n";
    String two = "sweep: m\ndefaults: {input: {batch: 4, width: 4}, network: {width: 4,"
        + " depth: 2}, seeds: 1}\nexperiments:\n  a: {grid: {depth: [1, 3]}}\n  b: %s\n";
    String entry = "record: {sites: [output, output_gradient], histogram: {sites:"
        + " {output_gradient: {range: [-1, 1]}}}}\n";
    String kaiming = "network: {width: 4, depth: 2, init: {scheme: kaiming_normal,"
        + " nonlinearity: leaky_relu, slope: 0.2}}\n";
    String[][] rows = {
        // config; overrides (';'-separated); null when it loads, else the problem
        {one + entry, "record.sites=output", null},
        {one + entry.replace("output, output_gradient", "output"), "",
            "line 5: record.histogram.sites.output_gradient: has no effect: site"
                + " 'output_gradient' is not recorded in any cell of experiment 's'"
                + " (record.sites (line 5) leaves it out), so its bins are not used; drop it or"
                + " add the site to record.sites"},
        {String.format(two, "{record: {sites: [output]}}"),
            "record.histogram.sites.output_gradient.range=[-1,1];experiments.a.record.sites=["
                + "output,output_gradient]", null},
        {String.format(two, "{record: {sites: [output]}}"),
            "record.histogram.sites.output_gradient.range=[-1,1];record.sites=output",
            "--set: record.histogram.sites.output_gradient: has no effect: site"
                + " 'output_gradient' is not recorded in any cell of experiment 'a'"},
        {String.format(two, "{}"), "network.depth=5", null},
        // (without a default depth, which no experiment would take)
        {String.format(two.replace(", depth: 2}", "}"), "{grid: {depth: [4]}}"),
            "network.depth=5",
            "--set: network.depth: has no effect: experiment 'a' varies depth"
                + " (experiments.a.grid.depth (line 4)); experiment 'b' varies depth"
                + " (experiments.b.grid.depth (line 5)); use --set grid.depth=… to replace the"
                + " axes, or drop it"},
        {String.format(two.replace(", depth: 2}", "}"), "{network: {widths: [4, 4]}}"),
            "network.width=8", null},
        {"sweep: s\ninput: {batch: 4, width: 4}\n" + kaiming + "seeds: 1\n",
            "network.init.nonlinearity=relu", null},
        {"sweep: s\ninput: {batch: 4, width: 4}\n" + kaiming.replace("leaky_relu", "relu")
            + "seeds: 1\n", "", "line 3: network.init.slope: has no effect"},
        {one.replace("width: 4, depth: 2}", "widths: [4, 4]}") + "grid: {depth: [3]}\n", "",
            "line 5: grid.depth: has no effect: network.widths (line 3) gives every hidden"
                + " layer's width and the depth; drop one"},
        {one.replace(", depth: 2", "") + "grid: {depth: [3]}\n", "network.widths=[4,4]", null}};
    for (String[] row : rows) {
      String[] set = row[1].isEmpty() ? new String[0] : row[1].split(";");
      if (row[2] == null) {
        Configs.plan(row[0], set);
      } else {
        ConfigException e = Configs.failure(row[0], set);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith(row[2]), e.getMessage());
      }
    }
  }

  /** A value that could not be read is not taken for the default that stands in for it. */
  @Test
  void aValueThatCouldNotBeReadIdlesNothing() {
    for (String[] broken : new String[][] {
        {"network: {norm: btach, norm_eps: 1e-3}", "unknown norm 'btach'"},
        {"network: {norm_eps: 1e-3}\ngrid: {norm: [none, btach]}", "unknown norm 'btach'"},
        {"training: {learning_rate: 0.1}\nrecord: {steps: [-1]}", "must be >= 0, got -1"},
        {"input: {redraw_per_seed: true}\nseeds: [x]", "expected an integer, got 'x'"},
        {"input: {seed: 3, redraw_per_seed: ture}", "expected true or false, got 'ture'"},
        {"network: {activation: rleu}\nrecord: {histogram: {range: [-1, 1]}}",
            "unknown activation 'rleu'"},
        {"record: {sites: [output, normalised], histogram: {linear_bins: 10}}",
            "unknown site 'normalised'"}}) {
      ConfigException e = Configs.failure("sweep: s\n" + broken[0] + "\n");
      assertEquals(1, e.problems().size(), e.getMessage());
      assertTrue(e.getMessage().contains(broken[1]), e.getMessage());
    }
  }

  @Test
  void settingsSomeCellUsesAreAccepted() {
    String base = "sweep: s\ninput: {batch: 4, width: 4}\nnetwork: {width: 4, depth: 2}\n"
        + "seeds: 1\n";
    for (String used : new String[] {
        "network: {norm_eps: 1e-3, norm_placement: after_activation}\ngrid: {norm: [none, layer]}",
        "training: {learning_rate: 0.1, momentum: 0.9, weight_decay: 1e-4}\n"
            + "record: {steps: [0, 2]}",
        "input: {redraw_per_seed: true}\nseeds: 2",
        "input: {redraw_per_seed: true}\nseeds: [5]",
        "network: {activation: relu, output_activation: sigmoid}\n"
            + "record: {histogram: {range: [0, 1], linear_bins: 20}}",
        "network: {activation: tanh}\nrecord: {sites: [output], histogram: {min_decade: -50}}",
        "record: {histogram: {sites: {pre_activation_gradient: {range: [-1, 1],"
            + " linear_bins: 10}}, linear_bins: 30}}",
        "network: {init: {scheme: kaiming_normal, nonlinearity: leaky_relu, slope: 0.2}}"}) {
      Configs.plan(merge(base, used));
    }
  }

  /** The base config with the lines of {@code extra}, sections written in both merged. */
  private static String merge(String base, String extra) {
    StringBuilder out = new StringBuilder(base);
    for (String line : extra.split("\n")) {
      String section = line.substring(0, line.indexOf(':') + 1);
      int at = out.indexOf("\n" + section + " {");
      if (at >= 0) {
        int open = at + section.length() + 3;
        out.insert(open, line.substring(line.indexOf('{') + 1, line.lastIndexOf('}')) + ", ");
      } else if (section.equals("seeds:")) {
        int s = out.indexOf("seeds: 1\n");
        out.replace(s, s + "seeds: 1\n".length(), line + "\n");
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
