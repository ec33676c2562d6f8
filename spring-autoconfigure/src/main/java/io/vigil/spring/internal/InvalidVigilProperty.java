package io.vigil.spring.internal;

import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.config.validate.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns the library's {@link ValidationException} into Spring Boot's {@link
 * InvalidConfigurationPropertyValueException}, whose failure analysis names the property as the
 * user wrote it ({@code vigil.anomaly.max-series}), its value and what was expected.
 */
public final class InvalidVigilProperty {

  private InvalidVigilProperty() {}

  /** The Boot exception for the first failure, with the others in its reason. */
  public static InvalidConfigurationPropertyValueException of(ValidationException e) {
    List<Validated.Invalid<?>> failures = e.getValidation().failures();
    if (failures.isEmpty()) {
      return new InvalidConfigurationPropertyValueException("vigil", null, e.getMessage());
    }
    Validated.Invalid<?> first = failures.get(0);
    StringBuilder reason = new StringBuilder(first.getMessage());
    for (Validated.Invalid<?> other : failures.subList(1, failures.size())) {
      reason
          .append("; also ")
          .append(kebab(other.getProperty()))
          .append(" was '")
          .append(other.getValue())
          .append("': ")
          .append(other.getMessage());
    }
    return new InvalidConfigurationPropertyValueException(
        kebab(first.getProperty()), first.getValue(), reason.toString());
  }

  /**
   * Hands a bound value to a library setter, and turns the setter's {@link
   * IllegalArgumentException} into Boot's exception naming {@code property}.
   */
  public static <T> void apply(String property, T value, Consumer<T> setter) {
    try {
      setter.accept(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidConfigurationPropertyValueException(property, value, e.getMessage());
    }
  }

  /**
   * For a library builder's {@link IllegalArgumentException} whose message starts with the
   * setting's name ({@code "maxEdges must be >= 1 but was 0"}): Boot's exception naming the
   * property, {@code prefix} plus the kebab-case setting unless {@code properties} maps it.
   *
   * @param values the bound value of each setting, by setting name
   */
  public static InvalidConfigurationPropertyValueException named(
      String prefix,
      IllegalArgumentException e,
      Map<String, String> properties,
      Map<String, Object> values) {
    String message = e.getMessage() == null ? "invalid" : e.getMessage();
    String setting = message.split(" ", 2)[0];
    String property = properties.getOrDefault(setting, prefix + "." + kebab(setting));
    return new InvalidConfigurationPropertyValueException(property, values.get(setting), message);
  }

  /** {@code vigil.anomaly.maxSeries} as Boot's canonical {@code vigil.anomaly.max-series}. */
  public static String kebab(String property) {
    StringBuilder out = new StringBuilder(property.length() + 4);
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
