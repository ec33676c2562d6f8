package io.vigil.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import io.vigil.logback.internal.FallbackEventWriter;
import io.vigil.logback.internal.FreeTextJsonProvider;
import io.vigil.logback.internal.LoneSurrogateRepair;
import io.vigil.logback.internal.MaskingJsonProvider;
import io.vigil.logback.internal.SanitizedStackTraceJsonProvider;
import io.vigil.logback.internal.ScalarKeyValuePairsJsonProvider;
import io.vigil.logback.internal.SensitiveWords;
import io.vigil.logback.internal.StringMdcEntryWriter;
import io.vigil.logback.internal.ValuePolicy;
import io.vigil.logback.internal.ValueSanitizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.CallerDataJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventCompositeJsonFormatter;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.decorate.TokenStreamFactoryBuilderDecorator;
import net.logstash.logback.mask.MaskingJsonGenerator;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Assembles logstash-logback-encoder's providers, plus Vigil's few own, into Vigil's JSON log
 * format, in the way {@code LogstashFormatter} assembles the Logstash format.
 *
 * <p>It is also the way to Vigil's format without an appender, as a Spring Boot {@code
 * StructuredLogFormatter} needs: create it with a {@code ContextAware} origin (an encoder, or a
 * {@code ContextAwareBase}), {@link #setContext set its context}, configure it, {@link #start()}
 * it, and {@link #writeEvent(ILoggingEvent, OutputStream) write events}; or use a started {@link
 * VigilJsonEncoder}'s {@code encode(event)}, which adds the line separator and the fallback line.
 */
public class VigilJsonFormatter extends LoggingEventCompositeJsonFormatter {

  /** The default longest string value written whole, in characters. */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 65_536;

  /** The words that make a field name, or a key inside a value, sensitive by default. */
  public static final List<String> DEFAULT_SENSITIVE_WORDS =
      List.of("password", "passwd", "pwd", "secret", "token", "authorization", "apikey", "cookie");

  /** The timestamp pattern: ISO-8601 with a {@code Z}, since the zone is always UTC. */
  static final String TIMESTAMP_PATTERN = "[ISO_INSTANT]";

  private final LoggingEventFormattedTimestampJsonProvider timestamp =
      new LoggingEventFormattedTimestampJsonProvider();
  private final LogLevelJsonProvider level = new LogLevelJsonProvider();
  private final FixedValueJsonProvider service = new FixedValueJsonProvider();
  private final FixedValueJsonProvider serviceVersion = new FixedValueJsonProvider();
  private final FixedValueJsonProvider environment = new FixedValueJsonProvider();
  private final FreeTextJsonProvider message = FreeTextJsonProvider.message();
  private final LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
  private final LoggingEventThreadNameJsonProvider thread =
      new LoggingEventThreadNameJsonProvider();
  private final TraceContextJsonProvider traceContext = new TraceContextJsonProvider();
  private final ThrowableClassNameJsonProvider errorType = new ThrowableClassNameJsonProvider();
  private final FreeTextJsonProvider errorMessage = FreeTextJsonProvider.throwableMessage();
  private final SanitizedStackTraceJsonProvider stackTrace = new SanitizedStackTraceJsonProvider();
  private final MdcJsonProvider mdc = new MdcJsonProvider();
  private final KeyValuePairsJsonProvider keyValuePairs = new ScalarKeyValuePairsJsonProvider();
  private final ArgumentsJsonProvider arguments = new ArgumentsJsonProvider();
  private final LogstashMarkersJsonProvider markers = new LogstashMarkersJsonProvider();
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
  private final List<JsonProvider<ILoggingEvent>> extraProviders = new ArrayList<>();

  /**
   * Creates the formatter for the given encoder.
   *
   * @param declaredOrigin the encoder, named as the origin of status messages
   */
  public VigilJsonFormatter(ContextAware declaredOrigin) {
    super(declaredOrigin);
    timestamp.setPattern(TIMESTAMP_PATTERN);
    timestamp.setTimeZone("UTC");
    mdc.addMdcEntryWriter(new StringMdcEntryWriter());
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
    if (service.getValue() == null) {
      service.setValue(defaultServiceName());
    }
    repairSurrogates = "json".equals(getDataFormat());
    assembleProviders();
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

  private void assembleProviders() {
    ValuePolicy policy =
        new ValuePolicy(words, maskSensitiveFields, maskSensitiveValues, mask, maxValueLength);
    sanitizer = policy.sanitizer();
    message.setSanitizer(sanitizer);
    errorMessage.setSanitizer(sanitizer);

    JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
    add(providers, timestamp, fieldNames.getTimestamp());
    add(providers, level, fieldNames.getLevel());
    add(providers, service, fieldNames.getService());
    add(providers, serviceVersion, fieldNames.getServiceVersion());
    add(providers, environment, fieldNames.getEnvironment());
    add(providers, message, fieldNames.getMessage());
    add(providers, logger, fieldNames.getLogger());
    add(providers, thread, fieldNames.getThread());
    if (includeCallerData) {
      CallerDataJsonProvider caller = new CallerDataJsonProvider();
      caller.setClassFieldName(VigilFieldNames.IGNORE);
      caller.setMethodFieldName(VigilFieldNames.IGNORE);
      caller.setFileFieldName(fieldNames.getFilename());
      caller.setLineFieldName(fieldNames.getLineNumber());
      providers.addProvider(caller);
    }
    if (traceCorrelation) {
      traceContext.setSpanIdFieldName(fieldNames.getSpanId());
      add(providers, traceContext, fieldNames.getTraceId());
      // The trace provider writes the ids the MDC carries, so the MDC fields leave them out.
      for (String key : TraceContextJsonProvider.MDC_KEYS) {
        if (!mdc.getExcludeMdcKeyNames().contains(key)) {
          mdc.addExcludeMdcKeyName(key);
        }
      }
    }
    add(providers, errorType, fieldNames.getErrorType());
    add(providers, errorMessage, fieldNames.getErrorMessage());
    stackTrace.setFieldName(fieldNames.getStackTrace());
    if (stackTrace.isWriteAsArray() && !throwableConverterSet && maxValueLength > 0) {
      // Lines are split after the converter; only ShortenedThrowableConverter cuts before that.
      ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
      converter.setMaxDepthPerThrowable(ShortenedThrowableConverter.FULL_MAX_DEPTH_PER_THROWABLE);
      stackTrace.setThrowableConverter(converter);
    }
    policy.applyTo(stackTrace, this);
    providers.addProvider(stackTrace);
    // Fields named by the application go through the masking generator; Vigil's own do not.
    MaskingJsonProvider applicationFields = policy.applicationFields(extraProviders.isEmpty());
    if (includeMdc) {
      applicationFields.addProvider(mdc);
    }
    if (includeKeyValuePairs) {
      applicationFields.addProvider(keyValuePairs);
    }
    applicationFields.addProvider(arguments);
    applicationFields.addProvider(markers);
    extraProviders.forEach(applicationFields::addProvider);
    providers.addProvider(applicationFields);
    setProviders(providers);
  }

  private static void add(
      JsonProviders<ILoggingEvent> providers,
      AbstractFieldJsonProvider<ILoggingEvent> provider,
      String fieldName) {
    provider.setFieldName(fieldName);
    providers.addProvider(provider);
  }

  private static @Nullable String defaultServiceName() {
    String fromProperty = System.getProperty("otel.service.name");
    return fromProperty != null ? fromProperty : System.getenv("OTEL_SERVICE_NAME");
  }

  /** Adds a further provider, written after Vigil's own fields. */
  public void addProvider(JsonProvider<ILoggingEvent> provider) {
    extraProviders.add(provider);
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
    return service.getValue();
  }

  /** Sets the service name. */
  public void setServiceName(@Nullable String serviceName) {
    service.setValue(serviceName);
  }

  /** Returns the service version, or {@code null} when none is set. */
  public @Nullable String getServiceVersion() {
    return serviceVersion.getValue();
  }

  /** Sets the service version. */
  public void setServiceVersion(@Nullable String version) {
    serviceVersion.setValue(version);
  }

  /** Returns the environment, or {@code null} when none is set. */
  public @Nullable String getEnvironment() {
    return environment.getValue();
  }

  /** Sets the environment. */
  public void setEnvironment(@Nullable String environmentName) {
    environment.setValue(environmentName);
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
    return stackTrace.getThrowableConverter();
  }

  /** Sets the converter that writes stack traces, such as {@code ShortenedThrowableConverter}. */
  public void setThrowableConverter(ThrowableHandlingConverter throwableConverter) {
    stackTrace.setThrowableConverter(throwableConverter);
    throwableConverterSet = true;
  }

  /** Returns whether {@code stack_trace} is written as an array of lines. */
  public boolean isWriteStackTraceAsArray() {
    return stackTrace.isWriteAsArray();
  }

  /** Sets whether {@code stack_trace} is written as an array of lines (default: one string). */
  public void setWriteStackTraceAsArray(boolean writeStackTraceAsArray) {
    stackTrace.setWriteAsArray(writeStackTraceAsArray);
  }

  /** Returns the expression that splits the message into an array, or {@code null} for none. */
  public @Nullable String getMessageSplitRegex() {
    return messageSplitRegex;
  }

  /**
   * Sets the expression that splits the message into an array of strings, as in {@code
   * LogstashEncoder}: {@code SYSTEM}, {@code UNIX}, {@code WINDOWS} or a regular expression; {@code
   * null} or empty (the default) writes one string. The message is cut and masked before it is
   * split.
   *
   * @throws IllegalArgumentException naming the expression when it is not a regular expression
   */
  public void setMessageSplitRegex(@Nullable String messageSplitRegex) {
    try {
      message.setSplitRegex(messageSplitRegex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "messageSplitRegex '"
              + messageSplitRegex
              + "' is not a regular expression (expected SYSTEM, UNIX, WINDOWS or a"
              + " java.util.regex pattern): "
              + e.getDescription(),
          e);
    }
    this.messageSplitRegex = messageSplitRegex;
  }

  /** Returns whether the error type is the simple class name rather than the full one. */
  public boolean isUseSimpleErrorType() {
    return useSimpleErrorType;
  }

  /** Sets whether the error type is the simple class name (the default) or the full one. */
  public void setUseSimpleErrorType(boolean useSimpleErrorType) {
    this.useSimpleErrorType = useSimpleErrorType;
    errorType.setUseSimpleClassName(useSimpleErrorType);
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

  /**
   * Sets whether secrets inside free-text values are masked (default on): the value after a
   * sensitive key and {@code =} or {@code :} ({@code password=...}, {@code Authorization: Bearer
   * ...}), a long token after {@code Bearer}, and a URL's password, in the message, the error
   * message, the stack trace and every MDC, key-value and argument string.
   */
  public void setMaskSensitiveValues(boolean maskSensitiveValues) {
    this.maskSensitiveValues = maskSensitiveValues;
  }

  /** Returns the words that make a field name sensitive. */
  public List<String> getSensitiveFieldWords() {
    return sensitiveFieldWords;
  }

  /**
   * Sets the words that make a field name, or a key inside a value, sensitive, replacing the
   * defaults.
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
