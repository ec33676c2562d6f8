package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's public API, as listed in {@code package-info.java} and {@code docs/micrometer.md}: a
 * new public type outside {@code io.vigil.micrometer.internal} fails this test until it is listed,
 * and no public signature may expose an internal type.
 */
class PublicApiTest {

  /** Every type a user may import from this module. */
  private static final Set<String> PUBLIC_TYPES =
      Set.of(
          "AnomalyEvent",
          "AnomalyListener",
          "ApmObservationHandler",
          "ApmTracker",
          "ApmTracker$Builder",
          "MetricsCollector",
          "RecordedMetric",
          "Signal",
          "VigilAnomalyConfig",
          "VigilAnomalyMeterRegistry",
          "VigilAnomalyMeterRegistry$Builder",
          "VigilAnomalySettings",
          "VigilAnomalySettings$Builder",
          "VigilMeterFilters");

  private static final String PACKAGE = "io.vigil.micrometer";

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(PACKAGE);

  @Test
  void thePublicTypesAreExactlyTheListedOnes() {
    Set<String> exported =
        classes.stream()
            .filter(c -> !c.getPackageName().startsWith(PACKAGE + ".internal"))
            .filter(PublicApiTest::isExported)
            .map(c -> c.getName().substring(PACKAGE.length() + 1))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(exported).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
  }

  @Test
  void everyPackageOtherThanTheApiIsInternal() {
    assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
        .containsExactlyInAnyOrder(PACKAGE, PACKAGE + ".internal");
  }

  @Test
  void noPublicSignatureExposesAnInternalType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : classes) {
      if (!type.getPackageName().equals(PACKAGE) || !isExported(type)) {
        continue;
      }
      for (JavaCodeUnit member : type.getCodeUnits()) {
        if (!visible(member.getModifiers())) {
          continue;
        }
        List<JavaClass> used = new ArrayList<>(member.getRawParameterTypes());
        used.add(member.getRawReturnType());
        used.stream()
            .filter(PublicApiTest::isInternal)
            .forEach(t -> leaks.add(member.getFullName()));
      }
      for (JavaField field : type.getFields()) {
        if (visible(field.getModifiers()) && isInternal(field.getRawType())) {
          leaks.add(field.getFullName());
        }
      }
      if (type.getRawSuperclass().filter(PublicApiTest::isInternal).isPresent()
          || type.getRawInterfaces().stream().anyMatch(PublicApiTest::isInternal)) {
        leaks.add(type.getName());
      }
    }

    assertThat(leaks).isEmpty();
  }

  private static boolean isExported(JavaClass type) {
    if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isAnonymousClass()) {
      return false;
    }
    return type.getEnclosingClass().map(PublicApiTest::isExported).orElse(true);
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static boolean isInternal(JavaClass type) {
    return type.getPackageName().startsWith(PACKAGE + ".internal");
  }
}
