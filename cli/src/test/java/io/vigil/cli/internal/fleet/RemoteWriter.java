package io.vigil.cli.internal.fleet;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xerial.snappy.Snappy;

/**
 * Writes samples through the Prometheus remote-write protocol 1.0 (a snappy-compressed protobuf
 * {@code WriteRequest}), the ingestion API that Prometheus, VictoriaMetrics, Thanos and Mimir all
 * serve. The messages are small enough to write field by field with protobuf's own encoder.
 */
final class RemoteWriter {

  /** One sample of one series; {@code labels} hold {@code __name__}. */
  record Sample(Map<String, String> labels, long timestampMillis, double value) {}

  private final URI endpoint;
  private final HttpClient http = HttpClient.newHttpClient();

  RemoteWriter(URI endpoint) {
    this.endpoint = endpoint;
  }

  void write(List<Sample> samples) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-protobuf")
            .header("Content-Encoding", "snappy")
            .header("X-Prometheus-Remote-Write-Version", "0.1.0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Snappy.compress(encode(samples))))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "remote write answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** WriteRequest { repeated TimeSeries timeseries = 1; }, one sample per series. */
  private static byte[] encode(List<Sample> samples) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (Sample s : samples) {
      byte[] series = timeSeries(s);
      out.writeByteArray(1, series);
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }, labels sorted. */
  private static byte[] timeSeries(Sample s) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (Map.Entry<String, String> label : new TreeMap<>(s.labels()).entrySet()) {
      ByteArrayOutputStream l = new ByteArrayOutputStream();
      CodedOutputStream lo = CodedOutputStream.newInstance(l);
      lo.writeString(1, label.getKey());
      lo.writeString(2, label.getValue());
      lo.flush();
      out.writeByteArray(1, l.toByteArray());
    }
    ByteArrayOutputStream sample = new ByteArrayOutputStream();
    CodedOutputStream so = CodedOutputStream.newInstance(sample);
    so.writeDouble(1, s.value());
    so.writeInt64(2, s.timestampMillis());
    so.flush();
    out.writeByteArray(2, sample.toByteArray());
    out.flush();
    return bytes.toByteArray();
  }
}
