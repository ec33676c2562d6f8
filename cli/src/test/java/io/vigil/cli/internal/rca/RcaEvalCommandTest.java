package io.vigil.cli.internal.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.cli.internal.CliRun;
import io.vigil.rca.RankedCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcaEvalCommandTest {

  @TempDir Path dir;

  private String run(String... args) {
    CliRun run = CliRun.of(args);
    return run.code() + "\n" + run.out() + run.err();
  }

  /** An RCD case: {@code culprit}'s cpu jumps at the first anomalous row, the other's is flat. */
  private void rcdCase(String culprit, String fault, int n, String other) throws IOException {
    Path caseDir = Files.createDirectories(dir.resolve(culprit + "-" + fault).resolve("" + n));
    String header = "time," + culprit + "_cpu," + other + "-db_cpu," + culprit + "_mem\n";
    StringBuilder normal = new StringBuilder(header);
    StringBuilder anomalous = new StringBuilder(header);
    for (int i = 0; i < 20; i++) {
      // Memory in bytes, constant: read in MB it must not outweigh the cpu jump.
      normal.append(
          String.format(Locale.ROOT, "%d,%d,%d,%d%n", 1000 + i, 10 + i % 3, 5 + i % 2, 300L << 20));
      anomalous.append(
          String.format(
              Locale.ROOT, "%d,%d,%d,%d%n", 2000 + i, 90, 5 + i % 2, (300L << 20) + 4096));
    }
    Files.writeString(caseDir.resolve("normal.csv"), normal);
    Files.writeString(caseDir.resolve("anomalous.csv"), anomalous);
  }

  @Test
  void rcdFixtureIsRankedByEveryMethodAndScoredPerFaultType() throws IOException {
    rcdCase("carts", "cpu", 1, "orders");
    rcdCase("orders", "cpu", 1, "carts");
    rcdCase("user", "mem", 1, "carts");

    for (String method : List.of("vigil", "baro", "nsigma")) {
      String out =
          run("rca", "eval", "--format", "rcd", "--data", dir.toString(), "--method", method);
      assertThat(out).startsWith("0\n");
      assertThat(out).contains("cpu AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=2");
      assertThat(out.strip()).endsWith("AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=3");
    }
  }

  private static RankedCause cause(String service, double score) {
    return new RankedCause(service, score, List.of(), List.of(), 0L);
  }

  @Test
  void aTruthTiedWithOtherCausesRanksAfterAllOfThem() {
    List<RankedCause> ranking =
        List.of(cause("a", 0.9), cause("b", 0.5), cause("truth", 0.5), cause("c", 0.5));

    assertThat(RcaEvalCommand.rankOf(ranking, "a")).isEqualTo(1);
    assertThat(RcaEvalCommand.rankOf(ranking, "b")).isEqualTo(4);
    assertThat(RcaEvalCommand.rankOf(ranking, "truth")).isEqualTo(4);
    assertThat(RcaEvalCommand.rankOf(ranking, "absent")).isZero();
    assertThat(RcaEvalCommand.rankOf(List.of(cause("x", 0.0), cause("truth", 0.0)), "truth"))
        .isEqualTo(2);
  }

  @Test
  void rcdLoaderMapsColumnsToServicesAndDropsTheDbSuffix() {
    assertThat(RcdDataset.serviceOf("carts-db_cpu")).isEqualTo("carts");
    assertThat(RcdDataset.serviceOf("front-end_lat_50")).isEqualTo("front-end");
    assertThat(RcdDataset.serviceOf("queue-master_mem")).isEqualTo("queue-master");
  }

  @Test
  void nezhaFixtureUsesTheInjectedPodsServiceAndTheDependencyGraph() throws IOException {
    Path day = Files.createDirectories(dir.resolve("rca_data/2022-01-01/metric"));
    Files.writeString(
        day.resolveSibling("2022-01-01-fault_list.json"),
        """
        {"10": [
          {"inject_time": "2022-01-01 10:30:00", "inject_pod": "cart-abc12-xyz9",
           "inject_type": "cpu_contention"},
          {"inject_time": "2022-01-01 10:38:00", "inject_pod": "frontend-1a2b3c-q1w2e",
           "inject_type": "return"}
        ]}
        """);
    Files.writeString(
        day.resolve("dependency.csv"),
        "Source,Target,Weight\nfrontend,cart,1\nfrontend,33.33.33.1,1\n");
    StringBuilder edges = new StringBuilder("time,timestamp,frontend_cart,frontend_ghost\n");
    for (int m = 0; m < 50; m++) {
      edges.append(
          String.format(
              Locale.ROOT,
              "2022-01-01 10:%02d:20.1 +0000 UTC m=+0.1,1,%s,1%n",
              m,
              m >= 30 && m < 36 ? "0.9" : "0.01"));
    }
    Files.writeString(day.resolve("source_50.csv"), edges);
    writePod(day, "frontend-1a2b3c-q1w2e", 38, 42);
    writePod(day, "cart-abc12-xyz9", 30, 36);

    List<EvalCase> cases = NezhaDataset.load(dir, SignalSource.METRICS);
    assertThat(cases).extracting(EvalCase::rootCause).containsExactly("cart", "frontend");
    assertThat(cases.get(0).incident().graph().edges())
        .containsExactly(List.of("frontend", "cart"));
    // Per-edge latency is a signal of the callee; columns naming unknown services are skipped.
    assertThat(cases.get(0).incident().series())
        .filteredOn(s -> s.signal().startsWith("source"))
        .extracting(s -> s.service() + " " + s.signal())
        .containsExactly("cart sourceLatency(frontend->cart)");
    // Host columns and client-side latency are not evidence about the pod.
    assertThat(cases.get(0).incident().series())
        .extracting(s -> s.signal())
        .doesNotContain("NodeCpuUsageRate(%)", "PodClientLatencyP90(s)");
    // The second fault's normal window leaves out the first fault's anomalous window.
    long firstFault = cases.get(0).incident().startMillis();
    long[] normal = cases.get(1).incident().series().get(0).timestamps();
    assertThat(java.util.Arrays.stream(normal).boxed().toList())
        .isNotEmpty()
        .noneMatch(t -> t >= firstFault && t <= firstFault + 5 * 60_000L);

    String out = run("rca", "eval", "--format", "nezha", "--data", dir.toString());
    assertThat(out).startsWith("0\n").contains("cpu_contention AC@1=1.00");
    assertThat(out.strip()).endsWith("cases=2");
  }

  /** A pod whose CPU is 10 +- 1 except between the given minutes past 10:00, when it is 80. */
  private static void writePod(Path day, String pod, int from, int to) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "Time,TimeStamp,PodName,CpuUsageRate(%),PodSuccessRate(%),NodeCpuUsageRate(%),"
                + "PodClientLatencyP90(s)\n");
    for (int m = 0; m < 50; m++) {
      double cpu = m >= from && m < to ? 80 : 10 + m % 2;
      csv.append(
          String.format(
              Locale.ROOT,
              "2022-01-01 10:%02d:19.5 +0000 UTC m=+0.1,1,%s,%s,100,5,0.1%n",
              m,
              pod,
              cpu));
    }
    Files.writeString(day.resolve(pod + "_metric.csv"), csv);
  }

  @Test
  void badInputNamesTheProblemAndExitsWithTwo() throws IOException {
    assertThat(run("rca", "eval", "--format", "rcd", "--data", dir.resolve("nope").toString()))
        .startsWith("2\n")
        .contains("not a directory");
    Path caseDir = Files.createDirectories(dir.resolve("a-cpu/1"));
    Files.writeString(caseDir.resolve("normal.csv"), "time,a_cpu\n1,2\n");
    Files.writeString(caseDir.resolve("anomalous.csv"), "time,a_cpu\nx,2\n");
    assertThat(run("rca", "eval", "--format", "rcd", "--data", dir.toString()))
        .startsWith("2\n")
        .contains("anomalous.csv:2")
        .contains("'x'");
    assertThat(run("rca", "eval", "--format", "rcd", "--data", dir.toString(), "--set", "bogus=1"))
        .startsWith("2\n")
        .contains("--set unknown ranker setting 'bogus'; expected one of onsetThreshold,");
  }

  @Test
  void rankerSettingsAreStrictAndNameKeyValueAndRange() throws IOException {
    rcdCase("carts", "cpu", 1, "orders");
    String data = dir.toString();
    assertThat(run("rca", "eval", "--format", "rcd", "--data", data, "--set", "rounds=2.7"))
        .isEqualTo("2\nvigil: --set rounds=2.7: expected a whole number in [1, 10000]\n");
    for (String bad : List.of("1d", "2f", "0x1p3")) {
      assertThat(run("rca", "eval", "--format", "rcd", "--data", data, "--set", "damping=" + bad))
          .isEqualTo("2\nvigil: --set damping=" + bad + ": expected a number in (0, 1)\n");
    }
    assertThat(run("rca", "eval", "--format", "rcd", "--data", data, "--set", "rounds"))
        .startsWith("2\n")
        .contains("should be in KEY=VALUE format");
    assertThat(
            run(
                "rca",
                "eval",
                "--format",
                "rcd",
                "--data",
                data,
                "--set",
                "rounds=80",
                "--set",
                "damping=0.5"))
        .startsWith("0\n")
        .contains("cases=1");
  }

  @Test
  void scoreboardAveragesAccuracyAtOneToFive() {
    Scoreboard board = new Scoreboard();
    board.add("cpu", 1);
    board.add("cpu", 3);
    board.add("mem", 0);
    board.add("mem", 6);
    assertThat(board.lines())
        .containsExactly(
            "cpu AC@1=0.50 AC@3=1.00 Avg@5=0.80 cases=2",
            "mem AC@1=0.00 AC@3=0.00 Avg@5=0.00 cases=2",
            "AC@1=0.25 AC@3=0.50 Avg@5=0.40 cases=4");
  }

  @Test
  void baselinesReproduceThePublishedRcdSockShopFigures() {
    Path data = Path.of(System.getProperty("vigil.shared.data", "absent"), "rca/rcd-sock-shop");
    assumeTrue(Files.isDirectory(data), "RCD Sock Shop data not present");
    assertThat(run("rca", "eval", "--format", "rcd", "--data", data.toString(), "--method", "baro"))
        .contains("cpu AC@1=0.96 AC@3=1.00 Avg@5=0.99 cases=25")
        .contains("mem AC@1=0.96 AC@3=1.00 Avg@5=0.99 cases=25");
    assertThat(
            run("rca", "eval", "--format", "rcd", "--data", data.toString(), "--method", "nsigma"))
        .contains("cpu AC@1=0.92 AC@3=1.00 Avg@5=0.98 cases=25")
        .contains("mem AC@1=0.96 AC@3=1.00 Avg@5=0.99 cases=25");
    assertThat(run("rca", "eval", "--format", "rcd", "--data", data.toString()))
        .contains("AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=50");
  }

  @Test
  void vigilKeepsItsMeasuredNezhaFigures() {
    Path data = Path.of(System.getProperty("vigil.shared.data", "absent"), "rca/nezha-ob");
    assumeTrue(Files.isDirectory(data), "Nezha Online Boutique data not present");
    assertThat(run("rca", "eval", "--format", "nezha", "--data", data.toString()))
        .contains("cpu_consumed AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=10")
        .contains("cpu_contention AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=16")
        .contains("return AC@1=1.00 AC@3=1.00 Avg@5=1.00 cases=7")
        .contains("AC@1=0.93 AC@3=0.96 Avg@5=0.96 cases=56");
  }
}
