package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /**
   * Ten cells, the first of which carries 91 % of the work (run first, most expensive first):
   * after it, 10 s elapsed, the rest takes about 1 s, not the 90 s that counting cells says.
   */
  @Test
  void theEtaWeighsCellsByTheirWork() {
    ProgressListener p = new ProgressListener(out, 10, () -> 1, 100.0, () -> 91.0);
    assertEquals("0:01", p.eta(10.0, 1, 91.0));
    assertEquals("0:10", p.eta(10.0, 5, 50.0));
    assertEquals("1:30", p.eta(10.0, 9, 10.0));
  }

  @Test
  void noEtaBeforeAnyWorkAndNoneLeftAtTheEnd() {
    ProgressListener p = new ProgressListener(out, 4, () -> 0, 8.0, () -> 0.0);
    assertEquals("?", p.eta(3.0, 0, 0.0));
    assertEquals("?", p.eta(3.0, 1, 0.0), "cells of no estimated work");
    assertEquals("0:00", p.eta(3.0, 4, 8.0));
    assertEquals("1:01:01", ProgressListener.clock(3661));
  }

  /**
   * A line per count of cells done, none before the first: on a cluster whose executor was
   * killed, the lost attempt's end came first and printed "0/48 cells (0%)", a line of no
   * progress.
   */
  @Test
  void aLineIsPrintedOncePerCountOfCellsDoneAndNoneBeforeTheFirst() {
    AtomicLong done = new AtomicLong();
    ProgressListener p = new ProgressListener(out, 2, done::get, 2.0, () -> done.get() * 1.0);
    p.report(); // a failed attempt ends: no cell done
    p.report();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    done.set(1);
    p.report();
    p.report();
    done.set(2);
    p.report();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(2, text.lines().count(), text);
    assertTrue(text.startsWith("sigprop: 1/2 cells (50%), elapsed 0:00, ETA "), text);
    assertTrue(text.contains("sigprop: 2/2 cells (100%), elapsed 0:00, ETA 0:00"), text);
  }
}
