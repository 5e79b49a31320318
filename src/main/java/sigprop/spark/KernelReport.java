package sigprop.spark;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sigprop.net.MatMuls;
import sigprop.stats.SiteAccumulator;

/**
 * Logs once per JVM which matrix and statistics kernels run the cells there. On a cluster this
 * lands in each executor's log, the one place that shows whether
 * {@code --add-modules=jdk.incubator.vector} reached the executors (without it every cell silently
 * runs on the slower plain kernel).
 */
final class KernelReport {
  private static final Logger LOG = LoggerFactory.getLogger(KernelReport.class);
  private static final AtomicBoolean LOGGED = new AtomicBoolean();

  private KernelReport() {}

  /** Logs the kernel the first time a task runs in this JVM; later calls do nothing. */
  static void once() {
    if (LOGGED.compareAndSet(false, true)) {
      LOG.info("cells in this JVM (pid {}) use matmul kernel {}: {}, statistics kernel {},"
          + " Vector API module {}", ProcessHandle.current().pid(), MatMuls.best().name(),
          MatMuls.best(), SiteAccumulator.kernelName(),
          MatMuls.vectorModulePresent() ? "present" : "absent");
    }
  }
}
