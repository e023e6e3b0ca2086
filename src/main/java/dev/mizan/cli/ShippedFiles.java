package dev.mizan.cli;

import dev.mizan.config.ConfigError;
import dev.mizan.config.SettingsLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * Finds {@code --conf FILE} files that spark-submit shipped with {@code --files} when the driver runs on the cluster
 * ({@code --deploy-mode cluster}): {@code jobs/mizan} then passes only the file's name. YARN puts shipped files in the
 * driver's working directory, where the name already resolves; the standalone and Kubernetes masters do not, so a
 * name that is not a readable file is looked up among {@code spark.files} and read from there (a local path on a
 * shared machine, or any Hadoop URI, copied to a local temporary file). Runs before Spark starts, so configuration
 * errors still stop with exit 2.
 */
final class ShippedFiles {
  private ShippedFiles() {}

  static SettingsLoader.Overrides resolve(SettingsLoader.Overrides overrides) {
    if (overrides.confFiles().stream().allMatch(Files::isRegularFile) || !SparkSessions.launchedBySparkSubmit()) {
      return overrides;
    }
    SparkConf conf = new SparkConf();
    List<String> shipped = new ArrayList<>();
    for (String key : List.of("spark.files", "spark.yarn.dist.files")) {
      if (conf.contains(key)) {
        for (String f : conf.get(key).split(",")) {
          if (!f.isBlank()) {
            shipped.add(f.trim());
          }
        }
      }
    }
    List<Path> files = new ArrayList<>();
    for (Path p : overrides.confFiles()) {
      files.add(Files.isRegularFile(p) ? p : find(p, shipped, conf));
    }
    return new SettingsLoader.Overrides(files, overrides.sets(), overrides.options());
  }

  private static Path find(Path wanted, List<String> shipped, SparkConf conf) {
    String name = wanted.getFileName().toString();
    for (String s : shipped) {
      URI uri = URI.create(s.contains("://") || s.startsWith("file:") ? s : "file://" + Path.of(s).toAbsolutePath());
      String path = uri.getPath();
      if (path == null || !path.substring(path.lastIndexOf('/') + 1).equals(name)) {
        continue;
      }
      if (uri.getScheme() == null || uri.getScheme().equals("file") || uri.getScheme().equals("local")) {
        Path local = Path.of(path);
        if (Files.isRegularFile(local)) {
          return local;
        }
        continue;
      }
      try {
        Path dir = Files.createTempDirectory("mizan-conf");
        dir.toFile().deleteOnExit();
        Path local = dir.resolve(name);
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(uri);
        FileSystem fs = src.getFileSystem(SparkHadoopUtil.get().newConfiguration(conf));
        fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
        local.toFile().deleteOnExit();
        return local;
      } catch (IOException | RuntimeException e) {
        throw new ConfigError("--conf " + wanted + ": shipped as " + s + " (spark.files) but it cannot be read: " + e);
      }
    }
    return wanted; // SettingsLoader reports "no such file"
  }
}
