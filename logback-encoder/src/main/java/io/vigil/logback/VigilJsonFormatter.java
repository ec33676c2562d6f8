package io.vigil.logback;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import java.util.ArrayList;
import java.util.List;
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
import net.logstash.logback.mask.MaskingJsonGenerator;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.jspecify.annotations.Nullable;

/**
 * Assembles logstash-logback-encoder's providers, plus Vigil's few own, into Vigil's JSON log
 * format, in the way {@code LogstashFormatter} assembles the Logstash format.
 */
public class VigilJsonFormatter extends LoggingEventCompositeJsonFormatter {

  /** The default longest string value written whole, in characters. */
  public static final int DEFAULT_MAX_VALUE_LENGTH = 65_536;

  /** The timestamp pattern: ISO-8601 with a {@code Z}, since the zone is always UTC. */
  static final String TIMESTAMP_PATTERN = "[ISO_INSTANT]";

  private final LoggingEventFormattedTimestampJsonProvider timestamp =
      new LoggingEventFormattedTimestampJsonProvider();
  private final LogLevelJsonProvider level = new LogLevelJsonProvider();
  private final FixedValueJsonProvider service = new FixedValueJsonProvider();
  private final FixedValueJsonProvider serviceVersion = new FixedValueJsonProvider();
  private final FixedValueJsonProvider environment = new FixedValueJsonProvider();
  private final TruncatingMessageJsonProvider message = new TruncatingMessageJsonProvider();
  private final LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
  private final LoggingEventThreadNameJsonProvider thread =
      new LoggingEventThreadNameJsonProvider();
  private final TraceContextJsonProvider traceContext = new TraceContextJsonProvider();
  private final ThrowableClassNameJsonProvider errorType = new ThrowableClassNameJsonProvider();
  private final TruncatingThrowableMessageJsonProvider errorMessage =
      new TruncatingThrowableMessageJsonProvider();
  private final TruncatingStackTraceJsonProvider stackTrace =
      new TruncatingStackTraceJsonProvider();
  private final MdcJsonProvider mdc = new MdcJsonProvider();
  private final KeyValuePairsJsonProvider keyValuePairs = new ScalarKeyValuePairsJsonProvider();
  private final ArgumentsJsonProvider arguments = new ArgumentsJsonProvider();
  private final LogstashMarkersJsonProvider markers = new LogstashMarkersJsonProvider();

  private VigilFieldNames fieldNames = new VigilFieldNames();
  private boolean includeCallerData;
  private boolean useSimpleErrorType = true;
  private boolean includeMdc = true;
  private boolean includeKeyValuePairs = true;
  private boolean traceCorrelation = true;
  private boolean maskSensitiveFields = true;
  private List<String> sensitiveFieldWords = SensitiveFieldMasker.DEFAULT_WORDS;
  private String mask = MaskingJsonGenerator.MASK;
  private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
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
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    if (service.getValue() == null) {
      service.setValue(defaultServiceName());
    }
    assembleProviders();
    super.start();
  }

  private void assembleProviders() {
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
    add(providers, stackTrace, fieldNames.getStackTrace());
    message.setMaxLength(maxValueLength);
    errorMessage.setMaxLength(maxValueLength);
    stackTrace.setMaxLength(maxValueLength);
    // Fields named by the application go through the masking generator; Vigil's own do not.
    SensitiveFieldMasker masker =
        maskSensitiveFields && !sensitiveFieldWords.isEmpty()
            ? new SensitiveFieldMasker(sensitiveFieldWords, mask)
            : null;
    MaskingJsonProvider applicationFields =
        extraProviders.isEmpty()
            ? new MaskingJsonProvider(
                maskingDecorator(masker), new PlainApplicationFields(masker, maxValueLength))
            : new MaskingJsonProvider(maskingDecorator(masker));
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

  private MaskingJsonGeneratorDecorator maskingDecorator(@Nullable SensitiveFieldMasker masker) {
    MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
    if (masker != null) {
      decorator.addFieldMasker(masker);
    }
    if (maxValueLength > 0) {
      decorator.addValueMasker(new LengthLimitingValueMasker(maxValueLength));
    }
    decorator.start();
    return decorator;
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

  /** Returns the words that make a field name sensitive. */
  public List<String> getSensitiveFieldWords() {
    return sensitiveFieldWords;
  }

  /** Sets the words that make a field name sensitive, replacing the defaults. */
  public void setSensitiveFieldWords(List<String> sensitiveFieldWords) {
    this.sensitiveFieldWords = List.copyOf(sensitiveFieldWords);
  }

  /** Returns the value written in place of a masked value. */
  public String getMask() {
    return mask;
  }

  /** Sets the value written in place of a masked value. */
  public void setMask(String mask) {
    this.mask = mask;
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
