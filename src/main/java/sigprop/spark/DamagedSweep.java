package sigprop.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;

/**
 * What {@code summarize} says of a sweep folder it cannot read whole: a damaged file (truncated,
 * changed since the sweep wrote it), a wave that lost files, a table gone; and the command that
 * repairs it, the sweep's own with {@code --resume}, which runs such waves again (and writes a
 * damaged theory table again), from the config and overrides its {@code sweep.json} records.
 */
final class DamagedSweep {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DamagedSweep() {}

  /** The file a failed Spark read names (its error's {@code path}), or null. */
  static String unreadableFile(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable s && s.getCondition() != null
          && s.getCondition().startsWith("FAILED_READ_FILE")) {
        String path = s.getMessageParameters().get("path");
        if (path != null) {
          return path;
        }
      }
    }
    return null;
  }

  /** The sweep folder of {@code file} among {@code folders}, or the first one. */
  static String folderOf(String file, List<String> folders, Configuration conf) {
    String qualified = qualified(file, conf);
    for (String folder : folders) {
      String f = qualified(folder, conf);
      if (qualified.startsWith(f.endsWith("/") ? f : f + "/")) {
        return folder;
      }
    }
    return folders.get(0);
  }

  private static String qualified(String path, Configuration conf) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).makeQualified(p).toUri().getPath();
    } catch (IOException | IllegalArgumentException e) {
      return path;
    }
  }

  /**
   * "the sweep's command with --resume (sweep conf/x.yaml --set seeds=2 --out output
   * --resume)", from the folder's sweep.json; without a readable one, the command's outline.
   */
  static String resumeCommand(String folder, Configuration conf) {
    Path root = new Path(folder);
    String out = root.getParent() == null ? "." : root.getParent().toString();
    String config = "CONFIG";
    String rename = "";
    StringBuilder sets = new StringBuilder();
    try {
      Path manifest = new Path(root, SweepOutput.MANIFEST);
      FileSystem fs = manifest.getFileSystem(conf);
      try (InputStream in = fs.open(manifest)) {
        JsonNode n = JSON.readTree(in);
        config = n.path("config_source").asText("CONFIG");
        String sweep = n.path("sweep").asText(root.getName());
        if (!sweep.equals(root.getName())) { // the sweep writes <out>/<sweep>
          rename = ", the folder named " + sweep + " again first";
        }
        for (JsonNode set : n.path("overrides")) {
          sets.append(" --set ").append(quoted(set.asText()));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // No manifest to read: the outline.
    }
    return "the sweep's command with --resume (sweep " + quoted(config) + sets + " --out "
        + quoted(out) + " --resume" + rename + ")";
  }

  /** A word as a shell reads it: in single quotes when it holds more than plain characters. */
  static String quoted(String word) {
    return word.matches("[A-Za-z0-9_./=,:+@%-]+") ? word
        : "'" + word.replace("'", "'\\''") + "'";
  }
}
