package io.vigil.demo;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A service's one endpoint, {@code GET /work}: a few milliseconds of its own work, its fault if one
 * is injected, then a call to every one of its callees over HTTP. Boot's instrumented {@link
 * RestClient.Builder} propagates the trace (W3C {@code traceparent}). A failed callee fails the
 * request once every callee has been called, so errors propagate up to the callers while each
 * callee keeps the traffic it had: a page that aggregates what all its dependencies answer.
 */
@RestController
final class WorkController {

  private final String service;
  private final List<String> callees;
  private final RestClient client;
  private final FaultSwitch faults;
  private final ServiceDirectory directory;

  WorkController(
      @Value("${spring.application.name}") String service,
      RestClient.Builder clients,
      FaultSwitch faults,
      ServiceDirectory directory) {
    this.service = service;
    this.callees = Topology.callees(service);
    this.client = clients.build();
    this.faults = faults;
    this.directory = directory;
  }

  @GetMapping("/work")
  ResponseEntity<String> work() throws InterruptedException {
    Thread.sleep(1 + ThreadLocalRandom.current().nextInt(4));
    if (faults.apply()) {
      return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
          .body(service + ": injected error\n");
    }
    String failed = null;
    for (String callee : callees) {
      try {
        client.get().uri(directory.url(callee) + "/work").retrieve().toBodilessEntity();
      } catch (RestClientException e) {
        failed = failed == null ? callee : failed + ", " + callee;
      }
    }
    if (failed != null) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
          .body(service + ": " + failed + " failed\n");
    }
    return ResponseEntity.ok(service + ": ok\n");
  }
}
