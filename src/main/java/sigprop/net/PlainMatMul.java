package sigprop.net;

/** Scalar i-k-j loops: the reference kernel and the fallback when the Vector API is absent. */
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
          cd[ci + j] += aip * bd[bp + j];
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
          s += ad[i * k + p] * bd[j * k + p];
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
          cd[ci + j] += api * bd[bp + j];
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
