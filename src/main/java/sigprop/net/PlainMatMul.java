package sigprop.net;

/**
 * Scalar loops: the reference kernel and the fallback when the Vector API is absent. Every
 * element is one fused multiply-add chain over k in increasing order, c = fma(a_ik, b_kj, c)
 * from +0, exactly what {@link VectorMatMul} computes lane by lane: a cell gives the same bits
 * with either kernel (an executor without the Vector API module included).
 */
public final class PlainMatMul implements MatMul {
  public static final PlainMatMul INSTANCE = new PlainMatMul();

  @Override
  public void ab(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.rows, a.cols, b.cols, b.rows, c, "ab");
    int m = a.rows, k = a.cols, n = b.cols;
    double[] ad = a.data, bd = b.data, cd = c.data;
    java.util.Arrays.fill(cd, 0.0);
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      for (int p = 0; p < k; p++) {
        double aip = ad[i * k + p];
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          cd[ci + j] = Math.fma(aip, bd[bp + j], cd[ci + j]);
        }
      }
    }
  }

  @Override
  public void abT(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.rows, a.cols, b.rows, b.cols, c, "abT");
    int m = a.rows, k = a.cols, n = b.rows;
    double[] ad = a.data, bd = b.data, cd = c.data;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s = Math.fma(ad[i * k + p], bd[j * k + p], s);
        }
        cd[i * n + j] = s;
      }
    }
  }

  @Override
  public void aTb(Matrix a, Matrix b, Matrix c) {
    MatMul.checkShapes(a.cols, a.rows, b.cols, b.rows, c, "aTb");
    int k = a.rows, m = a.cols, n = b.cols;
    double[] ad = a.data, bd = b.data, cd = c.data;
    java.util.Arrays.fill(cd, 0.0);
    for (int p = 0; p < k; p++) {
      for (int i = 0; i < m; i++) {
        double api = ad[p * m + i];
        int ci = i * n;
        int bp = p * n;
        for (int j = 0; j < n; j++) {
          cd[ci + j] = Math.fma(api, bd[bp + j], cd[ci + j]);
        }
      }
    }
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public String toString() {
    return name();
  }
}
