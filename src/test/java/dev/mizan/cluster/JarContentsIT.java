package dev.mizan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The shaded job jar holds Mizan and relocated Typesafe Config and Lucene, and no Spark, Scala or Hadoop classes. */
class JarContentsIT {
  @Test
  void theJobJarHoldsOnlyMizanAndItsRelocatedLibraries() throws Exception {
    Path jar = SparkDist.jar();
    try (JarFile j = new JarFile(jar.toFile())) {
      List<String> names = Collections.list(j.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names).as(jar + " entries").contains("dev/mizan/cli/Main.class", "reference.conf",
          "mizan/gazetteer/countries.tsv");
      for (String forbidden : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "com/typesafe/",
          "org/apache/lucene/")) {
        assertThat(names).as(jar + ": entries under " + forbidden).noneMatch(n -> n.startsWith(forbidden));
      }
      assertThat(names).as("relocated Typesafe Config").anyMatch(n -> n.startsWith("dev/mizan/shaded/config/"));
      assertThat(names).as("relocated Lucene").anyMatch(n -> n.startsWith("dev/mizan/shaded/lucene/"));
      assertThat(names).as("service files name relocated classes")
          .filteredOn(n -> n.startsWith("META-INF/services/"))
          .noneMatch(n -> n.contains("org.apache.lucene") || n.contains("com.typesafe"));
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.mizan.cli.Main");
    }
  }
}
