package io.vigil.logback;

import net.logstash.logback.fieldnames.LogstashCommonFieldNames;

/**
 * The names of the fields {@link VigilJsonEncoder} writes, each settable from {@code logback.xml}
 * ({@code <fieldNames><message>msg</message></fieldNames>}); a name of {@value #IGNORE} leaves the
 * field out, as in logstash-logback-encoder.
 */
public class VigilFieldNames {

  /** The name that leaves a field out: logstash-logback-encoder's own {@code [ignore]}. */
  public static final String IGNORE = LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR;

  private String timestamp = "timestamp";
  private String level = "level";
  private String service = "service";
  private String serviceVersion = "service_version";
  private String environment = "environment";
  private String message = "message";
  private String logger = "logger";
  private String thread = "thread";
  private String filename = "filename";
  private String lineNumber = "line_number";
  private String traceId = "trace_id";
  private String spanId = "span_id";
  private String errorType = "error_type";
  private String errorMessage = "error_message";
  private String stackTrace = "stack_trace";

  /** Returns the name of the field holding the event's time, UTC, ISO-8601 with {@code Z}. */
  public String getTimestamp() {
    return timestamp;
  }

  /**
   * Sets the name of the field holding the event's time, UTC, ISO-8601 with {@code Z} (default
   * {@code timestamp}).
   */
  public void setTimestamp(String timestamp) {
    this.timestamp = timestamp;
  }

  /**
   * Returns the name of the field holding the level: {@code TRACE}, {@code DEBUG}, {@code INFO},
   * {@code WARN} or {@code ERROR}.
   */
  public String getLevel() {
    return level;
  }

  /**
   * Sets the name of the field holding the level: {@code TRACE}, {@code DEBUG}, {@code INFO},
   * {@code WARN} or {@code ERROR} (default {@code level}).
   */
  public void setLevel(String level) {
    this.level = level;
  }

  /** Returns the name of the field holding the service name. */
  public String getService() {
    return service;
  }

  /** Sets the name of the field holding the service name (default {@code service}). */
  public void setService(String service) {
    this.service = service;
  }

  /** Returns the name of the field holding the service version. */
  public String getServiceVersion() {
    return serviceVersion;
  }

  /** Sets the name of the field holding the service version (default {@code service_version}). */
  public void setServiceVersion(String serviceVersion) {
    this.serviceVersion = serviceVersion;
  }

  /** Returns the name of the field holding the deployment environment. */
  public String getEnvironment() {
    return environment;
  }

  /**
   * Sets the name of the field holding the deployment environment (default {@code environment}).
   */
  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  /** Returns the name of the field holding the formatted message. */
  public String getMessage() {
    return message;
  }

  /** Sets the name of the field holding the formatted message (default {@code message}). */
  public void setMessage(String message) {
    this.message = message;
  }

  /** Returns the name of the field holding the logger name. */
  public String getLogger() {
    return logger;
  }

  /** Sets the name of the field holding the logger name (default {@code logger}). */
  public void setLogger(String logger) {
    this.logger = logger;
  }

  /** Returns the name of the field holding the thread name. */
  public String getThread() {
    return thread;
  }

  /** Sets the name of the field holding the thread name (default {@code thread}). */
  public void setThread(String thread) {
    this.thread = thread;
  }

  /** Returns the name of the field holding the caller's source file (with caller data on). */
  public String getFilename() {
    return filename;
  }

  /**
   * Sets the name of the field holding the caller's source file (with caller data on) (default
   * {@code filename}).
   */
  public void setFilename(String filename) {
    this.filename = filename;
  }

  /** Returns the name of the field holding the caller's line number (with caller data on). */
  public String getLineNumber() {
    return lineNumber;
  }

  /**
   * Sets the name of the field holding the caller's line number (with caller data on) (default
   * {@code line_number}).
   */
  public void setLineNumber(String lineNumber) {
    this.lineNumber = lineNumber;
  }

  /** Returns the name of the field holding the current OpenTelemetry trace id. */
  public String getTraceId() {
    return traceId;
  }

  /**
   * Sets the name of the field holding the current OpenTelemetry trace id (default {@code
   * trace_id}).
   */
  public void setTraceId(String traceId) {
    this.traceId = traceId;
  }

  /** Returns the name of the field holding the current OpenTelemetry span id. */
  public String getSpanId() {
    return spanId;
  }

  /**
   * Sets the name of the field holding the current OpenTelemetry span id (default {@code span_id}).
   */
  public void setSpanId(String spanId) {
    this.spanId = spanId;
  }

  /** Returns the name of the field holding the simple class name of the logged throwable. */
  public String getErrorType() {
    return errorType;
  }

  /**
   * Sets the name of the field holding the simple class name of the logged throwable (default
   * {@code error_type}).
   */
  public void setErrorType(String errorType) {
    this.errorType = errorType;
  }

  /** Returns the name of the field holding the message of the logged throwable. */
  public String getErrorMessage() {
    return errorMessage;
  }

  /**
   * Sets the name of the field holding the message of the logged throwable (default {@code
   * error_message}).
   */
  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  /** Returns the name of the field holding the logged throwable's stack trace. */
  public String getStackTrace() {
    return stackTrace;
  }

  /**
   * Sets the name of the field holding the logged throwable's stack trace (default {@code
   * stack_trace}).
   */
  public void setStackTrace(String stackTrace) {
    this.stackTrace = stackTrace;
  }
}
