package io.vigil.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Whether a span is a failed call: status ERROR; on a server span an HTTP status of 500 or more
 * ({@code http.response.status_code}, old {@code http.status_code}); any gRPC status but OK ({@code
 * rpc.grpc.status_code}).
 */
final class ErrorRules {

  static final AttributeKey<Long> HTTP_RESPONSE_STATUS =
      AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.status_code");
  static final AttributeKey<Long> GRPC_STATUS = AttributeKey.longKey("rpc.grpc.status_code");

  private ErrorRules() {}

  static boolean failed(SpanData span, boolean server) {
    if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
      return true;
    }
    Attributes attributes = span.getAttributes();
    if (server) {
      Long status = attributes.get(HTTP_RESPONSE_STATUS);
      if (status == null) {
        status = attributes.get(HTTP_STATUS);
      }
      if (status != null && status >= 500) {
        return true;
      }
    }
    Long grpc = attributes.get(GRPC_STATUS);
    return grpc != null && grpc != 0;
  }
}
