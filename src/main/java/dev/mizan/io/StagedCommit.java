package dev.mizan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes table writes all-or-nothing per date partition, on any Hadoop file system.
 *
 * <p>One write = one <em>staging</em> directory {@code <output>/_staging/<write-id>/}: Spark writes the table into
 * {@code <write-id>/<table>}, then each staged partition directory {@code date=D} replaces {@code <table>/date=D}:
 * the old partition is renamed aside into {@code <write-id>/_trash/<table>/date=D}, the new one renamed into place,
 * the old one deleted. A reader therefore sees, for each date, the previous complete partition, briefly nothing, or
 * the new complete partition, never a half-written one (on file systems where a directory rename is atomic: local,
 * HDFS, ABFS with hierarchical namespace; NOT on S3, where a rename is a copy — see README "Running on a cluster").
 * Unpartitioned tables are replaced as a whole directory the same way.
 *
 * <p>While a write runs, a heartbeat file {@code <write-id>/_alive} is rewritten every {@value #HEARTBEAT_SECONDS}
 * seconds. A write that died (driver killed, machine lost) leaves its staging directory behind; the next write to the
 * same output treats every staging directory whose heartbeat is older than the stale limit (Spark setting
 * {@value #STALE_KEY}, default {@value #DEFAULT_STALE_SECONDS} s) as dead: it first moves any partition it had renamed
 * aside but not yet replaced back into place (so the previous output is never lost), then deletes it. Spark ignores
 * directories starting with {@code _}, so neither staging nor trash is ever read as table data.
 */
public final class StagedCommit {
  private static final Logger LOG = LoggerFactory.getLogger("mizan");
  public static final String STAGING = "_staging";
  public static final String TRASH = "_trash";
  public static final String ALIVE = "_alive";
  public static final String STALE_KEY = "spark.mizan.staging.staleAfterSeconds";
  public static final long DEFAULT_STALE_SECONDS = 600;
  static final long HEARTBEAT_SECONDS = 15;
  /**
   * The scratch directories open in this JVM (qualified paths): never stale to this process's own writes, even with
   * a stale limit shorter than the heartbeat period.
   */
  private static final java.util.Set<String> OPEN_SCRATCH = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final FileSystem fs;
  private final Path output;
  private final Path dir;
  private final ScheduledExecutorService heartbeat;

  private StagedCommit(FileSystem fs, Path output, Path dir) {
    this.fs = fs;
    this.output = output;
    this.dir = dir;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mizan-staging-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Stages one table under {@code output}, lets {@code writer} fill the staged table directory, then commits it.
   * Cleans up dead writes' staging first.
   *
   * @param writer receives the staged table path (a Hadoop URI string) and writes the table there
   * @param partitioned whether the table is partitioned (commit per partition) or not (commit the whole directory)
   * @param extraFiles file name → text written into the committed table directory (e.g. {@code _schema.json})
   */
  public static void write(Configuration conf, String outputDir, String table, boolean partitioned, long staleSeconds,
      Consumer<String> writer, java.util.Map<String, String> extraFiles) {
    Path output = new Path(outputDir);
    try {
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
      StagedCommit c = open(fs, output, table, staleSeconds);
      c.run(table, partitioned, writer, extraFiles);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write table " + table + " under " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /** Cleans up dead writes' staging, then names a new staging directory {@code <output>/_staging/<time>-<name>-<rand>}. */
  private static StagedCommit open(FileSystem fs, Path output, String name, long staleSeconds) throws IOException {
    cleanStale(fs, output, staleSeconds * 1000L);
    String id = ID_TIME.format(Instant.now()) + "-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new StagedCommit(fs, output, new Path(new Path(output, STAGING), id));
  }

  /**
   * Opens a scratch directory {@code <output>/_staging/<write-id>/} for intermediate data of one run (e.g. score's
   * analysed rows, written once and read back by every table write). While it is open its heartbeat is kept fresh,
   * so concurrent table writes ({@link #cleanStale}) leave it alone however long the run takes; {@link
   * Scratch#close} deletes it. If the driver dies it is left behind and the next write to the output deletes it once
   * its heartbeat is older than the stale limit, as for a dead table write. Cleans up dead writes' staging first.
   *
   * @param name a short name in the write-id (letters, digits, '-')
   */
  public static Scratch scratch(Configuration conf, String outputDir, String name, long staleSeconds) {
    Path output = new Path(outputDir);
    try {
      FileSystem fs = output.getFileSystem(conf);
      output = fs.makeQualified(output);
      StagedCommit c = open(fs, output, name, staleSeconds);
      mkdirs(fs, c.dir);
      OPEN_SCRATCH.add(c.dir.toString());
      c.startHeartbeat();
      return new Scratch(c);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging directory under " + outputDir + ": " + e.getMessage(), e);
    }
  }

  /** A scratch directory kept alive until {@link #close}, which deletes it (see {@link #scratch}). */
  public static final class Scratch implements AutoCloseable {
    private final StagedCommit c;

    private Scratch(StagedCommit c) {
      this.c = c;
    }

    /** A path (Hadoop URI string) inside the scratch directory; nothing is created there. */
    public String path(String child) {
      return new Path(c.dir, child).toString();
    }

    /** Stops the heartbeat and deletes the directory (a failure to delete is logged; the next write retries). */
    @Override
    public void close() {
      c.heartbeat.shutdownNow();
      try {
        c.fs.delete(c.dir, true);
      } catch (IOException e) {
        LOG.warn("could not delete the staging directory {} ({}); the next write will", c.dir, e.toString());
      } finally {
        OPEN_SCRATCH.remove(c.dir.toString());
      }
      removeStagingIfEmpty(c.fs, c.output);
    }
  }

  private void startHeartbeat() throws IOException {
    beat();
    heartbeat.scheduleAtFixedRate(() -> {
      try {
        beat();
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot refresh the staging heartbeat {}: {}", new Path(dir, ALIVE), e.toString());
      }
    }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  private void run(String table, boolean partitioned, Consumer<String> writer, java.util.Map<String, String> extraFiles)
      throws IOException {
    mkdirs(fs, dir);
    startHeartbeat();
    boolean clean = false;
    try {
      Path staged = new Path(dir, table);
      writer.accept(staged.toString());
      Path target = new Path(output, table);
      if (partitioned) {
        fs.mkdirs(target);
        List<FileStatus> parts = new ArrayList<>();
        if (fs.exists(staged)) {
          for (FileStatus s : fs.listStatus(staged)) {
            if (s.isDirectory() && s.getPath().getName().contains("=")) {
              parts.add(s);
            }
          }
        }
        parts.sort(Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus part : parts) {
          String name = part.getPath().getName();
          replace(part.getPath(), new Path(target, name), new Path(new Path(new Path(dir, TRASH), table), name));
        }
        for (var e : extraFiles.entrySet()) {
          TableIO.writeText(fs, new Path(target, e.getKey()), e.getValue());
        }
        LOG.info("committed {} partitions of {}", parts.size(), target);
      } else {
        fs.mkdirs(staged);
        for (var e : extraFiles.entrySet()) {
          TableIO.writeText(fs, new Path(staged, e.getKey()), e.getValue());
        }
        replace(staged, target, new Path(new Path(dir, TRASH), table));
        LOG.info("committed {}", target);
      }
      clean = true;
    } finally {
      heartbeat.shutdownNow();
      try {
        if (!clean) {
          restoreTrash(fs, output, dir);
        }
        fs.delete(dir, true);
      } catch (IOException e) {
        LOG.warn("could not clean up the staging directory {} ({}); the next write will", dir, e.toString());
      }
      removeStagingIfEmpty(fs, output);
    }
  }

  /**
   * Removes {@code <output>/_staging} when it holds nothing (our own write directory is gone and no other write has
   * one there), so a finished run leaves only its tables. A non-recursive delete: a directory that is not empty, e.g.
   * another running write's staging or this run's open scratch, is left alone (the file system refuses it
   * atomically); a failure is ignored. A write that creates its directory at that moment recreates the parent
   * ({@link #mkdirs}).
   */
  static void removeStagingIfEmpty(FileSystem fs, Path output) {
    Path staging = new Path(output, STAGING);
    try {
      FileStatus[] left = fs.listStatus(staging);
      if (left.length == 0) {
        fs.delete(staging, false);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} left in place: {}", staging, e.toString());
    }
  }

  /**
   * Creates {@code dir} and its parents; retried because another run's {@link #removeStagingIfEmpty} may remove the
   * (then empty) {@code _staging} parent between the two steps of a mkdirs.
   */
  private static void mkdirs(FileSystem fs, Path dir) throws IOException {
    for (int attempt = 0; attempt < 5; attempt++) {
      if (fs.mkdirs(dir) || fs.isDirectory(dir)) {
        return;
      }
    }
    throw new IOException("cannot create the staging directory " + dir);
  }

  private void beat() throws IOException {
    try (FSDataOutputStream out = fs.create(new Path(dir, ALIVE), true)) {
      out.write((Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Replaces {@code target} by {@code staged}: old aside into {@code trash}, new into place, old deleted. */
  private void replace(Path staged, Path target, Path trash) throws IOException {
    boolean had = fs.exists(target);
    if (had) {
      fs.mkdirs(trash.getParent());
      if (!fs.rename(target, trash)) {
        throw new IOException("cannot move the previous " + target + " aside to " + trash);
      }
    }
    if (!fs.rename(staged, target)) {
      if (had && !fs.rename(trash, target)) {
        throw new IOException("cannot rename " + staged + " to " + target + " and cannot move the previous version back from "
            + trash + "; move it back by hand");
      }
      throw new IOException("cannot rename " + staged + " to " + target);
    }
    if (had) {
      fs.delete(trash, true);
    }
  }

  /** Deletes dead writes' staging directories under {@code output}, first restoring what they had moved aside. */
  static void cleanStale(FileSystem fs, Path output, long staleMillis) throws IOException {
    Path staging = new Path(output, STAGING);
    if (!fs.exists(staging)) {
      return;
    }
    long now = System.currentTimeMillis();
    for (FileStatus w : fs.listStatus(staging)) {
      if (!w.isDirectory() || OPEN_SCRATCH.contains(w.getPath().toString())) {
        continue;
      }
      long last = w.getModificationTime();
      Path alive = new Path(w.getPath(), ALIVE);
      if (fs.exists(alive)) {
        last = Math.max(last, fs.getFileStatus(alive).getModificationTime());
      }
      if (now - last < staleMillis) {
        LOG.info("{} belongs to a write that is still running or died less than {} s ago; left alone",
            w.getPath(), staleMillis / 1000);
        continue;
      }
      LOG.warn("cleaning up {} left by a write that died (last heartbeat {})", w.getPath(),
          Instant.ofEpochMilli(last));
      restoreTrash(fs, output, w.getPath());
      fs.delete(w.getPath(), true);
    }
  }

  /** Moves back every partition (or table) a write moved aside whose place is still empty. */
  static void restoreTrash(FileSystem fs, Path output, Path writeDir) throws IOException {
    Path trash = new Path(writeDir, TRASH);
    if (!fs.exists(trash)) {
      return;
    }
    for (FileStatus table : fs.listStatus(trash)) {
      Path target = new Path(output, table.getPath().getName());
      FileStatus[] children = fs.listStatus(table.getPath());
      boolean partitions = children.length > 0
          && Arrays.stream(children).allMatch(c -> c.isDirectory() && c.getPath().getName().contains("="));
      if (partitions) {
        for (FileStatus part : children) {
          restore(fs, part.getPath(), new Path(target, part.getPath().getName()));
        }
      } else {
        restore(fs, table.getPath(), target);
      }
    }
  }

  private static void restore(FileSystem fs, Path aside, Path target) throws IOException {
    if (fs.exists(target)) {
      return; // the new version made it into place; the old one is garbage
    }
    fs.mkdirs(target.getParent());
    if (fs.rename(aside, target)) {
      LOG.warn("restored the previous {} from {}", target, aside);
    } else {
      throw new IOException("cannot restore the previous " + target + " from " + aside + "; move it back by hand");
    }
  }
}
