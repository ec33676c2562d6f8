package io.vigil.cli.internal.rca;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.VigilCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RcaCommandTest {

  private static final Path SAMPLE = Path.of("../samples/incident-database.json");

  @TempDir Path dir;

  private String[] run(String... args) {
    CommandLine cmd = VigilCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void theSampleIncidentRanksTheDatabaseFirstWithItsEvidence() {
    String[] text = run("rca", SAMPLE.toString());
    assertThat(text[0]).isEqualTo("0");
    assertThat(text[1])
        .startsWith("1. database")
        .contains("explains=user-service,product-service,web-frontend")
        .contains("propagation: database -> user-service -> web-frontend");

    String[] json = run("rca", SAMPLE.toString(), "--format", "json");
    JsonNode causes = JsonMapper.builder().build().readTree(json[1]).get("causes");
    assertThat(causes.get(0).get("service").asString()).isEqualTo("database");
    assertThat(causes.get(0).get("evidence").get(0).get("normalMedian").asDouble()).isEqualTo(30.5);
    assertThat(causes.size()).isEqualTo(6);
  }

  @Test
  void theBaselinesRunOnTheSameFile() {
    String[] out = run("rca", SAMPLE.toString(), "--method", "baro");
    assertThat(out[0]).isEqualTo("0");
    assertThat(out[1]).startsWith("1. database");
  }

  @Test
  void anEmptyIncidentIsNotAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.json"), "{}");
    String[] out = run("rca", file.toString());
    assertThat(out[0]).isEqualTo("0");
    assertThat(out[1]).contains("no candidate services");
  }

  @Test
  void badFieldsAreNamedByTheirJsonPathWithExitCodeTwo() throws IOException {
    assertBad(
        "{\"anomalies\": [{\"service\": \"a\", \"onset\": \"yesterday\"}]}",
        "$.anomalies[0].onset: expected an ISO-8601 instant");
    assertBad("{\"alerts\": [{\"onset\": 5}]}", "$.alerts[0].service: expected a non-empty string");
    assertBad(
        "{\"graph\": {\"edges\": [{\"caller\": \"a\"}]}}",
        "$.graph.edges[0].callee: expected a non-empty string");
    assertBad(
        "{\"anomalies\": [{\"service\": \"a\", \"onset\": 1, \"magnitude\": -1}]}",
        "$.anomalies[0].magnitude: expected a finite number >= 0");
    assertBad(
        "{\"start\": 0, \"series\": [{\"service\": \"a\", \"signal\": \"x\","
            + " \"timestamps\": [1, 2], \"values\": [1]}]}",
        "$.series[0].values: expected 2 values");
    assertBad(
        "{\"start\": 0, \"series\": [{\"service\": \"a\", \"signal\": \"x\","
            + " \"timestamps\": [2, 1], \"values\": [1, 2]}]}",
        "$.series[0].timestamps[1]");
    assertBad("[1, 2]", "$: expected a JSON object");
    assertBad("{\"anomalies\": [", "not valid JSON");
    String[] missing = run("rca", dir.resolve("absent.json").toString());
    assertThat(missing[0]).isEqualTo("2");
    assertThat(missing[2]).contains("absent.json: no such file");
  }

  private void assertBad(String json, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), json);
    String[] out = run("rca", file.toString());
    assertThat(out[0]).isEqualTo("2");
    assertThat(out[2]).contains(message);
    assertThat(out[1]).isEmpty();
  }
}
