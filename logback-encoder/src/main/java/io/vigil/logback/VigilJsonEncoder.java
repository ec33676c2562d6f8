package io.vigil.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import net.logstash.logback.composite.AbstractCompositeJsonFormatter;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;
import net.logstash.logback.util.ReusableByteBuffer;
import net.logstash.logback.util.ThreadLocalReusableByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Vigil's JSON log encoder: one line of JSON per event with the timestamp (UTC, ISO-8601), level,
 * service, version, environment, message, logger, thread, trace and span ids, error type, message
 * and stack trace, MDC entries and SLF4J 2 key-value pairs, with secrets masked and long values
 * cut.
 *
 * <p>Name it in {@code logback.xml} with {@code <encoder
 * class="io.vigil.logback.VigilJsonEncoder"/>} and configure it with its setters. Encoding never
 * throws and never writes a partial line: an event whose full encoding fails is written as a short
 * fallback line with an {@code encoder_error} field.
 */
public class VigilJsonEncoder extends LoggingEventCompositeJsonEncoder {

  private @Nullable ThreadLocalReusableByteBuffer buffers;
  private byte[] lineSeparatorBytes = new byte[0];

  @Override
  protected AbstractCompositeJsonFormatter<ILoggingEvent> createFormatter() {
    return new VigilJsonFormatter(this);
  }

  @Override
  protected VigilJsonFormatter getFormatter() {
    return (VigilJsonFormatter) super.getFormatter();
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    super.start();
    String separator = getLineSeparator();
    lineSeparatorBytes =
        separator == null ? new byte[0] : separator.getBytes(Charset.forName(getEncoding()));
    buffers = new ThreadLocalReusableByteBuffer(getMinBufferSize());
  }

  @Override
  public void stop() {
    super.stop();
    buffers = null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    try {
      return super.encode(event);
    } catch (RuntimeException e) {
      return fallback(event, e);
    }
  }

  /**
   * Encodes the event so that a failure half way through never leaves a partial line in the stream:
   * straight into an empty {@link ReusableByteBuffer} (what the TCP appender passes), which is
   * reset on failure, and otherwise into a reusable buffer of its own first.
   */
  @Override
  public void encode(ILoggingEvent event, OutputStream outputStream) throws IOException {
    if (outputStream instanceof ReusableByteBuffer target && target.size() == 0) {
      try {
        super.encode(event, target);
      } catch (RuntimeException e) {
        target.reset();
        target.write(fallback(event, e));
      }
      return;
    }
    ThreadLocalReusableByteBuffer pool = buffers;
    if (pool == null) {
      throw new IllegalStateException("Encoder is not started");
    }
    ReusableByteBuffer buffer;
    try {
      buffer = pool.acquire();
    } catch (IllegalStateException reentrant) {
      // Logging from inside an event's own encoding, on the same thread.
      outputStream.write(encode(event));
      return;
    }
    try {
      super.encode(event, buffer);
      buffer.writeTo(outputStream);
    } catch (RuntimeException e) {
      outputStream.write(fallback(event, e));
    } finally {
      pool.release();
    }
  }

  private byte[] fallback(ILoggingEvent event, RuntimeException failure) {
    addWarn("Could not encode event fully, wrote a fallback line instead: " + failure, failure);
    try {
      return getFormatter().fallbackLine(event, failure, lineSeparatorBytes);
    } catch (RuntimeException fallbackFailed) {
      addError("Could not encode even the fallback line for an event", fallbackFailed);
      return new byte[0];
    }
  }

  /** Rejects {@code <providers>}: the field set is Vigil's; add to it with {@code <provider>}. */
  @Override
  public void setProviders(JsonProviders<ILoggingEvent> jsonProviders) {
    throw new IllegalArgumentException(
        "VigilJsonEncoder has a fixed set of providers; use <provider> to add one, or use"
            + " LoggingEventCompositeJsonEncoder to choose them all");
  }

  /** Adds a further provider, written after Vigil's own fields. */
  public void addProvider(JsonProvider<ILoggingEvent> provider) {
    getFormatter().addProvider(provider);
  }

  /** Returns the service name, or {@code null} when none is set. */
  public @Nullable String getServiceName() {
    return getFormatter().getServiceName();
  }

  /**
   * Sets the {@code service} field; when unset, the {@code otel.service.name} system property or
   * the {@code OTEL_SERVICE_NAME} environment variable supplies it, as for OpenTelemetry.
   */
  public void setServiceName(@Nullable String serviceName) {
    getFormatter().setServiceName(serviceName);
  }

  /** Returns the service version, or {@code null} when none is set. */
  public @Nullable String getServiceVersion() {
    return getFormatter().getServiceVersion();
  }

  /** Sets the {@code service_version} field; unset, the field is left out. */
  public void setServiceVersion(@Nullable String serviceVersion) {
    getFormatter().setServiceVersion(serviceVersion);
  }

  /** Returns the environment, or {@code null} when none is set. */
  public @Nullable String getEnvironment() {
    return getFormatter().getEnvironment();
  }

  /** Sets the {@code environment} field; unset, the field is left out. */
  public void setEnvironment(@Nullable String environment) {
    getFormatter().setEnvironment(environment);
  }

  /** Returns whether the caller's {@code filename} and {@code line_number} are written. */
  public boolean isIncludeCallerData() {
    return getFormatter().isIncludeCallerData();
  }

  /** Sets whether {@code filename} and {@code line_number} are written (default off: costly). */
  public void setIncludeCallerData(boolean includeCallerData) {
    getFormatter().setIncludeCallerData(includeCallerData);
  }

  /** Returns whether MDC entries are written as fields. */
  public boolean isIncludeMdc() {
    return getFormatter().isIncludeMdc();
  }

