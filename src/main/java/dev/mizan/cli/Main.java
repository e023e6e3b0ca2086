package dev.mizan.cli;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.pipeline.AggregateJob;
import dev.mizan.pipeline.ClassifyJob;
import dev.mizan.pipeline.Phases;
import dev.mizan.pipeline.ReportJob;
import dev.mizan.pipeline.RunJob;
import dev.mizan.pipeline.ScoreJob;
import dev.mizan.pipeline.TopJob;
import dev.mizan.pipeline.TrainJob;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/** {@code mizan COMMAND [OPTIONS]}: parse → settings → SparkSession → job. Exit 0 / 2 (usage, configuration) / 1. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** The testable entry: returns the exit status instead of exiting. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length > 0 ? args[0] : "";
    String prefix = CommandLine.COMMANDS.containsKey(command) ? "mizan " + command + ": " : "mizan: ";
    try {
      CommandLine.Parsed p = CommandLine.parse(args);
      if (p.command() == null) {
        out.print(CommandLine.globalUsage());
        return 0;
      }
      if (p.help()) {
        out.print(CommandLine.commandUsage(p.command()));
        return 0;
      }
      Settings settings = SettingsLoader.load(ShippedFiles.resolve(p.overrides()));
      boolean report = p.command().equals("evaluate") && p.extra().containsKey("--report");
      requireInput(report ? "evaluate --report" : p.command(), settings);
      if (p.command().equals("generate")) {
        dev.mizan.bench.GenerateJob.validate(p.extra(), settings); // before Spark starts: exit 2 on bad options
      }
      if (report) {
        out.println("mizan evaluate: wrote " + dev.mizan.eval.EvaluationReport.write(
            java.nio.file.Path.of(p.extra().get("--report")), java.nio.file.Path.of(settings.output().path())));
        return 0; // the report needs no Spark
      }
      // evaluate reads its labelled rows first: a bad --dataset, --split or file is exit 2 before Spark starts
      dev.mizan.eval.LabelledData.Data labelled =
          p.command().equals("evaluate") ? dev.mizan.pipeline.EvaluateJob.load(settings) : null;
      Phases.reset();
      SparkSessions.Session session = SparkSessions.open(settings);
      try {
        if (labelled != null) {
          dev.mizan.pipeline.EvaluateJob.run(settings, session.spark(), labelled, out);
          return 0;
        }
        execute(p, settings, session.spark(), out);
      } finally {
        session.close();
      }
      return 0;
    } catch (ConfigError e) {
      for (String problem : e.problems()) {
        err.println(prefix + problem);
      }
      return 2;
    } catch (Throwable t) {
      String phase = Phases.current();
      err.println(prefix + "failed" + (phase != null ? " during \"" + phase + "\"" : "") + ": " + summary(t));
      t.printStackTrace(err);
      return 1;
    }
  }

  private static void execute(CommandLine.Parsed p, Settings settings, SparkSession spark, PrintStream out) {
    switch (p.command()) {
      case "run" -> RunJob.run(settings, spark);
      case "score" -> ScoreJob.run(settings, spark);
      case "aggregate" -> AggregateJob.run(settings, spark);
      case "classify" -> ClassifyJob.run(settings, spark);
      case "top" -> TopJob.run(settings, spark, p.limit(), out);
      case "report" -> out.println("mizan report: wrote " + ReportJob.run(settings, spark));
      case "generate" -> dev.mizan.bench.GenerateJob.run(settings, spark, p.extra(), out);
      case "bench" -> dev.mizan.bench.BenchJob.run(settings, spark, out);
      case "train" -> TrainJob.run(settings, spark, out);
      default -> throw new IllegalStateException("unhandled command " + p.command());
    }
  }

  private static void requireInput(String command, Settings settings) {
    if (settings.output().path().isBlank()) {
      throw new ConfigError("--output is required (or set mizan.output.path)");
    }
    if ((command.equals("run") || command.equals("score") || command.equals("classify") || command.equals("bench")
        || command.equals("evaluate")) && settings.input().path().isBlank()) {
      throw new ConfigError("--input is required (or set mizan.input.path)");
    }
  }

  /** The exception and its causes' messages on one line. */
  static String summary(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Throwable c = t;
    int depth = 0;
    while (c != null && depth++ < 4) {
      if (sb.length() > 0) {
        sb.append("; caused by ");
      }
      String msg = c.getMessage();
      sb.append(c.getClass().getName());
      if (msg != null) {
        sb.append(": ").append(msg.lines().findFirst().orElse(""));
      }
      if (c.getCause() == c) {
        break;
      }
      c = c.getCause();
    }
    return sb.toString();
  }
}
