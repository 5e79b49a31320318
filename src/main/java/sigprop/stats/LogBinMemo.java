package sigprop.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LogBins#slotOfBits} memoized per cell of (true binary exponent, sign, top 8 mantissa
 * bits): one table load gives a value's slot, instead of a log per value.
 *
 * <p>A cell's values span 1/256 of an octave (0.0017 decades); when the exact formula gives its
 * two ends the same position, with a margin of 1e-9 bins far above the formula's rounding, every
 * value inside gets that position too, so the memo returns exactly what the formula would. Cells
 * that straddle a bin edge (about 1.7%·binsPerDecade/10 of them) are marked and computed per value.
 * The first row holds only tiny values and the last only huge ones, so exponents beyond the table
 * clamp to them.
 *
 * <p>One table per spec and JVM, covering the true exponents that can reach a bin (5.4 MB for
 * {@link LogBins#DEFAULT}), filled when made (about 20 ms) and published through a concurrent
 * map, so threads read it without locks and the lookup needs no "not yet known" branch.
 */
final class LogBinMemo {
  /** Tables above 2^22 entries (16 MB) are not worth their memory; such specs bin directly. */
  private static final int MAX_CELLS = 1 << 22;
  private static final int STRADDLES = -1;
  private static final double MARGIN = 1e-9;
  private static final ConcurrentHashMap<LogBins, LogBinMemo> MEMOS = new ConcurrentHashMap<>();

  private final int d;
  private final double scale;
  private final double offset;
  /** The true exponent of row 0. */
  private final int lowExponent;
  private final int rows;
  /**
   * Per cell (row &lt;&lt; 9 | sign &lt;&lt; 8 | top mantissa bits): its slot, or STRADDLES; one
   * more cell at the end for ±0.
   */
  private final int[] cells;

  private LogBinMemo(LogBins spec) {
    d = spec.binsPerSide();
    scale = spec.positionScale();
    offset = spec.positionOffset();
    lowExponent = (int) Math.floor(spec.minDecade() * Pow2.LOG2_10) - 2;
    rows = (int) Math.ceil(spec.maxDecade() * Pow2.LOG2_10) + 2 - lowExponent + 1;
    cells = new int[(rows << 9) + 1];
    for (int index = 0; index < rows << 9; index++) {
      cells[index] = cell(index);
    }
    cells[zeroCell()] = d + 2;
  }

  /** The shared memo of a spec, or null when its table would be too large. */
  static LogBinMemo of(LogBins spec) {
    double rows = (spec.maxDecade() - spec.minDecade()) * Pow2.LOG2_10 + 6;
    return rows * 512 > MAX_CELLS ? null : MEMOS.computeIfAbsent(spec, LogBinMemo::new);
  }

  /**
   * Counts the slot of every value of a[from, to) (finite, at most {@code cells.length} of them,
   * true value a[i]·2^log2Scale) into {@code counts}: the kernel finds each value's cell on
   * vector lanes, then one table load per value gives the slot. {@code subnormals} says whether
   * the block may hold any; such blocks take a slower exact path, checked per value.
   */
  void count(double[] a, int from, int to, int log2Scale, boolean subnormals, long[] counts,
      BlockKernel kernel, long[] cellScratch) {
    // Beyond ±2^24 every value is tiny or huge; clamping keeps the int sum from overflowing.
    int rowOffset = Math.max(-(1 << 24), Math.min(1 << 24, log2Scale)) - 1023 - lowExponent;
    double exponentOffset = log2Scale - 1023.0;
    if (subnormals) {
      for (int i = from; i < to; i++) {
        long bits = Double.doubleToRawLongBits(a[i]);
        counts[LogBins.isSubnormal(bits)
            ? LogBins.slotOfBits(bits, exponentOffset, scale, offset, d)
            : slotOfNormal(bits, rowOffset, exponentOffset)]++;
      }
      return;
    }
    kernel.logCells(a, from, to, rowOffset, rows - 1, zeroCell(), cellScratch);
    int[] table = cells;
    for (int i = from; i < to; i++) {
      int slot = table[(int) cellScratch[i - from]];
      if (slot == STRADDLES) {
        slot = LogBins.slotOfBits(Double.doubleToRawLongBits(a[i]), exponentOffset, scale,
            offset, d);
      }
      counts[slot]++;
    }
  }

  /** The cell of ±0, after the table's rows. */
  private int zeroCell() {
    return rows << 9;
  }

  /** The slot of a normal double or a zero: the table's, or the formula's where it straddles. */
  private int slotOfNormal(long bits, int rowOffset, double exponentOffset) {
    int row = Math.max(0, Math.min(rows - 1, (int) ((bits & Long.MAX_VALUE) >>> 52)
        + rowOffset));
    int slot = cells[row << 9 | (int) (bits >>> 55) & 0x100 | (int) (bits >>> 44) & 0xff];
    slot = slot != STRADDLES ? slot : LogBins.slotOfBits(bits, exponentOffset, scale, offset, d);
    int zero = (int) (((bits & Long.MAX_VALUE) - 1) >> 63);
    return slot & ~zero | (d + 2) & zero;
  }

  /** A cell from the exact formula at its two ends. */
  private int cell(int index) {
    // The cell's values are ±m·2^e with m in [1 + i/256, 1 + (i+1)/256): ends as doubles in [1, 2).
    long low = 1023L << 52 | (long) (index & 0xff) << 44;
    long high = low | (1L << 44) - 1;
    double exponent = (index >>> 9) + lowExponent;
    double lowPosition = (exponent + FastLog2.mantissa(low)) * scale + offset;
    double highPosition = (exponent + FastLog2.mantissa(high)) * scale + offset;
    if (Math.floor(lowPosition - MARGIN) != Math.floor(highPosition + MARGIN)) {
      return STRADDLES;
    }
    int position = Math.max(0, Math.min((int) Math.floor(lowPosition), d + 1));
    long sign = (long) (index >>> 8 & 1) << 63;
    return LogBins.slotOfPosition(sign | low, position, d);
  }
}
