package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.spi.ContextAware;
import io.vigil.logback.FixedValueJsonProvider;
import io.vigil.logback.TraceContextJsonProvider;
import io.vigil.logback.VigilFieldNames;
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
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.ThrowableClassNameJsonProvider;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * The providers of Vigil's JSON log format, logstash-logback-encoder's and Vigil's few own, and
 * their assembly, in the format's field order, into the formatter's {@link JsonProviders}: Vigil's
 * own fields written directly, the fields named by the application (MDC, key-value pairs,
 * arguments, markers, added providers) through the masking generator.
 */
public final class VigilFieldSet {

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
  private final List<JsonProvider<ILoggingEvent>> extraProviders = new ArrayList<>();

  /** What the format includes beyond its fixed fields. */
  public record Includes(
      boolean callerData, boolean traceCorrelation, boolean mdc, boolean keyValuePairs) {}

  /** Creates the providers, unassembled. */
  public VigilFieldSet() {
    timestamp.setPattern(TIMESTAMP_PATTERN);
    timestamp.setTimeZone("UTC");
    mdc.addMdcEntryWriter(new StringMdcEntryWriter());
  }

  /** The provider of {@code service}. */
  public FixedValueJsonProvider service() {
    return service;
  }

  /** The provider of {@code service_version}. */
  public FixedValueJsonProvider serviceVersion() {
    return serviceVersion;
  }

  /** The provider of {@code environment}. */
  public FixedValueJsonProvider environment() {
    return environment;
  }

  /** The provider of {@code message}. */
  public FreeTextJsonProvider message() {
    return message;
  }

  /** The provider of {@code error_type}. */
  public ThrowableClassNameJsonProvider errorType() {
    return errorType;
  }

  /** The provider of {@code stack_trace}. */
  public SanitizedStackTraceJsonProvider stackTrace() {
    return stackTrace;
  }

  /** Adds a further provider, written after Vigil's own fields. */
  public void addProvider(JsonProvider<ILoggingEvent> provider) {
    extraProviders.add(provider);
  }

  /**
   * Assembles the providers, with their field names, what goes through values, and the optional
   * fields.
   *
   * @param names the field names
   * @param includes the optional fields
   * @param policy what values go through
   * @param throwableConverterSet whether the application chose the stack trace's converter
   * @param status where to warn about settings that cannot all hold
   */
  public JsonProviders<ILoggingEvent> assemble(
      VigilFieldNames names,
      Includes includes,
      ValuePolicy policy,
      boolean throwableConverterSet,
      ContextAware status) {
    ValueSanitizer sanitizer = policy.sanitizer();
    message.setSanitizer(sanitizer);
    errorMessage.setSanitizer(sanitizer);

    JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
    add(providers, timestamp, names.getTimestamp());
    add(providers, level, names.getLevel());
    add(providers, service, names.getService());
    add(providers, serviceVersion, names.getServiceVersion());
    add(providers, environment, names.getEnvironment());
    add(providers, message, names.getMessage());
    add(providers, logger, names.getLogger());
    add(providers, thread, names.getThread());
    if (includes.callerData()) {
      CallerDataJsonProvider caller = new CallerDataJsonProvider();
      caller.setClassFieldName(VigilFieldNames.IGNORE);
      caller.setMethodFieldName(VigilFieldNames.IGNORE);
      caller.setFileFieldName(names.getFilename());
      caller.setLineFieldName(names.getLineNumber());
      providers.addProvider(caller);
    }
    if (includes.traceCorrelation()) {
      traceContext.setSpanIdFieldName(names.getSpanId());
      add(providers, traceContext, names.getTraceId());
      // The trace provider writes the ids the MDC carries, so the MDC fields leave them out.
      for (String key : TraceContextJsonProvider.MDC_KEYS) {
        if (!mdc.getExcludeMdcKeyNames().contains(key)) {
          mdc.addExcludeMdcKeyName(key);
        }
      }
    }
    add(providers, errorType, names.getErrorType());
    add(providers, errorMessage, names.getErrorMessage());
    stackTrace.setFieldName(names.getStackTrace());
    if (stackTrace.isWriteAsArray() && !throwableConverterSet && policy.hasLimit()) {
      // Lines are split after the converter; only ShortenedThrowableConverter cuts before that.
      ShortenedThrowableConverter converter = new ShortenedThrowableConverter();
      converter.setMaxDepthPerThrowable(ShortenedThrowableConverter.FULL_MAX_DEPTH_PER_THROWABLE);
      stackTrace.setThrowableConverter(converter);
    }
    policy.applyTo(stackTrace, status);
    providers.addProvider(stackTrace);
    // Fields named by the application go through the masking generator; Vigil's own do not.
    MaskingJsonProvider applicationFields = policy.applicationFields(extraProviders.isEmpty());
    if (includes.mdc()) {
      applicationFields.addProvider(mdc);
    }
    if (includes.keyValuePairs()) {
      applicationFields.addProvider(keyValuePairs);
    }
    applicationFields.addProvider(arguments);
    applicationFields.addProvider(markers);
    extraProviders.forEach(applicationFields::addProvider);
    providers.addProvider(applicationFields);
    return providers;
  }

  private static void add(
      JsonProviders<ILoggingEvent> providers,
      AbstractFieldJsonProvider<ILoggingEvent> provider,
      String fieldName) {
    provider.setFieldName(fieldName);
    providers.addProvider(provider);
  }
}
