package sigprop.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockKernel} on Vector API lanes, with the counts and bits of {@link ScalarBlockKernel}.
 *
 * <p>Binning runs in two steps: the lanes compute every value's slot with the scalar code's
 * operations in its order (the {@link FastLog2} table read by a gather, its other two tables
 * recomputed exactly from the bits, floors by the 1.5·2^52 rounding trick), then a scalar loop
 * adds the slots to the counters. Counters, minimum and maximum do not depend on the order
 * values are seen in (the one exception, the sign of a zero extreme, is taken from the block's
 * first zero as the scalar loop does). So the vector width never changes a result. Needs the {@code
 * jdk.incubator.vector} module; use {@link BlockKernels#best()}.
 */
final class VectorBlockKernel implements BlockKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int VL = SPECIES.length();
  /** Adding and subtracting it rounds a double of magnitude below 2^51 to an integer. */
  private static final double ROUNDER = 0x1.8p52;
  /** 2^52: its bits OR a small integer k are the double 2^52 + k. */
  private static final double TWO52 = 0x1p52;
  private static final long TWO52_BITS = Double.doubleToRawLongBits(TWO52);
  private static final long TABLE_POINT_MASK =
      (long) (FastLog2.TABLE_SIZE - 1) << (52 - FastLog2.TABLE_BITS);
  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
  private static final DoubleVector C1 = DoubleVector.broadcast(SPECIES, FastLog2.C1);
  private static final DoubleVector C2 = DoubleVector.broadcast(SPECIES, FastLog2.C2);
  private static final DoubleVector C3 = DoubleVector.broadcast(SPECIES, FastLog2.C3);
  private static final DoubleVector C4 = DoubleVector.broadcast(SPECIES, FastLog2.C4);
  private static final DoubleVector C5 = DoubleVector.broadcast(SPECIES, FastLog2.C5);
  private static final DoubleVector C6 = DoubleVector.broadcast(SPECIES, FastLog2.C6);

  /** A kernel; stateless (the work arrays come with the caller's {@link BlockSummary}). */
  VectorBlockKernel() {}

  // Each pass is its own method, called once per block: one method holding them all grows past
  // C2's inlining node budget, and the Vector API calls left un-inlined box every vector.

  @Override
  public void classifyLog(LogBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99, long[] counts, BlockSummary out) {
    double exponentOffset = log2Scale - 1023.0;
    double minDecade = bins.minDecade();
    double perDecade = bins.binsPerDecade();
    int d = bins.binsPerSide();
    int vectorEnd = from + SPECIES.loopBound(to - from);
    tally(a, from, vectorEnd, t90, t99, out);
    double[] logs = out.tableLogs;
    double[] inverses = out.tableInverses;
    // The tables read in a scalar pass: this JDK's Vector API gathers lane by lane, and the
    // inverse read costs less than the division that would recompute it.
    for (int i = from; i < vectorEnd; i++) {
      int t = (int) (Double.doubleToRawLongBits(a[i]) >>> (52 - FastLog2.TABLE_BITS))
          & (FastLog2.TABLE_SIZE - 1);
      logs[i - from] = FastLog2.LOG2_POINT[t];
      inverses[i - from] = FastLog2.INVERSE[t];
    }
    logSlots(a, from, vectorEnd, exponentOffset, minDecade, perDecade, d, out);
    double[] slots = out.slots;
    if (out.subnormals > 0) {
      for (int i = from; i < vectorEnd; i++) {
        double v = a[i];
        if (v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
          slots[i - from] = LogBins.slotOfBits(Double.doubleToRawLongBits(v), exponentOffset,
              minDecade, perDecade, d);
        }
      }
    }
    for (int i = vectorEnd; i < to; i++) {
      double v = a[i];
      if (tallyOne(v, t90, t99, out)) {
        slots[i - from] = LogBins.slotOfBits(Double.doubleToRawLongBits(v), exponentOffset,
            minDecade, perDecade, d);
      } else {
        slots[i - from] = -1;
      }
    }
    finish(a, from, to, counts, out);
  }

  /**
   * LogBins.slotOfBits of a[from, end) into out.slots (−1 for non-finite values; zeros and
   * subnormals get the zero slot, the caller fixes subnormals), with FastLog2.mantissa inline
   * and its table entries already in out.tableLogs and out.tableInverses.
   */
  private static void logSlots(double[] a, int from, int end, double exponentOffset,
      double minDecade, double perDecade, int d, BlockSummary out) {
    double[] logs = out.tableLogs;
    double[] inverses = out.tableInverses;
    double[] slots = out.slots;
    for (int i = from; i < end; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector abs = v.abs();
      LongVector bits = v.reinterpretAsLongs();
      DoubleVector biased = bits.lanewise(VectorOperators.LSHR, 52).and(0x7ffL).or(TWO52_BITS)
          .reinterpretAsDoubles().sub(TWO52);
      DoubleVector m = bits.and(FastLog2.MANTISSA_MASK).or(FastLog2.ONE_BITS)
          .reinterpretAsDoubles();
      DoubleVector point = bits.and(TABLE_POINT_MASK).or(FastLog2.ONE_BITS)
          .reinterpretAsDoubles();
      DoubleVector u = m.sub(point).mul(DoubleVector.fromArray(SPECIES, inverses, i - from));
      DoubleVector p = u.mul(C6).add(C5);
      p = u.mul(p).add(C4);
      p = u.mul(p).add(C3);
      p = u.mul(p).add(C2);
      p = u.mul(p).add(C1);
      p = u.mul(p);
      DoubleVector mantissa = DoubleVector.fromArray(SPECIES, logs, i - from).add(p);
      DoubleVector log2 = biased.add(exponentOffset).add(mantissa);
      DoubleVector x = log2.mul(Pow2.LOG10_2).sub(minDecade).mul(perDecade)
          .min((double) d).max(-1.0);
      // ⌊x⌋ for |x| < 2^51: round by adding and subtracting 1.5·2^52, step down if it rose.
      DoubleVector r = x.add(ROUNDER).sub(ROUNDER);
      DoubleVector j = r.sub(ONE, r.compare(VectorOperators.GT, x));
      DoubleVector positive = j.add(d + 4.0);
      DoubleVector negative = DoubleVector.broadcast(SPECIES, (double) d).sub(j);
      positive.blend(negative, v.compare(VectorOperators.LT, 0.0))
          .blend(d + 2.0, abs.compare(VectorOperators.LT, Double.MIN_NORMAL))
          .blend(-1.0, abs.compare(VectorOperators.LE, Double.MAX_VALUE).not())
          .intoArray(slots, i - from);
    }
  }

  @Override
  public void classifyLinear(LinearBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99, long[] counts, BlockSummary out) {
    double[] factors = LinearBins.scaleFactors(log2Scale);
    double lo = bins.lo();
    double hi = bins.hi();
    double perUnit = bins.binsPerUnit();
    int nBins = bins.bins();
    int vectorEnd = from + SPECIES.loopBound(to - from);
    tally(a, from, vectorEnd, t90, t99, out);
    linearSlots(a, from, vectorEnd, factors, lo, hi, perUnit, nBins, out.slots);
    double[] slots = out.slots;
    for (int i = vectorEnd; i < to; i++) {
      double v = a[i];
      if (tallyOne(v, t90, t99, out)) {
        double t = LinearBins.trueValue(v, factors[0], factors[1], factors[2]);
        slots[i - from] = LinearBins.slotOfTrue(t, lo, hi, perUnit, nBins);
      } else {
        slots[i - from] = -1;
      }
    }
    finish(a, from, to, counts, out);
  }

  /** LinearBins.slotOfTrue(trueValue(v)) of a[from, end) into slots (−1 for non-finite). */
  private static void linearSlots(double[] a, int from, int end, double[] factors, double lo,
      double hi, double perUnit, int nBins, double[] slots) {
    double f1 = factors[0];
    double f2 = factors[1];
    double f3 = factors[2];
    for (int i = from; i < end; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector t = v.mul(f1).mul(f2).mul(f3);
      // For t >= lo the int cast is a floor, done as in logSlots; other lanes are replaced.
      DoubleVector y = t.sub(lo).mul(perUnit).min(nBins - 1.0);
      DoubleVector r = y.add(ROUNDER).sub(ROUNDER);
      r.sub(ONE, r.compare(VectorOperators.GT, y))
          .blend(-1.0, t.compare(VectorOperators.LT, lo))
          .blend((double) nBins, t.compare(VectorOperators.GT, hi))
          .add(ONE)
          .blend(-1.0, v.abs().compare(VectorOperators.LE, Double.MAX_VALUE).not())
          .intoArray(slots, i - from);
    }
  }

  /**
   * Counters and extremes of a[from, end) into out. Kept per lane and reduced once: masked adds
   * and blends are cheap on this JDK, mask bit counts and lanewise min/max are not. Two vectors
   * per step, each with its own accumulators, so the blend chains overlap. The extremes follow
   * the scalar loop, v &lt; low ? v : low over finite lanes. NaN thresholds (no bound) count
   * nothing and are skipped.
   */
  private static void tally(double[] a, int from, int end, double t90, double t99,
      BlockSummary out) {
    boolean bounded = !Double.isNaN(t90) || !Double.isNaN(t99);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector nonFinite = zero;
    DoubleVector zeros = zero;
    DoubleVector saturated90 = zero;
    DoubleVector saturated99 = zero;
    DoubleVector subnormals = zero;
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    DoubleVector high = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    DoubleVector low2 = low;
    DoubleVector high2 = high;
    int i = from;
    for (; i + VL < end; i += 2 * VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector w = DoubleVector.fromArray(SPECIES, a, i + VL);
      DoubleVector absV = v.abs();
      DoubleVector absW = w.abs();
      VectorMask<Double> finiteV = absV.compare(VectorOperators.LE, Double.MAX_VALUE);
      VectorMask<Double> finiteW = absW.compare(VectorOperators.LE, Double.MAX_VALUE);
      nonFinite = nonFinite.add(ONE, finiteV.not()).add(ONE, finiteW.not());
      zeros = zeros.add(ONE, v.compare(VectorOperators.EQ, 0.0))
          .add(ONE, w.compare(VectorOperators.EQ, 0.0));
      subnormals = subnormals.add(ONE, absV.compare(VectorOperators.LT, Double.MIN_NORMAL)
          .and(absV.compare(VectorOperators.NE, 0.0)))
          .add(ONE, absW.compare(VectorOperators.LT, Double.MIN_NORMAL)
          .and(absW.compare(VectorOperators.NE, 0.0)));
      if (bounded) {
        saturated90 = saturated90.add(ONE, absV.compare(VectorOperators.GT, t90).and(finiteV))
            .add(ONE, absW.compare(VectorOperators.GT, t90).and(finiteW));
        saturated99 = saturated99.add(ONE, absV.compare(VectorOperators.GT, t99).and(finiteV))
            .add(ONE, absW.compare(VectorOperators.GT, t99).and(finiteW));
      }
      low = low.blend(v, v.compare(VectorOperators.LT, low).and(finiteV));
      high = high.blend(v, v.compare(VectorOperators.GT, high).and(finiteV));
      low2 = low2.blend(w, w.compare(VectorOperators.LT, low2).and(finiteW));
      high2 = high2.blend(w, w.compare(VectorOperators.GT, high2).and(finiteW));
    }
    for (; i < end; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector absV = v.abs();
      VectorMask<Double> finiteV = absV.compare(VectorOperators.LE, Double.MAX_VALUE);
      nonFinite = nonFinite.add(ONE, finiteV.not());
      zeros = zeros.add(ONE, v.compare(VectorOperators.EQ, 0.0));
      subnormals = subnormals.add(ONE, absV.compare(VectorOperators.LT, Double.MIN_NORMAL)
          .and(absV.compare(VectorOperators.NE, 0.0)));
      saturated90 = saturated90.add(ONE, absV.compare(VectorOperators.GT, t90).and(finiteV));
      saturated99 = saturated99.add(ONE, absV.compare(VectorOperators.GT, t99).and(finiteV));
      low = low.blend(v, v.compare(VectorOperators.LT, low).and(finiteV));
      high = high.blend(v, v.compare(VectorOperators.GT, high).and(finiteV));
    }
    out.nonFinite = count(nonFinite);
    out.zeros = count(zeros);
    out.saturated90 = count(saturated90);
    out.saturated99 = count(saturated99);
    out.subnormals = count(subnormals);
    out.min = Math.min(min(low), min(low2));
    out.max = Math.max(max(high), max(high2));
  }

  /** Adds one value of the ragged tail to out's counters; whether it is finite. */
  private static boolean tallyOne(double v, double t90, double t99, BlockSummary out) {
    double abs = Math.abs(v);
    if (!(abs <= Double.MAX_VALUE)) {
      out.nonFinite++;
      return false;
    }
    out.min = Math.min(out.min, v);
    out.max = Math.max(out.max, v);
    out.zeros += v == 0 ? 1 : 0;
    out.saturated90 += abs > t90 ? 1 : 0;
    out.saturated99 += abs > t99 ? 1 : 0;
    return true;
  }

  private static int count(DoubleVector lanes) {
    return (int) lanes.reduceLanes(VectorOperators.ADD);
  }

  private static double min(DoubleVector lanes) {
    double m = Double.POSITIVE_INFINITY;
    for (int k = 0; k < VL; k++) {
      m = Math.min(m, lanes.lane(k));
    }
    return m;
  }

  private static double max(DoubleVector lanes) {
    double m = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < VL; k++) {
      m = Math.max(m, lanes.lane(k));
    }
    return m;
  }

  /** Counts the slots, with the scalar loop's sign for zero extremes. */
  private static void finish(double[] a, int from, int to, long[] counts, BlockSummary out) {
    double[] slots = out.slots;
    int n = to - from;
    if (out.nonFinite == 0) {
      for (int k = 0; k < n; k++) {
        counts[(int) slots[k]]++;
      }
    } else {
      for (int k = 0; k < n; k++) {
        double s = slots[k];
        if (s >= 0) {
          counts[(int) s]++;
        }
      }
    }
    // `v < min ? v : min` keeps the first of equal values; only ±0 are equal and differ.
    if (out.min == 0 || out.max == 0) {
      double first = firstZero(a, from, to);
      out.min = out.min == 0 ? first : out.min;
      out.max = out.max == 0 ? first : out.max;
    }
  }

  private static double firstZero(double[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == 0) {
        return a[i];
      }
    }
    throw new IllegalStateException("a zero extreme without a zero value");
  }

  /**
   * The scalar sums: their four chains would be the lanes of a 256-bit vector, but mixing vector
   * shapes in one JVM spoils C2's type profiles of the shared Vector API code (measured here:
   * the 512-bit kernels ran 2–10× slower once 256-bit vectors had been used), and only the
   * scalar loop keeps the chains exactly on wider vectors.
   */
  @Override
  public void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums) {
    ScalarBlockKernel.INSTANCE.shiftedSums(a, from, to, f, shift, sums);
  }

  @Override
  public String name() {
    return "vector";
  }
}
