package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.experiment.SiteHistogram.Binning;
import sigprop.net.Site;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SaturationRange;

/** record.histogram.sites: reading, checking, and what it leaves alone. */
class SiteHistogramConfigTest {
  private static final String BASE = """
      sweep: bins
      network: {width: 16, depth: 3, activation: tanh}
      grid: {init: [glorot_standard, xavier_uniform]}
      seeds: 2
      """;

  private static HistogramSettings histogram(String yaml, String... overrides) {
    return Configs.plan(yaml, overrides).cells().get(0).record().histogram();
  }

  private static String problems(String yaml, String... overrides) {
    return Configs.failure(yaml, overrides).getMessage();
  }

  @Test
  void aRangeGivesLinearBinsAtEveryLayerWithTheGlobalSettingsAsDefaults() {
    HistogramSettings h = histogram(BASE + """
        record:
          histogram:
            linear_bins: 50
            log_bins_per_decade: 20
            sites: {output_gradient: {range: [-0.05, 0.05]}, weight_gradient: {bins: log,
                    min_decade: -30}}
        """);
    SiteHistogram g = h.forSite(Site.OUTPUT_GRADIENT);
    assertEquals(new SiteHistogram(Binning.LINEAR, 50, -0.05, 0.05, 20, -400, 400), g);
    assertEquals(new LinearBins(-0.05, 0.05, 50), g.specFor(SaturationRange.NONE));
    assertEquals(new LinearBins(-0.05, 0.05, 50), g.specFor(new SaturationRange(-1, 1)),
        "every layer, a bounded one too");
    SiteHistogram w = h.forSite(Site.WEIGHT_GRADIENT);
    assertEquals(new LogBins(-30, 400, 20), w.specFor(SaturationRange.NONE));
    // bins: log at a bounded output gives log bins there too; other sites keep the rule.
    assertEquals(new LogBins(-400, 400, 20),
        histogram(BASE, "record.histogram.sites.output.bins=log", "record.histogram"
            + ".log_bins_per_decade=20").forSite(Site.OUTPUT).specFor(new SaturationRange(-1, 1)));
    assertEquals(new LinearBins(-1, 1, 50), h.forSite(Site.OUTPUT)
        .specFor(new SaturationRange(-1, 1)));
    assertEquals(new LogBins(-400, 400, 20), h.forSite(Site.PRE_ACTIVATION_GRADIENT)
        .specFor(SaturationRange.NONE));
  }

  @Test
  void keysMergeFromTheDefaultsAndTheExperimentAndFromOverrides() {
    SweepPlan plan = Configs.plan("""
        sweep: bins
        defaults:
          network: {width: 8, depth: 2}
          record: {histogram: {sites: {pre_activation_gradient: {range: [-0.1, 0.1]}}}}
        experiments:
          a: {}
          b: {record: {histogram: {sites: {pre_activation_gradient: {linear_bins: 400}}}}}
        """, "record.histogram.sites.output_gradient.range=[-0.5,0.5]");
    assertEquals(new SiteHistogram(Binning.LINEAR, 200, -0.1, 0.1, 10, -400, 400),
        plan.experiment("a").cells().get(0).record().histogram()
            .forSite(Site.PRE_ACTIVATION_GRADIENT));
    HistogramSettings b = plan.experiment("b").cells().get(0).record().histogram();
    assertEquals(new SiteHistogram(Binning.LINEAR, 400, -0.1, 0.1, 10, -400, 400),
        b.forSite(Site.PRE_ACTIVATION_GRADIENT));
    assertEquals(new LinearBins(-0.5, 0.5, 200),
        b.forSite(Site.OUTPUT_GRADIENT).specFor(SaturationRange.NONE));
  }

