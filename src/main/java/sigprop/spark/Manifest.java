package sigprop.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import sigprop.experiment.SweepPlan;
import sigprop.summary.SummaryProvenance;

/**
 * {@code sweep.json}: what a sweep's data came from — the config text and hash (after
 * overrides), the code and schema versions, the cell count — so results stay interpretable and a
 * resume can refuse a changed config.
 */
final class Manifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /** A new sweep's manifest, {@code created} now. */
  static String of(SweepPlan plan) throws JsonProcessingException {
    return JSON.writeValueAsString(node(plan, Instant.now().toString(), null));
  }

  /**
   * The manifest of a sweep whose {@code sweep.json} was gone, written again by --resume from
   * the config its data prove. When the sweep began is not known: {@code created} is the
   * earliest commit found ({@code earliest}; null when none), which it began before, and
   * {@code rebuilt} says so: when the file was written again, and which marker's time
   * {@code created} is.
   */
  static String rebuilt(SweepPlan plan, SweepOutput.Commit earliest)
      throws JsonProcessingException {
    ObjectNode rebuilt = JSON.createObjectNode();
    rebuilt.put("at", Instant.now().toString());
    rebuilt.put("created_from", earliest == null ? null : earliest.marker());
    return JSON.writeValueAsString(
        node(plan, earliest == null ? null : earliest.time().toString(), rebuilt));
  }

  /** The manifest's fields; {@code rebuilt} (or none) beside the {@code created} it qualifies. */
  private static ObjectNode node(SweepPlan plan, String created, ObjectNode rebuilt) {
    ObjectNode n = JSON.createObjectNode();
    n.put("sweep", plan.sweep());
    n.put("schema_version", CellTable.SCHEMA_VERSION);
    n.put("code_version", CodeVersion.get());
    n.put("config_hash", plan.configHash());
    n.put("config_source", plan.source());
    n.putPOJO("overrides", plan.overrides());
    n.put("cells", plan.cellCount());
    n.put("created", created);
    if (rebuilt != null) {
      n.set("rebuilt", rebuilt);
    }
    n.put("config_text", plan.configText());
    n.put("canonical_config", plan.canonicalConfig());
    return n;
  }

  /**
   * What the {@code sweep.json} of {@code folder} says of being written again by --resume, or
   * null when it was not (no {@code rebuilt} field) or cannot be read (the summary does not
   * depend on it).
   */
  static SummaryProvenance.Rebuilt rebuiltOf(String folder, Configuration conf) {
    Path manifest = new Path(folder, SweepOutput.MANIFEST);
    try (InputStream in = manifest.getFileSystem(conf).open(manifest)) {
      JsonNode n = JSON.readTree(in);
      JsonNode r = n.path("rebuilt");
      return r.isObject() ? new SummaryProvenance.Rebuilt(r.path("at").asText(null),
          n.path("created").asText(null), r.path("created_from").asText(null)) : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  /** The code version recorded in a manifest's text ("" if none). */
  static String codeVersion(String manifest) throws JsonProcessingException {
    return JSON.readTree(manifest).path("code_version").asText("");
  }

  /** The schema version recorded in a manifest's text (0 if none). */
  static int schemaVersion(String manifest) throws JsonProcessingException {
    return JSON.readTree(manifest).path("schema_version").asInt(0);
  }

  /** The cell count recorded in a manifest's text (-1 if none). */
  static long cells(String manifest) throws JsonProcessingException {
    return JSON.readTree(manifest).path("cells").asLong(-1);
  }

  /** The canonical config recorded in a manifest's text ("" if none). */
  static String canonicalConfig(String manifest) throws JsonProcessingException {
    return JSON.readTree(manifest).path("canonical_config").asText("");
  }

  /** The config hash recorded in a manifest's text. */
  static String configHash(String manifest) throws JsonProcessingException {
    JsonNode n = JSON.readTree(manifest);
    return n.path("config_hash").asText("");
  }
}
