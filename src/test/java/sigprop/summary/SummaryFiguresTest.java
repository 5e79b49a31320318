package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the variance figures say of a configuration they cannot draw. */
class SummaryFiguresTest {
  private static Configuration config(StatusCounts counts) {
    return new Configuration("s", "e", "c", 0, "init=normal(std=1.0E10)", 30, List.of(), counts);
  }

  @Test
  void aConfigurationWithoutLineSaysWhyInTheLegend() {
    assertEquals("not drawn: 0 of 3 seeds ok, 3 diverged",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 3, 0))));
    assertEquals("not drawn: 0 of 3 seeds ok, 2 diverged, 1 failed",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 2, 1))));
    assertEquals("not drawn: no finite value",
        SummaryFigures.notDrawn(config(new StatusCounts(2, 2, 0, 0))));
  }
}
