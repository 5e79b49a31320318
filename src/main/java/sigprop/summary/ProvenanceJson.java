package sigprop.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * {@code provenance.json}: the facts of a summary's "How this summary was made" for scripts that
 * post-process many summaries, from the same {@link SummaryProvenance} as schema.md's section.
 * Layers are listed in full (schema.md writes regular runs compactly); the keys are in a fixed
 * order, so the same summary gives the same bytes but for {@code date}.
 */
public final class ProvenanceJson {
  private ProvenanceJson() {}

  /** The JSON text, indented by two spaces, {@code \n} line ends, a final line end. */
  public static String render(SummaryProvenance p) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter));
      json.writeStartObject();
      json.writeStringField("command", p.command());
      json.writeObjectFieldStart("options");
      strings(json, "experiments", p.experiments());
      strings(json, "sites", p.sites());
      json.writeStringField("layers", SummaryProvenance.spec(p.layers()));
      json.writeStringField("histogram_layers", SummaryProvenance.spec(p.histogramLayers()));
      json.writeBooleanField("figures", p.figures());
      json.writeStringField("facet", p.facet());
      json.writeEndObject();
      json.writeObjectFieldStart("tables");
      layers(json, "layers.csv", p.tableLayers());
      layers(json, "histograms.csv", p.histogramTableLayers());
      json.writeEndObject();
      json.writeArrayFieldStart("sweep_folders");
      for (SummaryProvenance.Source s : p.sources()) {
        json.writeStartObject();
        json.writeStringField("folder", s.folder());
        strings(json, "sweeps", s.sweeps());
        strings(json, "config_hashes", s.configHashes());
        strings(json, "code_versions", s.codeVersions());
        counts(json, s.counts());
        rebuilt(json, s.rebuilt());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("configurations");
      for (Configuration c : p.configurations()) {
        json.writeStartObject();
        json.writeNumberField("config_index", c.index());
        json.writeStringField("sweep", c.sweep());
        json.writeStringField("experiment", c.experiment());
        json.writeStringField("config_id", c.configId());
        json.writeStringField("config_label", c.label());
        json.writeNumberField("depth", c.depth());
        counts(json, c.counts());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringField("build", p.build());
      json.writeStringField("date", p.date());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text + "\n";
  }

  private static void strings(JsonGenerator json, String name, Collection<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String v : values) {
      json.writeString(v);
    }
    json.writeEndArray();
  }

  /** A table's layers per depth: {@code "layers.csv": [{"depth": 4, "head": 5, "layers": […]}]}. */
  private static void layers(JsonGenerator json, String table,
      SortedMap<Integer, SortedSet<Integer>> byDepth) throws IOException {
    json.writeArrayFieldStart(table);
    for (var e : byDepth.entrySet()) {
      json.writeStartObject();
      json.writeNumberField("depth", e.getKey());
      json.writeNumberField("head", e.getKey() + 1);
      json.writeArrayFieldStart("layers");
      for (int layer : e.getValue()) {
        json.writeNumber(layer);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /**
   * {@code "sweep_json_rebuilt": {"at": …, "created": …, "created_from": …}}, or null when the
   * folder's sweep.json was never written again.
   */
  private static void rebuilt(JsonGenerator json, SummaryProvenance.Rebuilt r)
      throws IOException {
    if (r == null) {
      json.writeNullField("sweep_json_rebuilt");
      return;
    }
    json.writeObjectFieldStart("sweep_json_rebuilt");
    json.writeStringField("at", r.at());
    json.writeStringField("created", r.created());
    json.writeStringField("created_from", r.createdFrom());
    json.writeEndObject();
  }

  /** The cells by status: {@code cells} (all of them, pooled), {@code ok} (averaged), … */
  private static void counts(JsonGenerator json, StatusCounts n) throws IOException {
    json.writeNumberField("cells", n.seeds());
    json.writeNumberField("ok", n.ok());
    json.writeNumberField("diverged", n.diverged());
    json.writeNumberField("failed", n.failed());
  }
}
