package io.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module rule of DESIGN.md: core is plain Java plus commons-math3. */
class ModuleRulesTest {

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.vigil");

  @Test
  void coreDependsOnNoIntegrationLibrary() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micrometer..",
            "io.opentelemetry..",
            "ch.qos.logback..",
            "org.slf4j..",
            "net.logstash..",
            "org.springframework..")
        .because("core is plain Java plus commons-math3 (DESIGN.md)")
        .check(core);
  }

  @Test
  void coreImportsSomething() {
    // Guards the rule above against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(core.size()).isGreaterThan(5);
  }
}
