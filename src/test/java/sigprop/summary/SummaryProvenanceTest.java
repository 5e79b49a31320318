package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SummaryProvenanceTest {
  @Test
  void layersAreWrittenAsRanges() {
    assertEquals("1-4, 7, 9-10", SummaryProvenance.ranges(new TreeSet<>(List.of(9, 1, 2, 3, 4,
        7, 10))));
    assertEquals("5", SummaryProvenance.ranges(new TreeSet<>(List.of(5))));
    assertEquals("", SummaryProvenance.ranges(new TreeSet<>()));
  }

  @Test
  void aSelectionIsWrittenAsTheOptionTakesIt() {
    assertEquals("1-2,10-20", SummaryProvenance.spec(LayerSelection.parse("1,2,10-20")));
    assertEquals("every:10", SummaryProvenance.spec(LayerSelection.parse("every:10")));
    assertEquals("spread:5", SummaryProvenance.spec(LayerSelection.parse("spread:5")));
    assertEquals("all", SummaryProvenance.spec(LayerSelection.ALL));
  }
}
