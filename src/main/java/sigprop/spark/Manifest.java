package sigprop.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import sigprop.experiment.SweepPlan;

/**
 * {@code sweep.json}: what a sweep's data came from — the config text and hash (after
 * overrides), the code and schema versions, the cell count — so results stay interpretable and a
 * resume can refuse a changed config.
 */
final class Manifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  static String of(SweepPlan plan) throws JsonProcessingException {
    ObjectNode n = JSON.createObjectNode();
    n.put("sweep", plan.sweep());
    n.put("schema_version", CellTable.SCHEMA_VERSION);
    n.put("code_version", CodeVersion.get());
    n.put("config_hash", plan.configHash());
    n.put("config_source", plan.source());
    n.putPOJO("overrides", plan.overrides());
    n.put("cells", plan.cellCount());
    n.put("created", Instant.now().toString());
    n.put("config_text", plan.configText());
    n.put("canonical_config", plan.canonicalConfig());
    return JSON.writeValueAsString(n);
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
