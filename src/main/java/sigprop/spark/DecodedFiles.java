package sigprop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.xxhash64;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The files of a wave-partitioned sweep table, each with the rows its footer counts and the rows
 * that decode, every column of every page read and each page checked against the CRC Parquet
 * wrote beside it. A file whose bytes changed inside since it was written (a disk fault, a bad
 * copy) keeps a readable footer and its row count, and without that check decodes into other
 * numbers or a decoder's failure only when a reader gets to its pages.
 */
final class DecodedFiles {
  /** parquet-mr's switch for checking each page's CRC on read (it writes them by default). */
  static final String VERIFY_PAGES = "parquet.page.verify-checksum.enabled";

  /**
   * One file.
   *
   * @param wave its wave
   * @param file its path, as Spark names it (a URI)
   * @param footerRows the rows its footer counts (0 for a file without a readable footer)
   * @param decodedRows the rows read before a page failed to decode or its check (all when none)
   */
  record File(int wave, String file, long footerRows, long decodedRows) {
    /** Whether some of its rows do not decode. */
    boolean damaged() {
      return decodedRows < footerRows;
    }

    /** The file's path below the table: {@code layers/wave=0/part-….parquet}. */
    String shortName() {
      Path p = path(file);
      return p.getParent().getParent().getName() + "/" + p.getParent().getName() + "/"
          + p.getName();
    }
  }

  private DecodedFiles() {}

  /** A reader of sweep tables that checks each page it decodes against its CRC. */
  static DataFrameReader reader(SparkSession spark) {
    return spark.read().option(VERIFY_PAGES, "true");
  }

  /**
   * The files of the table in {@code dir}, read with {@code schema} and its wave column. A file
   * that cannot be read counts the rows read before the failure (Spark skips the rest of it).
   */
  static List<File> of(SparkSession spark, Path dir, StructType schema) {
    StructType withWave = schema.add("wave", DataTypes.IntegerType);
    Map<String, Long> footer = new HashMap<>();
    // No column asked for: Spark takes the counts from the footers, reading no page.
    for (Row r : reader(spark).option("ignoreCorruptFiles", "true").schema(withWave)
        .parquet(dir.toString()).groupBy(input_file_name()).count().collectAsList()) {
      footer.put(r.getString(0), r.getLong(1));
    }
    List<Column> all = new ArrayList<>();
    for (String name : schema.fieldNames()) {
      all.add(col(name));
    }
    List<File> files = new ArrayList<>();
    // A hash of every column makes Spark decode every page; max keeps it from being dropped.
    for (Row r : reader(spark).option("ignoreCorruptFiles", "true").schema(withWave)
        .parquet(dir.toString())
        .select(col("wave"), input_file_name().as("file"),
            xxhash64(all.toArray(new Column[0])).as("hash"))
        .groupBy("wave", "file").agg(count(lit(1)), max("hash")).collectAsList()) {
      String file = r.getString(1);
      files.add(new File(r.getInt(0), file, footer.getOrDefault(file, 0L), r.getLong(2)));
      footer.remove(file);
    }
    // A file none of whose rows decode is not in the decoded rows' groups.
    footer.forEach((file, rows) -> files.add(new File(wave(file), file, rows, 0)));
    return files;
  }

  /** The K of a file's {@code wave=K} folder. */
  private static int wave(String file) {
    String folder = path(file).getParent().getName();
    return Integer.parseInt(folder.substring(folder.indexOf('=') + 1));
  }

  /** A file as Spark names it (a URI, a space as %20) as a Hadoop path (the space itself). */
  private static Path path(String file) {
    return new Path(URI.create(file));
  }
}
