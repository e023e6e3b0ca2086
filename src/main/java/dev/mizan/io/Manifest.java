package dev.mizan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mizan.config.Settings;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * {@code <output>/_manifest.json}: what a command read, wrote and how long each phase took.
 * Fields are added by the jobs as they go; {@link #write} checks that rows read = scored + quarantined.
 */
public final class Manifest {
  public static final String FILE = "_manifest.json";
  /** Version of the manifest layout. */
  public static final int FORMAT_VERSION = 1;

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private final Map<String, Long> tables = new TreeMap<>();
  private final Instant started = Instant.now();

  public Manifest(String command, Settings settings, List<String> inputs) {
    fields.put("version", version());
    fields.put("manifest_version", FORMAT_VERSION);
    fields.put("command", command);
    fields.put("config_digest", settings.digest());
    fields.put("inputs", List.copyOf(inputs));
    fields.put("output", settings.output().path());
    Map<String, Object> range = new LinkedHashMap<>();
    range.put("from", settings.range().from() == null ? null : settings.range().from().toString());
    range.put("to", settings.range().to() == null ? null : settings.range().to().toString());
    fields.put("range", range);
  }

  /** The application version from the jar manifest, or the development version. */
  public static String version() {
    String v = Manifest.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }

  public Manifest put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public Object get(String key) {
    return fields.get(key);
  }

  public Manifest phase(String name, long millis) {
    phases.merge(name, millis, Long::sum);
    return this;
  }

  public Manifest table(String name, long rows) {
    tables.put(name, rows);
    return this;
  }

  public Map<String, Long> tables() {
    return tables;
  }

  /** The JSON text; fails if rows_read is present and does not equal rows_scored + rows_quarantined. */
  public String toJson() {
    if (fields.containsKey("rows_read")) {
      long read = ((Number) fields.get("rows_read")).longValue();
      long scored = ((Number) fields.getOrDefault("rows_scored", 0L)).longValue();
      long quarantined = ((Number) fields.getOrDefault("rows_quarantined", 0L)).longValue();
      if (read != scored + quarantined) {
        throw new IllegalStateException("manifest does not add up: rows_read " + read + " != rows_scored " + scored
            + " + rows_quarantined " + quarantined);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(fields);
    out.put("tables", tables);
    out.put("durations_ms", phases);
    out.put("started", started.truncatedTo(ChronoUnit.MILLIS).toString());
    out.put("finished", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the manifest", e);
    }
  }

  /** Writes {@code <output>/_manifest.json} (atomically) and returns its path. */
  public String write(SparkSession spark, String outputDir) {
    String path = TableIO.tablePath(outputDir, FILE);
    TableIO.writeText(spark, path, toJson());
    return path;
  }
}
