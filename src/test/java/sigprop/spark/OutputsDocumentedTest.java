package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every column of the sweep's tables is documented in docs/OUTPUTS.md, with its type. */
class OutputsDocumentedTest {
  private static final Pattern NAME = Pattern.compile("`([a-z0-9_]+)`");

  @Test
  void everyColumnOfTheCellsLayersAndTheoryTablesIsDocumentedWithItsType() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/OUTPUTS.md"));
    List<String> problems = new ArrayList<>();
    List<StructField> fields = new ArrayList<>();
    for (StructType schema : List.of(CellTable.SCHEMA, LayerTable.SCHEMA,
        TheoryTableRows.SCHEMA)) {
      fields.addAll(List.of(schema.fields()));
    }
    // The partition column every reader of cells/ and layers/ sees.
    fields.add(DataTypes.createStructField("wave", DataTypes.IntegerType, false));
    for (StructField f : fields) {
      String expected = typeName(f.dataType());
      boolean typed = false;
      for (String line : lines) {
        String[] cells = line.split("\\|");
        if (!line.startsWith("|") || cells.length < 3 || !names(cells[1]).contains(f.name())) {
          continue;
        }
        String type = cells[2].trim();
        if (type.equals(expected)) {
          typed = true;
        } else if (!type.isEmpty()) { // empty: "as above"
          problems.add(f.name() + " documented as '" + type + "', written as " + expected);
        }
      }
      if (!typed) {
        problems.add(f.name() + " (" + expected + ") has no table row giving its type");
      }
    }
    assertEquals(List.of(), problems, "columns of docs/OUTPUTS.md");
  }

  private static List<String> names(String cell) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(cell);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String typeName(DataType t) {
    if (t instanceof ArrayType a) {
      return "array<" + typeName(a.elementType()) + ">";
    }
    if (t.equals(DataTypes.LongType)) {
      return "long";
    }
    if (t.equals(DataTypes.IntegerType)) {
      return "int";
    }
    return t.typeName(); // string, double, boolean
  }
}
