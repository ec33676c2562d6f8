package io.vigil.demo;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil-demo}: starts the seed's six services on 127.0.0.1, drives them, injects a fault
 * into one and prints Vigil's diagnosis, the culprit first, with the URL of the report page.
 */
@Command(
    name = "vigil-demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts web-frontend, user-service, product-service, database, cache and search-service as",
      "Spring Boot services with Vigil's starter on 127.0.0.1, drives them, injects a fault into one",
      "after a warm-up and prints Vigil's diagnosis. The report page stays up until Ctrl-C."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the injected service was ranked first",
      "1:another service was ranked first",
      "2:bad usage",
      "3:no diagnosis within --timeout after the injection"
    })
public final class Demo implements Callable<Integer> {

  @Option(
      names = "--fault",
      defaultValue = "latency+errors",
      description = "latency, errors, cpu or latency+errors (default: ${DEFAULT-VALUE}).")
  private String fault = "latency+errors";

  @Option(
      names = "--target",
      defaultValue = "database",
      description = "The service that suffers the fault (default: ${DEFAULT-VALUE}).")
  private String target = "database";

  @Option(
      names = "--step",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "Analysis step: how often signals are taken (default: ${DEFAULT-VALUE}).")
  private Duration step = Duration.ofSeconds(1);

  @Option(
      names = "--warmup",
      defaultValue = "40s",
      converter = DurationConverter.class,
      description = "Normal traffic before the fault (default: ${DEFAULT-VALUE}).")
  private Duration warmup = Duration.ofSeconds(40);

  @Option(
      names = "--rate",
      defaultValue = "20",
      description = "Requests per second into web-frontend (default: ${DEFAULT-VALUE}).")
  private double rate = 20;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "Port of the report page; 0 takes a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--timeout",
      defaultValue = "3m",
      converter = DurationConverter.class,
      description =
          "How long to wait for the diagnosis after the fault (default: ${DEFAULT-VALUE}).")
  private Duration timeout = Duration.ofMinutes(3);

  @Option(
      names = "--exit-after-report",
      description = "Stop once the diagnosis is printed instead of keeping the page up.")
  private boolean exitAfterReport;

  /** Runs the demo; see {@code --help}. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Demo()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    DemoRun.Settings settings = settings();
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--port must be in 0..65535 but was " + port);
    }
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    out.println("starting " + String.join(", ", Topology.startOrder()) + " on 127.0.0.1 ...");
    DemoSystem system = DemoSystem.start(overrides());
    Thread closer = new Thread(system::close, "vigil-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(closer);
    String page = system.consoleUrl() + ConsoleApplication.REPORT_PAGE;
    out.printf(
        "up in %.1f s (step %s); report page: %s%n",
        seconds(System.currentTimeMillis() - jvmStart), text(step), page);

    Optional<DemoRun.Outcome> outcome = new DemoRun(system, out).run(settings);
    int exit;
    if (outcome.isEmpty()) {
      out.printf("no diagnosis within %s of the injection%n", text(timeout));
      exit = 3;
    } else {
      DemoRun.Outcome o = outcome.get();
      out.println();
      // This report's own page: the latest one may be a later incident by the time it is opened.
      new ReportPrinter(out).print(o.report(), page + "/" + o.report().sequence());
      out.printf(
          "diagnosed %.1f s after the fault was injected, %.1f s after start%n",
          seconds(o.reportedMillis() - o.injectedMillis()), seconds(o.reportedMillis() - jvmStart));
      String first = o.report().topCause().orElseThrow().service();
      exit = first.equals(target) ? 0 : 1;
      if (exit == 1) {
        out.println("the fault was in " + target + ", but Vigil ranked " + first + " first");
      }
    }
    if (exitAfterReport) {
      Runtime.getRuntime().removeShutdownHook(closer);
      system.close();
      return exit;
    }
    out.println("the page stays up; Ctrl-C stops the demo");
    Thread.currentThread().join();
    return exit;
  }

  private DemoRun.Settings settings() {
    CommandLine cli = new CommandLine(this);
    if (!(rate > 0 && rate <= 1_000)) {
      throw new CommandLine.ParameterException(cli, "--rate must be in (0, 1000] but was " + rate);
    }
    if (step.isNegative() || step.isZero()) {
      throw new CommandLine.ParameterException(
          cli, "--step must be positive but was " + text(step));
    }
    if (warmup.isNegative()) {
      throw new CommandLine.ParameterException(
          cli, "--warmup must be >= 0 but was " + text(warmup));
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new CommandLine.ParameterException(
          cli, "--timeout must be positive but was " + text(timeout));
    }
    try {
      return new DemoRun.Settings(Fault.parse(fault), target, warmup, rate, 16, timeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    }
  }

  private Map<String, Object> overrides() {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put(DemoProperties.STEP, text(step));
    overrides.put(DemoProperties.CONSOLE_PORT, Integer.toString(port));
    return overrides;
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toMillis() / 1000 + "s" : d.toMillis() + "ms";
  }

  private static double seconds(long millis) {
    return millis / 1000.0;
  }

  /** Reads {@code 500ms}, {@code 1s}, {@code 2m} or ISO-8601 durations. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationStyle.detectAndParse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration: expected e.g. 500ms, 1s, 2m");
      }
    }
  }
}
