package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private static Table.Builder layers() {
    return Table.builder().stringColumn("init").longColumn("layer").doubleColumn("variance");
  }

  @Test
  void storesRowsByColumnWithMissingValues() {
    Table table = layers()
        .addRow("xavier_normal", 1L, 0.5)
        .addRow(null, null, null)
        .addRow("normal", 3, 2.0f)
        .build();
    assertEquals(3, table.rowCount());
    assertEquals(List.of("init", "layer", "variance"), table.columnNames());
    assertEquals(List.of("xavier_normal", 1L, 0.5), table.row(0));
    assertEquals(Arrays.asList(null, null, null), table.row(1));
    assertTrue(table.isMissing(1, 1));
    assertTrue(Double.isNaN(table.getDouble(1, 2)));
    assertThrows(IllegalStateException.class, () -> table.getLong(1, 1));
    assertEquals(3L, table.getLong(2, 1));
    assertArrayEquals(new double[] {1, Double.NaN, 3}, table.doubles("layer"));
    assertThrows(IllegalStateException.class, () -> table.longs("layer"));
    assertArrayEquals(new String[] {"xavier_normal", null, "normal"}, table.strings("init"));
  }

  @Test
  void rejectsValuesOfTheWrongTypeAndLeavesTheBuilderUnchanged() {
    Table.Builder builder = layers().addRow("a", 1L, 1.0);
    IllegalArgumentException wrong =
        assertThrows(IllegalArgumentException.class, () -> builder.addRow(1L, "a", 1.0));
    assertTrue(wrong.getMessage().contains("init"), wrong.getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.addRow("a", 1.5, 1.0));
    assertThrows(IllegalArgumentException.class, () -> builder.addRow("a", 1L));
    assertEquals(1, builder.rowCount());
    assertEquals(1, builder.build().rowCount());
  }

  @Test
  void acceptsLongsInDoubleColumnsOnlyWhenExact() {
    Table.Builder builder = Table.builder().doubleColumn("x");
    builder.addRow(1L << 53);
    assertThrows(IllegalArgumentException.class, () -> builder.addRow((1L << 53) + 1));
    assertThrows(IllegalArgumentException.class, () -> builder.addRow(Long.MAX_VALUE));
  }

  @Test
  void rejectsBadColumnsAndColumnsAfterRows() {
    assertThrows(IllegalArgumentException.class, () -> Column.doubles("has space"));
    assertThrows(IllegalArgumentException.class, () -> Column.doubles("1st"));
    assertThrows(IllegalArgumentException.class, () -> layers().doubleColumn("init"));
    Table.Builder builder = layers().addRow("a", 1L, 1.0);
    assertThrows(IllegalStateException.class, () -> builder.doubleColumn("late"));
    assertThrows(IllegalArgumentException.class, () -> builder.build().columnIndex("nope"));
  }

  @Test
  void equalityIsBitExactOnDoubles() {
    Table positiveZero = Table.builder().doubleColumn("x").addRow(0.0).build();
    Table negativeZero = Table.builder().doubleColumn("x").addRow(-0.0).build();
    assertNotEquals(positiveZero, negativeZero);
    Table nan = Table.builder().doubleColumn("x").addRow(Double.NaN).build();
    Table missing = Table.builder().doubleColumn("x").addRow((Object) null).build();
    assertEquals(nan, missing);
    assertEquals(nan.hashCode(), missing.hashCode());
  }

  @Test
  void buildSnapshotsSoLaterRowsDoNotLeakIn() {
    Table.Builder builder = layers();
    for (int i = 0; i < 100; i++) {
      builder.addRow("s" + i, (long) i, i * 0.5);
    }
    Table first = builder.build();
    builder.addRow("later", 100L, 1.0);
    assertEquals(100, first.rowCount());
    assertEquals(101, builder.build().rowCount());
    assertEquals(49.5, first.getDouble(99, 2));
    assertFalse(first.equals(builder.build()));
  }

  @Test
  void missingLongsCompareEqualWhateverLiesUnderThem() {
    Table a = Table.builder().longColumn("n").addRow((Object) null).addRow(2L).build();
    Table b = Table.builder().longColumn("n").addRow((Object) null).addRow(2).build();
    assertEquals(a, b);
    assertNull(a.value(0, 0));
  }

  @Test
  void booleanColumnsTakeBooleansOrTheirCsvSpellingAndNothingElse() {
    Table t = Table.builder().booleanColumn("b").addRow(true).addRow("FALSE")
        .addRow((Object) null).build();
    assertTrue(t.getBoolean(0, 0));
    assertFalse(t.getBoolean(1, 0));
    assertTrue(t.isMissing(2, 0));
    assertThrows(IllegalStateException.class, () -> t.getBoolean(2, 0));
    assertEquals("TRUE", t.getString(0, 0), "held and given as written");
    assertArrayEquals(new String[] {"TRUE", "FALSE", null}, t.strings("b"));
    assertEquals(Column.booleans("b"), t.columns().get(0));
    for (Object bad : new Object[] {"true", "yes", 1L}) {
      assertThrows(IllegalArgumentException.class,
          () -> Table.builder().booleanColumn("b").addRow(bad));
    }
    Table s = Table.builder().stringColumn("b").addRow("TRUE").addRow("FALSE")
        .addRow((Object) null).build();
    assertNotEquals(s, t, "a string column is not a boolean one");
    assertThrows(IllegalArgumentException.class, () -> s.getBoolean(0, 0));
  }
}
