package sigprop.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The files of a wave-partitioned sweep table, each with the rows its footer counts and the rows
 * of its row groups whose every page was read whole and matched the CRC Parquet wrote beside it.
 * A file whose bytes changed inside since it was written (a disk fault, a bad copy) keeps a
 * readable footer and its row count, and without that check decodes into other numbers or a
 * decoder's failure only when a reader gets to its pages. The pages are read as stored, neither
 * decompressed nor decoded: the CRC covers those bytes, and checking them costs a read of the
 * file (decoding every column, as a reader would, took some 10 times as long).
 */
final class CheckedPages {
  /** parquet-mr's switch for checking each page's CRC on read (it writes them by default). */
  static final String VERIFY_PAGES = "parquet.page.verify-checksum.enabled";

  /**
   * One file.
   *
   * @param wave its wave
   * @param file its path as a URI (a space as %20), as Spark names a file
   * @param footerRows the rows its footer counts (0 for a file without a readable footer)
   * @param intactRows the rows of its row groups before one whose pages failed to read or their
   *     check (all when none)
   */
  record File(int wave, String file, long footerRows, long intactRows) implements Serializable {
    /** Whether some of its rows do not read whole. */
    boolean damaged() {
      return intactRows < footerRows;
    }

    /** The file's path below the table: {@code layers/wave=0/part-….parquet}. */
    String shortName() {
      Path p = path(file);
      return p.getParent().getParent().getName() + "/" + p.getParent().getName() + "/"
          + p.getName();
    }
  }

  private CheckedPages() {}

  /** A reader of sweep tables that checks each page it decodes against its CRC. */
  static DataFrameReader reader(SparkSession spark) {
    return spark.read().option(VERIFY_PAGES, "true");
  }

  /**
   * The data files of the table in {@code dir} ({@code wave=K/} folders, files whose names do not
   * begin with _ or ., as Spark reads them), each checked by Spark's tasks, so a cluster's
   * executors share the reading.
   */
  static List<File> of(SparkSession spark, Path dir) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs = dir.getFileSystem(conf);
    List<String> files = new ArrayList<>();
    if (!fs.exists(dir)) {
      return List.of();
    }
    for (FileStatus wave : fs.listStatus(dir)) {
      if (wave.isDirectory() && wave.getPath().getName().startsWith("wave=")) {
        for (FileStatus f : fs.listStatus(wave.getPath())) {
          String name = f.getPath().getName();
          if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
            files.add(fs.makeQualified(f.getPath()).toUri().toString());
          }
        }
      }
    }
    if (files.isEmpty()) {
      return List.of();
    }
    SerializableConfiguration shipped = new SerializableConfiguration(conf);
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files)
        .map(file -> check(file, shipped.value())).collect();
  }

  /** One file's footer rows and the rows of its row groups whose pages read whole. */
  private static File check(String file, Configuration conf) {
    int wave = wave(file);
    ParquetFileReader reader;
    try {
      reader = ParquetFileReader.open(HadoopInputFile.fromPath(path(file), conf),
          HadoopReadOptions.builder(conf).usePageChecksumVerification(true).build());
    } catch (IOException | RuntimeException e) {
      return new File(wave, file, 0, 0); // no readable footer: its wave's row counts tell
    }
    long intact = 0;
    try {
      // Each row group's pages are read as stored, each checked against its CRC as it is read.
      for (PageReadStore g = reader.readNextRowGroup(); g != null; g = reader.readNextRowGroup()) {
        intact += g.getRowCount();
      }
    } catch (IOException | RuntimeException e) {
      // A page that fails its CRC, or bytes that do not read (Hadoop's checksum file): the rows
      // from here on are not intact.
    }
    try {
      reader.close();
    } catch (IOException e) {
      // Nothing was written: a file that read to its end or failed above is judged already.
    }
    return new File(wave, file, reader.getRecordCount(), intact);
  }

  /** The K of a file's {@code wave=K} folder. */
  private static int wave(String file) {
    String folder = path(file).getParent().getName();
    return Integer.parseInt(folder.substring(folder.indexOf('=') + 1));
  }

  /** A file as a URI (a space as %20) as a Hadoop path (the space itself). */
  private static Path path(String file) {
    return new Path(URI.create(file));
  }
}
