package sigprop.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockKernel} on 512-bit Vector API lanes: one vector is exactly the eight chains of the
 * sums, so the results equal {@link ScalarBlockKernel}'s to the bit. Counters are kept per lane as
 * longs and reduced once per block. Each pass is one loop
 * with no calls of ours inside: C2 may decline to inline a helper from a call site it deems cold,
 * and then every vector crossing the call is boxed. Needs the {@code jdk.incubator.vector} module
 * and 8-lane double vectors; use {@link BlockKernels#best()}.
 */
final class VectorBlockKernel implements BlockKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_512;
  private static final int VL = SPECIES.length();
  private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
  private static final double TWO52 = 0x1p52;
  private static final long TWO52_BITS = Double.doubleToRawLongBits(TWO52);
  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
  private static final long MAX_VALUE_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);
  /** 2^52 − 1: magnitude bits − 1 below it means zero or subnormal. */
  private static final long SUBNORMAL_LIMIT = (1L << 52) - 1;

  /** A kernel; fails when this machine's preferred vectors are not 8 doubles wide. */
  VectorBlockKernel() {
    if (DoubleVector.SPECIES_PREFERRED.length() != CHAINS) {
      throw new IllegalStateException("needs 8-lane double vectors, this machine prefers "
          + DoubleVector.SPECIES_PREFERRED.length());
    }
  }

  @Override
  public void scan(double[] a, int from, int to, double centre, double t90, double t99,
      BlockScan out) {
    // Counters by integer arithmetic on the magnitude bits (ScalarBlockKernel's formulas), not
    // masked adds: mask conversions made that loop 3x slower on this JDK.
    long t90Bits = Double.doubleToRawLongBits(t90);
    long t99Bits = Double.doubleToRawLongBits(t99);
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    DoubleVector high = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    LongVector nonFinite = LongVector.zero(LONGS);
    LongVector belowNormal = nonFinite;
    LongVector zeros = nonFinite;
    LongVector saturated90 = nonFinite;
    LongVector saturated99 = nonFinite;
    // Two chains of extremes: a compare-and-blend chain is latency-bound.
    DoubleVector low2 = low;
    DoubleVector high2 = high;
    int end = from + SPECIES.loopBound(to - from);
    int i = from;
    for (; i + VL < end; i += 2 * VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector w = DoubleVector.fromArray(SPECIES, a, i + VL);
      low = low.blend(v, v.lt(low));
      high = high.blend(v, v.compare(VectorOperators.GT, high));
      low2 = low2.blend(w, w.lt(low2));
      high2 = high2.blend(w, w.compare(VectorOperators.GT, high2));
      LongVector mag = v.reinterpretAsLongs().and(Long.MAX_VALUE);
      LongVector magW = w.reinterpretAsLongs().and(Long.MAX_VALUE);
      LongVector minusOne = mag.sub(1L);
      LongVector minusOneW = magW.sub(1L);
      nonFinite = nonFinite
          .add(mag.neg().add(MAX_VALUE_BITS).lanewise(VectorOperators.LSHR, 63))
          .add(magW.neg().add(MAX_VALUE_BITS).lanewise(VectorOperators.LSHR, 63));
      zeros = zeros.add(minusOne.lanewise(VectorOperators.LSHR, 63))
          .add(minusOneW.lanewise(VectorOperators.LSHR, 63));
      belowNormal = belowNormal
          .add(minusOne.sub(SUBNORMAL_LIMIT).lanewise(VectorOperators.LSHR, 63))
          .add(minusOneW.sub(SUBNORMAL_LIMIT).lanewise(VectorOperators.LSHR, 63));
      LongVector distance = v.sub(centre).reinterpretAsLongs().and(Long.MAX_VALUE);
      LongVector distanceW = w.sub(centre).reinterpretAsLongs().and(Long.MAX_VALUE);
      saturated90 = saturated90
          .add(distance.neg().add(t90Bits).lanewise(VectorOperators.LSHR, 63))
          .add(distanceW.neg().add(t90Bits).lanewise(VectorOperators.LSHR, 63));
      saturated99 = saturated99
          .add(distance.neg().add(t99Bits).lanewise(VectorOperators.LSHR, 63))
          .add(distanceW.neg().add(t99Bits).lanewise(VectorOperators.LSHR, 63));
    }
    if (i < end) { // one whole vector left
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      low = low.blend(v, v.lt(low));
      high = high.blend(v, v.compare(VectorOperators.GT, high));
      LongVector mag = v.reinterpretAsLongs().and(Long.MAX_VALUE);
      LongVector minusOne = mag.sub(1L);
      nonFinite = nonFinite.add(mag.neg().add(MAX_VALUE_BITS).lanewise(VectorOperators.LSHR, 63));
      zeros = zeros.add(minusOne.lanewise(VectorOperators.LSHR, 63));
      belowNormal = belowNormal.add(
          minusOne.sub(SUBNORMAL_LIMIT).lanewise(VectorOperators.LSHR, 63));
      LongVector distance = v.sub(centre).reinterpretAsLongs().and(Long.MAX_VALUE);
      saturated90 = saturated90
          .add(distance.neg().add(t90Bits).lanewise(VectorOperators.LSHR, 63));
      saturated99 = saturated99
          .add(distance.neg().add(t99Bits).lanewise(VectorOperators.LSHR, 63));
    }
    // Reductions, not toArray: a vector that leaves the intrinsics (toArray's store did here)
    // makes C2 box the loop's accumulators, an allocation per iteration. Counts are integers and
    // MIN/MAX pick a value, so lane order cannot change a result.
    out.min = low.min(low2).reduceLanes(VectorOperators.MIN);
    out.max = high.max(high2).reduceLanes(VectorOperators.MAX);
    out.nonFinite = nonFinite.reduceLanes(VectorOperators.ADD);
    out.zeros = zeros.reduceLanes(VectorOperators.ADD);
    out.subnormals = belowNormal.reduceLanes(VectorOperators.ADD) - out.zeros;
    out.saturated90 = saturated90.reduceLanes(VectorOperators.ADD);
    out.saturated99 = saturated99.reduceLanes(VectorOperators.ADD);
    ScalarBlockKernel.scanInto(a, end, to, centre, t90, t99, out);
    out.min += 0.0;
    out.max += 0.0;
  }

  @Override
  public void scanExtremes(double[] a, int from, int to, BlockScan out) {
    // scan's loop without its counters (a shared helper would risk C2 boxing the vectors).
    // Presence, not counts: the largest magnitude bits (above MAX_VALUE's for NaN and ±∞) and
    // the smallest of mag + Long.MAX_VALUE, which maps zero to the top and subnormals to the
    // bottom [MIN_VALUE, MIN_VALUE + 2^52 − 2] of the signed order. One op each per vector.
    DoubleVector low = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    DoubleVector high = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    DoubleVector low2 = low;
    DoubleVector high2 = high;
    LongVector magMax = LongVector.zero(LONGS);
    LongVector magMax2 = magMax;
    LongVector keyMin = LongVector.broadcast(LONGS, Long.MAX_VALUE);
    LongVector keyMin2 = keyMin;
    int end = from + SPECIES.loopBound(to - from);
    int i = from;
    for (; i + VL < end; i += 2 * VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      DoubleVector w = DoubleVector.fromArray(SPECIES, a, i + VL);
      low = low.blend(v, v.lt(low));
      high = high.blend(v, v.compare(VectorOperators.GT, high));
      low2 = low2.blend(w, w.lt(low2));
      high2 = high2.blend(w, w.compare(VectorOperators.GT, high2));
      LongVector mag = v.reinterpretAsLongs().and(Long.MAX_VALUE);
      LongVector magW = w.reinterpretAsLongs().and(Long.MAX_VALUE);
      magMax = magMax.max(mag);
      magMax2 = magMax2.max(magW);
      keyMin = keyMin.min(mag.add(Long.MAX_VALUE));
      keyMin2 = keyMin2.min(magW.add(Long.MAX_VALUE));
    }
    if (i < end) { // one whole vector left
      DoubleVector v = DoubleVector.fromArray(SPECIES, a, i);
      low = low.blend(v, v.lt(low));
      high = high.blend(v, v.compare(VectorOperators.GT, high));
      LongVector mag = v.reinterpretAsLongs().and(Long.MAX_VALUE);
      magMax = magMax.max(mag);
      keyMin = keyMin.min(mag.add(Long.MAX_VALUE));
    }
    out.clear();
    out.min = low.min(low2).reduceLanes(VectorOperators.MIN);
    out.max = high.max(high2).reduceLanes(VectorOperators.MAX);
    out.nonFinite = magMax.max(magMax2).reduceLanes(VectorOperators.MAX) > MAX_VALUE_BITS ? 1 : 0;
    out.subnormals = keyMin.min(keyMin2).reduceLanes(VectorOperators.MIN)
        < Long.MIN_VALUE + SUBNORMAL_LIMIT ? 1 : 0;
    ScalarBlockKernel.extremesInto(a, end, to, out);
    out.min += 0.0;
    out.max += 0.0;
  }

  @Override
  public void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums) {
    DoubleVector s = DoubleVector.zero(SPECIES);
    DoubleVector q = s;
    DoubleVector b = s;
    int end = from + SPECIES.loopBound(to - from);
    for (int i = from; i < end; i += VL) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, a, i).mul(f);
      DoubleVector d = x.sub(shift);
      s = s.add(d);
      q = q.add(d.mul(d));
      b = b.add(x.abs());
    }
    double[] sc = new double[CHAINS];
    double[] qc = new double[CHAINS];
    double[] bc = new double[CHAINS];
    s.intoArray(sc, 0);
    q.intoArray(qc, 0);
    b.intoArray(bc, 0);
    if (end < to) {
      ScalarBlockKernel.addToChains(a, from, end, to, f, shift, sc, qc, bc);
    }
    sums[0] = BlockKernel.join(sc);
    sums[1] = BlockKernel.join(qc);
    sums[2] = BlockKernel.join(bc);
  }

  @Override
  public void logCells(double[] a, int from, int to, int rowOffset, int lastRow, int zeroCell,
      long[] cells) {
    // Long lanes throughout: a shape change to int vectors would mix shapes in this JVM, which
    // spoils C2's profiles of the shared Vector API code.
    int end = from + SPECIES.loopBound(to - from);
    for (int i = from; i < end; i += VL) {
      LongVector bits = DoubleVector.fromArray(SPECIES, a, i).reinterpretAsLongs();
      LongVector mag = bits.and(Long.MAX_VALUE);
      LongVector row = mag.lanewise(VectorOperators.LSHR, 52).add(rowOffset).min(lastRow).max(0L);
      row.lanewise(VectorOperators.LSHL, 9)
          .or(bits.lanewise(VectorOperators.LSHR, 55).and(0x100L))
          .or(bits.lanewise(VectorOperators.LSHR, 44).and(0xffL))
          .blend(zeroCell, mag.eq(0L))
          .intoArray(cells, i - from);
    }
    if (end < to) {
      ScalarBlockKernel.logCellsInto(a, from, end, to, rowOffset, lastRow, zeroCell, cells);
    }
  }

  @Override
  public void linearSlots(double[] a, int from, int to, boolean scaled, double[] factors,
      LinearBins bins, long[] slots) {
    double f1 = scaled ? factors[0] : 1;
    double f2 = scaled ? factors[1] : 1;
    double f3 = scaled ? factors[2] : 1;
    double lo = bins.lo();
    double hi = bins.hi();
    double perUnit = bins.binsPerUnit();
    double last = bins.bins() - 1.0;
    long overSlot = bins.bins() + 1L;
    int end = from + SPECIES.loopBound(to - from);
    for (int i = from; i < end; i += VL) {
      // LinearBins.slotOfTrue lane by lane: under and over from the sign bits of t − lo and
      // hi − t, the in-range slot by truncation (a floor where it is used). Multiplying by 1 is
      // exact, so unscaled values need no second loop.
      DoubleVector t = DoubleVector.fromArray(SPECIES, a, i).mul(f1).mul(f2).mul(f3);
      LongVector under = t.sub(lo).add(0.0).reinterpretAsLongs()
          .lanewise(VectorOperators.LSHR, 63);
      LongVector over = DoubleVector.broadcast(SPECIES, hi).sub(t).add(0.0).reinterpretAsLongs()
          .lanewise(VectorOperators.LSHR, 63);
      // ⌊y⌋ for 0 ≤ y < 2^51 without a conversion instruction (this JDK boxes D2L): round by
      // adding 2^52, step down if that rounded up, and read the integer off the low bits.
      DoubleVector y = t.sub(lo).mul(perUnit).min(last);
      DoubleVector r = y.add(TWO52);
      r = r.sub(ONE, r.sub(TWO52).compare(VectorOperators.GT, y));
      LongVector inRange = r.reinterpretAsLongs().sub(TWO52_BITS - 1);
      inRange.blend(0L, under.eq(1L)).blend(overSlot, over.eq(1L)).intoArray(slots, i - from);
    }
    if (end < to) {
      ScalarBlockKernel.linearSlotsInto(a, from, end, to, scaled, factors, bins, slots);
    }
  }

  @Override
  public String name() {
    return "vector";
  }
}
