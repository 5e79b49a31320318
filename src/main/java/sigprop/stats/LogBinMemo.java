package sigprop.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LogBins#slotOfBits} memoized per cell of (true binary exponent, top 8 mantissa bits):
 * one table load instead of a log per value, 1.5× faster over a whole site.
 *
 * <p>A cell's values span 1/256 of an octave (0.0017 decades); when the exact formula gives its
 * two ends the same position, with a margin of 1e-9 bins far above the formula's rounding, every
 * value inside gets that position too, so the memo returns exactly what the formula would. Cells
 * that straddle a bin edge (about 1.7%·binsPerDecade/10 of them) are marked and computed per value.
 *
 * <p>One table per spec and JVM, covering the true exponents that can reach a bin (2.7 MB for
 * {@link LogBins#DEFAULT}), filled lazily. Threads share it without locks: an entry is an int
 * written once with a value that depends only on its index, so a racing reader sees either 0 and
 * computes the same value itself, or the value.
 */
final class LogBinMemo {
  /** Tables above 2^21 entries (8 MB) are not worth their memory; such specs bin directly. */
  private static final int MAX_CELLS = 1 << 21;
  private static final int UNKNOWN = 0;
  private static final int STRADDLES = -1;
  private static final double MARGIN = 1e-9;
  private static final ConcurrentHashMap<LogBins, LogBinMemo> MEMOS = new ConcurrentHashMap<>();

  private final int d;
  private final double scale;
  private final double offset;
  /** The true exponent of row 0; rows below hold only tiny values, rows past the end only huge. */
  private final int lowExponent;
  private final int rows;
  /** UNKNOWN, STRADDLES, or position + 1. */
  private final int[] cells;

  private LogBinMemo(LogBins spec) {
    d = spec.binsPerSide();
    scale = spec.positionScale();
    offset = spec.positionOffset();
    lowExponent = (int) Math.floor(spec.minDecade() * Pow2.LOG2_10) - 2;
    rows = (int) Math.ceil(spec.maxDecade() * Pow2.LOG2_10) + 2 - lowExponent + 1;
    cells = new int[rows << 8];
  }

  /** The shared memo of a spec, or null when its table would be too large. */
  static LogBinMemo of(LogBins spec) {
    double rows = (spec.maxDecade() - spec.minDecade()) * Pow2.LOG2_10 + 6;
    return rows * 256 > MAX_CELLS ? null : MEMOS.computeIfAbsent(spec, LogBinMemo::new);
  }

  /** The row offset for values scaled by 2^log2Scale: row = biased exponent + rowOffset. */
  int rowOffset(int log2Scale) {
    // Beyond ±2^24 every value is tiny or huge; clamping keeps the int sum from overflowing.
    return Math.max(-(1 << 24), Math.min(1 << 24, log2Scale)) - 1023 - lowExponent;
  }

  /** The same slot as LogBins.slotOfBits(bits, exponentOffset, …) for a finite double. */
  int slot(long bits, int rowOffset, double exponentOffset) {
    if (LogBins.isSubnormal(bits)) {
      return LogBins.slotOfBits(bits, exponentOffset, scale, offset, d);
    }
    int row = (int) ((bits & Long.MAX_VALUE) >>> 52) + rowOffset;
    int position;
    if ((row ^ Integer.MIN_VALUE) < (rows ^ Integer.MIN_VALUE)) { // 0 <= row < rows
      int index = row << 8 | (int) (bits >>> 44) & 0xff;
      int cell = cells[index];
      if (cell == UNKNOWN) {
        cell = fill(index);
      }
      position = cell != STRADDLES ? cell - 1
          : LogBins.position(bits, exponentOffset, scale, offset, d);
    } else {
      position = row < 0 ? 0 : d + 1;
    }
    return LogBins.slotOfPosition(bits, position, d);
  }

  /** Computes a cell from the exact formula at its two ends. */
  private int fill(int index) {
    // The cell's values are m·2^e with m in [1 + i/256, 1 + (i+1)/256): ends as doubles in [1, 2).
    long low = 1023L << 52 | (long) (index & 0xff) << 44;
    long high = low | (1L << 44) - 1;
    double exponent = (index >>> 8) + lowExponent;
    double lowPosition = (exponent + FastLog2.mantissa(low)) * scale + offset;
    double highPosition = (exponent + FastLog2.mantissa(high)) * scale + offset;
    int cell = Math.floor(lowPosition - MARGIN) == Math.floor(highPosition + MARGIN)
        ? Math.max(0, Math.min((int) Math.floor(lowPosition), d + 1)) + 1 : STRADDLES;
    cells[index] = cell;
    return cell;
  }
}
