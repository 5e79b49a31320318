package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
  private static final double[] EDGE_DOUBLES = {
    0.0, -0.0, 1.0, -1.0, 0.1, 1.0 / 3, 1e-5, 1e-300, 1e300, -1e300, 1e-320,
    Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
    Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, 2e23, 9007199254740993.0, 123456789.125,
    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
  };

  @TempDir Path folder;

  @Test
  void doublesReadBackBitExact() throws IOException {
    Table.Builder builder = Table.builder().longColumn("i").doubleColumn("value");
    for (int i = 0; i < EDGE_DOUBLES.length; i++) {
      builder.addRow((long) i, EDGE_DOUBLES[i]);
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // Random bit patterns reach every exponent, subnormals and both signs.
      double value = Double.longBitsToDouble(random.nextLong());
      builder.addRow((long) (EDGE_DOUBLES.length + i), Double.isNaN(value) ? 0.5 : value);
    }
    Table written = builder.build();
    Path file = CsvWriter.write(written, folder.resolve("doubles.csv"));
    Table read = CsvReader.read(file, written.columns());
    assertEquals(written, read);
    double[] expected = written.doubles("value");
    double[] actual = read.doubles("value");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
          "row " + i + ": " + expected[i]);
    }
  }

  @Test
  void writesTheDocumentedTextForms() {
    Table table = Table.builder().doubleColumn("v")
        .addRow(1e-5).addRow(-0.0).addRow(Double.NaN).addRow(Double.POSITIVE_INFINITY)
        .addRow(Double.NEGATIVE_INFINITY).addRow(Double.MIN_VALUE).addRow(0.25).addRow(2e23)
        .build();
    assertEquals("v\n1.0E-5\n-0.0\n\ninf\n-inf\n4.9E-324\n0.25\n2.0E23\n", CsvWriter.toCsv(table));
  }

  /**
   * A boolean column writes the very bytes its former string column of TRUE/FALSE wrote, reads
   * back equal, and refuses any other spelling by record and column.
   */
  @Test
  void booleansAreWrittenAsTheirStringSpellingWasAndReadBack() throws IOException {
    Table booleans = Table.builder().booleanColumn("is_head").longColumn("layer")
        .addRow(false, 1L).addRow(true, 2L).addRow(null, 3L).build();
    Table strings = Table.builder().stringColumn("is_head").longColumn("layer")
        .addRow("FALSE", 1L).addRow("TRUE", 2L).addRow(null, 3L).build();
    assertEquals("is_head,layer\nFALSE,1\nTRUE,2\n,3\n", CsvWriter.toCsv(booleans));
    assertEquals(CsvWriter.toCsv(strings), CsvWriter.toCsv(booleans));
    Path file = CsvWriter.write(booleans, folder.resolve("booleans.csv"));
    assertEquals(booleans, CsvReader.read(file, booleans.columns()));
    Path lower = Files.writeString(folder.resolve("lower.csv"), "is_head,layer\ntrue,1\n");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> CsvReader.read(lower, booleans.columns()));
    assertEquals("record 2, column is_head:boolean: cannot read 'true'", bad.getMessage());
  }

  @Test
  void quotesStringsOnlyWhenNeeded() throws IOException {
    List<String> strings = List.of("plain", "with space", "a,b", "say \"hi\"", "",
        "ünïcødé ∂L/∂x", " padded ", "'single'");
    Table.Builder builder = Table.builder().stringColumn("s").longColumn("n");
    for (int i = 0; i < strings.size(); i++) {
      builder.addRow(strings.get(i), (long) i);
    }
    builder.addRow(null, null);
    Table written = builder.build();
    String csv = CsvWriter.toCsv(written);
    assertTrue(csv.startsWith("s,n\nplain,0\nwith space,1\n\"a,b\",2\nsay 'hi',3\n"
        + "\"\",4\n"), csv);
    assertTrue(csv.endsWith("\n,\n"), csv);
    Path file = CsvWriter.write(written, folder.resolve("strings.csv"));
    assertEquals(csv, Files.readString(file, StandardCharsets.UTF_8));
    Table read = CsvReader.read(file, written.columns());
    assertEquals("say 'hi'", read.getString(3, 0));
    for (int row : new int[] {0, 1, 2, 4, 5, 6, 7, 8}) {
      assertEquals(written.isMissing(row, 0), read.isMissing(row, 0), "row " + row);
      if (!written.isMissing(row, 0)) {
        assertEquals(written.getString(row, 0), read.getString(row, 0), "row " + row);
      }
    }
  }

  /**
   * A double quote in a string is written as a single quote, so no field holds a doubled quote:
   * gnuplot 5.4 ended a quoted field at {@code "",} and read the next columns from the wrong
   * places ({@code "bad value ""1,5"" at 7",4} gave 5 for the column holding 4), without a word.
   */
  @Test
  void doubleQuotesInStringsAreWrittenAsSingleQuotes() throws IOException {
    Table written = Table.builder().stringColumn("message").longColumn("records")
        .doubleColumn("loss")
        .addRow("bad value \"1,5\" at 7", 4L, 0.5)
        .addRow("For input string: \"x\", radix 10", 5L, 1.5)
        .addRow("\"", 6L, 2.5).build();
    Path file = CsvWriter.write(written, folder.resolve("cells.csv"));
    assertEquals(List.of("message,records,loss", "\"bad value '1,5' at 7\",4,0.5",
        "\"For input string: 'x', radix 10\",5,1.5", "',6,2.5"),
        Files.readAllLines(file, StandardCharsets.UTF_8));
    Table read = CsvReader.read(file, written.columns());
    assertEquals("bad value '1,5' at 7", read.getString(0, 0));
    assertArrayEquals(new double[] {0.5, 1.5, 2.5}, read.doubles("loss"));
  }

  /**
   * A failed cell's message with line breaks and tabs (an exception's text) is written on one
   * line, breaks as " | ", so gnuplot and line-based tools see one row per record (gnuplot took
   * a quoted line break for a row's end and dropped both halves); the columns after it read back.
   */
  @Test
  void lineBreaksAndTabsNeverSplitARow() throws IOException {
    List<String> messages = List.of(
        "java.lang.IllegalStateException: layer 3, \"W\"\n\tat a.B.c(B.java:1)\n"
            + "\tat d.E.f(E.java:2)",
        "cr\r\nlf", "two\n\nblank lines", "a\tb", "\n  framed \r\n",
        "vt\u000Bff\fnel\u0085ls\u2028ps\u2029.", "\n", "no break");
    List<String> lines = List.of(
        "java.lang.IllegalStateException: layer 3, 'W' | at a.B.c(B.java:1)"
            + " | at d.E.f(E.java:2)",
        "cr | lf", "two | blank lines", "a | b", "framed", "vt | ff | nel | ls | ps | .", "",
        "no break");
    Table.Builder builder = Table.builder().stringColumn("message").longColumn("records")
        .doubleColumn("loss");
    Table.Builder expected = Table.builder().stringColumn("message").longColumn("records")
        .doubleColumn("loss");
    for (int i = 0; i < messages.size(); i++) {
      builder.addRow(messages.get(i), (long) i, i + 0.5);
      expected.addRow(lines.get(i), (long) i, i + 0.5);
    }
    Table written = builder.build();
    Path file = CsvWriter.write(written, folder.resolve("cells.csv"));
    List<String> physical = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(1 + messages.size(), physical.size(), String.join("\n", physical));
    assertEquals("\"java.lang.IllegalStateException: layer 3, 'W' | at a.B.c(B.java:1)"
        + " | at d.E.f(E.java:2)\",0,0.5", physical.get(1));
    for (String line : physical) {
      assertTrue(line.chars().noneMatch(c -> c == '\t' || c == '\r'), line);
    }
    assertEquals(expected.build(), CsvReader.read(file, written.columns()));
  }

  @Test
  void headerKeepsTableOrder() throws IOException {
    Table table = Table.builder().doubleColumn("zeta").stringColumn("alpha").longColumn("mid")
        .addRow(1.0, "a", 2L).build();
    Path file = CsvWriter.write(table, folder.resolve("order.csv"));
    assertEquals("zeta,alpha,mid", Files.readAllLines(file).get(0));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.read(file,
        List.of(Column.string("alpha"), Column.doubles("zeta"), Column.longs("mid"))));
  }

  @Test
  void refusesToOverwriteUnlessTold() throws IOException {
    Table first = Table.builder().longColumn("n").addRow(1L).build();
    Table second = Table.builder().longColumn("n").addRow(2L).build();
    Path file = CsvWriter.write(first, folder.resolve("sub/dir/t.csv"));
    assertThrows(FileAlreadyExistsException.class, () -> CsvWriter.write(second, file));
    assertEquals("n\n1\n", Files.readString(file));
    CsvWriter.write(second, file, IfExists.REPLACE);
    assertEquals("n\n2\n", Files.readString(file));
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertEquals(List.of(file), left.toList(), "no temporary files left behind");
    }
  }

  @Test
  void ignoresTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      Table table = Table.builder().doubleColumn("x").longColumn("n")
          .addRow(1234.5, 1234567L).addRow(0.001, -2L).build();
      String csv = CsvWriter.toCsv(table);
      assertEquals("x,n\n1234.5,1234567\n0.001,-2\n", csv);
      Path file = CsvWriter.write(table, folder.resolve("de.csv"));
      assertEquals(table, CsvReader.read(file, table.columns()));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void singleColumnMissingValuesAreBlankLines() {
    Table table = Table.builder().doubleColumn("x").addRow(1.0).addRow(Double.NaN).addRow(2.0)
        .build();
    String csv = CsvWriter.toCsv(table);
    assertEquals("x\n1.0\n\n2.0\n", csv);
    assertEquals(table, CsvReader.read(csv, table.columns()));
  }

  @Test
  void headerOnlyForAnEmptyTable() {
    Table table = Table.builder().doubleColumn("x").longColumn("y").build();
    assertEquals("x,y\n", CsvWriter.toCsv(table));
    assertEquals(table, CsvReader.read("x,y\n", table.columns()));
  }

  @Test
  void writesUtf8WithoutByteOrderMark() throws IOException {
    Table table = Table.builder().stringColumn("s").addRow("σ²").build();
    byte[] bytes = Files.readAllBytes(CsvWriter.write(table, folder.resolve("u.csv")));
    assertArrayEquals("s\nσ²\n".getBytes(StandardCharsets.UTF_8), bytes);
  }
}