  @Test
  void everyProblemIsReportedAtOnceAtItsKeyPath() {
    String m = problems(BASE + """
        record:
          histogram:
            sites:
              output_gradiant: {range: [-0.05, 0.05]}
              pre_activation_gradient: {range: [0.05, -0.05], linear_bins: 0}
              weight_gradient: {range: [-.inf, 1]}
              output: {bins: linaer}
              weight: {bins: linear}
              normalized: {bins: log, range: [-1, 1], linear_bins: 10}
              pre_activation: {range: [-2, 2], min_decade: -3, bin: 5}
              output_gradient: {bins: log, min_decade: 4, max_decade: 4,
                                log_bins_per_decade: 1001}
        """);
    for (String expected : List.of(
        "record.histogram.sites.output_gradiant: unknown site 'output_gradiant'; did you mean"
            + " 'output_gradient'?",
        "record.histogram.sites.pre_activation_gradient.range: needs finite lo < hi",
        "record.histogram.sites.pre_activation_gradient.linear_bins: must be >= 1, got 0",
        "record.histogram.sites.weight_gradient.range: needs finite lo < hi",
        "record.histogram.sites.output.bins: unknown binning 'linaer'; did you mean 'linear'?",
        "record.histogram.sites.weight.bins: linear bins at every layer need a range: add"
            + " record.histogram.sites.weight.range: [lo, hi]",
        "record.histogram.sites.normalized: has no effect: no cell of experiment 'bins' has a"
            + " norm",
        "record.histogram.sites.pre_activation.min_decade: has no effect: it applies to log"
            + " bins only, and site 'pre_activation' gets linear bins in every cell of experiment"
            + " 'bins' (it has a range); drop it",
        "record.histogram.sites.pre_activation.bin: unknown key 'bin'; did you mean 'bins'?",
        "record.histogram.sites.output_gradient.max_decade: min_decade must be below"
            + " max_decade, got 4 and 4",
        "record.histogram.sites.output_gradient.log_bins_per_decade: must be <= 1000, got"
            + " 1001")) {
      assertTrue(m.contains(expected), "missing '" + expected + "' in:\n" + m);
    }
  }

  /**
   * A key of the other binning (range beside bins: log, a log key beside linear bins) is a value
   * no cell uses: refused in the experiment's own entry, left alone when --set bins makes it
   * idle, and, in defaults:, fine while an experiment taking it uses it.
   */
  @Test
  void aKeyOfTheOtherBinningIsJudgedAsAValueNoCellUses() {
    String own = BASE + "record: {histogram: {sites: {output_gradient: {bins: log,"
        + " range: [-1, 1]}}}}\n";
    assertTrue(problems(own).contains("record.histogram.sites.output_gradient.range: has no"
        + " effect: it applies to linear bins only, and site 'output_gradient' gets log bins in"
        + " every cell of experiment 'bins' (record.histogram.sites.output_gradient.bins"
        + " (line 5) is log); drop it"), problems(own));
    Configs.plan(own.replace("bins: log, ", ""),
        "record.histogram.sites.output_gradient.bins=log");
    String shared = """
        sweep: m
        defaults:
          network: {width: 8, depth: 2}
          seeds: 1
          record: {histogram: {sites: {output_gradient: {range: [-0.1, 0.1]}}}}
        experiments:
          a: {}
          b: {record: {histogram: {sites: {output_gradient: {bins: log}}}}}
        """;
    Configs.plan(shared);
    assertTrue(problems(shared.replace("a: {}", "a: {record: {histogram: {sites:"
        + " {output_gradient: {bins: log}}}}}")).contains("line 5:"
            + " defaults.record.histogram.sites.output_gradient.range: has no effect: it applies"
            + " to linear bins only"));
  }

  @Test
  void aSiteThatIsNotRecordedOrNotAMappingIsAProblem() {
    String m = problems(BASE + """
        record:
          sites: [output, output_gradient]
          histogram: {sites: {weight_gradient: {range: [-1, 1]}, output: [-1, 1]}}
        """);
    assertTrue(m.contains("record.histogram.sites.weight_gradient: has no effect: site"
        + " 'weight_gradient' is not recorded in any cell of experiment 'bins' (record.sites"
        + " (line 6) leaves it out), so its bins are not used; drop it or add the site to"
        + " record.sites"), m);
    assertTrue(m.contains("record.histogram.sites.output: expected a mapping"), m);
    assertTrue(problems(BASE + "record: {histogram: {sites: [output]}}")
        .contains("record.histogram.sites: expected a mapping"));
  }

