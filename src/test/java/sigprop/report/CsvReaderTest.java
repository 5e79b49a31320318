package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<List<String>> records(String csv) throws IOException {
    return CsvReader.readRecords(new StringReader(csv));
  }

  @Test
  void splitsRecordsAndKeepsQuotedEmptyApartFromMissing() throws IOException {
    assertEquals(List.of(List.of("a", "b"), Arrays.asList("", null)), records("a,b\n\"\",\n"));
    assertEquals(List.of(List.of("x,y", "q\"q", "l1\nl2")),
        records("\"x,y\",\"q\"\"q\",\"l1\nl2\""));
  }

  @Test
  void acceptsCrLfAndAByteOrderMark() throws IOException {
    assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), records("\uFEFFa,b\r\n1,2\r\n"));
  }

  @Test
  void readsInfinitiesWhicheverCase() {
    List<Column> columns = List.of(Column.doubles("v"));
    Table table = CsvReader.read("v\ninf\n-inf\nInf\n-INF\n", columns);
    assertEquals(Double.POSITIVE_INFINITY, table.getDouble(0, 0));
    assertEquals(Double.NEGATIVE_INFINITY, table.getDouble(1, 0));
    assertEquals(Double.POSITIVE_INFINITY, table.getDouble(2, 0));
    assertEquals(Double.NEGATIVE_INFINITY, table.getDouble(3, 0));
  }

  @Test
  void rejectsMalformedInputNamingWhere() {
    assertThrows(IllegalArgumentException.class, () -> records("a\"b\n"));
    assertThrows(IllegalArgumentException.class, () -> records("\"open\n"));
    assertThrows(IllegalArgumentException.class, () -> records("\"a\"b\n"));
    assertThrows(IllegalArgumentException.class, () -> records("a\rb\n"));
    List<Column> columns = List.of(Column.longs("n"), Column.doubles("v"));
    IllegalArgumentException shortRow =
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read("n,v\n1\n", columns));
    assertEquals("record 2 has 1 fields for 2 columns", shortRow.getMessage());
    IllegalArgumentException notANumber =
        assertThrows(IllegalArgumentException.class, () -> CsvReader.read("n,v\nx,1\n", columns));
    assertEquals("record 2, column n:long: cannot read 'x'", notANumber.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CsvReader.read("", columns));
  }
}
