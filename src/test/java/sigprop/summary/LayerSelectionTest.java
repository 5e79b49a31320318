package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LayerSelectionTest {
  static List<Integer> kept(LayerSelection s, int depth) {
    return IntStream.rangeClosed(1, depth + 1).filter(l -> s.keeps(l, depth)).boxed().toList();
  }

  /**
   * Of the rows a first selection kept, spread:N spreads over the hidden layers they hold: after
   * --layers every:10 of a 500-layer net, spreading over the whole net kept 3 of the 5 layers.
   */
  @Test
  void spreadOverRowsSpreadsOverTheLayersTheyHold() {
    Configuration deep = new Configuration("s", "e", "deep", 0, "deep", 500, List.of(),
        new StatusCounts(1, 1, 0, 0));
    Configuration shallow = new Configuration("s", "e", "shallow", 1, "shallow", 4, List.of(),
        new StatusCounts(1, 1, 0, 0));
    LayerSelection every10 = LayerSelection.parse("every:10");
    List<LayerRow> rows = new ArrayList<>();
    for (int l = 1; l <= 501; l++) {
      if (every10.keeps(l, 500)) {
        rows.add(row(deep, l, l == 501));
      }
    }
    for (int l = 1; l <= 5; l++) {
      rows.add(row(shallow, l, l == 5));
    }
    List<LayerRow> kept = LayerSelection.parse("spread:5").kept(rows);
    assertEquals(List.of(1, 131, 251, 381, 500), layers(kept, deep));
    assertEquals(List.of(1, 2, 3, 4), layers(kept, shallow), "every hidden layer, no head");
    assertEquals(List.of(1, 251, 500), layers(LayerSelection.parse("spread:3").kept(rows), deep));
  }

  private static LayerRow row(Configuration c, int layer, boolean head) {
    return new LayerRow(c, new LayerKey("s", c.configId(), 0, layer, head, "output"),
        new LayerSummary(1, 1, Collections.nCopies(LayerStatistic.ALL.size(),
            SeedStatistics.MISSING), null), TheoryColumns.NONE);
  }

  private static List<Integer> layers(List<LayerRow> rows, Configuration c) {
    return rows.stream().filter(r -> r.config().equals(c)).map(r -> r.key().layer()).toList();
  }

  @Test
  void parsesTheThreeForms() {
    assertTrue(LayerSelection.parse("all").isAll());
    assertEquals(List.of(1, 2, 5, 10, 11, 12), LayerSelection.parse("5, 1,2,10-12").layers());
    assertEquals(3, LayerSelection.parse("every:3").every());
    assertEquals(5, LayerSelection.parse("spread:5").spread());
  }

  /** spread:5 keeps the hidden layers a histogram figure draws, the head not. */
  @Test
  void spreadKeepsTheFigureLayers() {
    LayerSelection spread = LayerSelection.parse("spread:5");
    assertEquals(List.of(1, 126, 251, 375, 500), kept(spread, 500));
    assertEquals(List.of(1, 2, 3, 4), kept(spread, 4));
    assertEquals(List.of(1, 2, 4, 5, 6), kept(spread, 6), "2.5 rounds up, as the figures do");
    assertEquals(List.of(1, 2, 4, 5, 6, 8, 9), kept(LayerSelection.parse("spread:7"), 9));
    assertEquals("spread:5", spread.toString());
  }

  @Test
  void everyKthKeepsTheEnds() {
    assertEquals(List.of(1, 4, 7, 10, 11), kept(LayerSelection.parse("every:3"), 10));
    assertEquals(List.of(1, 3, 4, 5), kept(LayerSelection.parse("every:2"), 4));
    assertEquals(List.of(2, 5), kept(LayerSelection.parse("2,5,60"), 10));
    assertFalse(LayerSelection.parse("2").keeps(1, 4));
  }

  @Test
  void badFormsNameTheArgument() {
    for (String bad : List.of("", "every:0", "every:x", "0", "-1", "3-1", "a,b", "1,,2",
        "spread:1", "spread:0", "spread:")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LayerSelection.parse(bad));
      assertTrue(e.getMessage().startsWith("--layers"), e.getMessage());
    }
  }
}
