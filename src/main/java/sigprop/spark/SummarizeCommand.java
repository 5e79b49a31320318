package sigprop.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import sigprop.args.VerbArguments;
import sigprop.summary.SummaryWriter;

/**
 * The {@code summarize} verb: parses the options, checks the inputs and the output folder before
 * any Spark work, runs {@link SummarizeJob} in the active session or in a new one (master from
 * spark.master when set, else {@code --master}, else local[*]), and maps
 * outcomes to exit codes (0 done, 1 the job failed, 2 bad input or an existing summary).
 * Usable as a spark-submit main class too: {@code --class sigprop.spark.SummarizeCommand}.
 */
public final class SummarizeCommand {
  private SummarizeCommand() {}

  /** spark-submit entry point: runs the verb and exits with its code. */
  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out, System.err);
    } catch (OneLineFailure e) { // the trace, then the line: the last on the terminal
      e.printStackTrace(System.err);
      System.err.println(e.getMessage());
      code = e.exitCode();
    } catch (RuntimeException e) {
      e.printStackTrace(System.err);
      code = 1;
    }
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the verb with the arguments after {@code summarize}; returns the exit code. A damaged
   * sweep folder (exit code 2) or a failed write of the summary (1) is thrown as a
   * {@link OneLineFailure}: one line, its trace kept in the log file when there is one, else
   * printed before the line.
   */
  public static int run(String[] args, PrintStream out, PrintStream err)
      throws OneLineFailure {
    SummarizeOptions options;
    try {
      options = SummarizeOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return VerbArguments.usageError(err, "summarize", e.getMessage());
    }
    if (options == null) {
      out.println(SummarizeOptions.USAGE);
      return 0;
    }
    String gone = goneTable(options);
    if (gone != null) {
      err.println("sigprop summarize: " + gone);
      return 2;
    }
    Path made = firstMissing(options.out());
    String problem = checkInputs(options);
    if (problem != null) {
      err.println("sigprop summarize: " + problem);
      return 2;
    }
    int code = 1;
    try {
      code = summarize(options, out, err);
      return code;
    } finally {
      if (made != null && code != 0) {
        // checkInputs made the folders; a run refused or failed before writing leaves none.
        removeIfEmpty(options.out().toAbsolutePath().normalize(), made);
      }
    }
  }

  /** The Spark part of {@link #run}: the job and its outcome as an exit code. */
  private static int summarize(SummarizeOptions options, PrintStream out, PrintStream err)
      throws OneLineFailure {
    boolean ownSession = SparkSession.getActiveSession().isEmpty()
        && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.start("sigprop summarize", options.master());
    try {
      SummarizeJob.run(spark, options, out);
      return 0;
    } catch (FileAlreadyExistsException e) {
      err.println("sigprop summarize: " + e.getFile() + " exists: " + e.getReason());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("sigprop summarize: " + e.getMessage());
      return 2;
    } catch (IOException e) { // writing the summary: the file and the reason say it
      throw new OneLineFailure("sigprop summarize: writing the summary into " + options.out()
          + " failed: " + e.getMessage() + "; what it holds now is incomplete (each file whole,"
          + " none partly written), the sweep folders are untouched, and the same command with"
          + " --overwrite writes it once that is fixed", 1, e);
    } catch (OutOfMemoryError e) {
      // The summary is built in the driver; the way out is a smaller one or a larger heap.
      err.printf(Locale.ROOT, "sigprop summarize: out of memory (a %d MiB heap):"
          + " summarize fewer layers (--layers every:10) or sites"
          + " (--site output,output_gradient), or"
          + " give it more heap (SIGPROP_HEAP=16g jobs/sigprop summarize …)%n",
          Runtime.getRuntime().maxMemory() >> 20);
      return 1;
    } catch (Exception e) {
      String file = DamagedSweep.unreadableFile(e);
      if (file != null) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        throw new OneLineFailure("sigprop summarize: " + file + " cannot be read: "
            + OneLineFailure.rootCause(e) + "; the file is damaged (truncated, or changed since"
            + " the sweep wrote it), nothing was written, and "
            + DamagedSweep.resumeCommand(DamagedSweep.folderOf(file, options.sweeps(), conf),
                conf)
            + (file.contains("/theory/") ? " writes the theory table again"
                : " runs its cells again"), 2, e);
      }
      err.println("sigprop summarize: failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * The outermost folder of {@code out} that does not exist yet (out itself, or a parent that
   * making it makes too); null when out exists.
   */
  static Path firstMissing(Path out) {
    Path missing = null;
    for (Path p = out.toAbsolutePath().normalize(); p != null
        && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes {@code folder} and its parents up to {@code outermost}, each only while empty. */
  static void removeIfEmpty(Path folder, Path outermost) {
    for (Path p = folder; p != null && p.startsWith(outermost); p = p.getParent()) {
      try (Stream<Path> files = Files.list(p)) {
        if (files.findAny().isPresent()) {
          return;
        }
        Files.delete(p);
      } catch (IOException | UncheckedIOException e) {
        return; // left as it is: the exit code and message already say what went wrong
      }
    }
  }

  /**
   * A sweep folder's table that is gone though its sweep.json says the folder is a sweep's
   * (deleted since it ran), with the command that runs its cells again; or null.
   */
  static String goneTable(SummarizeOptions options) {
    for (String sweep : options.sweeps()) {
      if (sweep.contains("://") || !Files.isRegularFile(Path.of(sweep, SweepOutput.MANIFEST))) {
        continue;
      }
      for (String table : new String[] {"cells", "layers"}) {
        if (!hasParquet(Path.of(sweep, table))) {
          return sweep + " has no " + table + " table (" + Path.of(sweep, table) + " holds no"
              + " Parquet file), though its " + SweepOutput.MANIFEST + " says it is a sweep's:"
              + " deleted since the sweep ran? Nothing was written, and "
              + DamagedSweep.resumeCommand(sweep, new Configuration())
              + " runs its cells again";
        }
      }
    }
    return null;
  }

  private static boolean hasParquet(Path table) {
    if (!Files.isDirectory(table)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")
          && !f.getFileName().toString().startsWith("."));
    } catch (IOException | UncheckedIOException e) {
      return true; // unreadable: Spark says what
    }
  }

  /**
   * A problem with the local inputs or output found before starting Spark, or null; makes the
   * output folder when it does not exist yet.
   */
  static String checkInputs(SummarizeOptions options) {
    Path out = options.out().toAbsolutePath().normalize();
    for (String sweep : options.sweeps()) {
      if (sweep.contains("://")) {
        continue; // a remote file system: Spark checks it
      }
      Path folder = Path.of(sweep);
      if (!Files.isDirectory(folder)) {
        return "no sweep folder " + sweep;
      }
      for (String table : new String[] {"cells", "layers"}) {
        if (!Files.isDirectory(folder.resolve(table))) {
          return sweep + " has no " + table + "/ folder; is it a sweep's output folder"
              + " (output/<sweep>)?";
        }
      }
      for (String table : new String[] {"cells", "layers", "theory"}) {
        Path inside = folder.toAbsolutePath().normalize().resolve(table);
        if (out.startsWith(inside)) {
          return "--out " + options.out() + " is inside the sweep's " + table + "/ table;"
              + " a summary there would break the table: choose another folder";
        }
      }
    }
    Path existing = out;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      return "cannot write the summary into " + options.out() + ": " + existing
          + " is a file, not a folder";
    }
    if (existing != null && !Files.isWritable(existing)) {
      return "cannot write the summary into " + options.out() + ": " + existing
          + " is not writable";
    }
    if (!Files.exists(out)) {
      // Made now, so a folder that cannot be made is said before the work, not after it.
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        return "cannot write the summary into " + options.out() + ": cannot make the folder ("
            + e + ")";
      }
    }
    if (!options.overwrite()) {
      try {
        SummaryWriter.refuseExisting(options.out());
      } catch (FileAlreadyExistsException e) {
        return e.getFile() + " exists: " + e.getReason();
      }
    }
    return null;
  }
}
