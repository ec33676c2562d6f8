package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import java.util.Objects;
import java.util.function.Predicate;
import net.logstash.logback.composite.AbstractJsonProvider;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.ObjectMapperAware;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the fields of its providers at the top level through a JSON generator decorator, such as
 * logstash-logback-encoder's {@code MaskingJsonGeneratorDecorator}.
 *
 * <p>Vigil masks only the fields whose names come from the application (MDC entries, key-value
 * pairs, arguments, markers): its own fields have fixed names that are never secrets, so routing
 * them through the masking generator would only cost time.
 *
 * <p>The decorated generator is kept per thread and reused while the formatter hands the same
 * generator (it reuses one per thread until a write fails, and then makes a new one), so that
 * decorating costs no allocation per event.
 */
public final class MaskingJsonProvider extends AbstractJsonProvider<ILoggingEvent>
    implements ObjectMapperAware {

  private final JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
  private final JsonGeneratorDecorator decorator;
  private final Predicate<ILoggingEvent> plain;
  private final ThreadLocal<Decorated> decorated = new ThreadLocal<>();

  /** A generator and its decorated form. */
  private record Decorated(JsonGenerator source, JsonGenerator decorated) {}

  /**
   * Creates a provider that writes every event through the given decorator.
   *
   * @param decorator decorates the generator, started already
   */
  public MaskingJsonProvider(JsonGeneratorDecorator decorator) {
    this(decorator, event -> false);
  }

  /**
   * Creates a provider that writes through the given decorator the events that need it.
   *
   * @param decorator decorates the generator, started already
   * @param plain tells the events that the decorator would not change, written directly
   */
  public MaskingJsonProvider(JsonGeneratorDecorator decorator, Predicate<ILoggingEvent> plain) {
    this.decorator = Objects.requireNonNull(decorator, "decorator");
    this.plain = Objects.requireNonNull(plain, "plain");
  }

  /** Adds a provider whose fields are written through the decorator. */
  public void addProvider(JsonProvider<ILoggingEvent> provider) {
    providers.addProvider(provider);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    providers.writeTo(plain.test(event) ? generator : decorated(generator), event);
  }

  private JsonGenerator decorated(JsonGenerator generator) {
    Decorated last = decorated.get();
    if (last == null || last.source != generator) {
      last = new Decorated(generator, decorator.decorate(generator));
      decorated.set(last);
    }
    return last.decorated;
  }

  @Override
  public void setContext(Context context) {
    super.setContext(context);
    providers.setContext(context);
  }

  @Override
  public void setObjectMapper(ObjectMapper objectMapper) {
    providers.setObjectMapper(objectMapper);
  }

  @Override
  public void start() {
    providers.start();
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    providers.stop();
    decorated.remove();
  }

  @Override
  public void prepareForDeferredProcessing(ILoggingEvent event) {
    super.prepareForDeferredProcessing(event);
    for (JsonProvider<ILoggingEvent> provider : providers.getProviders()) {
      provider.prepareForDeferredProcessing(event);
    }
  }
}
