package sigprop.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps HotSpot's optimizing compiler (C2) for the code that runs per value — sigprop's own, the
 * JDK's math, random and Vector API classes, Parquet's encoders — and leaves everything else
 * (Spark's scheduler and generated code, Hadoop, Scala collections, class loading, the rest of
 * the JDK, sigprop's per-row code) to the quick compiler C1. In a 20-cell sweep C2 took 10 of
 * the process's 28 CPU-seconds, mostly on such control code, and in a 200-cell sweep the
 * row-conversion iterator Spark generates for the layers write alone took 5 s: free on an idle
 * core, but taken from the cells when every core runs one. With the focus the 200-cell bench
 * sweep needs 10–20 % less CPU (docs/CLUSTER.md).
 *
 * <p>Applied once per JVM through the DiagnosticCommand MBean (jcmd's Compiler.directives_add),
 * in the driver and in the executors' first task. Methods compiled before that keep their code.
 * {@code -Dsigprop.c2=all} leaves the JVM's default; a JVM without the command (not HotSpot) is
 * left as it is, with a log line.
 */
final class CompilerFocus {
  private static final Logger LOG = LoggerFactory.getLogger(CompilerFocus.class);
  private static final AtomicBoolean APPLIED = new AtomicBoolean();
  private static final String DIRECTIVES = "c2-directives.json";

  private CompilerFocus() {}

  /** Adds the directives the first time it is called in this JVM; later calls do nothing. */
  static void once() {
    if (!APPLIED.compareAndSet(false, true)) {
      return;
    }
    String mode = System.getProperty("sigprop.c2", "focused");
    if (mode.equals("all")) {
      return;
    }
    if (!mode.equals("focused")) {
      LOG.warn("sigprop.c2 must be focused or all, got '{}'; using focused", mode);
    }
    try {
      LOG.debug("C2 focused on per-value code: {}", apply().strip());
    } catch (IOException | JMException | RuntimeException e) {
      LOG.info("C2 left to compile everything (cannot add compiler directives: {})",
          e.toString());
    }
  }

  /** The JVM's directives as jcmd Compiler.directives_print shows them (for tests). */
  static String installed() throws JMException {
    return (String) diagnosticCommand("compilerDirectivesPrint");
  }

  private static String apply() throws IOException, JMException {
    // The command reads a file: copy the directives out of the jar.
    Path file = ResourceFiles.copy(CompilerFocus.class, DIRECTIVES);
    try {
      String result = (String) diagnosticCommand("compilerDirectivesAdd", file.toString());
      // The command reports a bad file in its text, not by throwing.
      if (!result.strip().matches("[1-9][0-9]* compiler directives added")) {
        throw new IOException(result.strip());
      }
      return result;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Object diagnosticCommand(String operation, String... args) throws JMException {
    return ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
        new Object[] {args}, new String[] {String[].class.getName()});
  }
}
