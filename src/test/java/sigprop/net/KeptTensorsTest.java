package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class KeptTensorsTest {
  @Test
  void packsTensorsEndToEndIntoSlabsOfAtMost32MiB() {
    int quarter = KeptTensors.SLAB_DOUBLES / 4; // 512 × 2048 doubles
    int[] lengths = {quarter, quarter, quarter, quarter, quarter, 7, KeptTensors.SLAB_DOUBLES + 1,
        5};
    KeptTensors t = new KeptTensors(lengths);
    // Four quarters fill the first slab exactly; the fifth starts the next, with the 7.
    for (int i = 1; i < 4; i++) {
      assertSame(t.array(0), t.array(i));
      assertEquals(i * quarter, t.offset(i));
    }
    assertEquals(KeptTensors.SLAB_DOUBLES, t.array(0).length);
    assertNotSame(t.array(3), t.array(4));
    assertSame(t.array(4), t.array(5));
    assertEquals(quarter, t.offset(5));
    assertEquals(quarter + 7, t.array(4).length, "a slab is only as large as what it holds");
    // A tensor larger than a slab gets an array of its own size.
    assertEquals(KeptTensors.SLAB_DOUBLES + 1, t.array(6).length);
    assertEquals(0, t.offset(7));
    assertEquals(5, t.array(7).length);
    long total = 0;
    for (int n : lengths) {
      total += n;
    }
    assertEquals(total, t.doubles());
  }
}
