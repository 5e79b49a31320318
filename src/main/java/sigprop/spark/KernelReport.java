package sigprop.spark;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sigprop.experiment.KernelChoice;
import sigprop.net.Activations;
import sigprop.net.MatMuls;
import sigprop.stats.SiteAccumulator;

/**
 * Logs once per JVM which matrix, tanh and statistics kernels run the cells there, after
 * refusing a JVM that has none. On a cluster this lands in each executor's log, the one place
 * that shows whether {@code --add-modules=jdk.incubator.vector} reached the executors (without
 * it every cell silently runs on the slower plain kernel).
 */
final class KernelReport {
  private static final Logger LOG = LoggerFactory.getLogger(KernelReport.class);
  private static final AtomicBoolean LOGGED = new AtomicBoolean();

  private KernelReport() {}

  /**
   * Logs the kernels the first time a task runs in this JVM. Every call first refuses, with an
   * IllegalStateException that fails the task (and, once Spark gives up retrying, the sweep),
   * a JVM that could not choose a kernel: on a cluster the driver's own check at start cannot
   * see the executors' options, and each cell would otherwise be recorded failed for it.
   */
  static void requireAndLogOnce() {
    String refusal = KernelChoice.refusal();
    if (refusal != null) {
      throw new IllegalStateException("this JVM (pid " + ProcessHandle.current().pid()
          + ") cannot run cells: " + refusal);
    }
    if (LOGGED.compareAndSet(false, true)) {
      LOG.info("cells in this JVM (pid {}) use matmul kernel {}: {}, tanh kernel {},"
          + " statistics kernel {}, Vector API module {}", ProcessHandle.current().pid(),
          MatMuls.best().name(), MatMuls.best(), Activations.tanhKernelName(),
          SiteAccumulator.kernelName(),
          MatMuls.vectorModulePresent() ? "present" : "absent");
    }
  }
}
