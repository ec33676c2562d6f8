package io.vigil.cli.internal.rca;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.internal.CliRun;
import io.vigil.rca.CallGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RcaCommandTest {

  private static final Path SAMPLE = Path.of("../samples/incident-database.json");

  @TempDir Path dir;

  private String[] run(String... args) {
    CliRun run = CliRun.of(args);
    return new String[] {String.valueOf(run.code()), run.out(), run.err()};
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

  @Test
  void errorsCarryTheLineAndColumnOfTheBadValue() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.json"),
            "{\n  \"graph\": {\"edges\": [\n    {\"caller\": \"a\", \"callee\": 7}\n  ]}\n}\n");
    String[] out = run("rca", file.toString());
    assertThat(out[0]).isEqualTo("2");
    assertThat(out[2])
        .isEqualTo(
            "vigil: " + file + ":3:31: $.graph.edges[0].callee: expected a non-empty string\n");
    Path missing =
        Files.writeString(dir.resolve("missing.json"), "{\"alerts\": [\n  {\"onset\": 5}]}");
    assertThat(run("rca", missing.toString())[2])
        .isEqualTo(
            "vigil: " + missing + ":2:3: $.alerts[0].service: expected a non-empty string\n");
    Path syntax = Files.writeString(dir.resolve("syntax.json"), "{\"anomalies\": [\n  {,}]}");
    assertThat(run("rca", syntax.toString())[2])
        .startsWith("vigil: " + syntax + ":2:4: not valid JSON: ");
  }

  @Test
  void aMisspeltKeyIsRejectedNamingTheKnownOnes() throws IOException {
    assertBad(
        "{\"grpah\": {\"edges\": []}}",
        ":1:11: $.grpah: unknown key; expected one of graph, anomalies, alerts, series, start, end");
    assertBad(
        "{\"graph\": {\"edge\": []}}",
        "$.graph.edge: unknown key; expected one of services, edges");
    assertBad(
        "{\"anomalies\": [{\"service\": \"a\", \"onset\": 1, \"magnitud\": 2}]}",
        "$.anomalies[0].magnitud: unknown key; expected one of service, signal, onset, magnitude");
    assertBad(
        "{\"start\": 1, \"start\": 2}", "not valid JSON: Duplicate Object property \"start\"");
  }

  @Test
  void numbersAreStrict() throws IOException {
    assertBad(
        "{\"anomalies\": [{\"service\": \"a\", \"onset\": 1e3}]}",
        "$.anomalies[0].onset: expected an ISO-8601 instant or epoch milliseconds");
    assertBad(
        "{\"anomalies\": [{\"service\": \"a\", \"onset\": 99999999999999999999999}]}",
        "$.anomalies[0].onset: expected epoch milliseconds within a 64-bit integer");
    for (String number : List.of("1d", "2f", "0x1p3", "NaN")) {
      assertBad(
          "{\"anomalies\": [{\"service\": \"a\", \"onset\": 1, \"magnitude\": " + number + "}]}",
          "not valid JSON");
    }
  }

  @Test
  void servicesPastTheGraphsCapAreAnErrorNotDropped() throws IOException {
    StringBuilder json = new StringBuilder("{\"graph\": {\"services\": [");
    for (int i = 0; i <= CallGraph.DEFAULT_MAX_SERVICES; i++) {
      json.append(i == 0 ? "" : ",").append("\"s").append(i).append('"');
    }
    json.append("]}}");
    assertBad(
        json.toString(),
        ":1:11: $.graph: 1 services or edges past the cap of 10000 services and 100000 edges");
  }

  @Test
  void textOutputEscapesControlCharactersInNames() throws IOException {
    String forged = "web\\n1. database  score=9.999\\u001b[31m\\r";
    Path file =
        Files.writeString(
            dir.resolve("forged.json"),
            "{\"graph\": {\"edges\": [{\"caller\": \""
                + forged
                + "\", \"callee\": \"db\"}]},"
                + " \"anomalies\": [{\"service\": \"db\", \"signal\": \"lat\\u001b]0;x\", \"onset\": 1000},"
                + " {\"service\": \""
                + forged
                + "\", \"onset\": 2000}]}");
    String[] out = run("rca", file.toString());
    assertThat(out[0]).isEqualTo("0");
    assertThat(out[1]).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(out[1].lines().filter(l -> l.matches("\\d+\\. .*"))).hasSize(2);
    assertThat(out[1])
        .contains("web\\n1. database  score=9.999\\u001b[31m\\r")
        .contains("lat\\u001b]0;x");
    String[] json = run("rca", "--format", "json", file.toString());
    assertThat(JsonMapper.builder().build().readTree(json[1]).get("causes").values())
        .anyMatch(
            c -> c.get("service").asString().equals("web\n1. database  score=9.999\u001b[31m\r"));
  }

  private void assertBad(String json, String message) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.json"), json);
    String[] out = run("rca", file.toString());
    assertThat(out[0]).isEqualTo("2");
    assertThat(out[2]).contains(message);
    assertThat(out[1]).isEmpty();
  }
}
