package dev.mizan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The scheduler definitions in jobs/ (Airflow DAG, Spark-operator SparkApplication, crontab) name the same jar, main
 * class and command options as the launcher jobs/mizan, and their arguments parse as a Mizan command line.
 */
class SchedulerDefinitionsTest {
  static final Path ROOT = SparkDist.root();

  /** What jobs/mizan submits: the main class and target/mizan-VERSION.jar (VERSION from pom.xml). */
  static String launcherMainClass() throws Exception {
    Matcher m = Pattern.compile("(?m)^MAIN=(\\S+)$").matcher(Files.readString(ROOT.resolve("jobs/mizan")));
    assertThat(m.find()).as("MAIN= in jobs/mizan").isTrue();
    return m.group(1);
  }

  static String jarName() throws Exception {
    Matcher m = Pattern.compile("<artifactId>mizan</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(m.find()).as("mizan version in pom.xml").isTrue();
    return "target/mizan-" + m.group(1) + ".jar";
  }

  /** The arguments, with the scheduler's date template filled in, parse as a Mizan command line (exit 0 with --help). */
  static void parsesAsMizanCommandLine(List<String> args, String what) {
    List<String> filled = new ArrayList<>(args.stream().map(a -> a.replace("{{ ds }}", "2025-08-07")).toList());
    filled.add("--help");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(filled.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(what + ": " + filled + " -> " + err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(args).as(what).startsWith("run").containsSubsequence("--from", "{{ ds }}")
        .containsSubsequence("--to", "{{ ds }}").contains("--input", "--output");
  }

  @Test
  void airflowDagSubmitsTheJobJarWithTheLaunchersClassAndArguments() throws Exception {
    Path dag = ROOT.resolve("jobs/airflow/mizan_daily_dag.py");
    // Airflow is not installed: parse the file with Python's ast and evaluate the operator's literal arguments.
    String script = String.join("\n",
        "import ast, json, sys",
        "tree = ast.parse(open(sys.argv[1]).read(), sys.argv[1])",
        "names = {}",
        "def ev(n):",
        "    if isinstance(n, ast.Constant): return n.value",
        "    if isinstance(n, ast.Name): return names[n.id]",
        "    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add): return ev(n.left) + ev(n.right)",
        "    if isinstance(n, (ast.List, ast.Tuple)): return [ev(e) for e in n.elts]",
        "    if isinstance(n, ast.Dict): return {ev(k): ev(v) for k, v in zip(n.keys, n.values)}",
        "    return None",
        "for s in tree.body:",
        "    if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):",
        "        names[s.targets[0].id] = ev(s.value)",
        "imports = [a.name for s in ast.walk(tree) if isinstance(s, ast.ImportFrom) for a in s.names",
        "           if s.module == 'airflow.providers.apache.spark.operators.spark_submit']",
        "calls = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and getattr(c.func, 'id', None) == 'SparkSubmitOperator']",
        "print(json.dumps({'imports': imports, 'operators': [{k.arg: ev(k.value) for k in c.keywords} for c in calls]}))");
    Process p = new ProcessBuilder("python3", "-c", script, dag.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("python3 parsing " + dag + ": " + out).isZero();
    JsonNode r = new ObjectMapper().readTree(out);
    assertThat(r.path("imports").toString()).contains("SparkSubmitOperator");
    assertThat(r.path("operators").size()).as("SparkSubmitOperator tasks").isEqualTo(1);
    JsonNode op = r.path("operators").get(0);
    assertThat(op.path("java_class").asText()).isEqualTo(launcherMainClass());
    assertThat(op.path("application").asText()).endsWith("/" + jarName());
    List<String> args = new ArrayList<>();
    op.path("application_args").forEach(a -> args.add(a.asText()));
    parsesAsMizanCommandLine(args, "DAG application_args");
    // --conf names a file shipped with files=
    int conf = args.indexOf("--conf");
    assertThat(conf).isPositive();
    assertThat(op.path("files").asText()).endsWith("/" + args.get(conf + 1));
    assertThat(op.path("files").asText()).startsWith(op.path("application").asText().replace(jarName(), ""));
  }

  @Test
  @SuppressWarnings("unchecked")
  void sparkApplicationManifestIsValidAndMatchesTheLauncher() throws Exception {
    Path file = ROOT.resolve("jobs/k8s/mizan-sparkapplication.yaml");
    Map<String, Object> app = new Yaml().load(Files.readString(file));
    assertThat(app).containsEntry("apiVersion", "sparkoperator.k8s.io/v1beta2").containsEntry("kind", "SparkApplication");
    assertThat((Map<String, Object>) app.get("metadata")).containsKey("name");
    Map<String, Object> spec = (Map<String, Object>) app.get("spec");
    assertThat(spec).containsEntry("type", "Java").containsEntry("mode", "cluster")
        .containsEntry("mainClass", launcherMainClass()).containsEntry("sparkVersion", "4.2.0")
        .containsKeys("image", "driver", "executor", "arguments");
    assertThat((String) spec.get("mainApplicationFile")).startsWith("local:///").endsWith("/" + jarName());
    assertThat((Map<String, Object>) spec.get("driver")).containsKeys("cores", "memory");
    assertThat((Map<String, Object>) spec.get("executor")).containsKeys("instances", "cores", "memory");
    parsesAsMizanCommandLine((List<String>) spec.get("arguments"), "SparkApplication arguments");
  }

  @Test
  void crontabRunsDailyShWithValidSchedule() throws Exception {
    List<String> entries = Files.readAllLines(ROOT.resolve("jobs/cron/mizan.crontab")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("^[A-Z_]+=.*")).toList();
    assertThat(entries).hasSize(1);
    String[] f = entries.get(0).trim().split("\\s+", 6);
    assertThat(f).hasSize(6);
    assertThat(f[0]).matches("[0-5]?[0-9]");
    assertThat(f[1]).matches("1?[0-9]|2[0-3]");
    assertThat(List.of(f[2], f[3], f[4])).containsOnly("*");
    String cmd = f[5];
    assertThat(cmd).contains("jobs/daily.sh");
    assertThat(ROOT.resolve("jobs/daily.sh")).isExecutable();
    // the options after -- go to `jobs/mizan run`; --master/--deploy-mode go to spark-submit
    String mizanOpts = cmd.substring(cmd.indexOf(" -- ") + 4, cmd.indexOf(">>")).trim();
    assertThat(mizanOpts).contains("--conf conf/cluster.conf");
    assertThat(ROOT.resolve("conf/cluster.conf")).exists();
    String daily = Files.readString(ROOT.resolve("jobs/daily.sh"));
    for (String env : List.of("MIZAN_INPUT", "MIZAN_OUTPUT", "MIZAN_STATE_DIR")) {
      assertThat(cmd).contains(env + "=");
      assertThat(daily).as("daily.sh reads " + env).contains("${" + env + ":-}");
    }
  }
}
