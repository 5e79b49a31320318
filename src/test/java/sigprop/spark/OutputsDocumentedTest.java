package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every column of the sweep's tables is documented in docs/OUTPUTS.md. */
class OutputsDocumentedTest {
  @Test
  void everyColumnOfTheCellsLayersAndTheoryTablesIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/OUTPUTS.md"));
    List<String> missing = new ArrayList<>();
    for (StructType schema : List.of(CellTable.SCHEMA, LayerTable.SCHEMA,
        TheoryTableRows.SCHEMA)) {
      for (String name : schema.fieldNames()) {
        if (!doc.contains("`" + name + "`")) {
          missing.add(name);
        }
      }
    }
    assertEquals(List.of(), missing, "columns without a line in docs/OUTPUTS.md");
  }
}
