package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryProvenanceTest {
  @Test
  void layersAreWrittenAsRanges() {
    assertEquals("1-4, 7, 9-10", LayerRuns.ranges(new TreeSet<>(List.of(9, 1, 2, 3, 4,
        7, 10))));
    assertEquals("5", LayerRuns.ranges(new TreeSet<>(List.of(5))));
    assertEquals("", LayerRuns.ranges(new TreeSet<>()));
  }

  @Test
  void aSelectionIsWrittenAsTheOptionTakesIt() {
    assertEquals("1-2,10-20", SummaryProvenance.spec(LayerSelection.parse("1,2,10-20")));
    assertEquals("every:10", SummaryProvenance.spec(LayerSelection.parse("every:10")));
    assertEquals("spread:5", SummaryProvenance.spec(LayerSelection.parse("spread:5")));
    assertEquals("all", SummaryProvenance.spec(LayerSelection.ALL));
    // A command must run as written: a regular list is never shortened there.
    assertEquals("1,11,21,31,41,51,61,71",
        SummaryProvenance.spec(LayerSelection.parse("1,11,21,31,41,51,61,71")));
  }

  /** {@code every:10} of a 500-layer net: 1, 11, …, 491, then L = 500 and the head 501. */
  static SortedSet<Integer> everyTenthOf500() {
    SortedSet<Integer> layers = new TreeSet<>();
    IntStream.iterate(1, l -> l <= 500, l -> l + 10).forEach(layers::add);
    layers.addAll(List.of(500, 501));
    return layers;
  }

  @Test
  void regularRunsAreWrittenCompactly() {
    assertEquals(52, everyTenthOf500().size());
    assertEquals("1, 11, 21, …, 491 (every 10th), 500-501", LayerRuns.compact(everyTenthOf500()));
    SortedSet<Integer> hidden = new TreeSet<>(everyTenthOf500());
    hidden.remove(501);
    assertEquals("1, 11, 21, …, 491 (every 10th), 500", LayerRuns.compact(hidden));
    // every:2 of 20 layers: the last of the run, 19, then L and the head as a range.
    SortedSet<Integer> everySecond = new TreeSet<>(List.of(20, 21));
    IntStream.iterate(1, l -> l <= 19, l -> l + 2).forEach(everySecond::add);
    assertEquals("1, 3, 5, …, 19 (every 2nd), 20-21", LayerRuns.compact(everySecond));
    assertEquals("1-2, 4, 7, 10, …, 22 (every 3rd)", LayerRuns.compact(
        new TreeSet<>(List.of(1, 2, 4, 7, 10, 13, 16, 19, 22))));
  }

  @Test
  void shortListsStayAsTheyAre() {
    assertEquals("1, 6, 11, 16, 20-21",
        LayerRuns.compact(new TreeSet<>(List.of(1, 6, 11, 16, 20, 21))));
    assertEquals("1, 3, 5, 7, 9, 11", LayerRuns.compact(new TreeSet<>(List.of(1, 3, 5, 7, 9,
        11))), "six alike read as well listed");
    assertEquals("1-4, 7, 9-10", LayerRuns.compact(new TreeSet<>(List.of(1, 2, 3, 4, 7, 9,
        10))));
    assertEquals("", LayerRuns.compact(new TreeSet<>()));
  }

  @Test
  void ordinals() {
    List<String> words = new ArrayList<>();
    for (int n : new int[] {2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111}) {
      words.add(LayerRuns.ordinal(n));
    }
    assertEquals(List.of("2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "21st", "22nd",
        "23rd", "101st", "111th"), words);
  }

  /** A 500-layer configuration and a 4-layer one, --layers every:10, histograms spread:5. */
  static SummaryProvenance provenance() {
    Configuration deep = new Configuration("s", "deep", "c500", 1, "depth=500", 500,
        Arrays.asList(500L), new StatusCounts(4, 3, 1, 0));
    Configuration shallow = new Configuration("s", "deep", "c4", 0, "depth=4", 4,
        Arrays.asList(4L), new StatusCounts(2, 2, 0, 0));
    SortedMap<Integer, SortedSet<Integer>> table = new TreeMap<>();
    table.put(4, new TreeSet<>(List.of(1, 4, 5)));
    table.put(500, everyTenthOf500());
    SortedMap<Integer, SortedSet<Integer>> histograms = new TreeMap<>();
    histograms.put(4, new TreeSet<>(List.of(1, 4)));
    histograms.put(500, new TreeSet<>(List.of(1, 131, 251, 381, 500)));
    SummaryProvenance.Source folder = new SummaryProvenance.Source("out/s",
        new TreeSet<>(List.of("s")), new TreeSet<>(List.of("h1")),
        new TreeSet<>(List.of("0.1.0+a", "0.1.0+b")), new StatusCounts(6, 5, 1, 0), null);
    return new SummaryProvenance("sigprop summarize out/s --layers every:10", List.of("output"),
        LayerSelection.parse("every:10"), LayerSelection.parse("spread:5"), true, "auto",
        List.of(shallow, deep), table, histograms, List.of(folder), "0.1.0+c",
        "2026-12-08T01:02:03Z");
  }

  @Test
  void schemaWritesRegularRunsCompactlyAndTheJsonInFull() throws Exception {
    String md = provenance().markdown();
    assertTrue(md.contains("depth 4 (head 5): 1, 4-5; depth 500 (head 501): 1, 11, 21, …, 491"
        + " (every 10th), 500-501.\n"), md);
    assertTrue(md.contains("depth 500 (head 501): 1, 131, 251, 381, 500.\n"), md);
    JsonNode json = new ObjectMapper().readTree(ProvenanceJson.render(provenance()));
    JsonNode deep = json.at("/tables/layers.csv/1");
    assertEquals(500, deep.get("depth").asInt());
    assertEquals(501, deep.get("head").asInt());
    List<Integer> layers = new ArrayList<>();
    deep.get("layers").forEach(l -> layers.add(l.asInt()));
    assertEquals(List.copyOf(everyTenthOf500()), layers);
    assertEquals("[1,131,251,381,500]",
        json.at("/tables/histograms.csv/1/layers").toString());
  }

  /** Both renderings state the same facts, each once. */
  @Test
  void theJsonHoldsWhatTheSchemaSays() throws Exception {
    SummaryProvenance p = provenance();
    String md = p.markdown();
    JsonNode json = new ObjectMapper().readTree(ProvenanceJson.render(p));
    assertTrue(md.contains("```\n" + json.get("command").asText() + "\n```"), md);
    assertEquals("sigprop summarize out/s --layers every:10", json.get("command").asText());
    assertEquals("{\"experiments\":[\"deep\"],\"sites\":[\"output\"],\"layers\":\"every:10\","
        + "\"histogram_layers\":\"spread:5\",\"figures\":true,\"facet\":\"auto\"}",
        json.get("options").toString());
    JsonNode folder = json.at("/sweep_folders/0");
    assertEquals("out/s", folder.get("folder").asText());
    assertEquals("[\"h1\"]", folder.get("config_hashes").toString());
    assertEquals("[\"0.1.0+a\",\"0.1.0+b\"]", folder.get("code_versions").toString());
    assertEquals(List.of(6, 5, 1, 0), List.of(folder.get("cells").asInt(),
        folder.get("ok").asInt(), folder.get("diverged").asInt(), folder.get("failed").asInt()));
    assertTrue(md.contains("| `out/s` | s | h1 | 0.1.0+a, 0.1.0+b | 6 | 5 | 1 | 0 |"), md);
    // Seeds per configuration: the schema's range, the JSON's per configuration.
    assertTrue(md.contains("- Seeds per configuration: 2–4 cells pooled, 2–3 of them ok"
        + " (averaged), over 2 configurations."), md);
    assertEquals("{\"config_index\":1,\"sweep\":\"s\",\"experiment\":\"deep\","
        + "\"config_id\":\"c500\",\"config_label\":\"depth=500\",\"depth\":500,\"cells\":4,"
        + "\"ok\":3,\"diverged\":1,\"failed\":0}", json.at("/configurations/1").toString());
    assertEquals("0.1.0+c", json.get("build").asText());
    assertEquals("2026-12-08T01:02:03Z", json.get("date").asText());
    assertTrue(md.contains("Summarized by sigprop 0.1.0+c on 2026-12-08T01:02:03Z."), md);
  }
  /**
   * A folder whose sweep.json --resume wrote again: its created is a commit's time, not the
   * sweep's start, which both renderings now say; a folder whose file was never rewritten, and
   * one whose commits had no time, each as such.
   */
  @Test
  void aRebuiltSweepJsonIsSaidInBoth() throws Exception {
    SummaryProvenance p = provenance();
    SummaryProvenance.Source s = p.sources().get(0);
    SummaryProvenance.Source rebuilt = new SummaryProvenance.Source("out/r", s.sweeps(),
        s.configHashes(), s.codeVersions(), s.counts(), new SummaryProvenance.Rebuilt(
            "2026-12-08T09:14:02.118Z", "2026-12-07T20:53:10.412Z", "layers/wave=0/_SUCCESS"));
    SummaryProvenance.Source timeless = new SummaryProvenance.Source("out/t", s.sweeps(),
        s.configHashes(), s.codeVersions(), s.counts(),
        new SummaryProvenance.Rebuilt("2026-12-08T09:15:00Z", null, null));
    SummaryProvenance both = new SummaryProvenance(p.command(), p.sites(), p.layers(),
        p.histogramLayers(), p.figures(), p.facet(), p.configurations(), p.tableLayers(),
        p.histogramTableLayers(), List.of(s, rebuilt, timeless), p.build(), p.date());
    String md = both.markdown();
    assertTrue(md.contains("|\n\n`out/r`: its sweep.json was deleted and written again by"
        + " `sweep --resume` at 2026-12-08T09:14:02.118Z from the config whose cells it holds;"
        + " its `created` (2026-12-07T20:53:10.412Z) is the time of layers/wave=0/_SUCCESS, the"
        + " earliest commit found, not when the sweep began (somewhat before it).\n"), md);
    assertTrue(md.contains("\n`out/t`: its sweep.json was deleted and written again by `sweep"
        + " --resume` at 2026-12-08T09:15:00Z from the config whose cells it holds; its"
        + " `created` is null (no commit marker had a time).\n"), md);
    assertFalse(md.contains("`out/s`: its sweep.json"), md);
    JsonNode json = new ObjectMapper().readTree(ProvenanceJson.render(both));
    assertTrue(json.at("/sweep_folders/0/sweep_json_rebuilt").isNull(), json::toString);
    assertEquals("{\"at\":\"2026-12-08T09:14:02.118Z\",\"created\":\"2026-12-07T20:53:10.412Z\","
        + "\"created_from\":\"layers/wave=0/_SUCCESS\"}",
        json.at("/sweep_folders/1/sweep_json_rebuilt").toString());
    assertTrue(json.at("/sweep_folders/2/sweep_json_rebuilt/created").isNull(),
        json::toString);
  }
}
