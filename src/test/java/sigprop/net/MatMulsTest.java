package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel chooser: the property, the module check and the self-test. */
class MatMulsTest {
  @Test
  void propertyForcesTheKernel() {
    assertSame(PlainMatMul.INSTANCE, MatMuls.choose("plain"));
    assertEquals("vector", MatMuls.choose("vector").name());
    assertEquals("vector", MatMuls.choose(" vector ").name());
    assertThrows(IllegalArgumentException.class, () -> MatMuls.choose("blas"));
  }

  @Test
  void defaultIsVectorWhenTheModuleIsPresent() {
    // Surefire's argLine adds the module.
    assertTrue(MatMuls.vectorModulePresent());
    assertEquals("vector", MatMuls.choose(null).name());
    assertEquals("vector", MatMuls.choose("").name());
    assertEquals(MatMuls.choose(System.getProperty(MatMuls.PROPERTY)).name(),
        MatMuls.best().name());
  }

  @Test
  void selfTestRejectsAKernelThatRoundsEachProduct() {
    // Right to within rounding, but not the fused chain both kernels promise: other bits.
    MatMul unfused = new MatMul() {
      @Override
      public void ab(Matrix a, Matrix b, Matrix c) {
        for (int i = 0; i < a.rows; i++) {
          for (int j = 0; j < b.cols; j++) {
            double s = 0;
            for (int p = 0; p < a.cols; p++) {
              s += a.get(i, p) * b.get(p, j);
            }
            c.set(i, j, s);
          }
        }
      }

      @Override
      public void abT(Matrix a, Matrix b, Matrix c) {
        ab(a, b.transpose(), c);
      }

      @Override
      public void aTb(Matrix a, Matrix b, Matrix c) {
        ab(a.transpose(), b, c);
      }

      @Override
      public String name() {
        return "unfused";
      }
    };
    assertFalse(MatMuls.passesSelfTest(unfused));
    assertTrue(MatMuls.passesSelfTest(PlainMatMul.INSTANCE));
  }

  @Test
  void selfTestRejectsAWrongKernel() {
    MatMul wrong = new MatMul() {
      @Override
      public void ab(Matrix a, Matrix b, Matrix c) {
        PlainMatMul.INSTANCE.ab(a, b, c);
      }

      @Override
      public void abT(Matrix a, Matrix b, Matrix c) {
        PlainMatMul.INSTANCE.abT(a, b, c);
        c.data[c.size() - 1] += 1;
      }

      @Override
      public void aTb(Matrix a, Matrix b, Matrix c) {
        PlainMatMul.INSTANCE.aTb(a, b, c);
      }

      @Override
      public String name() {
        return "wrong";
      }
    };
    assertTrue(MatMuls.passesSelfTest(new VectorMatMul()));
    assertFalse(MatMuls.passesSelfTest(wrong));
  }

  /** Prints the chosen kernel; run in a child JVM started without the Vector API module. */
  public static final class PrintBest {
    /** Entry point for the child JVM. */
    public static void main(String[] args) {
      System.out.println("best=" + MatMuls.best().name());
    }
  }

  @Test
  void withoutTheModulePlainIsChosenAndTheVectorClassNeverLoads() throws Exception {
    Child child = runWithoutModule();
    assertEquals(0, child.exitCode, child.output);
    assertTrue(child.output.contains("best=plain"), child.output);
    assertFalse(child.output.contains("sigprop.net.VectorMatMul"), child.output);
    assertTrue(child.output.contains("sigprop.net.MatMuls"), "class logging works");
  }

  @Test
  void withoutTheModuleForcingVectorFails() throws Exception {
    Child child = runWithoutModule("-D" + MatMuls.PROPERTY + "=vector");
    assertNotEquals(0, child.exitCode, child.output);
    assertTrue(child.output.contains("is absent"), child.output);
  }

  private static final class Child {
    final int exitCode;
    final String output;

    Child(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  private static Child runWithoutModule(String... options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info");
    command.addAll(List.of(options));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PrintBest.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Child(process.waitFor(), output);
  }
}