  /**
   * Bins in defaults: for the experiments that record the site. One whose own record.sites leaves
   * it out was refused at the defaults' line, a key no experiment can drop.
   */
  @Test
  void aDefaultsEntryLeavesAnExperimentThatDoesNotRecordTheSiteAlone() {
    String yaml = """
        sweep: bins
        defaults:
          network: {width: 8, depth: 2}
          record:
            sites: [output, output_gradient]
            histogram: {sites: {output_gradient: {range: [-0.1, 0.1]}}}
        experiments:
          a: {}
          b: {record: {sites: [output]}}
        """;
    SweepPlan plan = Configs.plan(yaml);
    assertEquals(new LinearBins(-0.1, 0.1, 200), plan.experiment("a").cells().get(0).record()
        .histogram().forSite(Site.OUTPUT_GRADIENT).specFor(SaturationRange.NONE));
    assertEquals(List.of(Site.OUTPUT), List.copyOf(plan.experiment("b").cells().get(0).record()
        .sites()));
    // The experiment's own entry, or the defaults' where no record.sites of its own says no.
    assertTrue(problems(yaml.replace("b: {record: {sites: [output]}}", "b: {record: {sites:"
        + " [output], histogram: {sites: {output_gradient: {linear_bins: 9}}}}}"))
        .contains("experiments.b.record.histogram.sites.output_gradient: has no effect: site"
            + " 'output_gradient' is not recorded"));
    assertTrue(problems(yaml.replace("sites: [output, output_gradient]", "sites: [output]"))
        .contains("defaults.record.histogram.sites.output_gradient: has no effect: site"
            + " 'output_gradient' is not recorded in any cell of experiment 'a'"
            + " (defaults.record.sites (line 5) leaves it out), so its bins are not used; site"
            + " 'output_gradient' is not recorded in any cell of experiment 'b'"));
  }

  /** A config without the key keeps its text, its ids and its sweep id (pinned before the key). */
  @Test
  void withoutTheKeyIdsAndTheCanonicalConfigAreUnchanged() {
    SweepPlan plan = Configs.plan(BASE);
    assertEquals("65bb0fe14153f93e73cd9ce67a1340abf1de078e47e4f8ee2523d430acc5c21a",
        plan.configHash());
    CellSpec first = plan.cells().get(0);
    assertEquals("ce7035e42aeb0b4c9", first.id());
    assertEquals("g5e750e72028d939a", first.configId());
    assertTrue(!plan.canonicalConfig().contains("sites."), plan.canonicalConfig());
    // Spelled-out defaults change nothing; entries of their own change the sweep id only.
    assertEquals(plan.configHash(), Configs.plan(BASE,
        "record.histogram.sites.output_gradient.bins=auto",
        "record.histogram.sites.output.linear_bins=200").configHash());
    // bins: log is what the rule gives every site but the output: the same sweep (resumable).
    assertEquals(plan.configHash(), Configs.plan(BASE,
        "record.histogram.sites.output_gradient.bins=log",
        "record.histogram.sites.pre_activation.bins=log").configHash());
    assertNotEquals(plan.configHash(), Configs.plan(BASE,
        "record.histogram.sites.output.bins=log").configHash(), "tanh outputs bin linearly");
    SweepPlan own = Configs.plan(BASE, "record.histogram.sites.output_gradient.range=[-1,1]");
    assertNotEquals(plan.configHash(), own.configHash());
    assertTrue(own.canonicalConfig().contains("  record.histogram.sites.output_gradient:"
        + " bins=linear"
        + " range=[-1.0,1.0] linear_bins=200\n"), own.canonicalConfig());
    assertEquals(plan.cells().stream().map(CellSpec::id).toList(),
        own.cells().stream().map(CellSpec::id).toList());
    assertEquals(first.configId(), own.cells().get(0).configId());
  }

  @Test
  void theMemoryEstimateCountsASitesOwnBins() {
    SweepPlan plain = Configs.plan(BASE);
    SweepPlan wide = Configs.plan(BASE,
        "record.histogram.sites.output_gradient.range=[-0.05,0.05]",
        "record.histogram.sites.output_gradient.linear_bins=1000000");
    // One more accumulator of 1,000,002 counters, and that site's records may fill 1024 slots
    // as before: 8 MB and an accumulator's blocks more, exactly.
    assertEquals(8L * 1_000_002 + CellMemory.ACCUMULATOR_BYTES,
        CellMemory.statistics(wide.cells().get(0)) - CellMemory.statistics(plain.cells().get(0)));
  }
}
