package io.vigil.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code vigil} actuator endpoint: {@code /actuator/vigil} lists every section with its
 * content, {@code /actuator/vigil/{section}} reads one (recent anomalies, watched series and
 * counts, the learned graph, the latest reports). Exposed only when the user exposes it, as every
 * endpoint is.
 */
@Endpoint(id = "vigil")
public class VigilEndpoint {

  private final Map<String, VigilEndpointSection> sections = new LinkedHashMap<>();

  /** Serves these sections, in order; a later one with a name taken is ignored. */
  public VigilEndpoint(List<VigilEndpointSection> sections) {
    for (VigilEndpointSection section : sections) {
      this.sections.putIfAbsent(section.name(), section);
    }
  }

  /** Every section by name. */
  @ReadOperation
  public Map<String, Object> sections() {
    Map<String, Object> all = new LinkedHashMap<>();
    sections.forEach((name, section) -> all.put(name, section.read()));
    return all;
  }

  /** One section; a name that is none gives 404. */
  @ReadOperation
  public @Nullable Object section(@Selector String name) {
    VigilEndpointSection section = sections.get(name);
    return section == null ? null : section.read();
  }
}
