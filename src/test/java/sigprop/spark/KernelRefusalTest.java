package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.net.MatMuls;

/**
 * A forced kernel this JVM cannot run is the machine's problem: sweep, grid and check refuse it
 * before they start (exit 2, every kernel's reason, nothing written), instead of a sweep that
 * writes its manifest and theory and then dies in its first task with
 * ExceptionInInitializerError.
 * Kernels are chosen once per JVM, so each case runs in a child JVM.
 */
class KernelRefusalTest {
  @TempDir
  Path dir;

  @Test
  void sweepRefusesAMisspeltOrUnusableKernelBeforeWritingAnything() throws Exception {
    Path config = tinyConfig();
    Path out = dir.resolve("out");
    Child child = run(List.of("-D" + MatMuls.PROPERTY + "=vectr", "-Dsigprop.stats=vector"),
        "sweep", config.toString(), "--out", out.toString(), "--master", "local[1]");
    assertEquals(2, child.exitCode, child.output);
    assertTrue(child.output.contains("sigprop sweep: sigprop.matmul must be plain or vector, got"
        + " 'vectr'; sigprop.stats=vector but the Vector API statistics kernel is unavailable"),
        child.output);
    assertTrue(child.output.contains("nothing was run or changed"), child.output);
    assertFalse(child.output.contains("Exception"), child.output);
    assertFalse(Files.exists(out), "the sweep wrote nothing");
  }

  @Test
  void gridSaysTheSweepWouldRefuse() throws Exception {
    Child child = run(List.of("-Dsigprop.tanh=vector"), "grid", tinyConfig().toString());
    assertEquals(2, child.exitCode, child.output);
    assertTrue(child.output.contains("sigprop grid: sigprop.tanh=vector but the Vector API"
        + " kernel is unavailable"), child.output);
  }

  @Test
  void checkRefusesRatherThanStopMidSuite() throws Exception {
    Child child = run(List.of("-Dsigprop.tanh=vector"), "check");
    assertEquals(2, child.exitCode, child.output);
    assertTrue(child.output.startsWith("sigprop check: sigprop.tanh=vector but"), child.output);
  }

  @Test
  void theSameKernelsForcedWhereTheyRunAreAccepted() throws Exception {
    Child child = run(List.of("--add-modules=jdk.incubator.vector",
        "-D" + MatMuls.PROPERTY + "=vector", "-Dsigprop.tanh=scalar"), "grid",
        tinyConfig().toString(), "--gflops", "1");
    assertEquals(0, child.exitCode, child.output);
  }

  private Path tinyConfig() throws IOException {
    return Files.writeString(dir.resolve("tiny.yaml"), String.join("\n",
        "sweep: tiny",
        "input: {batch: 4, width: 4}",
        "network: {width: 4, classes: 2}",
        "grid: {depth: [2]}",
        "seeds: 1", ""));
  }

  private record Child(int exitCode, String output) {}

  /** Main in a child JVM without the Vector API module unless the options add it. */
  private static Child run(List<String> options, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("sigprop.cli.Main");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Child(process.waitFor(), output);
  }
}
