package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values taken in by a YAML merge key ({@code <<: *anchor}) are the experiment's defaults: its
 * explicit keys, grid axes and --set overrides win over them, as YAML's explicit keys win over
 * merged ones, while a merged value still wins over the file's defaults: section.
 */
class MergeKeyTest {
  private static final String NET = """
      sweep: m
      defaults:
        network: &net {width: 8, depth: 3}
        seeds: 1
      experiments:
      """;

  private static List<Integer> depths(SweepPlan plan, String experiment) {
    return plan.experiment(experiment).cells().stream().map(c -> c.network().depth()).toList();
  }

  @Test
  void anAxisWinsOverAMergedFixedValueOfItsSetting() {
    SweepPlan plan = Configs.plan(NET + """
          a:
            network: {<<: *net, activation: relu}
            grid: {depth: [2, 4]}
          b: {}
        """);
    assertEquals(List.of(2, 4), depths(plan, "a"));
    assertEquals(8, plan.experiment("a").cells().get(0).network().width(1));
  }

  @Test
  void aMergedWholeSectionGivesWayToAnAxisToo() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        experiments:
          a: &a {network: {depth: 3, width: 8}, seeds: 1}
          b:
            <<: *a
            grid: {depth: [5, 6]}
        """);
    assertEquals(List.of(3), depths(plan, "a"));
    assertEquals(List.of(5, 6), depths(plan, "b"));
  }

  @Test
  void anExplicitValueBesideItsAxisIsStillRefused() {
    String message = Configs.failure(NET + """
          a:
            network: {<<: *net, depth: 5}
            grid: {depth: [2, 4]}
        """).getMessage();
    assertTrue(message.contains("line 7: experiments.a.network.depth: has no effect:"
        + " experiments.a.grid.depth (line 8) varies depth in this experiment; drop one"),
        message);
  }

  @Test
  void anExplicitValueWinsOverAMergedAxis() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        experiments:
          a: &a {network: {width: 8}, grid: {depth: [2, 4]}, seeds: 1}
          b:
            <<: *a
            network: {width: 8, depth: 7}
        """);
    assertEquals(List.of(2, 4), depths(plan, "a"));
    assertEquals(List.of(7), depths(plan, "b"));
    assertEquals("1 seed = 1 cell", plan.experiment("b").shape());
  }

  @Test
  void anExplicitWidthsReplacesAMergedDepthAxisAndAnExplicitDepthAMergedWidthsAxis() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        experiments:
          a: &a {grid: {depth: [2, 4]}, seeds: 1, network: {width: 8}}
          b:
            <<: *a
            network: {widths: [8, 4]}
          c: &c {grid: {widths: [[8, 4], [4]]}, seeds: 1}
          d:
            <<: *c
            network: {depth: 3, width: 8}
        """);
    assertEquals(List.of(2), depths(plan, "b"));
    assertEquals(List.of(8, 8, 8),
        plan.experiment("d").cells().get(0).network().hiddenWidths());
  }

  @Test
  void aMergedValueWinsOverTheDefaultsSection() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        defaults:
          network: {width: 8, depth: 3}
          seeds: 1
        experiments:
          a: &a {network: {depth: 5, width: 8}}
          b: {<<: *a}
          c: {}
        """);
    assertEquals(List.of(5), depths(plan, "b"));
  }

  @Test
  void anExplicitSeedCountWinsOverMergedSeedsWrittenEitherWay() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        defaults: {network: {width: 8, depth: 2}}
        experiments:
          a: &a {grid: {seeds: [4, 5]}}
          b:
            <<: *a
            seeds: 1
          c: &c {seeds: 3}
          d:
            <<: *c
            grid: {seeds: [9]}
        """);
    assertEquals(List.of(0L), plan.experiment("b").seeds());
    assertEquals(List.of(9L), plan.experiment("d").seeds());
  }

  @Test
  void setInsideAMergedSectionOverridesOneKeyAndKeepsTheOthersMerged() {
    String yaml = NET + """
          a:
            network: {<<: *net, activation: relu}
            grid: {width: [4, 6]}
        """;
    // b takes the default width, which a's axis replaces
    SweepPlan plan = Configs.plan(yaml + "  b: {}\n", "network.depth=9");
    assertEquals(List.of(9, 9), depths(plan, "a"));
    // the merged width still gives way to the axis, the --set depth is the experiment's own
    assertEquals(List.of(4, 6), plan.experiment("a").cells().stream()
        .map(c -> c.network().width(1)).toList());
    String message = Configs.failure(yaml, "network.width=5").getMessage();
    assertTrue(message.contains("--set: network.width: has no effect: experiment 'a' varies"
        + " width (experiments.a.grid.width (line 8)); use --set grid.width=… to replace the"
        + " axes, or drop it"), message);
  }

  @Test
  void setWinsOverAMergedAxis() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        experiments:
          a: &a {network: {width: 8}, grid: {depth: [2, 4]}, seeds: 1}
          b: {<<: *a}
        """, "experiments.b.network.depth=3");
    assertEquals(List.of(2, 4), depths(plan, "a"));
    assertEquals(List.of(3), depths(plan, "b"));
  }

  @Test
  void aMergedValuesProblemPointsAtTheLineItIsWrittenOn() {
    String message = Configs.failure("""
        sweep: m
        defaults:
          network: &net {width: 8,
            depth: abc}
          seeds: 1
        experiments:
          a: {network: {<<: *net}}
        """).getMessage();
    assertTrue(message.contains("line 4: experiments.a.network.depth: expected an integer, got"
        + " 'abc'"), message);
  }

  @Test
  void setOfADefaultThatExperimentsMergedAsACopySaysTheCopyIsNotChanged() {
    String message = Configs.failure(NET + """
          a: {network: {<<: *net}}
        """, "defaults.network.depth=5").getMessage();
    assertTrue(message.contains("--set: defaults.network.depth: has no effect: every experiment"
        + " sets its own network.depth (a value merged with '<<:' is a copy made as the file is"
        + " read, which --set defaults.… does not change) or varies depth"), message);
  }

  @Test
  void aMergedSiteEntryIsLeftAloneByAnExperimentThatDoesNotRecordItsSite() {
    String yaml = """
        sweep: m
        defaults: {network: {width: 8, depth: 2}, seeds: 1}
        experiments:
          a:
            record: &r
              sites: [output, output_gradient]
              histogram: {sites: {output_gradient: {range: [-1, 1]}}}
          b:
            record: {<<: *r, sites: [output]}
        """;
    SweepPlan plan = Configs.plan(yaml);
    assertEquals(1, plan.experiment("a").cells().get(0).record().histogram().sites().size());
    assertTrue(plan.experiment("b").cells().get(0).record().histogram().sites().isEmpty());
    String own = yaml.replace("sites: [output]}",
        "sites: [output], histogram: {sites: {output_gradient: {range: [-2, 2]}}}}");
    String message = Configs.failure(own).getMessage();
    assertTrue(message.contains("line 9: experiments.b.record.histogram.sites.output_gradient:"
        + " has no effect: site 'output_gradient' is not recorded"), message);
  }

  @Test
  void mergedAxesSitWhereTheirMergeKeyIsWritten() {
    SweepPlan plan = Configs.plan("""
        sweep: m
        experiments:
          a:
            network: {width: 8}
            seeds: 1
            grid: &axes {depth: [2, 3], init: [normal, orthogonal]}
          b:
            network: {width: 8}
            seeds: 1
            grid:
              norm: [none, batch]
              <<: *axes
              activation: [tanh, relu]
        """);
    assertEquals("2 norms × 2 depths × 2 inits × 2 activations × 1 seed = 16 cells",
        plan.experiment("b").shape());
  }

  @Test
  void anExplicitDepthOrWidthWinsOverAMergedWidthsWhileADefaultWidthsRefusesIt() {
    String yaml = """
        sweep: w
        defaults: {network: {width: 4}, input: {batch: 4, width: 4}, seeds: 1}
        experiments:
          a: {network: &n {widths: [8, 4]}}
          b: {network: {<<: *n, depth: 3}}
          c: {network: {<<: *n, width: 6}}
        """;
    SweepPlan plan = Configs.plan(yaml);
    assertEquals(List.of(8, 4), plan.experiment("a").cells().get(0).network().hiddenWidths());
    assertEquals(List.of(4, 4, 4), plan.experiment("b").cells().get(0).network().hiddenWidths());
    assertEquals(List.of(6, 6, 6, 6),
        plan.experiment("c").cells().get(0).network().hiddenWidths());
    String message = Configs.failure(yaml.replace("{width: 4}", "{width: 4, widths: [5]}"))
        .getMessage();
    assertTrue(message.contains("line 5: experiments.b.network.depth: has no effect:"
        + " defaults.network.widths (line 2) gives every hidden layer's width and the depth;"
        + " drop one"), message);
  }
}