  /** Sets whether MDC entries are written as fields (default on). */
  public void setIncludeMdc(boolean includeMdc) {
    getFormatter().setIncludeMdc(includeMdc);
  }

  /** Returns whether SLF4J 2 key-value pairs are written as fields. */
  public boolean isIncludeKeyValuePairs() {
    return getFormatter().isIncludeKeyValuePairs();
  }

  /** Sets whether SLF4J 2 key-value pairs are written as fields (default on). */
  public void setIncludeKeyValuePairs(boolean includeKeyValuePairs) {
    getFormatter().setIncludeKeyValuePairs(includeKeyValuePairs);
  }

  /** Returns whether {@code trace_id} and {@code span_id} are written. */
  public boolean isTraceCorrelation() {
    return getFormatter().isTraceCorrelation();
  }

  /** Sets whether {@code trace_id} and {@code span_id} are written (default on). */
  public void setTraceCorrelation(boolean traceCorrelation) {
    getFormatter().setTraceCorrelation(traceCorrelation);
  }

  /** Returns the converter that writes {@code stack_trace}. */
  public ThrowableHandlingConverter getThrowableConverter() {
    return getFormatter().getThrowableConverter();
  }

  /**
   * Sets the converter that writes {@code stack_trace}, such as logstash-logback-encoder's {@code
   * ShortenedThrowableConverter} for shortened, de-duplicated traces.
   */
  public void setThrowableConverter(ThrowableHandlingConverter throwableConverter) {
    getFormatter().setThrowableConverter(throwableConverter);
  }

  /** Returns whether {@code stack_trace} is written as an array of lines. */
  public boolean isWriteStackTraceAsArray() {
    return getFormatter().isWriteStackTraceAsArray();
  }

  /** Sets whether {@code stack_trace} is written as an array of lines (default: one string). */
  public void setWriteStackTraceAsArray(boolean writeStackTraceAsArray) {
    getFormatter().setWriteStackTraceAsArray(writeStackTraceAsArray);
  }

  /** Returns the expression that splits the message into an array, or {@code null} for none. */
  public @Nullable String getMessageSplitRegex() {
    return getFormatter().getMessageSplitRegex();
  }

  /**
   * Sets the expression that splits {@code message} into an array, as in {@code LogstashEncoder}
   * ({@code SYSTEM}, {@code UNIX}, {@code WINDOWS} or a regular expression); the message is cut and
   * masked first.
   */
  public void setMessageSplitRegex(@Nullable String messageSplitRegex) {
    getFormatter().setMessageSplitRegex(messageSplitRegex);
  }

  /** Returns whether {@code error_type} is the simple class name. */
  public boolean isUseSimpleErrorType() {
    return getFormatter().isUseSimpleErrorType();
  }

  /** Sets whether {@code error_type} is the simple class name (default) or the full one. */
  public void setUseSimpleErrorType(boolean useSimpleErrorType) {
    getFormatter().setUseSimpleErrorType(useSimpleErrorType);
  }

  /** Returns whether fields with sensitive names are masked. */
  public boolean isMaskSensitiveFields() {
    return getFormatter().isMaskSensitiveFields();
  }

  /** Sets whether fields with sensitive names are masked (default on). */
  public void setMaskSensitiveFields(boolean maskSensitiveFields) {
    getFormatter().setMaskSensitiveFields(maskSensitiveFields);
  }

  /** Returns whether secrets inside free-text values are masked. */
  public boolean isMaskSensitiveValues() {
    return getFormatter().isMaskSensitiveValues();
  }

  /**
   * Sets whether secrets inside values are masked (default on): {@code password=...}, {@code
   * Authorization: Bearer ...} and the like in the message, error message, stack trace and every
   * MDC, key-value and argument string.
   */
  public void setMaskSensitiveValues(boolean maskSensitiveValues) {
    getFormatter().setMaskSensitiveValues(maskSensitiveValues);
  }

  /** Returns the words that make a field name sensitive, as a comma-separated list. */
  public String getSensitiveFieldWords() {
    return String.join(",", getFormatter().getSensitiveFieldWords());
  }

  /**
   * Sets the words that make a field name, or a key inside a value, sensitive, comma-separated,
   * replacing the defaults ({@code password,passwd,pwd,secret,token,authorization,apikey,cookie}).
   */
  public void setSensitiveFieldWords(String commaSeparatedWords) {
    List<String> words =
        Arrays.stream(commaSeparatedWords.split(","))
            .map(String::trim)
            .filter(word -> !word.isEmpty())
            .toList();
    getFormatter().setSensitiveFieldWords(words);
  }

  /** Returns the value written in place of a masked value. */
  public String getMask() {
    return getFormatter().getMask();
  }

  /** Sets the value written in place of a masked value (default {@code ****}). */
  public void setMask(String mask) {
    getFormatter().setMask(mask);
  }

  /** Returns the longest string value written whole, in characters; 0 means no limit. */
  public int getMaxValueLength() {
    return getFormatter().getMaxValueLength();
  }

  /**
   * Sets the longest string value (message, stack trace, MDC or key-value value) written whole, in
   * characters (default 65,536); longer values are cut and end with {@code ...[truncated N chars]}.
   * 0 means no limit.
   */
  public void setMaxValueLength(int maxValueLength) {
    getFormatter().setMaxValueLength(maxValueLength);
  }

  /** Returns the field names. */
  public VigilFieldNames getFieldNames() {
    return getFormatter().getFieldNames();
  }

  /** Sets the field names, from {@code <fieldNames>} in {@code logback.xml}. */
  public void setFieldNames(VigilFieldNames fieldNames) {
    getFormatter().setFieldNames(fieldNames);
  }
}
