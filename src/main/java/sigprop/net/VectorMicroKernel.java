package sigprop.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register block of {@link VectorMatMul}: an MR × NR tile of c, with MR = 6 rows and NR = two
 * vectors of columns, updated from one packed panel of a and one of b.
 *
 * <p>Why 6 × 2 vectors: 12 accumulators + 2 b vectors + 1 broadcast = 15 registers, so the block
 * fits the 16 registers of AVX2 as well as the 32 of AVX-512 (6 × 3 vectors, tried here, spills on
 * AVX2 and was no faster on AVX-512). 12 independent FMA chains cover the FMA latency × ports.
 *
 * <p>Each element of c is one sequential FMA chain over p, continued from the value already in c
 * when {@code accumulate} is set: c = fma(a_p, b_p, c). Blocking over k therefore never changes the
 * result, and neither does the JIT tier (the interpreted Vector API also uses Math.fma).
 */
final class VectorMicroKernel {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /** Doubles per vector: 8 with AVX-512, 4 with AVX2. */
  static final int VL = SPECIES.length();
  /** Rows of c per tile. */
  static final int MR = 6;
  /** Columns of c per tile. */
  static final int NR = 2 * VL;

  private VectorMicroKernel() {}

  /**
   * c[tile] (+)= Σ_p ap[aOff + p·MR + r] · b[bOff + p·ldb + j] for r < MR, j < NR, where the tile
   * starts at {@code c[cOff]} with row stride {@code ldc}; overwrites unless {@code accumulate}.
   * b is a packed panel (ldb = NR) or, for few rows of c, b's own rows read in place.
   */
  static void multiply(double[] ap, int aOff, double[] b, int bOff, int ldb, int kc,
      double[] c, int cOff, int ldc, boolean accumulate) {
    DoubleVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
    int c0 = cOff, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
    if (accumulate) {
      c00 = DoubleVector.fromArray(SPECIES, c, c0);
      c01 = DoubleVector.fromArray(SPECIES, c, c0 + VL);
      c10 = DoubleVector.fromArray(SPECIES, c, c1);
      c11 = DoubleVector.fromArray(SPECIES, c, c1 + VL);
      c20 = DoubleVector.fromArray(SPECIES, c, c2);
      c21 = DoubleVector.fromArray(SPECIES, c, c2 + VL);
      c30 = DoubleVector.fromArray(SPECIES, c, c3);
      c31 = DoubleVector.fromArray(SPECIES, c, c3 + VL);
      c40 = DoubleVector.fromArray(SPECIES, c, c4);
      c41 = DoubleVector.fromArray(SPECIES, c, c4 + VL);
      c50 = DoubleVector.fromArray(SPECIES, c, c5);
      c51 = DoubleVector.fromArray(SPECIES, c, c5 + VL);
    } else {
      DoubleVector zero = DoubleVector.zero(SPECIES);
      c00 = zero;
      c01 = zero;
      c10 = zero;
      c11 = zero;
      c20 = zero;
      c21 = zero;
      c30 = zero;
      c31 = zero;
      c40 = zero;
      c41 = zero;
      c50 = zero;
      c51 = zero;
    }
    for (int p = 0; p < kc; p++) {
      int bi = bOff + p * ldb;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bi);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bi + VL);
      int ai = aOff + p * MR;
      DoubleVector x = DoubleVector.broadcast(SPECIES, ap[ai]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(SPECIES, ap[ai + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(SPECIES, ap[ai + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(SPECIES, ap[ai + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(SPECIES, ap[ai + 4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(SPECIES, ap[ai + 5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
    }
    c00.intoArray(c, c0);
    c01.intoArray(c, c0 + VL);
    c10.intoArray(c, c1);
    c11.intoArray(c, c1 + VL);
    c20.intoArray(c, c2);
    c21.intoArray(c, c2 + VL);
    c30.intoArray(c, c3);
    c31.intoArray(c, c3 + VL);
    c40.intoArray(c, c4);
    c41.intoArray(c, c4 + VL);
    c50.intoArray(c, c5);
    c51.intoArray(c, c5 + VL);
  }
}
