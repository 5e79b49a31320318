package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaWriterTest {
  private static final Table TABLE = Table.builder().stringColumn("init").longColumn("layer")
      .doubleColumn("variance_mean").build();
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "init", "initialization scheme, e.g. `xavier_normal`",
      "layer", "hidden layer, 1 = nearest the input",
      "variance_mean", "mean over seeds of the per-layer variance | of the output\n(no units)");

  @TempDir Path folder;

  @Test
  void describesEveryColumnInOrderBesideTheCsv() throws IOException {
    TableSchema schema = TableSchema.of("layers", "configuration and layer", TABLE, DESCRIPTIONS);
    Path csv = CsvWriter.write(TABLE, folder.resolve("layers.csv"));
    Path written = SchemaWriter.writeBeside(csv, schema, IfExists.FAIL);
    assertEquals(folder.resolve("layers.schema.md"), written);
    String text = Files.readString(written);
    assertTrue(text.startsWith("# layers.csv\n\nOne row per configuration and layer.\n"), text);
    int init = text.indexOf("| `init` | string | initialization scheme");
    int layer = text.indexOf("| `layer` | long | hidden layer");
    int variance = text.indexOf("| `variance_mean` | double | mean over seeds of the per-layer "
        + "variance \\| of the output (no units) |");
    assertTrue(init > 0 && layer > init && variance > layer, text);
    assertTrue(text.contains("`inf`/`-inf`"), text);
    assertThrows(FileAlreadyExistsException.class,
        () -> SchemaWriter.writeBeside(csv, schema, IfExists.FAIL));
  }

  @Test
  void typesABooleanColumnAsBoolean() {
    Table table = Table.builder().booleanColumn("is_head").addRow(true).build();
    String text = SchemaWriter.render("t", List.of(TableSchema.of("layers", "layer", table,
        Map.of("is_head", "TRUE for the head"))));
    assertTrue(text.contains("| `is_head` | boolean | TRUE for the head |"), text);
    assertTrue(text.contains("Booleans are `TRUE` or `FALSE`"), text);
  }

  @Test
  void writesOneFileForSeveralTables() throws IOException {
    TableSchema layers = TableSchema.of("layers", "configuration and layer", TABLE, DESCRIPTIONS);
    TableSchema cells = new TableSchema("cells", "cell", List.of(Column.longs("seed")),
        Map.of("seed", "the seed"));
    Path file = SchemaWriter.write(
        folder.resolve("schema.md"), "hw7 summary", List.of(layers, cells), IfExists.REPLACE);
    String text = Files.readString(file);
    assertTrue(text.startsWith("# hw7 summary\n"), text);
    assertTrue(text.indexOf("## layers.csv") < text.indexOf("## cells.csv"), text);
    assertTrue(text.contains("| `seed` | long | the seed |"), text);
  }

  @Test
  void refusesMissingOrStaleDescriptions() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> TableSchema.of("t", "row", TABLE, Map.of("init", "x", "layer", "y", "old", "z")));
    assertEquals("table 't': columns without a description [variance_mean], "
        + "descriptions of no column [old]", missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TableSchema.of(
        "t", "row", TABLE, Map.of("init", " ", "layer", "y", "variance_mean", "z")));
  }
}
