package io.vigil.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import io.vigil.logback.internal.FallbackEventWriter;
import io.vigil.logback.internal.LoneSurrogateRepair;
import io.vigil.logback.internal.SensitiveWords;
import io.vigil.logback.internal.ValuePolicy;
import io.vigil.logback.internal.ValueSanitizer;
import io.vigil.logback.internal.VigilFieldSet;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventCompositeJsonFormatter;
import net.logstash.logback.decorate.TokenStreamFactoryBuilderDecorator;
import net.logstash.logback.mask.MaskingJsonGenerator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Vigil's JSON log format, as logstash-logback-encoder's {@code LogstashFormatter} is the Logstash
 * format: its settings, the providers that write its fields (assembled when it starts), and the
 * writing of each event with unpaired surrogates written as U+FFFD.
 *
 * <p>It is also the way to Vigil's format without an appender, as a Spring Boot {@code
 * StructuredLogFormatter} needs: create it with a {@code ContextAware} origin (an encoder, or a
 * {@code ContextAwareBase}), {@link #setContext set its context}, configure it, {@link #start()}
 * it, and {@link #writeEvent(ILoggingEvent, OutputStream) write events}; or use a started {@link
 * VigilJsonEncoder}'s {@code encode(event)}, which adds the line separator and the fallback line.
 * Each setting is described on the encoder's setter of the same name.
 */
public class VigilJsonFormatter extends LoggingEventCompositeJsonFormatter {

  /** The default longest string value written whole, in characters. */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 65_536;

  /** The words that make a field name, or a key inside a value, sensitive by default. */
  public static final List<String> DEFAULT_SENSITIVE_WORDS =
      List.of("password", "passwd", "pwd", "secret", "token", "authorization", "apikey", "cookie");

  private final VigilFieldSet fields = new VigilFieldSet();
  private final ThreadLocal<LoneSurrogateRepair> repairs =
      ThreadLocal.withInitial(LoneSurrogateRepair::new);

  private VigilFieldNames fieldNames = new VigilFieldNames();
  private boolean includeCallerData;
  private boolean useSimpleErrorType = true;
  private boolean includeMdc = true;
  private boolean includeKeyValuePairs = true;
  private boolean traceCorrelation = true;
  private boolean maskSensitiveFields = true;
  private boolean maskSensitiveValues = true;
  private List<String> sensitiveFieldWords = DEFAULT_SENSITIVE_WORDS;
  private SensitiveWords words = new SensitiveWords(DEFAULT_SENSITIVE_WORDS);
  private String mask = MaskingJsonGenerator.MASK;
  private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
  private @Nullable String messageSplitRegex;
  private ValueSanitizer sanitizer = new ValueSanitizer(0, null);
  private boolean repairSurrogates;
  private boolean throwableConverterSet;

  /**
   * Creates the formatter for the given encoder.
   *
   * @param declaredOrigin the encoder, named as the origin of status messages
   */
  public VigilJsonFormatter(ContextAware declaredOrigin) {
    super(declaredOrigin);
    // Valid surrogate pairs as 4-byte UTF-8; LoneSurrogateRepair handles the unpaired ones.
    addTokenStreamFactoryBuilderDecorator(
        (TokenStreamFactoryBuilderDecorator)
            builder ->
                builder instanceof JsonFactoryBuilder json
                    ? json.enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    : builder);
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    if (fields.service().getValue() == null) {
      fields.service().setValue(defaultServiceName());
    }
    repairSurrogates = "json".equals(getDataFormat());
    ValuePolicy policy =
        new ValuePolicy(words, maskSensitiveFields, maskSensitiveValues, mask, maxValueLength);
    sanitizer = policy.sanitizer();
    VigilFieldSet.Includes includes =
        new VigilFieldSet.Includes(
            includeCallerData, traceCorrelation, includeMdc, includeKeyValuePairs);
    setProviders(fields.assemble(fieldNames, includes, policy, throwableConverterSet, this));
    super.start();
  }

  /**
   * Writes the event as one JSON object, with unpaired surrogates written as U+FFFD.
   *
   * @param event the event to write
   * @param outputStream where to write it
   * @throws IOException when the stream fails
   */
  @Override
  public void writeEvent(ILoggingEvent event, OutputStream outputStream) throws IOException {
    if (!repairSurrogates) {
      super.writeEvent(event, outputStream);
      return;
    }
    LoneSurrogateRepair repair = repairs.get();
    if (repair.isConnected()) {
      repair = new LoneSurrogateRepair(); // an event logged while encoding one, on this thread
    }
    repair.connect(outputStream);
    boolean written = false;
    try {
      super.writeEvent(event, repair);
      written = true;
    } finally {
      repair.disconnect(written);
    }
  }

  /** The fallback line for an event whose full encoding failed, ending with the separator. */
  byte[] fallbackLine(ILoggingEvent event, Throwable failure, byte[] lineSeparator) {
    return FallbackEventWriter.write(event, failure, this, sanitizer, lineSeparator);
  }

  private static @Nullable String defaultServiceName() {
    String fromProperty = System.getProperty("otel.service.name");
    return fromProperty != null ? fromProperty : System.getenv("OTEL_SERVICE_NAME");
  }

  /** Adds a further provider, written after Vigil's own fields. */
  public void addProvider(JsonProvider<ILoggingEvent> provider) {
    fields.addProvider(provider);
  }

  /** Returns the field names. */
  public VigilFieldNames getFieldNames() {
    return fieldNames;
  }

  /** Sets the field names. */
  public void setFieldNames(VigilFieldNames fieldNames) {
    this.fieldNames = fieldNames;
  }

  /** Returns the service name, or {@code null} when none is set. */
  public @Nullable String getServiceName() {
    return fields.service().getValue();
  }

  /** Sets the service name. */
  public void setServiceName(@Nullable String serviceName) {
    fields.service().setValue(serviceName);
  }

  /** Returns the service version, or {@code null} when none is set. */
  public @Nullable String getServiceVersion() {
    return fields.serviceVersion().getValue();
  }

  /** Sets the service version. */
  public void setServiceVersion(@Nullable String version) {
    fields.serviceVersion().setValue(version);
  }

  /** Returns the environment, or {@code null} when none is set. */
  public @Nullable String getEnvironment() {
    return fields.environment().getValue();
  }

  /** Sets the environment. */
  public void setEnvironment(@Nullable String environmentName) {
    fields.environment().setValue(environmentName);
  }

  /** Returns whether the caller's file name and line number are written. */
  public boolean isIncludeCallerData() {
    return includeCallerData;
  }

  /** Sets whether the caller's file name and line number are written. */
  public void setIncludeCallerData(boolean includeCallerData) {
    this.includeCallerData = includeCallerData;
  }

  /** Returns whether MDC entries are written as fields. */
  public boolean isIncludeMdc() {
    return includeMdc;
  }

  /** Sets whether MDC entries are written as fields. */
  public void setIncludeMdc(boolean includeMdc) {
    this.includeMdc = includeMdc;
  }

  /** Returns whether SLF4J 2 key-value pairs are written as fields. */
  public boolean isIncludeKeyValuePairs() {
    return includeKeyValuePairs;
  }

  /** Sets whether SLF4J 2 key-value pairs are written as fields. */
  public void setIncludeKeyValuePairs(boolean includeKeyValuePairs) {
    this.includeKeyValuePairs = includeKeyValuePairs;
  }

  /** Returns whether trace and span ids are written. */
  public boolean isTraceCorrelation() {
    return traceCorrelation;
  }

  /** Sets whether trace and span ids are written. */
  public void setTraceCorrelation(boolean traceCorrelation) {
    this.traceCorrelation = traceCorrelation;
  }

  /** Returns the converter that writes stack traces. */
  public ThrowableHandlingConverter getThrowableConverter() {
    return fields.stackTrace().getThrowableConverter();
  }

  /** Sets the converter that writes stack traces, such as {@code ShortenedThrowableConverter}. */
  public void setThrowableConverter(ThrowableHandlingConverter throwableConverter) {
    fields.stackTrace().setThrowableConverter(throwableConverter);
    throwableConverterSet = true;
  }

  /** Returns whether {@code stack_trace} is written as an array of lines. */
  public boolean isWriteStackTraceAsArray() {
    return fields.stackTrace().isWriteAsArray();
  }

  /** Sets whether {@code stack_trace} is written as an array of lines (default: one string). */
  public void setWriteStackTraceAsArray(boolean writeStackTraceAsArray) {
    fields.stackTrace().setWriteAsArray(writeStackTraceAsArray);
  }

  /** Returns the expression that splits the message into an array, or {@code null} for none. */
  public @Nullable String getMessageSplitRegex() {
    return messageSplitRegex;
  }

  /**
   * Sets the expression that splits the message into an array of strings, as in {@code
   * LogstashEncoder}; {@code null} or empty (the default) writes one string.
   *
   * @throws IllegalArgumentException naming the expression when it is not a regular expression
   */
  public void setMessageSplitRegex(@Nullable String messageSplitRegex) {
    fields.message().setSplitRegex(messageSplitRegex);
    this.messageSplitRegex = messageSplitRegex;
  }

  /** Returns whether the error type is the simple class name rather than the full one. */
  public boolean isUseSimpleErrorType() {
    return useSimpleErrorType;
  }

  /** Sets whether the error type is the simple class name (the default) or the full one. */
  public void setUseSimpleErrorType(boolean useSimpleErrorType) {
    this.useSimpleErrorType = useSimpleErrorType;
    fields.errorType().setUseSimpleClassName(useSimpleErrorType);
  }

  /** Returns whether fields with sensitive names are masked. */
  public boolean isMaskSensitiveFields() {
    return maskSensitiveFields;
  }

  /** Sets whether fields with sensitive names are masked. */
  public void setMaskSensitiveFields(boolean maskSensitiveFields) {
    this.maskSensitiveFields = maskSensitiveFields;
  }

  /** Returns whether secrets inside free-text values are masked. */
  public boolean isMaskSensitiveValues() {
    return maskSensitiveValues;
  }

  /** Sets whether secrets inside free-text values are masked (default on). */
  public void setMaskSensitiveValues(boolean maskSensitiveValues) {
    this.maskSensitiveValues = maskSensitiveValues;
  }

  /** Returns the words that make a field name sensitive. */
  public List<String> getSensitiveFieldWords() {
    return sensitiveFieldWords;
  }

  /**
   * Sets the words that make a field name, or a key inside a value, sensitive.
   *
   * @throws IllegalArgumentException naming a word that has no letter or digit
   */
  public void setSensitiveFieldWords(List<String> sensitiveFieldWords) {
    List<String> copy = List.copyOf(sensitiveFieldWords);
    this.words = new SensitiveWords(copy);
    this.sensitiveFieldWords = copy;
  }

  /** Returns the value written in place of a masked value. */
  public String getMask() {
    return mask;
  }

  /** Sets the value written in place of a masked value. */
  public void setMask(String mask) {
    this.mask = Objects.requireNonNull(mask, "mask");
  }

  /** Returns the longest string value written whole, in characters; 0 means no limit. */
  public int getMaxValueLength() {
    return maxValueLength;
  }

  /** Sets the longest string value written whole, in characters; 0 means no limit. */
  public void setMaxValueLength(int maxValueLength) {
    if (maxValueLength < 0) {
      throw new IllegalArgumentException(
          "maxValueLength must be 0 (no limit) or a positive number of characters, was "
              + maxValueLength);
    }
    this.maxValueLength = maxValueLength;
  }
}
